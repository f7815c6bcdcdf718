/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exponential backoff with jitter, with a known random source. */

#include "config.h"

#include "sd-backoff.h"

static double
fixed_random (gpointer user_data)
{
  return *(double *) user_data;
}

static void
test_doubling (void)
{
  g_autoptr(SdBackoff) backoff = sd_backoff_new (100, 1000);
  double r = 1.0;

  sd_backoff_set_random (backoff, fixed_random, &r);
  /* The top of each window: 100, 200, 400, 800, then capped at 1000. */
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 1, -1), ==, 100);
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 2, -1), ==, 200);
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 3, -1), ==, 400);
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 4, -1), ==, 800);
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 5, -1), ==, 1000);
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 60, -1), ==, 1000);
}

static void
test_jitter (void)
{
  g_autoptr(SdBackoff) backoff = sd_backoff_new (100, 1000);
  double r = 0.0;

  sd_backoff_set_random (backoff, fixed_random, &r);
  /* The bottom of each window is half of it: never a retry storm at 0 ms. */
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 1, -1), ==, 50);
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 4, -1), ==, 400);
  r = 0.5;
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 4, -1), ==, 600);

  /* The default source stays inside the window. */
  sd_backoff_set_random (backoff, NULL, NULL);
  for (guint i = 0; i < 1000; i++)
    {
      guint d = sd_backoff_delay_ms (backoff, 3, -1);
      g_assert_cmpuint (d, >=, 200);
      g_assert_cmpuint (d, <=, 400);
    }
}

static void
test_retry_after (void)
{
  g_autoptr(SdBackoff) backoff = sd_backoff_new (100, 1000);
  double r = 0.0;

  sd_backoff_set_random (backoff, fixed_random, &r);
  /* Retry-After is a floor, even past the cap… */
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 1, 5), ==, 5000);
  /* …but never shortens the backoff… */
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 5, 0), ==, 500);
  /* …and a absurd one is bounded to an hour. */
  g_assert_cmpuint (sd_backoff_delay_ms (backoff, 1, 10 * 86400), ==, 3600 * 1000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/backoff/doubling", test_doubling);
  g_test_add_func ("/sync/backoff/jitter", test_jitter);
  g_test_add_func ("/sync/backoff/retry-after", test_retry_after);
  return g_test_run ();
}

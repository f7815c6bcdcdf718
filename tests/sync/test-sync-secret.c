/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The token in the keyring: run under dbus-run-session with a gnome-keyring-daemon (see
 * run-with-keyring.sh); skipped when there is no session bus. */

#include "config.h"

#include "sd-secret.h"

#define URL_A "http://127.0.0.1:8765"
#define URL_B "https://market.example.com"

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;
  g_autofree char *gone = NULL;

  g_assert_true (sd_secret_delete_token (URL_A, NULL, &error));
  g_assert_no_error (error);
  token = sd_secret_lookup_token (URL_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (token);

  g_assert_true (sd_secret_store_token (URL_A, "sk_test_first", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sd_secret_store_token (URL_B, "sk_live_other", NULL, &error));
  g_assert_no_error (error);
  token = sd_secret_lookup_token (URL_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "sk_test_first");

  /* Replacing keeps one token per marketplace. */
  g_assert_true (sd_secret_store_token (URL_A, "sk_test_second", NULL, &error));
  g_clear_pointer (&token, g_free);
  token = sd_secret_lookup_token (URL_A, NULL, &error);
  g_assert_cmpstr (token, ==, "sk_test_second");
  other = sd_secret_lookup_token (URL_B, NULL, &error);
  g_assert_cmpstr (other, ==, "sk_live_other");

  g_assert_true (sd_secret_delete_token (URL_A, NULL, &error));
  g_assert_no_error (error);
  gone = sd_secret_lookup_token (URL_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);
  /* Deleting what is not there is not an error. */
  g_assert_true (sd_secret_delete_token (URL_A, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sd_secret_delete_token (URL_B, NULL, &error));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL || g_getenv ("SD_KEYRING_READY") == NULL)
    {
      g_print ("1..0 # SKIP no session bus\n");
      return 0;
    }
  g_test_add_func ("/sync/secret/round-trip", test_round_trip);
  return g_test_run ();
}

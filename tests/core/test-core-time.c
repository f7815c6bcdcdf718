/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Instants and the salon's wall clock, across both DST changes of 2026 in Amsterdam. */

#include "config.h"

#include "sd-time.h"

#define HOUR 3600
#define DAY (24 * HOUR)

/* 2026-03-29 01:00 UTC: 02:00 CET becomes 03:00 CEST. */
#define SPRING G_GINT64_CONSTANT (1774746000)
/* 2026-10-25 01:00 UTC: 03:00 CEST becomes 02:00 CET. */
#define AUTUMN G_GINT64_CONSTANT (1792890000)

static GTimeZone *
amsterdam (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/Amsterdam");

  g_assert_nonnull (tz);
  return tz;
}

static gint64
parse (const char *text)
{
  gint64 t = G_MININT64;

  g_assert_true (sd_time_parse_rfc3339 (text, &t));
  return t;
}

static void
test_parse (void)
{
  g_assert_cmpint (parse ("2026-03-29T01:00:00Z"), ==, SPRING);
  g_assert_cmpint (parse ("2026-03-29T03:00:00+02:00"), ==, SPRING);
  g_assert_cmpint (parse ("2026-03-29T00:00:00-01:00"), ==, SPRING);
  g_assert_cmpint (parse ("2026-03-29t01:00:00z"), ==, SPRING);
  g_assert_cmpint (parse ("2026-03-29 01:00:00Z"), ==, SPRING);
  g_assert_cmpint (parse ("2026-03-29T01:00:00.999Z"), ==, SPRING);
  g_assert_cmpint (parse ("1970-01-01T00:00:00Z"), ==, 0);
  g_assert_cmpint (parse ("1969-12-31T23:59:59Z"), ==, -1);
  g_assert_cmpint (parse ("2024-02-29T12:00:00+00:00"), ==, 1709208000);
  g_assert_cmpint (parse ("2026-11-23T14:30:00+01:00"), ==, 1795440600);
}

static void
test_parse_garbage (void)
{
  static const char *const garbage[] = {
    "", "garbage", "2026-03-29", "2026-03-29T01:00:00", "2026-03-29T01:00Z",
    "2026-03-29T01:00:00+0200", "2026-03-29T01:00:00+02", "2026-3-29T01:00:00Z",
    "2026-02-29T01:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
    "2026-04-31T00:00:00Z", "2026-03-29T24:00:00Z", "2026-03-29T01:60:00Z",
    "2026-03-29T01:00:60Z", "2026-03-29T01:00:00+24:00", "2026-03-29T01:00:00.Z",
    "2026-03-29T01:00:00Z trailing", " 2026-03-29T01:00:00Z", "2026-W13-7T01:00:00Z",
    "2026-088T01:00:00Z", "+2026-03-29T01:00:00Z", "2026-03-29T01:00:00+02:00:00",
  };
  gint64 t = 42;

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_test_message ("%s", garbage[i]);
      g_assert_false (sd_time_parse_rfc3339 (garbage[i], &t));
      g_assert_cmpint (t, ==, 42);
    }
  g_assert_false (sd_time_parse_rfc3339 (NULL, &t));
}

static void
assert_format (gint64 instant, GTimeZone *tz, const char *want)
{
  g_autofree char *got = sd_time_format_rfc3339 (instant, tz);

  g_assert_cmpstr (got, ==, want);
}

static void
test_format (void)
{
  g_autoptr(GTimeZone) tz = amsterdam ();

  assert_format (1795440600, tz, "2026-11-23T14:30:00+01:00");
  assert_format (SPRING - 1, tz, "2026-03-29T01:59:59+01:00");
  assert_format (SPRING, tz, "2026-03-29T03:00:00+02:00");
  assert_format (AUTUMN - 1, tz, "2026-10-25T02:59:59+02:00");
  assert_format (AUTUMN, tz, "2026-10-25T02:00:00+01:00");
  assert_format (SPRING, NULL, "2026-03-29T01:00:00+00:00");
}

/* Every quarter hour (and the seconds around each change) of both DST days survives a
 * round trip through the text in the salon's zone. */
static void
test_round_trip (void)
{
  g_autoptr(GTimeZone) tz = amsterdam ();
  const gint64 days[] = { SPRING, AUTUMN };

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    for (gint64 t = days[d] - DAY; t <= days[d] + DAY; t += 15 * 60)
      for (gint64 delta = -1; delta <= 1; delta++)
        {
          g_autofree char *text = sd_time_format_rfc3339 (t + delta, tz);

          g_assert_cmpint (parse (text), ==, t + delta);
        }
}

static void
test_from_local (void)
{
  g_autoptr(GTimeZone) tz = amsterdam ();

  g_assert_cmpint (sd_time_from_local (tz, 2026, 11, 23, 14, 30), ==, 1795440600);
  /* The day before and after a change use their own offsets. */
  g_assert_cmpint (sd_time_from_local (tz, 2026, 3, 29, 1, 59), ==, SPRING - 60);
  g_assert_cmpint (sd_time_from_local (tz, 2026, 3, 29, 3, 0), ==, SPRING);
  /* 02:00–02:59 do not exist on 2026-03-29: the first valid instant after, 03:00 CEST. */
  g_assert_cmpint (sd_time_from_local (tz, 2026, 3, 29, 2, 0), ==, SPRING);
  g_assert_cmpint (sd_time_from_local (tz, 2026, 3, 29, 2, 30), ==, SPRING);
  g_assert_cmpint (sd_time_from_local_full (tz, 2026, 3, 29, 2, 59, 59), ==, SPRING);
  /* 02:00–02:59 happen twice on 2026-10-25: the first time, in CEST. */
  g_assert_cmpint (sd_time_from_local (tz, 2026, 10, 25, 2, 30), ==, AUTUMN - 30 * 60);
  g_assert_cmpint (sd_time_from_local (tz, 2026, 10, 25, 3, 0), ==, AUTUMN + HOUR);
  g_assert_cmpint (sd_time_from_local (tz, 2026, 10, 25, 1, 59), ==, AUTUMN - HOUR - 60);
  g_assert_cmpint (sd_time_from_local (NULL, 1970, 1, 1, 0, 0), ==, 0);
}

static void
test_midnight_and_days (void)
{
  g_autoptr(GTimeZone) tz = amsterdam ();
  gint64 march29 = sd_time_from_local (tz, 2026, 3, 29, 0, 0);
  gint64 march30 = sd_time_from_local (tz, 2026, 3, 30, 0, 0);
  gint64 oct25 = sd_time_from_local (tz, 2026, 10, 25, 0, 0);
  gint64 oct26 = sd_time_from_local (tz, 2026, 10, 26, 0, 0);

  g_assert_cmpint (march29, ==, 1774738800);
  g_assert_cmpint (march30, ==, 1774821600);
  /* The short day and the long day. */
  g_assert_cmpint (march30 - march29, ==, 23 * HOUR);
  g_assert_cmpint (oct26 - oct25, ==, 25 * HOUR);

  g_assert_cmpint (sd_time_local_midnight (SPRING + 5 * HOUR, tz), ==, march29);
  g_assert_cmpint (sd_time_local_midnight (march30 - 1, tz), ==, march29);
  g_assert_cmpint (sd_time_local_midnight (march30, tz), ==, march30);
  g_assert_cmpint (sd_time_local_midnight (AUTUMN, tz), ==, oct25);
  g_assert_cmpint (sd_time_local_midnight (oct26 - 1, tz), ==, oct25);
  /* Without a zone, UTC: 23:00 in Amsterdam on the 28th is 22:00 UTC the same day. */
  g_assert_cmpint (sd_time_local_midnight (march29 - HOUR, NULL), ==, march29 - 23 * HOUR);

  /* Same wall time a day later: 23 or 25 elapsed hours. */
  g_assert_cmpint (sd_time_add_days (march29 - DAY + 10 * HOUR, tz, 1), ==,
                   march29 + 10 * HOUR - HOUR);
  g_assert_cmpint (sd_time_add_days (sd_time_from_local (tz, 2026, 3, 28, 10, 0), tz, 1)
                   - sd_time_from_local (tz, 2026, 3, 28, 10, 0), ==, 23 * HOUR);
  g_assert_cmpint (sd_time_add_days (sd_time_from_local (tz, 2026, 10, 24, 10, 0), tz, 1)
                   - sd_time_from_local (tz, 2026, 10, 24, 10, 0), ==, 25 * HOUR);
  g_assert_cmpint (sd_time_add_days (sd_time_from_local (tz, 2026, 10, 26, 10, 0), tz, -2),
                   ==, sd_time_from_local (tz, 2026, 10, 24, 10, 0));
  /* 02:30 on the day before the spring change lands in the gap: 03:00. */
  g_assert_cmpint (sd_time_add_days (sd_time_from_local (tz, 2026, 3, 28, 2, 30), tz, 1), ==,
                   SPRING);
  /* Across a month and a year. */
  g_assert_cmpint (sd_time_add_days (sd_time_from_local (tz, 2026, 12, 31, 9, 15), tz, 1), ==,
                   sd_time_from_local (tz, 2027, 1, 1, 9, 15));
  g_assert_cmpint (sd_time_add_days (12345, tz, 0), ==, 12345);
}

static void
test_week_start (void)
{
  g_autoptr(GTimeZone) tz = amsterdam ();
  gint64 monday_march = sd_time_from_local (tz, 2026, 3, 23, 0, 0);
  gint64 monday_oct = sd_time_from_local (tz, 2026, 10, 19, 0, 0);

  g_assert_cmpint (sd_time_week_start (SPRING, tz), ==, monday_march);
  g_assert_cmpint (sd_time_week_start (monday_march, tz), ==, monday_march);
  g_assert_cmpint (sd_time_week_start (monday_march - 1, tz), ==, monday_march - 7 * DAY);
  g_assert_cmpint (sd_time_week_start (sd_time_from_local (tz, 2026, 3, 29, 23, 59), tz), ==,
                   monday_march);
  g_assert_cmpint (sd_time_week_start (AUTUMN + 20 * HOUR, tz), ==, monday_oct);
  /* The week after a change: one hour more or less than 7 × 24 h after the Monday before. */
  g_assert_cmpint (sd_time_week_start (SPRING + DAY, tz) - monday_march, ==, 7 * DAY - HOUR);
  g_assert_cmpint (sd_time_week_start (AUTUMN + DAY, tz) - monday_oct, ==, 7 * DAY + HOUR);
}

static void
test_ranges (void)
{
  /* Touching ranges do not overlap; sharing one second does. */
  g_assert_false (sd_time_ranges_overlap (0, 10, 10, 20));
  g_assert_false (sd_time_ranges_overlap (10, 20, 0, 10));
  g_assert_true (sd_time_ranges_overlap (0, 11, 10, 20));
  g_assert_true (sd_time_ranges_overlap (10, 20, 0, 11));
  g_assert_true (sd_time_ranges_overlap (0, 100, 10, 20));
  g_assert_true (sd_time_ranges_overlap (10, 20, 10, 20));
  g_assert_false (sd_time_ranges_overlap (0, 10, 20, 30));
  /* Empty ranges hold nothing. */
  g_assert_false (sd_time_ranges_overlap (5, 5, 0, 10));
  g_assert_false (sd_time_ranges_overlap (0, 10, 7, 3));
}

static void
assert_duration (gint64 seconds, const char *want)
{
  g_autofree char *got = sd_time_format_duration (seconds);

  g_assert_cmpstr (got, ==, want);
}

static void
test_duration (void)
{
  assert_duration (0, "0 s");
  assert_duration (45, "45 s");
  assert_duration (59, "59 s");
  assert_duration (60, "1 min");
  assert_duration (45 * 60 + 59, "45 min");
  assert_duration (HOUR, "1 h");
  assert_duration (2 * HOUR + 15 * 60 + 30, "2 h 15 min");
  assert_duration (DAY - 1, "23 h 59 min");
  assert_duration (DAY, "1 day");
  assert_duration (DAY + 4 * HOUR, "1 day 4 h");
  assert_duration (3 * DAY + 4 * HOUR + 59 * 60, "3 days 4 h");
  assert_duration (-(2 * HOUR + 15 * 60), "overdue by 2 h 15 min");
  assert_duration (-1, "overdue by 1 s");
  {
    g_autofree char *huge = sd_time_format_duration (G_MININT64);

    g_assert_true (g_str_has_prefix (huge, "overdue by "));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/time/parse", test_parse);
  g_test_add_func ("/core/time/parse-garbage", test_parse_garbage);
  g_test_add_func ("/core/time/format", test_format);
  g_test_add_func ("/core/time/round-trip", test_round_trip);
  g_test_add_func ("/core/time/from-local", test_from_local);
  g_test_add_func ("/core/time/midnight-and-days", test_midnight_and_days);
  g_test_add_func ("/core/time/week-start", test_week_start);
  g_test_add_func ("/core/time/ranges", test_ranges);
  g_test_add_func ("/core/time/duration", test_duration);

  return g_test_run ();
}

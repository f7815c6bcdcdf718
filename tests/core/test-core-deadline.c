/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deadlines: elapsed hours stay 24 h across DST; business days skip weekends and closing
 * days and keep the local wall time. */

#include "config.h"

#include "sd-deadline.h"
#include "sd-salon.h"
#include "sd-time.h"

#define HOUR 3600
#define DAY (24 * HOUR)

typedef struct
{
  SdSalon *salon;
  GTimeZone *tz;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->salon = sd_salon_new ("Salon Test", "Europe/Amsterdam", "EUR");
  f->tz = sd_salon_get_timezone (f->salon);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->salon);
}

static gint64
local (Fixture *f, int month, int day, int hour)
{
  return sd_time_from_local (f->tz, 2026, month, day, hour, 0);
}

static void
add_closing_day (Fixture *f, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2026);
  sd_salon_add_closing_day (f->salon, &date);
}

static void
test_hours_across_dst (Fixture *f, gconstpointer data)
{
  /* 24 h are 24 elapsed hours: the wall clock shows 13:00 the next day in spring … */
  g_assert_cmpint (sd_deadline_after_hours (local (f, 3, 28, 12), 24), ==, local (f, 3, 29, 13));
  /* … and 11:00 in autumn. */
  g_assert_cmpint (sd_deadline_after_hours (local (f, 10, 24, 12), 24), ==,
                   local (f, 10, 25, 11));
  g_assert_cmpint (sd_deadline_after_hours (1000, 0), ==, 1000);

  g_assert_cmpint (sd_deadline_confirm_by (f->salon, local (f, 3, 28, 12)), ==,
                   local (f, 3, 28, 12) + DAY);
  g_assert_cmpint (sd_deadline_confirm_by (NULL, 5000), ==, 5000 + DAY);
  g_assert_cmpint (sd_deadline_contest_by (f->salon, local (f, 10, 24, 12)), ==,
                   local (f, 10, 24, 12) + DAY);
}

static void
test_business_days_weekend (Fixture *f, gconstpointer data)
{
  /* Friday 27 March + 2 business days: Monday, Tuesday, at the same wall time even though
   * the clocks went forward on Sunday. */
  gint64 friday = local (f, 3, 27, 10);
  gint64 due = sd_deadline_after_business_days (f->salon, friday, 2);

  g_assert_cmpint (due, ==, local (f, 3, 31, 10));
  g_assert_cmpint (due - friday, ==, 4 * DAY - HOUR);

  /* Friday 23 October + 1: Monday 10:00 after the clocks went back. */
  friday = local (f, 10, 23, 10);
  due = sd_deadline_after_business_days (f->salon, friday, 1);
  g_assert_cmpint (due, ==, local (f, 10, 26, 10));
  g_assert_cmpint (due - friday, ==, 3 * DAY + HOUR);

  /* Within the week, no weekend in between. */
  g_assert_cmpint (sd_deadline_after_business_days (f->salon, local (f, 11, 23, 9), 2), ==,
                   local (f, 11, 25, 9));
  g_assert_cmpint (sd_deadline_after_business_days (f->salon, local (f, 11, 23, 9), 0), ==,
                   local (f, 11, 23, 9));
}

static void
test_business_days_from_weekend (Fixture *f, gconstpointer data)
{
  /* Opened on a Saturday or Sunday: the following business days count, so it is due on
   * Tuesday, at the wall time it was opened. */
  g_assert_cmpint (sd_deadline_after_business_days (f->salon, local (f, 3, 28, 10), 2), ==,
                   local (f, 3, 31, 10));
  g_assert_cmpint (sd_deadline_after_business_days (f->salon, local (f, 3, 29, 10), 2), ==,
                   local (f, 3, 31, 10));
  g_assert_cmpint (sd_deadline_after_business_days (f->salon, local (f, 3, 29, 10), 1), ==,
                   local (f, 3, 30, 10));
}

static void
test_business_days_closing_day (Fixture *f, gconstpointer data)
{
  /* Easter Monday (6 April 2026) closed: Friday 3 April + 2 -> Wednesday 8 April. */
  add_closing_day (f, 4, 6);
  g_assert_cmpint (sd_deadline_after_business_days (f->salon, local (f, 4, 3, 15), 2), ==,
                   local (f, 4, 8, 15));
  /* And the Monday after the spring change. */
  add_closing_day (f, 3, 30);
  g_assert_cmpint (sd_deadline_after_business_days (f->salon, local (f, 3, 27, 10), 2), ==,
                   local (f, 4, 1, 10));
  /* A closing day on a weekend changes nothing. */
  add_closing_day (f, 10, 24);
  g_assert_cmpint (sd_deadline_after_business_days (f->salon, local (f, 10, 23, 10), 1), ==,
                   local (f, 10, 26, 10));
}

static void
test_complaint_and_redo (Fixture *f, gconstpointer data)
{
  SdSalonSettings settings = *sd_salon_get_settings (f->salon);
  gint64 thursday = local (f, 11, 26, 15);

  g_assert_cmpint (sd_deadline_complaint_reply_by (f->salon, SD_DEADLINE_HOURS_24, thursday),
                   ==, thursday + DAY);
  g_assert_cmpint (sd_deadline_complaint_reply_by (f->salon, SD_DEADLINE_BUSINESS_DAYS_2,
                                                   thursday), ==, local (f, 11, 30, 15));
  /* Redo: 7 business days, Monday 23 November -> Wednesday 2 December. */
  g_assert_cmpint (sd_deadline_redo_by (f->salon, local (f, 11, 23, 10)), ==,
                   local (f, 12, 2, 10));

  /* The numbers are settings. */
  settings.complaint_hours = 48;
  settings.claim_business_days = 3;
  settings.redo_business_days = 1;
  sd_salon_set_settings (f->salon, &settings);
  g_assert_cmpint (sd_deadline_complaint_reply_by (f->salon, SD_DEADLINE_HOURS_24, thursday),
                   ==, thursday + 2 * DAY);
  g_assert_cmpint (sd_deadline_complaint_reply_by (f->salon, SD_DEADLINE_BUSINESS_DAYS_2,
                                                   thursday), ==, local (f, 12, 1, 15));
  g_assert_cmpint (sd_deadline_redo_by (f->salon, thursday), ==, local (f, 11, 27, 15));
}

static void
test_passed (Fixture *f, gconstpointer data)
{
  gint64 deadline = local (f, 3, 29, 13);

  /* A deadline at T accepts at T and refuses at T + 1. */
  g_assert_false (sd_deadline_passed (deadline, deadline - 1));
  g_assert_false (sd_deadline_passed (deadline, deadline));
  g_assert_true (sd_deadline_passed (deadline, deadline + 1));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/deadline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("hours-across-dst", test_hours_across_dst);
  ADD ("business-days-weekend", test_business_days_weekend);
  ADD ("business-days-from-weekend", test_business_days_from_weekend);
  ADD ("business-days-closing-day", test_business_days_closing_day);
  ADD ("complaint-and-redo", test_complaint_and_redo);
  ADD ("passed", test_passed);
#undef ADD

  return g_test_run ();
}

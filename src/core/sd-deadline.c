/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sd-deadline.h"
#include "sd-salon.h"
#include "sd-time.h"

/* The salon's settings, or the spec's defaults when there is no salon. */
static SdSalonSettings
settings_of (SdSalon *salon)
{
  SdSalonSettings settings;

  if (salon != NULL)
    return *sd_salon_get_settings (salon);
  sd_salon_settings_init (&settings);
  return settings;
}

gint64
sd_deadline_after_hours (gint64 from, int hours)
{
  /* Elapsed time: a DST change does not make "24 h" 23 or 25. */
  return from + (gint64) hours * 3600;
}

gint64
sd_deadline_after_business_days (SdSalon *salon, gint64 from, int days)
{
  GTimeZone *tz;
  GDate date;
  int counted = 0, offset = 0;

  g_return_val_if_fail (SD_IS_SALON (salon), from);

  if (days <= 0)
    return from;

  tz = sd_salon_get_timezone (salon);
  sd_salon_local_date (salon, from, &date);
  while (counted < days)
    {
      g_date_add_days (&date, 1);
      offset++;
      if (sd_salon_is_business_day (salon, &date))
        counted++;
      /* A salon closed on every weekday of the next ten years has no business days. */
      g_return_val_if_fail (offset < 3660, from);
    }
  return sd_time_add_days (from, tz, offset);
}

gint64
sd_deadline_confirm_by (SdSalon *salon, gint64 created_at)
{
  return sd_deadline_after_hours (created_at, settings_of (salon).confirm_hours);
}

gint64
sd_deadline_complaint_reply_by (SdSalon *salon, SdDeadlineKind kind, gint64 opened_at)
{
  SdSalonSettings settings = settings_of (salon);

  switch (kind)
    {
    case SD_DEADLINE_BUSINESS_DAYS_2:
      return sd_deadline_after_business_days (salon, opened_at, settings.claim_business_days);
    case SD_DEADLINE_HOURS_24:
    default:
      return sd_deadline_after_hours (opened_at, settings.complaint_hours);
    }
}

gint64
sd_deadline_redo_by (SdSalon *salon, gint64 offered_at)
{
  return sd_deadline_after_business_days (salon, offered_at,
                                          settings_of (salon).redo_business_days);
}

gint64
sd_deadline_contest_by (SdSalon *salon, gint64 marked_at)
{
  return sd_deadline_after_hours (marked_at, settings_of (salon).contest_hours);
}

gboolean
sd_deadline_passed (gint64 deadline, gint64 now)
{
  return now > deadline;
}

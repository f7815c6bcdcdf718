/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-time.h"

/* The Unix epoch's civil day number of a proleptic Gregorian date (Howard Hinnant's
 * algorithm): lets a wall time be turned into "seconds as if UTC" without GDateTime. */
static gint64
days_from_civil (gint64 y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static GTimeZone *
zone_or_utc (GTimeZone *tz, GTimeZone **owned)
{
  if (tz != NULL)
    return tz;
  *owned = g_time_zone_new_utc ();
  return *owned;
}

static gint32
offset_at (GTimeZone *tz, gint64 instant)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant);

  return g_time_zone_get_offset (tz, interval);
}

static GDateTime *
local_date_time (gint64 instant, GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GTimeZone) owned = NULL;

  return g_date_time_to_timezone (utc, zone_or_utc (tz, &owned));
}

static gboolean
valid_date (int year, int month, int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1
         && day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

gint64
sd_time_from_local_full (GTimeZone *tz, int year, int month, int day, int hour, int minute,
                         int second)
{
  g_autoptr(GTimeZone) owned = NULL;
  gint64 naive, earlier, later, lo, hi;
  gint32 before, after;

  g_return_val_if_fail (valid_date (year, month, day), 0);
  g_return_val_if_fail (hour >= 0 && hour < 24 && minute >= 0 && minute < 60, 0);
  g_return_val_if_fail (second >= 0 && second < 60, 0);

  tz = zone_or_utc (tz, &owned);
  naive = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second;

  /* The offsets in force a day either side; zones do not change twice within two days. */
  before = offset_at (tz, naive - 86400);
  after = offset_at (tz, naive + 86400);

  /* First occurrence first: the larger offset gives the earlier instant. */
  earlier = naive - MAX (before, after);
  later = naive - MIN (before, after);
  if (offset_at (tz, earlier) == MAX (before, after))
    return earlier;
  if (offset_at (tz, later) == MIN (before, after))
    return later;

  /* A gap (clocks went forward): the first valid instant after the wall time is the
   * transition itself. It lies in (naive - after, naive - before]. */
  lo = naive - after;
  hi = naive - before;
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (offset_at (tz, mid) == after)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

gint64
sd_time_from_local (GTimeZone *tz, int year, int month, int day, int hour, int minute)
{
  return sd_time_from_local_full (tz, year, month, day, hour, minute, 0);
}

static int
parse_digits (const char **p, int n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return -1;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  return value;
}

static gboolean
expect (const char **p, char c)
{
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

gboolean
sd_time_parse_rfc3339 (const char *text, gint64 *out)
{
  const char *p = text;
  int year, month, day, hour, minute, second, offset = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  /* Strict RFC 3339 (not ISO 8601's week dates, ordinals or missing offsets): what the
   * marketplace sends and what the CLI prints. */
  if ((year = parse_digits (&p, 4)) < 0 || !expect (&p, '-')
      || (month = parse_digits (&p, 2)) < 0 || !expect (&p, '-')
      || (day = parse_digits (&p, 2)) < 0)
    return FALSE;
  if (*p != 'T' && *p != 't' && *p != ' ')
    return FALSE;
  p++;
  if ((hour = parse_digits (&p, 2)) < 0 || !expect (&p, ':')
      || (minute = parse_digits (&p, 2)) < 0 || !expect (&p, ':')
      || (second = parse_digits (&p, 2)) < 0)
    return FALSE;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == 'Z' || *p == 'z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      int sign = *p == '-' ? -1 : 1, oh, om;

      p++;
      if ((oh = parse_digits (&p, 2)) < 0 || !expect (&p, ':') || (om = parse_digits (&p, 2)) < 0
          || oh > 23 || om > 59)
        return FALSE;
      offset = sign * (oh * 3600 + om * 60);
    }
  else
    return FALSE;
  if (*p != '\0')
    return FALSE;

  if (!valid_date (year, month, day) || hour > 23 || minute > 59 || second > 59)
    return FALSE;

  *out = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second
         - offset;
  return TRUE;
}

char *
sd_time_format_rfc3339 (gint64 instant, GTimeZone *tz)
{
  g_autoptr(GDateTime) local = local_date_time (instant, tz);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

gint64
sd_time_local_midnight (gint64 instant, GTimeZone *tz)
{
  g_autoptr(GDateTime) local = local_date_time (instant, tz);

  /* Through from_local, not g_date_time_new: in zones that change at midnight, the day
   * starts at 01:00. */
  return sd_time_from_local (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                             g_date_time_get_day_of_month (local), 0, 0);
}

gint64
sd_time_add_days (gint64 instant, GTimeZone *tz, int days)
{
  g_autoptr(GDateTime) local = local_date_time (instant, tz);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return sd_time_from_local_full (tz, g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), g_date_time_get_hour (local),
                                  g_date_time_get_minute (local), g_date_time_get_second (local));
}

gint64
sd_time_week_start (gint64 instant, GTimeZone *tz)
{
  g_autoptr(GDateTime) local = local_date_time (instant, tz);
  int back = g_date_time_get_day_of_week (local) - 1;

  return sd_time_local_midnight (sd_time_add_days (sd_time_local_midnight (instant, tz), tz,
                                                   -back),
                                 tz);
}

gboolean
sd_time_ranges_overlap (gint64 a_start, gint64 a_end, gint64 b_start, gint64 b_end)
{
  if (a_start >= a_end || b_start >= b_end)
    return FALSE;
  return a_start < b_end && b_start < a_end;
}

/* "3 days", "1 h", … one unit with its count, translated with plural forms. The counts
 * of hours, minutes and seconds are below 60; days are capped where an int ends. */
static char *
format_unit (guint64 count, char unit)
{
  int n = (int) MIN (count, (guint64) G_MAXINT);

  switch (unit)
    {
    case 'd':
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", n), n);
    case 'h':
      /* TRANSLATORS: an abbreviated number of hours, "2 h" */
      return g_strdup_printf (_("%d h"), n);
    case 'm':
      /* TRANSLATORS: an abbreviated number of minutes, "15 min" */
      return g_strdup_printf (_("%d min"), n);
    default:
      /* TRANSLATORS: an abbreviated number of seconds, "45 s" */
      return g_strdup_printf (_("%d s"), n);
    }
}

char *
sd_time_format_duration (gint64 seconds)
{
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;
  guint64 s;

  if (seconds < 0)
    {
      g_autofree char *positive = NULL;

      /* -G_MININT64 does not exist; a second less is as overdue as anyone will notice. */
      positive = sd_time_format_duration (seconds == G_MININT64 ? G_MAXINT64 : -seconds);
      /* TRANSLATORS: a deadline that passed this long ago, "overdue by 2 h 15 min" */
      return g_strdup_printf (_("overdue by %s"), positive);
    }

  s = (guint64) seconds;
  if (s < 60)
    return format_unit (s, 's');
  if (s < 3600)
    return format_unit (s / 60, 'm');
  if (s < 86400)
    {
      big = format_unit (s / 3600, 'h');
      if (s % 3600 / 60 == 0)
        return g_steal_pointer (&big);
      small = format_unit (s % 3600 / 60, 'm');
    }
  else
    {
      big = format_unit (s / 86400, 'd');
      if (s % 86400 / 3600 == 0)
        return g_steal_pointer (&big);
      small = format_unit (s % 86400 / 3600, 'h');
    }
  /* TRANSLATORS: two parts of a duration, "2 h" and "15 min" -> "2 h 15 min" */
  return g_strdup_printf (C_("duration", "%s %s"), big, small);
}

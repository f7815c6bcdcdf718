/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-client-history.c — see the header. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-appointment.h"
#include "sd-client-history.h"

/* A receptionist needs the pattern and the recent ones, not a list of twenty. */
#define MAX_DATES 4

static GDateTime *
local_time (gint64 instant, GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  if (utc == NULL)
    return NULL;
  return tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);
}

/* "3 Oct, 12 Nov" — the latest MAX_DATES of @kind, with "…" before them when there are
 * more. */
static char *
dates_of (GPtrArray *incidents, SdState kind, GTimeZone *tz, int reference_year)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  guint first;

  for (guint i = 0; i < incidents->len; i++)
    {
      SdAppointment *a = g_ptr_array_index (incidents, i);
      g_autoptr(GDateTime) local = NULL;

      if (sd_appointment_get_state (a) != kind)
        continue;
      local = local_time (sd_appointment_get_start (a), tz);
      if (local == NULL)
        continue;
      g_ptr_array_add (dates, g_date_time_format (local,
                                                  g_date_time_get_year (local) == reference_year
                                                  /* Translators: an incident's date in the
                                                   * client's history, "3 Oct", with a
                                                   * no-break space so it never wraps */
                                                  ? _("%-d %b")
                                                  /* Translators: the same in another year,
                                                   * "3 Oct 2025" */
                                                  : _("%-d %b %Y")));
    }
  first = dates->len > MAX_DATES ? dates->len - MAX_DATES : 0;
  if (first > 0)
    g_string_append (text, "…");
  for (guint i = first; i < dates->len; i++)
    {
      if (text->len > 0)
        /* Translators: the separator between dates, "3 Oct, 12 Nov" */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (dates, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
sd_client_history_describe (GPtrArray *incidents, GTimeZone *tz, gint64 reference)
{
  g_autoptr(GDateTime) ref = NULL;
  g_autofree char *no_show_dates = NULL;
  g_autofree char *late_dates = NULL;
  g_autofree char *no_shows = NULL;
  g_autofree char *lates = NULL;
  guint n_no_shows = 0, n_late = 0;
  int year;

  if (incidents == NULL || incidents->len == 0)
    return NULL;

  for (guint i = 0; i < incidents->len; i++)
    {
      SdState state = sd_appointment_get_state (g_ptr_array_index (incidents, i));

      if (state == SD_STATE_NO_SHOW)
        n_no_shows++;
      else if (state == SD_STATE_CANCELLED)
        n_late++;
    }
  ref = local_time (reference, tz);
  year = ref != NULL ? g_date_time_get_year (ref) : 0;
  no_show_dates = dates_of (incidents, SD_STATE_NO_SHOW, tz, year);
  late_dates = dates_of (incidents, SD_STATE_CANCELLED, tz, year);

  if (n_no_shows > 0 && n_late == 0)
    /* Translators: "2 earlier no-shows (3 Oct, 12 Nov)" */
    return g_strdup_printf (ngettext ("%u earlier no-show (%s)", "%u earlier no-shows (%s)",
                                      n_no_shows), n_no_shows, no_show_dates);
  if (n_no_shows == 0 && n_late > 0)
    /* Translators: "1 earlier late cancellation (5 Nov)" */
    return g_strdup_printf (ngettext ("%u earlier late cancellation (%s)",
                                      "%u earlier late cancellations (%s)", n_late),
                            n_late, late_dates);
  if (n_no_shows == 0 && n_late == 0)
    return NULL;

  no_shows = g_strdup_printf (ngettext ("%u earlier no-show (%s)", "%u earlier no-shows (%s)",
                                        n_no_shows), n_no_shows, no_show_dates);
  /* Translators: the second half of "2 earlier no-shows (3 Oct, 12 Nov) and 1 late
   * cancellation (5 Nov)" */
  lates = g_strdup_printf (ngettext ("%u late cancellation (%s)", "%u late cancellations (%s)",
                                     n_late), n_late, late_dates);
  /* Translators: "2 earlier no-shows (3 Oct, 12 Nov) and 1 late cancellation (5 Nov)" */
  return g_strdup_printf (_("%s and %s"), no_shows, lates);
}

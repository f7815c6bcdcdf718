/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-appointment.h"
#include "sd-overlap.h"
#include "sd-policy-error.h"
#include "sd-time.h"

static gboolean
same_appointment (SdAppointment *a, SdAppointment *b)
{
  gint64 id = sd_appointment_get_id (a);

  return a == b || (id != 0 && id == sd_appointment_get_id (b));
}

/* "2026-11-23 14:30–15:15" in @tz, or with " UTC" after it when there is no zone. */
static char *
format_slot (gint64 start, gint64 end, GTimeZone *tz)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) s = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) e = g_date_time_new_from_unix_utc (end);
  g_autoptr(GDateTime) ls = g_date_time_to_timezone (s, tz != NULL ? tz : utc);
  g_autoptr(GDateTime) le = g_date_time_to_timezone (e, tz != NULL ? tz : utc);
  g_autofree char *from = g_date_time_format (ls, "%Y-%m-%d %H:%M");
  g_autofree char *to = g_date_time_format (le, "%H:%M");

  return g_strdup_printf ("%s–%s%s", from, to, tz != NULL ? "" : " UTC");
}

gboolean
sd_overlap_check (SdAppointment *candidate, GPtrArray *others, gboolean allow,
                  SdAppointment **conflict, GError **error)
{
  return sd_overlap_check_in_zone (candidate, others, allow, NULL, conflict, error);
}

guint
sd_overlap_count (SdAppointment *candidate, GPtrArray *others, SdAppointment **first_out)
{
  SdAppointment *first = NULL;
  gint64 start, end, staff;
  guint n = 0;

  g_return_val_if_fail (SD_IS_APPOINTMENT (candidate), 0);

  if (first_out != NULL)
    *first_out = NULL;
  if (others == NULL)
    return 0;

  start = sd_appointment_get_start (candidate);
  end = sd_appointment_get_end (candidate);
  staff = sd_appointment_get_staff_id (candidate);

  for (guint i = 0; i < others->len; i++)
    {
      SdAppointment *other = g_ptr_array_index (others, i);

      if (same_appointment (candidate, other)
          || sd_appointment_get_staff_id (other) != staff
          || !sd_state_is_active (sd_appointment_get_state (other))
          || !sd_time_ranges_overlap (start, end, sd_appointment_get_start (other),
                                      sd_appointment_get_end (other)))
        continue;
      n++;
      if (first == NULL || sd_appointment_get_start (other) < sd_appointment_get_start (first))
        first = other;
    }

  if (first_out != NULL)
    *first_out = first;
  return n;
}

gboolean
sd_overlap_check_in_zone (SdAppointment *candidate, GPtrArray *others, gboolean allow,
                          GTimeZone *tz, SdAppointment **conflict, GError **error)
{
  SdAppointment *first = NULL;
  g_autofree char *slot = NULL;
  const char *client;

  g_return_val_if_fail (SD_IS_APPOINTMENT (candidate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (conflict != NULL)
    *conflict = NULL;
  if (allow || sd_overlap_count (candidate, others, &first) == 0)
    return TRUE;

  if (conflict != NULL)
    *conflict = first;

  slot = format_slot (sd_appointment_get_start (first), sd_appointment_get_end (first), tz);
  client = sd_appointment_get_client_name (first);
  g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_OVERLAP,
               /* TRANSLATORS: the other appointment's time ("2026-11-23 14:30–15:15") and
                * client */
               _("Double booking: this staff member already has an appointment on %s with %s."),
               slot, client != NULL && *client != '\0' ? client : _("a client"));
  return FALSE;
}

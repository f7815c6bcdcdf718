/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-details-pane-warnings.c — what the desk should know before acting on an appointment:
 * the client's earlier no-shows and late cancellations (loaded in a thread), and when a
 * time-guarded action opens ("Check-in opens at 14:15") or what check-out did ("Review
 * requested"). The opening instants are the core's (sd_lifecycle_opens_at), the incidents
 * the store's (sd_store_list_client_incidents): the pane only words them. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-client-history.h"
#include "sd-details-pane-private.h"
#include "sd-lifecycle.h"
#include "sd-policy-error.h"

/* ---- Client history ---- */

typedef struct
{
  SdDetailsPane *pane;   /* owned */
  gint64 appointment_id;
} WarningLoad;

static void
warning_load_free (WarningLoad *load)
{
  g_object_unref (load->pane);
  g_free (load);
}

/* The warning matters before the client comes: for a request and an upcoming booking. */
static gboolean
wants_client_warning (SdAppointment *appointment)
{
  SdState state;

  if (appointment == NULL || sd_appointment_get_client_id (appointment) == 0)
    return FALSE;
  state = sd_appointment_get_state (appointment);
  return state == SD_STATE_REQUESTED || state == SD_STATE_CONFIRMED;
}

static void
on_incidents_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  WarningLoad *load = user_data;
  SdDetailsPane *self = load->pane;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) incidents = sd_store_list_client_incidents_finish (SD_STORE (source),
                                                                           result, &error);
  g_autofree char *text = NULL;

  /* Shown since: another appointment, or this one no longer upcoming. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || !wants_client_warning (self->appointment)
      || sd_appointment_get_id (self->appointment) != load->appointment_id)
    {
      warning_load_free (load);
      return;
    }
  if (incidents == NULL)
    /* Only a warning: the appointment itself is shown; the log says why it is missing. */
    g_debug ("Could not load the client's history: %s", error->message);
  else
    text = sd_client_history_describe (incidents, sd_details_pane_get_timezone (self),
                                       sd_appointment_get_start (self->appointment));
  if (text != NULL)
    gtk_label_set_text (self->client_warning_label, text);
  gtk_widget_set_visible (self->client_warning, text != NULL);
  warning_load_free (load);
}

void
sd_details_pane_load_client_warning (SdDetailsPane *self)
{
  WarningLoad *load;

  g_return_if_fail (SD_IS_DETAILS_PANE (self));

  if (!wants_client_warning (self->appointment))
    {
      gtk_widget_set_visible (self->client_warning, FALSE);
      return;
    }
  /* The previous answer stays up while the same appointment reloads (after an action),
   * so the warning does not blink; another appointment starts without one. */
  if (sd_appointment_get_id (self->appointment) != self->client_warning_for)
    gtk_widget_set_visible (self->client_warning, FALSE);
  self->client_warning_for = sd_appointment_get_id (self->appointment);

  load = g_new0 (WarningLoad, 1);
  load->pane = g_object_ref (self);
  load->appointment_id = sd_appointment_get_id (self->appointment);
  /* Incidents of appointments that started before this one. */
  sd_store_list_client_incidents_async (self->store,
                                        sd_appointment_get_client_id (self->appointment),
                                        sd_appointment_get_start (self->appointment),
                                        self->cancellable, on_incidents_loaded, load);
}

/* ---- When a time-guarded action opens ---- */

/* The clock time an action refused as too early opens at, in words: "Check-in opens at
 * 14:15" today, "Check-in opens on Tue 24 Nov at 14:15" another day. NULL when @action is
 * not refused for being early. */
static char *
describe_opening (SdDetailsPane *self, SdAction action)
{
  GTimeZone *tz = sd_details_pane_get_timezone (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) at_utc = NULL;
  g_autoptr (GDateTime) now_utc = NULL;
  g_autoptr (GDateTime) at = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *day = NULL;
  gboolean check_in = action == SD_ACTION_CHECK_IN;

  if (sd_lifecycle_check (self->appointment, action, sd_store_get_salon (self->store),
                          sd_details_pane_now (self), &error)
      || !g_error_matches (error, SD_POLICY_ERROR, SD_POLICY_ERROR_TOO_EARLY))
    return NULL;

  at_utc = g_date_time_new_from_unix_utc (
    sd_lifecycle_opens_at (self->appointment, action, sd_store_get_salon (self->store)));
  now_utc = g_date_time_new_from_unix_utc (sd_details_pane_now (self));
  if (at_utc == NULL || now_utc == NULL)
    return NULL;
  at = tz != NULL ? g_date_time_to_timezone (at_utc, tz) : g_date_time_ref (at_utc);
  now = tz != NULL ? g_date_time_to_timezone (now_utc, tz) : g_date_time_ref (now_utc);
  time = g_date_time_format (at, "%H:%M");

  if (g_date_time_get_year (at) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (at) == g_date_time_get_day_of_year (now))
    return check_in
           /* Translators: "Check-in opens at 14:15" (today) */
           ? g_strdup_printf (_("Check-in opens at %s"), time)
           /* Translators: "No-show can be marked from 14:45" (today) */
           : g_strdup_printf (_("No-show can be marked from %s"), time);

  /* Translators: a day, see g_date_time_format(): "Tue 24 Nov" */
  day = g_date_time_format (at, _("%a %-d %b"));
  return check_in
         /* Translators: "Check-in opens on Tue 24 Nov at 14:15" */
         ? g_strdup_printf (_("Check-in opens on %s at %s"), day, time)
         /* Translators: "No-show can be marked from Tue 24 Nov at 14:45" */
         : g_strdup_printf (_("No-show can be marked from %s at %s"), day, time);
}

void
sd_details_pane_update_hint (SdDetailsPane *self)
{
  g_autofree char *check_in = NULL;
  g_autofree char *no_show = NULL;
  const char *hint = NULL;

  g_return_if_fail (SD_IS_DETAILS_PANE (self));

  if (self->appointment == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
      return;
    }

  /* The disabled buttons say it too, on hover, instead of the rule in general. */
  check_in = describe_opening (self, SD_ACTION_CHECK_IN);
  no_show = describe_opening (self, SD_ACTION_NO_SHOW);
  if (check_in != NULL)
    gtk_widget_set_tooltip_text (self->buttons[SD_PANE_CHECK_IN], check_in);
  if (no_show != NULL)
    gtk_widget_set_tooltip_text (self->buttons[SD_PANE_NO_SHOW], no_show);

  /* One line under the state: the next thing that opens. */
  if (check_in != NULL)
    hint = check_in;
  else if (no_show != NULL)
    hint = no_show;
  else if (sd_appointment_get_state (self->appointment) == SD_STATE_COMPLETED
           && sd_appointment_get_review_requested (self->appointment))
    hint = _("Review requested from the client");

  if (hint != NULL)
    gtk_label_set_text (self->hint_label, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-details-pane-warnings.c — what the desk should know before acting on an appointment:
 * the client's earlier no-shows and late cancellations and the appointments of the same
 * stylist it overlaps (each loaded in a thread, sd_store_list_client_incidents and
 * sd_store_list_overlaps: the rules are the store's and the core's), and when a
 * time-guarded action opens ("Check-in opens at 14:15") or what check-out did ("Review
 * requested"). The opening instants are the core's (sd_lifecycle_opens_at): the pane only
 * words them. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-client-history.h"
#include "sd-details-pane-private.h"
#include "sd-lifecycle.h"
#include "sd-policy-error.h"

/* ---- Warnings loaded in a thread ---- */

/* The client-history and the overlap warnings load the same way: a card that stays up while
 * the same appointment reloads (after an action) so it does not blink, hides at once for
 * another appointment, and takes an answer only if it is still for the one shown. */
/* What a warning card loads: who wants it, the store's _finish, and its wording of the list
 * (NULL: nothing to warn about). */
typedef struct
{
  gboolean (*wanted) (SdAppointment *appointment);
  GPtrArray *(*finish) (SdStore *store, GAsyncResult *result, GError **error);
  char *(*describe) (SdDetailsPane *self, GPtrArray *list);
  const char *what;   /* for the log: "the client's history" */
} WarningKind;

typedef struct
{
  SdDetailsPane *pane;   /* owned */
  gint64 appointment_id;
  const WarningKind *kind;
  GtkWidget *card;
  GtkLabel *label;
} WarningLoad;

static void
warning_load_free (WarningLoad *load)
{
  g_object_unref (load->pane);
  g_free (load);
}

/* Either hides @card (the shown appointment does not want it: NULL) or returns the load to
 * hand to the store's _async call. @shown_for: the appointment the card was loaded for. */
static WarningLoad *
warning_load_start (SdDetailsPane *self, const WarningKind *kind, GtkWidget *card,
                    GtkLabel *label, gint64 *shown_for)
{
  WarningLoad *load;

  if (!kind->wanted (self->appointment))
    {
      gtk_widget_set_visible (card, FALSE);
      return NULL;
    }
  if (sd_appointment_get_id (self->appointment) != *shown_for)
    gtk_widget_set_visible (card, FALSE);
  *shown_for = sd_appointment_get_id (self->appointment);

  load = g_new0 (WarningLoad, 1);
  load->pane = g_object_ref (self);
  load->appointment_id = *shown_for;
  load->kind = kind;
  load->card = card;
  load->label = label;
  return load;
}

/* The store's answer: shown if it is still for the appointment shown and still wanted. */
static void
on_warning_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  WarningLoad *load = user_data;
  SdAppointment *shown = load->pane->appointment;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = load->kind->finish (SD_STORE (source), result, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || !load->kind->wanted (shown)
      || sd_appointment_get_id (shown) != load->appointment_id)
    {
      warning_load_free (load);
      return;
    }
  if (list == NULL)
    /* Only a warning: the appointment itself is shown, and accepting still checks; the
     * log says why it is missing. */
    g_debug ("Could not load %s: %s", load->kind->what, error->message);
  else
    text = load->kind->describe (load->pane, list);
  if (text != NULL)
    gtk_label_set_text (load->label, text);
  gtk_widget_set_visible (load->card, text != NULL);
  warning_load_free (load);
}

/* Both matter before the client comes: for a request and an upcoming booking. */
static gboolean
wants_warning (SdAppointment *appointment)
{
  SdState state;

  if (appointment == NULL)
    return FALSE;
  state = sd_appointment_get_state (appointment);
  return state == SD_STATE_REQUESTED || state == SD_STATE_CONFIRMED;
}

/* ---- Client history ---- */

static gboolean
wants_client_warning (SdAppointment *appointment)
{
  return wants_warning (appointment) && sd_appointment_get_client_id (appointment) != 0;
}

static char *
describe_incidents (SdDetailsPane *self, GPtrArray *incidents)
{
  return sd_client_history_describe (incidents, sd_details_pane_get_timezone (self),
                                     sd_appointment_get_start (self->appointment));
}

static const WarningKind client_warning = {
  wants_client_warning, sd_store_list_client_incidents_finish, describe_incidents,
  "the client's history"
};

void
sd_details_pane_load_client_warning (SdDetailsPane *self)
{
  WarningLoad *load;

  g_return_if_fail (SD_IS_DETAILS_PANE (self));

  load = warning_load_start (self, &client_warning, self->client_warning,
                             self->client_warning_label, &self->client_warning_for);
  if (load == NULL)
    return;
  /* Incidents of appointments that started before this one. */
  sd_store_list_client_incidents_async (self->store,
                                        sd_appointment_get_client_id (self->appointment),
                                        sd_appointment_get_start (self->appointment),
                                        self->cancellable, on_warning_loaded, load);
}

/* ---- Double booking ---- */

/* "Overlaps Anna Rossi at 14:00 with Marco — accepting needs your override": the earliest
 * overlapping appointment (the one the Accept refusal names), how many more, and what it
 * means for this one. NULL when @overlaps is empty. */
static char *
describe_overlaps (SdDetailsPane *self, GPtrArray *overlaps)
{
  GTimeZone *tz = sd_details_pane_get_timezone (self);
  SdAppointment *first;
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *who = NULL;
  const char *client, *staff;
  gboolean request = sd_appointment_get_state (self->appointment) == SD_STATE_REQUESTED;

  if (overlaps == NULL || overlaps->len == 0)
    return NULL;
  first = g_ptr_array_index (overlaps, 0);
  utc = g_date_time_new_from_unix_utc (sd_appointment_get_start (first));
  if (utc == NULL)
    return NULL;
  local = tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);
  time = g_date_time_format (local, "%H:%M");
  client = sd_appointment_get_client_name (first);
  staff = sd_appointment_get_staff_name (self->appointment);
  if (client == NULL || *client == '\0')
    client = _("another client");

  if (overlaps->len == 1)
    /* Translators: "Anna Rossi at 14:00" */
    who = g_strdup_printf (_("%s at %s"), client, time);
  else
    /* Translators: "Anna Rossi at 14:00 and 2 others"; %u counts the other overlapping
     * appointments */
    who = g_strdup_printf (ngettext ("%s at %s and %u other", "%s at %s and %u others",
                                     overlaps->len - 1),
                           client, time, overlaps->len - 1);

  if (staff == NULL || *staff == '\0')
    return request
           /* Translators: "Overlaps Anna Rossi at 14:00 — accepting needs your override" */
           ? g_strdup_printf (_("Overlaps %s — accepting needs your override"), who)
           /* Translators: a booking made with "Book anyway" / "Accept anyway" */
           : g_strdup_printf (_("Double-booked: overlaps %s"), who);
  return request
         /* Translators: "Overlaps Anna Rossi at 14:00 with Marco — accepting needs your
          * override" (Marco: the stylist of both) */
         ? g_strdup_printf (_("Overlaps %s with %s — accepting needs your override"), who,
                            staff)
         /* Translators: "Double-booked: overlaps Anna Rossi at 14:00 with Marco" */
         : g_strdup_printf (_("Double-booked: overlaps %s with %s"), who, staff);
}

static const WarningKind overlap_warning = {
  wants_warning, sd_store_list_overlaps_finish, describe_overlaps, "the overlaps"
};

void
sd_details_pane_load_overlap_warning (SdDetailsPane *self)
{
  WarningLoad *load;

  g_return_if_fail (SD_IS_DETAILS_PANE (self));

  load = warning_load_start (self, &overlap_warning, self->overlap_warning,
                             self->overlap_warning_label, &self->overlap_warning_for);
  if (load == NULL)
    return;
  sd_store_list_overlaps_async (self->store, sd_appointment_get_id (self->appointment),
                                self->cancellable, on_warning_loaded, load);
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

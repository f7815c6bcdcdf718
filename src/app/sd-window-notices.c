/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-window-notices.c — the desktop notifications. At start, after each sync pass, on the
 * window's clock tick and after a local change, the window asks the store (in a thread) what
 * it has not told yet, and sends one notification each:
 *
 * - a complaint the marketplace resolved ("Complaint resolved — Anna Rossi");
 * - a booking request that arrived ("New booking request — Anna Rossi"); several in one pass
 *   are one summary ("3 new booking requests") that opens the inbox;
 * - a deadline within the salon's reminder time ("Answer Anna Rossi's request within 45
 *   minutes"). A request's reminder replaces its arrival notice (same notification id);
 * - when the desk asks for it (GSettings remind-appointments, off by default: a busy salon
 *   would get one every few minutes), a confirmed appointment about to start ("Anna Rossi's
 *   appointment starts in 45 minutes").
 *
 * A notice about a request or complaint is withdrawn once nothing it is about can be answered
 * any more (accepted, declined, replied to, expired); an appointment's once it started or
 * was cancelled or moved. What is news and what is due is the store's to say
 * (sd-store-notices.h), and so is which notifications are shown (kept across restarts, so
 * one shown yesterday is still withdrawn); this file words it and sends it. Notifications
 * only go out when the window belongs to a registered application; the "notice-sent" and
 * "notice-withdrawn" signals are emitted either way. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-evidence-pack.h"
#include "sd-store-notices.h"
#include "sd-window-private.h"

/* More names than this in a summary become "and 2 more". */
#define SUMMARY_NAMES 3

enum { NOTICE_SENT, NOTICE_WITHDRAWN, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- Words ---- */

static char *
format_local (gint64 instant, GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);
  /* Translators: a date and time in a notification, "Tue 24 Nov 14:30"; see
   * g_date_time_format() */
  return g_date_time_format (local, _("%a %-d %b %H:%M"));
}

void
sd_window_describe_resolution (SdComplaint *complaint,
                               const char  *currency,
                               char       **title,
                               char       **body)
{
  g_autofree char *outcome = NULL;
  const char *note;

  g_return_if_fail (SD_IS_COMPLAINT (complaint));
  g_return_if_fail (title != NULL && body != NULL);

  /* Translators: a desktop notification's title: "Complaint resolved — Anna Rossi" */
  *title = g_strdup_printf (_("Complaint resolved — %s"),
                            sd_complaint_get_client_name (complaint));
  outcome = sd_evidence_describe_outcome (sd_complaint_get_outcome (complaint),
                                          sd_complaint_get_outcome_amount_cents (complaint),
                                          currency);
  note = sd_complaint_get_outcome_note (complaint);
  if (note != NULL && *note != '\0')
    /* Translators: "Refunded €20.00. The fringe was shorter than agreed." */
    *body = g_strdup_printf (_("%s. %s"), outcome, note);
  else
    *body = g_steal_pointer (&outcome);
}

/* "Cut & blow-dry with Marco, Tue 24 Nov 14:30 · answer by Wed 25 Nov 09:12" */
static char *
describe_item (SdInboxItem *item,
               GTimeZone   *tz)
{
  g_autofree char *start = format_local (sd_inbox_item_get_start (item), tz);
  g_autofree char *deadline = format_local (sd_inbox_item_get_deadline (item), tz);

  if (sd_inbox_item_get_kind (item) == SD_INBOX_COMPLAINT)
    /* Translators: a complaint reminder's body: "Cut & blow-dry with Marco, Tue 24 Nov
     * 14:30 · reply by Wed 25 Nov 09:12" (service, stylist, appointment, deadline) */
    return g_strdup_printf (_("%s with %s, %s · reply by %s"),
                            sd_inbox_item_get_service_name (item),
                            sd_inbox_item_get_staff_name (item), start, deadline);
  /* Translators: a booking request's notification body: "Cut & blow-dry with Marco, Tue 24
   * Nov 14:30 · answer by Wed 25 Nov 09:12" (service, stylist, appointment, deadline) */
  return g_strdup_printf (_("%s with %s, %s · answer by %s"),
                          sd_inbox_item_get_service_name (item),
                          sd_inbox_item_get_staff_name (item), start, deadline);
}

void
sd_window_describe_request (SdInboxItem *request,
                            GTimeZone   *tz,
                            char       **title,
                            char       **body)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (request));
  g_return_if_fail (title != NULL && body != NULL);

  /* Translators: a desktop notification's title: "New booking request — Anna Rossi" */
  *title = g_strdup_printf (_("New booking request — %s"),
                            sd_inbox_item_get_client_name (request));
  *body = describe_item (request, tz);
}

void
sd_window_describe_requests (GPtrArray *requests,
                             GTimeZone *tz,
                             char     **title,
                             char     **body)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *first = NULL;
  gint64 deadline = G_MAXINT64;
  guint n;

  g_return_if_fail (requests != NULL && requests->len > 0);
  g_return_if_fail (title != NULL && body != NULL);

  n = requests->len;
  /* Translators: a desktop notification's title for several requests at once */
  *title = g_strdup_printf (ngettext ("%u new booking request", "%u new booking requests", n), n);
  for (guint i = 0; i < n; i++)
    {
      SdInboxItem *item = g_ptr_array_index (requests, i);

      deadline = MIN (deadline, sd_inbox_item_get_deadline (item));
      if (i >= SUMMARY_NAMES)
        continue;
      if (i > 0)
        /* Translators: between client names in a list, "Anna Rossi, Bea Visser" */
        g_string_append (names, _(", "));
      g_string_append (names, sd_inbox_item_get_client_name (item));
    }
  if (n > SUMMARY_NAMES)
    {
      guint more = n - SUMMARY_NAMES;
      /* Translators: after the first client names: "Anna Rossi, Bea Visser, Carla Bruni and
       * 2 more" */
      g_autofree char *and_more = g_strdup_printf (ngettext (" and %u more", " and %u more",
                                                             more), more);

      g_string_append (names, and_more);
    }
  first = format_local (deadline, tz);
  /* Translators: a summary notification's body: "Anna Rossi, Bea Visser · answer the first by
   * Tue 24 Nov 14:30" */
  *body = g_strdup_printf (_("%s · answer the first by %s"), names->str, first);
}

/* Minutes left, rounded up so "within 45 minutes" is never later than the instant. */
static gint64
minutes_left (gint64 at,
              gint64 now)
{
  return MAX (1, (at - now + 59) / 60);
}

void
sd_window_describe_reminder (SdInboxItem *item,
                             GTimeZone   *tz,
                             gint64       now,
                             char       **title,
                             char       **body)
{
  const char *client;
  gint64 minutes;
  gboolean complaint;

  g_return_if_fail (SD_IS_INBOX_ITEM (item));
  g_return_if_fail (title != NULL && body != NULL);

  client = sd_inbox_item_get_client_name (item);
  complaint = sd_inbox_item_get_kind (item) == SD_INBOX_COMPLAINT;
  /* Hours (rounded down) only from two hours on. */
  minutes = minutes_left (sd_inbox_item_get_deadline (item), now);
  if (minutes < 120)
    *title = complaint
      /* Translators: a reminder's title: "Reply to Anna Rossi's complaint within 45 minutes" */
      ? g_strdup_printf (ngettext ("Reply to %s's complaint within %d minute",
                                   "Reply to %s's complaint within %d minutes", minutes),
                         client, (int) minutes)
      /* Translators: a reminder's title: "Answer Anna Rossi's request within 45 minutes" */
      : g_strdup_printf (ngettext ("Answer %s's request within %d minute",
                                   "Answer %s's request within %d minutes", minutes),
                         client, (int) minutes);
  else
    *title = complaint
      /* Translators: a reminder's title: "Reply to Anna Rossi's complaint within 3 hours" */
      ? g_strdup_printf (ngettext ("Reply to %s's complaint within %d hour",
                                   "Reply to %s's complaint within %d hours", minutes / 60),
                         client, (int) (minutes / 60))
      /* Translators: a reminder's title: "Answer Anna Rossi's request within 3 hours" */
      : g_strdup_printf (ngettext ("Answer %s's request within %d hour",
                                   "Answer %s's request within %d hours", minutes / 60),
                         client, (int) (minutes / 60));
  *body = describe_item (item, tz);
}

void
sd_window_describe_upcoming (SdAppointment *appointment,
                             GTimeZone     *tz,
                             gint64         now,
                             char         **title,
                             char         **body)
{
  g_autofree char *start = NULL;
  const char *client;
  gint64 minutes;

  g_return_if_fail (SD_IS_APPOINTMENT (appointment));
  g_return_if_fail (title != NULL && body != NULL);

  client = sd_appointment_get_client_name (appointment);
  minutes = minutes_left (sd_appointment_get_start (appointment), now);
  if (minutes < 120)
    /* Translators: a reminder's title: "Anna Rossi's appointment starts in 45 minutes" */
    *title = g_strdup_printf (ngettext ("%s's appointment starts in %d minute",
                                        "%s's appointment starts in %d minutes", minutes),
                              client, (int) minutes);
  else
    /* Translators: a reminder's title: "Anna Rossi's appointment starts in 3 hours" */
    *title = g_strdup_printf (ngettext ("%s's appointment starts in %d hour",
                                        "%s's appointment starts in %d hours", minutes / 60),
                              client, (int) (minutes / 60));
  start = format_local (sd_appointment_get_start (appointment), tz);
  /* Translators: an appointment reminder's body: "Cut & blow-dry with Marco, Tue 24 Nov
   * 14:30" (service, stylist, start) */
  *body = g_strdup_printf (_("%s with %s, %s"), sd_appointment_get_service_name (appointment),
                           sd_appointment_get_staff_name (appointment), start);
}

/* ---- Sending and withdrawing ---- */

static GApplication *
registered_application (SdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL || !g_application_get_is_registered (G_APPLICATION (app)))
    return NULL;
  return G_APPLICATION (app);
}

/* Sends notification @id; its action opens @appointment_id, or the inbox when 0. */
static void
send_notice (SdWindow   *self,
             const char *id,
             gint64      appointment_id,
             const char *title,
             const char *body,
             const char *button)
{
  GApplication *app = registered_application (self);

  if (app != NULL)
    {
      g_autoptr(GNotification) notification = g_notification_new (title);
      const char *action = appointment_id != 0 ? "app.show-appointment" : "app.show-view";
      GVariant *target = appointment_id != 0 ? g_variant_new_int64 (appointment_id)
                                             : g_variant_new_string ("inbox");

      g_notification_set_body (notification, body);
      g_variant_ref_sink (target);
      g_notification_set_default_action_and_target_value (notification, action, target);
      g_notification_add_button_with_target_value (notification, button, action, target);
      g_variant_unref (target);
      g_application_send_notification (app, id, notification);
    }
  g_signal_emit (self, signals[NOTICE_SENT], 0, id, appointment_id, title, body);
}

static void
withdraw_notices (SdWindow  *self,
                  GPtrArray *ids)
{
  GApplication *app = registered_application (self);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *notice = g_ptr_array_index (ids, i);

      if (app != NULL)
        g_application_withdraw_notification (app, notice);
      g_signal_emit (self, signals[NOTICE_WITHDRAWN], 0, notice);
    }
}

/* One request's notice is named after it (so its reminder replaces it); several at once
 * (a morning's pull) are one summary, not a flood, named after its first request, so a
 * later summary does not replace one whose requests are still open. */
static char *
requests_notice_id (GPtrArray *requests)
{
  SdInboxItem *first = g_ptr_array_index (requests, 0);

  if (requests->len == 1)
    return sd_store_notice_key (first);
  return g_strdup_printf ("new-requests-%lld",
                          (long long) sd_inbox_item_get_appointment_id (first));
}

static void
send_requests (SdWindow  *self,
               GPtrArray *requests,
               GTimeZone *tz)
{
  g_autofree char *id = requests_notice_id (requests);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gint64 appointment_id = 0;

  if (requests->len == 1)
    {
      sd_window_describe_request (g_ptr_array_index (requests, 0), tz, &title, &body);
      appointment_id = sd_inbox_item_get_appointment_id (g_ptr_array_index (requests, 0));
    }
  else
    sd_window_describe_requests (requests, tz, &title, &body);
  send_notice (self, id, appointment_id, title, body, _("Show"));
}

/* A notice about one item, named after it (sd_store_notice_key): a request's reminder
 * replaces its arrival notice, and both are withdrawn by the same id. Takes @key, @title and
 * @body. */
static void
send_about (SdWindow *self,
            char     *key,
            gint64    appointment_id,
            char     *title,
            char     *body)
{
  send_notice (self, key, appointment_id, title, body, _("Show"));
  g_free (key);
  g_free (title);
  g_free (body);
}

static void
send_resolution (SdWindow    *self,
                 SdComplaint *complaint,
                 const char  *currency)
{
  g_autofree char *id = g_strdup_printf ("complaint-resolved-%lld",
                                         (long long) sd_complaint_get_id (complaint));
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  sd_window_describe_resolution (complaint, currency, &title, &body);
  send_notice (self, id, sd_complaint_get_appointment_id (complaint), title, body,
               _("Show Appointment"));
}

/* ---- Looking up what to tell ---- */

typedef struct
{
  GPtrArray *resolutions;   /* SdComplaint, new */
  GPtrArray *requests;      /* SdInboxItem, new */
  GPtrArray *reminders;     /* SdInboxItem, due */
  GPtrArray *upcoming;      /* SdAppointment, due; NULL unless asked for */
  GPtrArray *withdrawn;     /* ids of shown notices about nothing that can be answered */
  gint64 now;
} Found;

static void
found_free (Found *found)
{
  g_clear_pointer (&found->resolutions, g_ptr_array_unref);
  g_clear_pointer (&found->requests, g_ptr_array_unref);
  g_clear_pointer (&found->reminders, g_ptr_array_unref);
  g_clear_pointer (&found->upcoming, g_ptr_array_unref);
  g_clear_pointer (&found->withdrawn, g_ptr_array_unref);
  g_free (found);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Found, found_free)

typedef gboolean (*MarkFunc) (SdStore *store, gpointer item, GError **error);

/* News: everything listed is told by telling the last one. */
static gboolean
mark_last (SdStore *store, GPtrArray *list, MarkFunc mark, GError **error)
{
  return list->len == 0 || mark (store, g_ptr_array_index (list, list->len - 1), error);
}

static gboolean
mark_each (SdStore *store, GPtrArray *list, MarkFunc mark, GError **error)
{
  for (guint i = 0; i < list->len; i++)
    if (!mark (store, g_ptr_array_index (list, i), error))
      return FALSE;
  return TRUE;
}

/* Keeps in the store which notices are shown and what about: those about nothing in @open
 * (what can still be answered, or is to come) go into @found->withdrawn; those about to be
 * sent are added. */
static gboolean
update_shown (SdStore    *store,
              GHashTable *open,
              Found      *found,
              GError    **error)
{
  g_autoptr(GHashTable) shown = sd_store_get_shown_notices (store, error);
  GHashTableIter iter;
  gpointer id, about;

  if (shown == NULL)
    return FALSE;
  found->withdrawn = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, shown);
  while (g_hash_table_iter_next (&iter, &id, &about))
    {
      gboolean still = FALSE;

      for (char **a = about; *a != NULL && !still; a++)
        still = g_hash_table_contains (open, *a);
      if (!still)
        {
          g_ptr_array_add (found->withdrawn, g_strdup (id));
          g_hash_table_iter_remove (&iter);
        }
    }

  if (found->requests->len > 0)
    {
      GStrv keys = g_new0 (char *, found->requests->len + 1);

      for (guint i = 0; i < found->requests->len; i++)
        keys[i] = sd_store_notice_key (g_ptr_array_index (found->requests, i));
      g_hash_table_insert (shown, requests_notice_id (found->requests), keys);
    }
  for (guint i = 0; i < found->reminders->len; i++)
    {
      char *key = sd_store_notice_key (g_ptr_array_index (found->reminders, i));

      g_hash_table_insert (shown, key, g_strsplit (key, " ", -1));
    }
  for (guint i = 0; found->upcoming != NULL && i < found->upcoming->len; i++)
    {
      char *key = sd_store_appointment_notice_key (g_ptr_array_index (found->upcoming, i));

      g_hash_table_insert (shown, key, g_strsplit (key, " ", -1));
    }
  return sd_store_set_shown_notices (store, shown, error);
}

/* Lists what is new or due and marks it told at once (the notices are sent right after, on
 * the main thread, and sending cannot fail visibly). When a step fails, what was listed and
 * marked before it is still told, and nothing is withdrawn. */
static gboolean
find (SdStore  *store,
      gboolean  upcoming,
      Found    *found,
      GError  **error)
{
  g_autoptr(GPtrArray) answerable = NULL;
  g_autoptr(GPtrArray) to_come = NULL;
  g_autoptr(GHashTable) open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  found->now = sd_clock_get_now (sd_store_get_clock (store));
  if ((found->resolutions = sd_store_list_new_resolutions (store, error)) == NULL
      || !mark_last (store, found->resolutions, (MarkFunc) sd_store_mark_resolution_announced,
                     error)
      || (found->requests = sd_store_list_new_requests (store, error)) == NULL
      || !mark_last (store, found->requests, (MarkFunc) sd_store_mark_request_announced, error)
      || (found->reminders = sd_store_list_due_reminders (store, error)) == NULL
      || !mark_each (store, found->reminders, (MarkFunc) sd_store_mark_reminded, error)
      || (answerable = sd_store_list_answerable (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < answerable->len; i++)
    g_hash_table_add (open, sd_store_notice_key (g_ptr_array_index (answerable, i)));

  if (upcoming)
    {
      if ((found->upcoming = sd_store_list_due_appointment_reminders (store, error)) == NULL
          || !mark_each (store, found->upcoming,
                         (MarkFunc) sd_store_mark_appointment_reminded, error)
          || (to_come = sd_store_list_upcoming (store, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < to_come->len; i++)
        g_hash_table_add (open, sd_store_appointment_notice_key (g_ptr_array_index (to_come, i)));
    }
  return update_shown (store, open, found, error);
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(Found) found = g_new0 (Found, 1);
  g_autoptr(GError) error = NULL;

  /* What could not be looked up is looked up again at the next tick or pass. */
  if (!find (source_object, GPOINTER_TO_INT (task_data), found, &error))
    g_debug ("Notices not all looked up: %s", error->message);
  g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) found_free);
}

static void
send_found (SdWindow *self,
            Found    *found,
            SdSalon  *salon)
{
  GTimeZone *tz = salon != NULL ? sd_salon_get_timezone (salon) : NULL;

  if (found->withdrawn != NULL)
    withdraw_notices (self, found->withdrawn);
  for (guint i = 0; found->resolutions != NULL && i < found->resolutions->len; i++)
    send_resolution (self, g_ptr_array_index (found->resolutions, i),
                     salon != NULL ? sd_salon_get_currency (salon) : NULL);
  if (found->requests != NULL && found->requests->len > 0)
    send_requests (self, found->requests, tz);
  for (guint i = 0; found->reminders != NULL && i < found->reminders->len; i++)
    {
      SdInboxItem *item = g_ptr_array_index (found->reminders, i);
      char *title, *body;

      sd_window_describe_reminder (item, tz, found->now, &title, &body);
      send_about (self, sd_store_notice_key (item), sd_inbox_item_get_appointment_id (item),
                  title, body);
    }
  for (guint i = 0; found->upcoming != NULL && i < found->upcoming->len; i++)
    {
      SdAppointment *appointment = g_ptr_array_index (found->upcoming, i);
      char *title, *body;

      sd_window_describe_upcoming (appointment, tz, found->now, &title, &body);
      send_about (self, sd_store_appointment_notice_key (appointment),
                  sd_appointment_get_id (appointment), title, body);
    }
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Found) found = g_task_propagate_pointer (G_TASK (result), &error);

  if (found == NULL)
    return;   /* cancelled: the window is going */
  self->notices_looking = FALSE;
  send_found (self, found, sd_store_get_salon (SD_STORE (source)));
  if (self->notices_again)
    {
      self->notices_again = FALSE;
      sd_window_check_notices (self);
    }
}

void
sd_window_check_notices (SdWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SD_IS_WINDOW (self));

  if (self->store == NULL || self->notices_off)
    return;
  /* Two lookups at once could both list (and announce) the same news. */
  if (self->notices_looking)
    {
      self->notices_again = TRUE;
      return;
    }
  self->notices_looking = TRUE;
  if (self->notices_cancellable == NULL)
    self->notices_cancellable = g_cancellable_new ();
  task = g_task_new (self->store, self->notices_cancellable, on_found, g_object_ref (self));
  g_task_set_source_tag (task, sd_window_check_notices);
  g_task_set_task_data (task, GINT_TO_POINTER (self->settings != NULL
                                               && g_settings_get_boolean (self->settings,
                                                                          "remind-appointments")),
                        NULL);
  g_task_run_in_thread (task, find_thread);
}

void
sd_window_set_notices_enabled (SdWindow *self,
                               gboolean  enabled)
{
  g_return_if_fail (SD_IS_WINDOW (self));

  self->notices_off = !enabled;
}

void
sd_window_stop_notices (SdWindow *self)
{
  g_cancellable_cancel (self->notices_cancellable);
  g_clear_object (&self->notices_cancellable);
  self->notices_looking = FALSE;
  self->notices_again = FALSE;
}

void
sd_window_class_init_notices (GtkWidgetClass *widget_class)
{
  /* "notice-sent" (const char *id, gint64 appointment_id, const char *title,
   * const char *body): a notice was told (a notification was sent when the window belongs to
   * a running application). @appointment_id is 0 for a summary that opens the inbox. */
  signals[NOTICE_SENT] =
    g_signal_new ("notice-sent", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING,
                  G_TYPE_STRING);
  /* "notice-withdrawn" (const char *id): nothing it was about can be answered any more. */
  signals[NOTICE_WITHDRAWN] =
    g_signal_new ("notice-withdrawn", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

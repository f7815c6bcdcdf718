/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-window-notices.c — the resolution notices: at start and after each sync pass the window
 * asks the store (in a thread) which complaints the marketplace resolved since the last
 * notice, and sends one desktop notification each ("Complaint resolved — Anna Rossi",
 * "Refunded €20.00") whose default action opens the appointment (app.show-appointment).
 * Which ones are new is the store's to say (sd-store-notices.h). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-evidence-pack.h"
#include "sd-store-notices.h"
#include "sd-window-private.h"

static guint resolution_announced_signal;

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

static void
send_notice (SdWindow    *self,
             SdComplaint *complaint,
             const char  *currency)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gint64 appointment_id = sd_complaint_get_appointment_id (complaint);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  sd_window_describe_resolution (complaint, currency, &title, &body);
  if (app != NULL && g_application_get_is_registered (G_APPLICATION (app)))
    {
      g_autoptr(GNotification) notification = g_notification_new (title);
      g_autofree char *id = g_strdup_printf ("complaint-resolved-%lld",
                                             (long long) sd_complaint_get_id (complaint));

      g_notification_set_body (notification, body);
      g_notification_set_default_action_and_target_value (notification, "app.show-appointment",
                                                          g_variant_new_int64 (appointment_id));
      g_notification_add_button_with_target_value (notification, _("Show Appointment"),
                                                   "app.show-appointment",
                                                   g_variant_new_int64 (appointment_id));
      g_application_send_notification (G_APPLICATION (app), id, notification);
    }
  g_signal_emit (self, resolution_announced_signal, 0, appointment_id, title, body);
}

/* In a thread: the new resolutions, marked as announced at once (the notices are sent
 * right after, on the main thread, and sending cannot fail visibly). */
static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SdStore *store = source_object;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sd_store_list_new_resolutions (store, &error);

  if (list == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (list->len > 0
      && !sd_store_mark_resolution_announced (store, g_ptr_array_index (list, list->len - 1),
                                              &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&list), (GDestroyNotify) g_ptr_array_unref);
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = g_task_propagate_pointer (G_TASK (result), &error);
  SdSalon *salon;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->notices_looking = FALSE;
  if (list == NULL)
    /* A notice that could not be looked up is looked up again after the next pass. */
    g_debug ("No resolution notices: %s", error->message);
  else
    {
      salon = sd_store_get_salon (SD_STORE (source));
      for (guint i = 0; i < list->len; i++)
        send_notice (self, g_ptr_array_index (list, i),
                     salon != NULL ? sd_salon_get_currency (salon) : NULL);
    }
  if (self->notices_again)
    {
      self->notices_again = FALSE;
      sd_window_announce_resolutions (self);
    }
}

void
sd_window_announce_resolutions (SdWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SD_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  /* Two lookups at once could both list (and announce) the same resolution. */
  if (self->notices_looking)
    {
      self->notices_again = TRUE;
      return;
    }
  self->notices_looking = TRUE;
  if (self->notices_cancellable == NULL)
    self->notices_cancellable = g_cancellable_new ();
  task = g_task_new (self->store, self->notices_cancellable, on_found, g_object_ref (self));
  g_task_set_source_tag (task, sd_window_announce_resolutions);
  g_task_run_in_thread (task, find_thread);
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
  /* "resolution-announced" (gint64 appointment_id, const char *title, const char *body):
   * a complaint's resolution was announced (a notification was sent when the window
   * belongs to a running application). */
  resolution_announced_signal =
    g_signal_new ("resolution-announced", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING,
                  G_TYPE_STRING);
}

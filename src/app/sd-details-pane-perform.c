/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-details-pane-perform.c — running an action on the shown appointment: in a thread
 * through sd_store_perform (which asks the core's rules), one at a time with later ones
 * queued in order, the "done" toast or the error, the double-booking question, and the
 * cancellation's Undo toast ("appointment.undo-cancel"). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-details-pane-private.h"
#include "sd-policy-error.h"

typedef struct
{
  gint64 id;
  SdActionRequest request;
  char *text;
  gint64 *starts;
} PerformData;

static void
perform_data_free (PerformData *data)
{
  g_free (data->text);
  g_free (data->starts);
  g_free (data);
}

static void
perform_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PerformData *data = task_data;
  GError *error = NULL;
  SdAppointment *result = sd_store_perform (source, data->id, &data->request, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

static void
on_undo_toast_dismissed (SdDetailsPane *self, AdwToast *toast)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
  g_queue_clear_full (&self->pending, (GDestroyNotify) perform_data_free);
}

static void
dismiss_undo_toast (SdDetailsPane *self)
{
  g_autoptr (AdwToast) toast = g_steal_pointer (&self->undo_toast);

  if (toast != NULL)
    adw_toast_dismiss (toast);
}

/* "Appointment cancelled — Undo" for the salon's undo window: the store holds the change
 * back that long, and refuses the undo itself once sending has begun. */
static void
show_undo_toast (SdDetailsPane *self, gint64 id)
{
  SdSalon *salon = sd_store_get_salon (self->store);
  int seconds = salon != NULL ? sd_salon_get_settings (salon)->undo_seconds : 10;
  AdwToast *toast = adw_toast_new (_("Appointment cancelled"));

  dismiss_undo_toast (self);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_detailed_action_name (toast, "appointment.undo-cancel");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_timeout (toast, MAX (seconds, 10));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  self->undo_toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void start_pending (SdDetailsPane *self);

static void
on_performed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdDetailsPane) self = user_data;
  PerformData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (SdAppointment) appointment = g_task_propagate_pointer (G_TASK (result), &error);
  const char *done = sd_details_pane_done_message (data->request.action);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  if (appointment == NULL)
    {
      sd_details_pane_update_actions (self);
      if (g_error_matches (error, SD_POLICY_ERROR, SD_POLICY_ERROR_OVERLAP)
          && !data->request.allow_overlap)
        sd_details_pane_ask_overlap (self, &data->request, error->message);
      else if (data->request.action == SD_ACTION_UNDO_CANCEL)
        {
          dismiss_undo_toast (self);
          sd_details_pane_show_error (self, _("The cancellation was not undone"),
                                      error->message);
        }
      else
        sd_details_pane_show_error (self, _("The appointment was not changed"),
                                    error->message);
      start_pending (self);
      return;
    }

  sd_details_pane_set_appointment (self, appointment);
  if (data->request.action == SD_ACTION_CANCEL)
    show_undo_toast (self, data->id);
  else if (data->request.action == SD_ACTION_UNDO_CANCEL)
    {
      dismiss_undo_toast (self);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Cancellation undone")));
    }
  else if (done != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done));
  else if (data->request.action == SD_ACTION_OPEN_COMPLAINT)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Complaint opened: the appointment is locked "
                                                  "until the marketplace decides")));
  sd_details_pane_changed (self, sd_appointment_get_id (appointment));
  start_pending (self);
}

static void
start_perform (SdDetailsPane *self, PerformData *data)
{
  g_autoptr (GTask) task = NULL;

  self->busy = TRUE;
  sd_details_pane_update_actions (self);

  task = g_task_new (self->store, self->cancellable, on_performed, g_object_ref (self));
  g_task_set_source_tag (task, sd_details_pane_perform);
  g_task_set_task_data (task, data, (GDestroyNotify) perform_data_free);
  g_task_run_in_thread (task, perform_thread);
}

/* The next action asked for while another ran (the wizard's confirmation, the toast's Undo):
 * never dropped, run in the order asked; the store checks each one's rules again. */
static void
start_pending (SdDetailsPane *self)
{
  PerformData *data = g_queue_pop_head (&self->pending);

  if (data != NULL)
    start_perform (self, data);
}

/* Runs @request on appointment @id, which need not be the one shown (an undo). */
static void
perform_on (SdDetailsPane *self, gint64 id, const SdActionRequest *request)
{
  PerformData *data = g_new0 (PerformData, 1);

  data->id = id;
  data->request = *request;
  data->text = g_strdup (request->text);
  data->request.text = data->text;
  if (request->n_proposed_starts > 0)
    data->starts = g_memdup2 (request->proposed_starts,
                              request->n_proposed_starts * sizeof (gint64));
  data->request.proposed_starts = data->starts;

  if (self->busy)
    g_queue_push_tail (&self->pending, data);
  else
    start_perform (self, data);
}

void
sd_details_pane_perform (SdDetailsPane *self, const SdActionRequest *request)
{
  g_return_if_fail (SD_IS_DETAILS_PANE (self));
  g_return_if_fail (request != NULL);

  if (self->appointment == NULL)
    return;
  perform_on (self, sd_appointment_get_id (self->appointment), request);
}

/* The toast's Undo, with the cancelled appointment's id: the store puts back what the
 * cancellation changed, or refuses once the marketplace may have it. */
static void
undo_cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdActionRequest request;

  sd_action_request_init (&request, SD_ACTION_UNDO_CANCEL);
  perform_on (SD_DETAILS_PANE (widget), g_variant_get_int64 (parameter), &request);
}

void
sd_details_pane_clear_pending (SdDetailsPane *self)
{
  g_queue_clear_full (&self->pending, (GDestroyNotify) perform_data_free);
}

void
sd_details_pane_class_init_perform (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "appointment.undo-cancel", "x",
                                   undo_cancel_action);
}

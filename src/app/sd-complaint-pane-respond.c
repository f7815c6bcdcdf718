/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaint-pane-respond.c — sending the salon's answer: sd_store_respond_complaint in a
 * thread (the store validates it and writes the answer, its files and the outbox row in one
 * transaction), then the result on the screen it belongs to, or in a toast when the user
 * has moved on to another complaint meanwhile. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-complaint-pane-private.h"

typedef struct
{
  gint64 complaint_id;
  SdComplaintResponse response;
  char *body;
  GStrv attachments;
} Respond;

static void
respond_free (Respond *r)
{
  g_free (r->body);
  g_strfreev (r->attachments);
  g_free (r);
}

static void
respond_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Respond *r = task_data;
  GError *error = NULL;
  SdComplaint *cm = sd_store_respond_complaint (source, r->complaint_id, &r->response, &error);

  if (cm == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, cm, g_object_unref);
}

static void
on_responded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdComplaintPane) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdComplaint) cm = g_task_propagate_pointer (G_TASK (result), &error);

  Respond *r = g_task_get_task_data (G_TASK (result));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  sd_complaint_pane_set_busy (self, self->loading, FALSE);
  if (r->complaint_id != self->complaint_id)
    {
      /* The user went on to another complaint meanwhile: its screen (files, error line)
       * is not this answer's. Say what happened to the answer, in a toast. */
      if (cm == NULL)
        {
          /* Translators: %s is the store's reason, "This complaint is not waiting …" */
          g_autofree char *text = g_strdup_printf (_("The previous answer was not saved: %s"),
                                                   error->message);
          AdwToast *toast = adw_toast_new (text);

          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      else
        {
          adw_toast_overlay_add_toast (
            self->toast_overlay, adw_toast_new (_("Answer saved; it is sent to the marketplace.")));
          sd_complaint_pane_emit_changed_for (self, r->complaint_id);
        }
      return;
    }
  if (cm == NULL)
    {
      /* The store's own words: they name the rule (or the file) that refused it. */
      gtk_label_set_text (self->answer_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->answer_error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->answer_error_label), FALSE);
  g_ptr_array_set_size (self->files, 0);
  sd_complaint_pane_rebuild_files (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Answer saved; it is sent to the marketplace.")));
  sd_complaint_pane_emit_changed (self);
  sd_complaint_pane_reload (self);
}

void
sd_complaint_pane_respond (SdComplaintPane *self, const SdComplaintResponse *response)
{
  g_autoptr (GTask) task = NULL;
  Respond *r;

  if (self->complaint == NULL || sd_complaint_pane_get_busy (self))
    return;
  r = g_new0 (Respond, 1);
  r->complaint_id = self->complaint_id;
  r->response = *response;
  r->body = g_strdup (response->body);
  r->response.body = r->body;
  r->attachments = g_strdupv ((char **) response->attachments);
  r->response.attachments = (const char *const *) r->attachments;
  gtk_widget_set_visible (GTK_WIDGET (self->answer_error_label), FALSE);
  sd_complaint_pane_set_busy (self, self->loading, TRUE);
  task = g_task_new (self->store, self->cancellable, on_responded, g_object_ref (self));
  g_task_set_source_tag (task, sd_complaint_pane_respond);
  g_task_set_task_data (task, r, (GDestroyNotify) respond_free);
  g_task_run_in_thread (task, respond_thread);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions and their shortcuts (listed in ui/help-overlay.ui), and its link
 * to the marketplace: the connect dialog, the sync engine, reloading after a pull. */
#include "config.h"

#include <string.h>

#include "sd-connect-dialog.h"
#include "sd-inbox-view.h"
#include "sd-marketplace-client.h"
#include "sd-new-appointment-dialog.h"
#include "sd-secret.h"
#include "sd-store-sync.h"
#include "sd-time.h"
#include "sd-window-private.h"

void
sd_window_step (SdWindow *self,
                int       direction)
{
  GTimeZone *tz;
  int days;

  g_return_if_fail (SD_IS_WINDOW (self));
  if (self->model == NULL)
    return;

  tz = sd_agenda_model_get_timezone (self->model);
  days = g_strcmp0 (sd_window_get_view (self), "day") == 0 ? 1 : 7;
  /* Whole local days, so a DST week moves by 7 × 24 h ± 1 h and stays at midnight. */
  sd_window_set_date (self, sd_time_add_days (self->date, tz, direction * days));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  sd_window_step (SD_WINDOW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sd_window_step (SD_WINDOW (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  sd_window_set_date (SD_WINDOW (widget), 0);
}

static void
go_to_date_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_menu_button_popup (SD_WINDOW (widget)->date_button);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_menu_button_popup (SD_WINDOW (widget)->search_button);
}

static void
show_legend_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_menu_button_popup (SD_WINDOW (widget)->legend_button);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sd_window_set_view (SD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SdWindow *self = SD_WINDOW (widget);

  if (self->model != NULL)
    sd_agenda_model_reload (self->model);
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  sd_window_select_appointment (SD_WINDOW (widget), NULL);
}

static void
on_appointment_created (SdWindow *self,
                        gint64    id)
{
  self->pending_select_id = id;
  sd_agenda_model_reload (self->model);
  sd_window_note_local_change (self);
}

static void
open_new_appointment (SdWindow *self,
                      gint64    start,
                      gint64    staff_id)
{
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = sd_new_appointment_dialog_new (GTK_WINDOW (self), self->store, start, staff_id);
  g_signal_connect_object (dialog, "appointment-created", G_CALLBACK (on_appointment_created),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_appointment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SdWindow *self = SD_WINDOW (widget);
  gint64 now = sd_clock_get_now (self->clock);
  gint64 start = 0;

  /* On another day than today, propose that day's opening rather than now. */
  if (sd_time_local_midnight (now, sd_agenda_model_get_timezone (self->model)) != self->date)
    {
      SdSalon *salon = sd_store_get_salon (self->store);
      GDate date;
      int open, close;

      sd_salon_local_date (salon, self->date, &date);
      sd_salon_get_hours (salon, g_date_get_weekday (&date), &open, &close);
      start = sd_time_from_local (sd_agenda_model_get_timezone (self->model),
                                  g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), open / 60, open % 60);
    }
  open_new_appointment (self, start, 0);
}

static void
new_appointment_at_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  gint64 start, staff_id;

  g_variant_get (parameter, "(xx)", &start, &staff_id);
  open_new_appointment (SD_WINDOW (widget), start, staff_id);
}

/* ---- Marketplace sync ---- */

static void
on_sync_status_changed (SdWindow     *self,
                        SdSyncEngine *engine)
{
  gboolean passing = sd_sync_engine_get_state (engine) == SD_SYNC_STATE_SYNCING;
  gboolean pass_ended = self->sync_passing && !passing;

  self->sync_passing = passing;
  /* Any pass, even one that failed later on, may have applied pulled pages. last_sync
   * alone would miss a second pass within the same second. */
  if (!pass_ended || self->model == NULL)
    return;
  sd_agenda_model_reload (self->model);
  if (self->inbox_view != NULL)
    sd_inbox_view_reload (SD_INBOX_VIEW (self->inbox_view));
  sd_window_check_notices (self);
}

void
sd_window_stop_sync (SdWindow *self)
{
  g_return_if_fail (SD_IS_WINDOW (self));

  g_cancellable_cancel (self->sync_cancellable);
  g_clear_object (&self->sync_cancellable);
  if (self->sync_engine == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->sync_engine, self);
  sd_sync_engine_stop (self->sync_engine);
  if (self->sync_status != NULL)
    sd_sync_status_set_engine (self->sync_status, NULL);
  g_clear_object (&self->sync_engine);
}

void
sd_window_connect_sync (SdWindow   *self,
                        const char *url,
                        const char *token)
{
  g_return_if_fail (SD_IS_WINDOW (self));
  g_return_if_fail (url != NULL && token != NULL);
  g_return_if_fail (self->store != NULL);

  sd_window_stop_sync (self);
  self->sync_engine = sd_sync_engine_new (self->store, url, token);
  /* "Try the sandbox" runs on this computer with a self-signed certificate. */
  sd_sync_engine_set_insecure_loopback (self->sync_engine, sd_marketplace_url_is_loopback (url));
  self->sync_passing = FALSE;
  g_signal_connect_object (self->sync_engine, "status-changed",
                           G_CALLBACK (on_sync_status_changed), self, G_CONNECT_SWAPPED);
  sd_sync_status_set_engine (self->sync_status, self->sync_engine);
  sd_sync_engine_start (self->sync_engine);
}

SdSyncEngine *
sd_window_get_sync_engine (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);
  return self->sync_engine;
}

void
sd_window_note_local_change (SdWindow *self)
{
  g_return_if_fail (SD_IS_WINDOW (self));
  if (self->sync_engine != NULL)
    sd_sync_engine_local_change (self->sync_engine);
}

/* What the start-up lookup found: both set, or the window stays disconnected. */
typedef struct
{
  char *url;
  char *token;
} SyncCredentials;

static void
sync_credentials_free (SyncCredentials *c)
{
  g_free (c->url);
  if (c->token != NULL)
    memset (c->token, 0, strlen (c->token));
  g_free (c->token);
  g_free (c);
}

/* Both the meta read (SQLite) and libsecret (D-Bus) block: never on the main thread. */
static void
lookup_sync_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SyncCredentials *c = g_new0 (SyncCredentials, 1);
  GError *error = NULL;

  c->url = sd_store_get_meta (SD_STORE (source_object), SD_STORE_META_URL, &error);
  if (c->url != NULL && *c->url != '\0')
    c->token = sd_secret_lookup_token (c->url, cancellable, &error);
  if (error != NULL)
    {
      sync_credentials_free (c);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, c, (GDestroyNotify) sync_credentials_free);
}

static void
on_sync_looked_up (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  SyncCredentials *c = g_task_propagate_pointer (G_TASK (result), &error);

  if (c == NULL)
    {
      /* No keyring on this desktop is a normal set-up: the desk works offline. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Not connecting to the marketplace: %s", error->message);
      return;
    }
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      if (c->url == NULL || *c->url == '\0')
        g_debug ("No marketplace set for this salon");
      else if (c->token == NULL)
        g_debug ("No token in the keyring for %s: not connecting", c->url);
      else if (self->sync_engine == NULL)
        sd_window_connect_sync (self, c->url, c->token);
    }
  sync_credentials_free (c);
}

void
sd_window_resume_sync (SdWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SD_IS_WINDOW (self));
  if (self->store == NULL || self->sync_engine != NULL || self->sync_cancellable != NULL)
    return;

  self->sync_cancellable = g_cancellable_new ();
  task = g_task_new (self->store, self->sync_cancellable, on_sync_looked_up, g_object_ref (self));
  g_task_run_in_thread (task, lookup_sync_thread);
}

static void
on_connected (SdWindow   *self,
              const char *url,
              const char *token)
{
  sd_window_connect_sync (self, url, token);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SdWindow *self = SD_WINDOW (widget);
  SdConnectDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = sd_connect_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_connected), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sd_window_update_actions (SdWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = self->model != NULL;

  gtk_widget_action_set_enabled (widget, "win.previous", ready);
  gtk_widget_action_set_enabled (widget, "win.next", ready);
  gtk_widget_action_set_enabled (widget, "win.today", ready);
  gtk_widget_action_set_enabled (widget, "win.go-to-date", ready);
  gtk_widget_action_set_enabled (widget, "win.search", ready);
  gtk_widget_action_set_enabled (widget, "win.show-view", ready);
  gtk_widget_action_set_enabled (widget, "win.reload", ready);
  gtk_widget_action_set_enabled (widget, "win.new-appointment", ready);
  gtk_widget_action_set_enabled (widget, "win.new-appointment-at", ready);
  gtk_widget_action_set_enabled (widget, "win.close-details", self->selected != NULL);
  gtk_widget_action_set_enabled (widget, "win.connect", ready);
}

static void
add_view_shortcut (GtkWidgetClass *widget_class,
                   guint           key,
                   const char     *view)
{
  gtk_widget_class_add_binding_action (widget_class, key, GDK_CONTROL_MASK, "win.show-view",
                                       "s", view);
  gtk_widget_class_add_binding_action (widget_class, key, GDK_ALT_MASK, "win.show-view",
                                       "s", view);
}

void
sd_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-date", NULL, go_to_date_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-legend", NULL, show_legend_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.close-details", NULL, close_details_action);
  gtk_widget_class_install_action (widget_class, "win.new-appointment", NULL, new_appointment_action);
  gtk_widget_class_install_action (widget_class, "win.new-appointment-at", "(xx)",
                                   new_appointment_at_action);
  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_property_action (widget_class, "win.hide-cancelled", "hide-cancelled");
  gtk_widget_class_install_property_action (widget_class, "win.show-declined-expired",
                                            "show-declined-expired");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.go-to-date", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.show-legend", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.close-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-appointment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "win.hide-cancelled", NULL);
  add_view_shortcut (widget_class, GDK_KEY_1, "day");
  add_view_shortcut (widget_class, GDK_KEY_2, "week");
  add_view_shortcut (widget_class, GDK_KEY_3, "list");
  add_view_shortcut (widget_class, GDK_KEY_4, "inbox");
  add_view_shortcut (widget_class, GDK_KEY_5, "complaints");
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-window-panes.c — the parts of the window built after the agenda's first frame: the
 * inbox and complaints pages (placeholders until then, so the tabs are there from the
 * start), the details pane, the shortcuts window; and what they tell the window. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-complaints-view.h"
#include "sd-details-pane.h"
#include "sd-inbox-view.h"
#include "sd-window-private.h"

gboolean
sd_window_is_placeholder (SdWindow  *self,
                          GtkWidget *child)
{
  return child != NULL
         && (child == self->inbox_placeholder || child == self->complaints_placeholder);
}

static gboolean
build_panes_cb (gpointer user_data)
{
  SdWindow *self = user_data;

  self->panes_id = 0;
  sd_window_ensure_panes (self);
  return G_SOURCE_REMOVE;
}

void
sd_window_build_panes_later (SdWindow *self,
                             int       priority,
                             guint     delay_ms)
{
  g_clear_handle_id (&self->panes_id, g_source_remove);
  if (delay_ms == 0)
    self->panes_id = g_idle_add_full (priority, build_panes_cb, self, NULL);
  else
    self->panes_id = g_timeout_add_full (priority, delay_ms, build_panes_cb, self, NULL);
}

static void
on_appointment_changed (SdWindow *self,
                        gint64    id)
{
  /* Keep the same appointment selected once the new state is loaded. */
  self->pending_select_id = id;
  sd_agenda_model_reload (self->model);
  if (self->inbox_view != NULL)
    sd_inbox_view_reload (SD_INBOX_VIEW (self->inbox_view));
  sd_window_note_local_change (self);
  /* An answered request's notification goes away. */
  sd_window_check_notices (self);
}

static void
on_deadlines_applied (SdWindow *self,
                      guint     n_changed)
{
  if (n_changed > 0)
    sd_agenda_model_reload (self->model);
}

static void
on_appointment_fetched (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(SdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) a = g_task_propagate_pointer (G_TASK (result), &error);

  if (a == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sd_window_add_toast (self, error->message);
      return;
    }
  sd_window_show_appointment (self, sd_appointment_get_id (a), sd_appointment_get_start (a));
}

static void
fetch_appointment_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  GError *error = NULL;
  SdAppointment *a = sd_store_get_appointment (SD_STORE (source_object),
                                               *(gint64 *) task_data, &error);

  if (a == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, a, g_object_unref);
}

/* Jumps to an appointment known only by id: its day is read in the background, like every
 * other query of the window. */
static void
open_appointment (SdWindow *self,
                  gint64    id)
{
  SdAppointment *a = sd_agenda_model_find (self->model, id);
  g_autoptr(GTask) task = NULL;

  if (a != NULL)
    {
      sd_window_select_appointment (self, a);
      return;
    }
  task = g_task_new (self->store, NULL, on_appointment_fetched, g_object_ref (self));
  g_task_set_task_data (task, g_memdup2 (&id, sizeof id), g_free);
  g_task_run_in_thread (task, fetch_appointment_thread);
}

/* An inbox row: a complaint to answer opens its reply screen, beside the chat (SPEC §3);
 * a request opens the appointment. */
static void
on_inbox_activated (SdWindow *self,
                    gint64    id)
{
  gint64 complaint_id = 0;

  if (self->complaints_view != NULL)
    complaint_id = sd_complaints_view_find_awaiting (SD_COMPLAINTS_VIEW (self->complaints_view),
                                                     id);
  if (complaint_id != 0)
    {
      sd_complaints_view_open (SD_COMPLAINTS_VIEW (self->complaints_view), complaint_id);
      sd_window_set_view (self, "complaints");
      return;
    }
  open_appointment (self, id);
}

/* An answer or a message was written on the complaints page. */
static void
on_complaints_changed (SdWindow *self)
{
  sd_agenda_model_reload (self->model);
  if (self->inbox_view != NULL)
    sd_inbox_view_reload (SD_INBOX_VIEW (self->inbox_view));
  sd_window_note_local_change (self);
}

static gboolean
count_to_attention (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

static GtkWidget *
add_placeholder (SdWindow   *self,
                 const char *name,
                 const char *title,
                 const char *icon_name)
{
  GtkWidget *placeholder = adw_bin_new ();
  AdwViewStackPage *page = adw_view_stack_add_titled (self->view_stack, placeholder, name, title);

  adw_view_stack_page_set_icon_name (page, icon_name);
  return placeholder;
}

/* The tabs and the flap exist from the start; their views come with ensure_panes(). The
 * flap keeps its child, a bin, for good: a flap set after the window had been laid out made
 * AdwFlap 1.2 allocate the view stack with a width of INT_MIN. */
void
sd_window_add_placeholders (SdWindow *self)
{
  GtkWidget *details_bin = adw_bin_new ();

  gtk_widget_set_size_request (details_bin, 360, -1);
  gtk_widget_add_css_class (details_bin, "background");
  adw_flap_set_flap (self->flap, details_bin);
  adw_flap_set_separator (self->flap, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  self->inbox_placeholder = add_placeholder (self, "inbox", _("Inbox"), "mail-unread-symbolic");
  self->complaints_placeholder = add_placeholder (self, "complaints", _("Complaints"),
                                                  "dialog-warning-symbolic");
}

static void
add_panes (SdWindow *self)
{
  AdwViewStackPage *page;

  self->details_pane = sd_details_pane_new (self->store);
  adw_bin_set_child (ADW_BIN (adw_flap_get_flap (self->flap)), self->details_pane);
  g_signal_connect_object (self->details_pane, "appointment-changed",
                           G_CALLBACK (on_appointment_changed), self, G_CONNECT_SWAPPED);

  self->inbox_view = sd_inbox_view_new (self->store);
  page = adw_view_stack_add_titled (self->view_stack, self->inbox_view, "inbox", _("Inbox"));
  adw_view_stack_page_set_icon_name (page, "mail-unread-symbolic");
  g_object_bind_property (self->inbox_view, "count", page, "badge-number", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->inbox_view, "count", page, "needs-attention",
                               G_BINDING_SYNC_CREATE, count_to_attention, NULL, NULL, NULL);
  g_signal_connect_object (self->inbox_view, "appointment-activated",
                           G_CALLBACK (on_inbox_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inbox_view, "deadlines-applied",
                           G_CALLBACK (on_deadlines_applied), self, G_CONNECT_SWAPPED);

  self->complaints_view = sd_complaints_view_new (self->store);
  page = adw_view_stack_add_titled (self->view_stack, self->complaints_view, "complaints",
                                    _("Complaints"));
  adw_view_stack_page_set_icon_name (page, "dialog-warning-symbolic");
  /* The badge counts complaints awaiting the salon's reply. */
  g_object_bind_property (self->complaints_view, "count", page, "badge-number",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->complaints_view, "count", page, "needs-attention",
                               G_BINDING_SYNC_CREATE, count_to_attention, NULL, NULL, NULL);
  g_signal_connect_object (self->complaints_view, "changed",
                           G_CALLBACK (on_complaints_changed), self, G_CONNECT_SWAPPED);
}

/* The shortcuts window (Ctrl+?), which GtkApplication would otherwise build with the
 * window, before its first frame. */
static void
load_help_overlay (SdWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) != NULL)
    return;
  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/help-overlay.ui");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder,
                                                                                         "help_overlay")));
}

/* Builds the details pane, the inbox and the complaints page in place of their placeholders
 * (the last two pages of the stack, so the tabs keep their order), once. */
void
sd_window_ensure_panes (SdWindow *self)
{
  g_autofree char *visible = NULL;

  if (self->inbox_view != NULL || self->store == NULL)
    return;
  g_clear_handle_id (&self->panes_id, g_source_remove);
  g_debug ("Building the panes");
  sd_window_ensure_list_view (self);
  load_help_overlay (self);
  visible = g_strdup (sd_window_get_view (self));
  self->swapping_pages = TRUE;
  adw_view_stack_remove (self->view_stack, self->inbox_placeholder);
  adw_view_stack_remove (self->view_stack, self->complaints_placeholder);
  self->inbox_placeholder = NULL;
  self->complaints_placeholder = NULL;
  add_panes (self);
  if (visible != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, visible);
  self->swapping_pages = FALSE;
  if (self->selected != NULL)
    sd_window_select_appointment (self, self->selected);
  /* What was resolved or arrived while the desk was closed, deadlines near. */
  sd_window_check_notices (self);
  g_debug ("Panes built");
}

void
sd_window_open_appointment (SdWindow *self,
                            gint64    id)
{
  g_return_if_fail (SD_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);

  /* A notice (a resolution, a request) is about the appointment: show it, with its
   * Assistance section, never a reply screen. */
  open_appointment (self, id);
}

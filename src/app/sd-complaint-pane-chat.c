/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaint-pane-chat.c — the left of the reply screen: the appointment's chat (the
 * client's words on the left, the salon's on the right, the system's notes in the middle)
 * with a compose entry that writes through the store in a thread; and the complaint's
 * comments thread as pulled from the marketplace. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-complaint-pane-private.h"

/* ---- Chat ---- */

static GtkWidget *
message_bubble (SdComplaintPane *self, SdMessage *message)
{
  SdParty author = sd_message_get_author (message);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *who = gtk_label_new (NULL);
  GtkWidget *body = gtk_label_new (sd_message_get_body (message));
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  const char *name;

  when = sd_complaint_pane_format_short (self, sd_message_get_at (message));
  switch (author)
    {
    case SD_PARTY_CLIENT:
      name = self->appointment != NULL ? sd_appointment_get_client_name (self->appointment)
                                       : _("Client");
      break;
    case SD_PARTY_SALON:
      name = _("You");
      break;
    default:
      name = _("Salon Desk");
      break;
    }
  /* Translators: above a chat message, "Anna Rossi · Mon 23 Nov, 10:30" */
  meta = g_strdup_printf (_("%s · %s"), name, when);
  gtk_label_set_text (GTK_LABEL (who), meta);
  gtk_widget_add_css_class (who, "caption");
  gtk_widget_add_css_class (who, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 40);
  gtk_box_append (GTK_BOX (box), who);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  if (author == SD_PARTY_SYSTEM || author == SD_PARTY_STAFF)
    {
      /* System notes sit in the middle, small: they are not anyone's words. */
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_label_set_justify (GTK_LABEL (body), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (body, "caption");
      gtk_widget_add_css_class (body, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (who), 0.5);
      gtk_box_append (GTK_BOX (box), body);
    }
  else
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gboolean mine = author == SD_PARTY_SALON;

      gtk_label_set_xalign (GTK_LABEL (who), mine ? 1 : 0);
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_widget_set_margin_top (body, 8);
      gtk_widget_set_margin_bottom (body, 8);
      gtk_widget_set_margin_start (body, 10);
      gtk_widget_set_margin_end (body, 10);
      gtk_box_append (GTK_BOX (card), body);
      gtk_widget_add_css_class (card, "card");
      /* The salon's own words are on the right, in the accent colour. */
      if (mine)
        gtk_widget_add_css_class (body, "accent");
      gtk_widget_set_halign (card, mine ? GTK_ALIGN_END : GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), card);
      gtk_widget_set_halign (box, mine ? GTK_ALIGN_END : GTK_ALIGN_START);
    }
  return box;
}

/* The newest message is at the bottom: show it once the list has its size. */
static gboolean
scroll_chat_to_end (gpointer user_data)
{
  SdComplaintPane *self = user_data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->chat_scroller);

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  return G_SOURCE_REMOVE;
}

void
sd_complaint_pane_show_messages (SdComplaintPane *self, GPtrArray *messages)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chat_list))) != NULL)
    gtk_list_box_remove (self->chat_list, child);
  for (guint i = 0; i < messages->len; i++)
    {
      GtkWidget *bubble = message_bubble (self, g_ptr_array_index (messages, i));

      gtk_list_box_append (self->chat_list, bubble);
      gtk_list_box_row_set_activatable (
        GTK_LIST_BOX_ROW (gtk_widget_get_parent (bubble)), FALSE);
    }
  if (messages->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No messages yet. What you write here reaches the "
                                          "client through the marketplace."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 24);
      gtk_list_box_append (self->chat_list, empty);
    }
  g_idle_add_full (G_PRIORITY_LOW, scroll_chat_to_end, g_object_ref (self), g_object_unref);
}


/* ---- The comments thread ---- */

static const char *
comment_author (SdComplaintPane *self, SdParty author)
{
  switch (author)
    {
    case SD_PARTY_SALON:
      return _("You");
    case SD_PARTY_STAFF:
      return _("Marketplace staff");
    case SD_PARTY_CLIENT:
    default:
      return self->complaint != NULL ? sd_complaint_get_client_name (self->complaint)
                                     : _("Client");
    }
}

void
sd_complaint_pane_show_comments (SdComplaintPane *self, GPtrArray *comments)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->comments_list))) != NULL)
    gtk_list_box_remove (self->comments_list, child);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      SdComplaintComment *comment = g_ptr_array_index (comments, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *meta = gtk_label_new (NULL);
      GtkWidget *body = gtk_label_new (comment->body);
      g_autofree char *when = sd_complaint_pane_format_instant (self, comment->at);
      /* Translators: above a complaint comment, "Marketplace staff · Mon 23 Nov 2026, 13:00" */
      g_autofree char *meta_text = g_strdup_printf (_("%s · %s"),
                                                    comment_author (self, comment->author),
                                                    when);

      gtk_label_set_text (GTK_LABEL (meta), meta_text);
      gtk_label_set_xalign (GTK_LABEL (meta), 0);
      gtk_widget_add_css_class (meta, "caption");
      gtk_widget_add_css_class (meta, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
      gtk_box_append (GTK_BOX (box), meta);
      gtk_box_append (GTK_BOX (box), body);
      if (comment->attachment_names != NULL && comment->attachment_names[0] != NULL)
        {
          GtkWidget *files = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          g_autofree char *names = g_strjoinv (", ", comment->attachment_names);
          GtkWidget *label = gtk_label_new (names);

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "caption");
          gtk_box_append (GTK_BOX (files),
                          gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
          gtk_box_append (GTK_BOX (files), label);
          gtk_box_append (GTK_BOX (box), files);
        }
      gtk_widget_set_margin_top (box, 10);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_list_box_append (self->comments_list, box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (box)), FALSE);
    }
  gtk_widget_set_visible (self->comments_group, comments != NULL && comments->len > 0);
}


/* ---- Messages ---- */

static void
message_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  gint64 appointment_id = *(gint64 *) g_object_get_data (G_OBJECT (task), "appointment");
  SdActionRequest request;
  GError *error = NULL;
  SdAppointment *a;

  sd_action_request_init (&request, SD_ACTION_MESSAGE);
  request.by = SD_PARTY_SALON;
  request.text = task_data;
  a = sd_store_perform (source, appointment_id, &request, &error);
  if (a == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, a, g_object_unref);
}

static void
on_message_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdComplaintPane) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdAppointment) a = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  sd_complaint_pane_set_busy (self, self->loading, FALSE);
  if (a == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* Only what was sent goes: words typed on while it was sending stay in the entry. */
  {
    g_autofree char *now_typed = g_strstrip (g_strdup (gtk_editable_get_text (
                                               GTK_EDITABLE (self->message_entry))));

    if (g_strcmp0 (now_typed, g_task_get_task_data (G_TASK (result))) == 0)
      gtk_editable_set_text (GTK_EDITABLE (self->message_entry), "");
  }
  sd_complaint_pane_emit_changed (self);
  sd_complaint_pane_reload (self);
}

static void
send_message_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdComplaintPane *self = SD_COMPLAINT_PANE (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                        GTK_EDITABLE (self->message_entry))));
  g_autoptr (GTask) task = NULL;
  gint64 *id;

  if (self->appointment == NULL || *text == '\0' || sd_complaint_pane_get_busy (self))
    return;
  id = g_new (gint64, 1);
  *id = sd_appointment_get_id (self->appointment);
  sd_complaint_pane_set_busy (self, self->loading, TRUE);
  task = g_task_new (self->store, self->cancellable, on_message_sent, g_object_ref (self));
  g_task_set_source_tag (task, send_message_action);
  g_object_set_data_full (G_OBJECT (task), "appointment", id, g_free);
  g_task_set_task_data (task, g_steal_pointer (&text), g_free);
  g_task_run_in_thread (task, message_thread);
}

static void
on_message_changed (SdComplaintPane *self)
{
  sd_complaint_pane_update_actions (self);
}

static void
on_message_activate (SdComplaintPane *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "complaint.send-message", NULL);
}

void
sd_complaint_pane_class_init_chat (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_message_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_message_activate);
  gtk_widget_class_install_action (widget_class, "complaint.send-message", NULL,
                                   send_message_action);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaint-pane.c — the reply screen beside the appointment's chat (SPEC §3: the salon
 * answers from the same screen as the chat with that client). Everything the store does
 * runs in a GTask thread; the pane only shows results and enables actions. The chat and
 * the comments thread are in sd-complaint-pane-chat.c, the answers in
 * sd-complaint-pane-answers.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-complaint-pane-private.h"
#include "sd-complaints-view.h"
#include "sd-deadline.h"
#include "sd-evidence-export.h"
#include "sd-money.h"
#include "sd-time.h"

#define MINUTE_SECONDS 60
/* Under this much time left the deadline is red. */
#define URGENT_SECONDS (2 * 3600)
/* A redo is offered in the next two weeks, on the half hour. */
#define REDO_DAYS 14
#define REDO_STEP (30 * 60)
#define REDO_MAX_SLOTS 400

G_DEFINE_FINAL_TYPE (SdComplaintPane, sd_complaint_pane, ADW_TYPE_BIN)

enum { PROP_0, PROP_STORE, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
sd_pane_file_free (SdPaneFile *file)
{
  g_free (file->path);
  g_free (file->name);
  g_clear_object (&file->texture);
  g_free (file);
}

gint64
sd_complaint_pane_now (SdComplaintPane *self)
{
  return sd_clock_get_now (sd_store_get_clock (self->store));
}

static char *
format_local (SdComplaintPane *self, gint64 instant, const char *format)
{
  SdSalon *salon = sd_store_get_salon (self->store);
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = salon != NULL ? g_date_time_to_timezone (utc, sd_salon_get_timezone (salon))
                        : g_date_time_ref (utc);
  return g_date_time_format (local, format);
}

char *
sd_complaint_pane_format_instant (SdComplaintPane *self, gint64 instant)
{
  /* Translators: a date and time on the reply screen, see g_date_time_format() */
  return format_local (self, instant, _("%a %-d %b %Y, %H:%M"));
}

char *
sd_complaint_pane_format_short (SdComplaintPane *self, gint64 instant)
{
  /* Translators: a short date and time on the reply screen, see g_date_time_format() */
  return format_local (self, instant, _("%a %-d %b, %H:%M"));
}

void
sd_complaint_pane_emit_changed_for (SdComplaintPane *self, gint64 complaint_id)
{
  g_signal_emit (self, signals[CHANGED], 0, complaint_id);
}

void
sd_complaint_pane_emit_changed (SdComplaintPane *self)
{
  sd_complaint_pane_emit_changed_for (self, self->complaint_id);
}

char *
sd_complaint_pane_format_slot (SdComplaintPane *self, gint64 start, gint64 end)
{
  /* Translators: a free time's start and end, see g_date_time_format() */
  g_autofree char *from = format_local (self, start, _("%H:%M"));
  g_autofree char *to = format_local (self, end, _("%H:%M"));

  /* Translators: a free time for a redo, "09:00 – 09:45" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

char *
sd_complaint_pane_format_day (SdComplaintPane *self, gint64 instant)
{
  /* Translators: a day heading in the redo times, "Tuesday 24 November"; see
   * g_date_time_format() */
  return format_local (self, instant, _("%A %-d %B"));
}

char *
sd_complaint_pane_format_money (SdComplaintPane *self, gint64 cents)
{
  SdSalon *salon = sd_store_get_salon (self->store);

  return sd_money_format (cents, salon != NULL ? sd_salon_get_currency (salon) : NULL);
}

gboolean
sd_complaint_pane_get_busy (SdComplaintPane *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT_PANE (self), FALSE);
  return self->loading || self->sending;
}

void
sd_complaint_pane_set_busy (SdComplaintPane *self, gboolean loading, gboolean sending)
{
  gboolean was = sd_complaint_pane_get_busy (self);

  self->loading = loading;
  self->sending = sending;
  gtk_spinner_set_spinning (self->busy_spinner, self->sending);
  sd_complaint_pane_update_actions (self);
  if (was != sd_complaint_pane_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- The complaint ---- */

static void
update_deadline (SdComplaintPane *self)
{
  gint64 reply_by, left;
  g_autofree char *exact = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label = GTK_WIDGET (self->deadline_label);

  if (self->complaint == NULL)
    return;
  reply_by = sd_complaint_get_reply_by (self->complaint);
  gtk_widget_remove_css_class (label, "error");
  if (reply_by == 0)
    {
      gtk_label_set_text (self->deadline_label, _("None: the salon opened it"));
      return;
    }
  exact = sd_complaint_pane_format_instant (self, reply_by);
  left = reply_by - sd_complaint_pane_now (self);
  if (sd_complaint_get_status (self->complaint) == SD_COMPLAINT_AWAITING_REPLY)
    {
      duration = sd_time_format_duration (left);
      text = left >= 0
             /* Translators: "Mon 23 Nov 2026, 14:30 (3 h 12 min left)" */
             ? g_strdup_printf (_("%s (%s left)"), exact, duration)
             /* Translators: "Mon 23 Nov 2026, 14:30 (overdue by 2 h)" */
             : g_strdup_printf (_("%s (%s)"), exact, duration);
      if (left < URGENT_SECONDS)
        gtk_widget_add_css_class (label, "error");
    }
  else
    text = g_steal_pointer (&exact);
  gtk_label_set_text (self->deadline_label, text);
}

GtkWidget *
sd_complaint_pane_thumbnail (const char *path, const char *name, GdkTexture *texture,
                             gboolean removable)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *caption = gtk_label_new (name);
  GtkWidget *preview;

  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
  if (texture != NULL)
    {
      preview = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_content_fit (GTK_PICTURE (preview), GTK_CONTENT_FIT_COVER);
      gtk_picture_set_can_shrink (GTK_PICTURE (preview), TRUE);
    }
  else
    {
      preview = gtk_image_new_from_icon_name (g_str_has_suffix (name, ".pdf")
                                              || g_str_has_suffix (name, ".PDF")
                                              ? "x-office-document-symbolic"
                                              : "image-x-generic-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (preview), 48);
      gtk_widget_add_css_class (preview, "dim-label");
    }
  /* A fixed size, never expanding: the grid of files must not grow with the window. */
  gtk_widget_set_size_request (preview, 112, 96);
  gtk_box_append (GTK_BOX (frame), preview);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), frame);
  if (removable)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

      gtk_widget_set_halign (remove, GTK_ALIGN_END);
      gtk_widget_set_valign (remove, GTK_ALIGN_START);
      gtk_widget_set_margin_top (remove, 4);
      gtk_widget_set_margin_end (remove, 4);
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_add_css_class (remove, "osd");
      /* Translators: tooltip of the button that takes a file off the answer */
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "complaint.remove-file");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                              g_variant_new_string (path));
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), remove);
    }
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 14);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_set_tooltip_text (box, name);
  gtk_box_append (GTK_BOX (box), overlay);
  gtk_box_append (GTK_BOX (box), caption);
  return box;
}

static void
show_attachments (SdComplaintPane *self, GPtrArray *textures)
{
  const char *const *paths = sd_complaint_get_attachments (self->complaint);
  guint n = 0;

  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box))) != NULL)
    gtk_flow_box_remove (self->attachments_box, child);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++, n++)
    {
      g_autofree char *name = g_path_get_basename (paths[i]);
      GdkTexture *texture = textures != NULL && i < textures->len
                            ? g_ptr_array_index (textures, i) : NULL;

      gtk_flow_box_append (self->attachments_box,
                           sd_complaint_pane_thumbnail (paths[i], name, texture, FALSE));
    }
  gtk_widget_set_visible (self->attachments_group, n > 0);
}

static void
show_complaint (SdComplaintPane *self)
{
  SdComplaint *cm = self->complaint;
  SdComplaintStatus status = sd_complaint_get_status (cm);
  g_autofree char *title = NULL;
  g_autofree char *start = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *opened_text = NULL;
  g_autofree char *asked = NULL;
  g_autofree char *chat = NULL;

  /* Translators: the reply screen's title, "Anna Rossi — Cut & blow-dry" */
  title = g_strdup_printf (_("%s — %s"), sd_complaint_get_client_name (cm),
                           sd_complaint_get_service_name (cm));
  gtk_label_set_text (self->title_label, title);
  start = sd_complaint_pane_format_instant (self, sd_complaint_get_appointment_start (cm));
  if (self->appointment != NULL && sd_appointment_get_staff_name (self->appointment) != NULL)
    /* Translators: "Appointment Mon 23 Nov 2026, 10:00 with Marco" */
    subtitle = g_strdup_printf (_("Appointment %s with %s"), start,
                                sd_appointment_get_staff_name (self->appointment));
  else
    /* Translators: "Appointment Mon 23 Nov 2026, 10:00" */
    subtitle = g_strdup_printf (_("Appointment %s"), start);
  gtk_label_set_text (self->subtitle_label, subtitle);
  /* Translators: the chat's heading, "Chat with Anna Rossi" */
  chat = g_strdup_printf (_("Chat with %s"), sd_complaint_get_client_name (cm));
  gtk_label_set_text (self->chat_title, chat);

  gtk_image_set_from_icon_name (self->status_icon, sd_complaints_view_status_icon (status));
  gtk_label_set_text (self->status_label, sd_complaints_view_status_label (status));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  if (status == SD_COMPLAINT_MISSED)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");

  opened = sd_complaint_pane_format_instant (self, sd_complaint_get_opened_at (cm));
  opened_text = sd_complaint_get_opened_by (cm) == SD_PARTY_SALON
                /* Translators: "By the salon, Mon 23 Nov 2026, 10:30" */
                ? g_strdup_printf (_("By the salon, %s"), opened)
                /* Translators: "By the client, Mon 23 Nov 2026, 10:30" */
                : g_strdup_printf (_("By the client, %s"), opened);
  gtk_label_set_text (self->opened_label, opened_text);
  asked = sd_complaint_pane_format_money (self, sd_complaint_get_refund_requested_cents (cm));
  gtk_label_set_text (self->refund_asked_label, asked);
  if (self->appointment != NULL)
    {
      g_autofree char *paid = sd_complaint_pane_format_money (
        self, sd_appointment_get_amount_cents (self->appointment));
      g_autofree char *refunded = sd_complaint_pane_format_money (
        self, sd_appointment_get_refunded_cents (self->appointment));
      g_autofree char *text = NULL;

      if (sd_appointment_get_payment_mode (self->appointment) == SD_PAYMENT_AT_SALON)
        /* Translators: "€45.00 at the salon" */
        text = g_strdup_printf (_("%s at the salon"), paid);
      else if (sd_appointment_get_refunded_cents (self->appointment) > 0)
        /* Translators: "€45.00 online, €20.00 refunded" */
        text = g_strdup_printf (_("%s online, %s refunded"), paid, refunded);
      else
        /* Translators: "€45.00 online" */
        text = g_strdup_printf (_("%s online"), paid);
      gtk_label_set_text (self->paid_label, text);
    }
  gtk_label_set_text (self->reason_label, sd_complaint_get_reason (cm));
  update_deadline (self);
  sd_complaint_pane_show_answers (self);
}

/* ---- Loading ---- */

typedef struct
{
  SdComplaint *complaint;
  SdAppointment *appointment;
  GPtrArray *messages;
  GPtrArray *comments;      /* SdComplaintComment */
  GArray *slots;
  GPtrArray *textures;      /* one per attachment, NULL where it is not a picture */
} PaneLoad;

static void
pane_load_free (PaneLoad *load)
{
  g_clear_object (&load->complaint);
  g_clear_object (&load->appointment);
  g_clear_pointer (&load->messages, g_ptr_array_unref);
  g_clear_pointer (&load->comments, g_ptr_array_unref);
  g_clear_pointer (&load->slots, g_array_unref);
  g_clear_pointer (&load->textures, g_ptr_array_unref);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaneLoad, pane_load_free)

static void
unref_texture (gpointer texture)
{
  if (texture != NULL)
    g_object_unref (texture);
}

static GdkTexture *
load_texture (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  /* A picture that does not decode still goes: it shows as an icon. */
  return gdk_texture_new_from_file (file, NULL);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SdStore *store = source;
  gint64 id = *(gint64 *) task_data;
  g_autoptr (PaneLoad) load = g_new0 (PaneLoad, 1);
  GError *error = NULL;
  const char *const *paths;

  load->complaint = sd_store_get_complaint (store, id, &error);
  if (load->complaint != NULL)
    load->appointment = sd_store_get_appointment (store,
                                                  sd_complaint_get_appointment_id (load->complaint),
                                                  &error);
  if (load->appointment != NULL)
    load->messages = sd_store_list_messages (store, sd_appointment_get_id (load->appointment),
                                             &error);
  if (load->messages != NULL)
    load->comments = sd_store_list_complaint_comments (store, id, &error);
  if (load->comments != NULL
      && sd_complaint_get_status (load->complaint) == SD_COMPLAINT_AWAITING_REPLY)
    {
      gint64 now = sd_clock_get_now (sd_store_get_clock (store));
      gint64 duration = sd_appointment_get_end (load->appointment)
                        - sd_appointment_get_start (load->appointment);

      load->slots = sd_store_list_free_slots (store,
                                              sd_appointment_get_staff_id (load->appointment),
                                              duration, now, now + REDO_DAYS * 86400,
                                              REDO_STEP, REDO_MAX_SLOTS, &error);
    }
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  load->textures = g_ptr_array_new_with_free_func (unref_texture);
  paths = sd_complaint_get_attachments (load->complaint);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (load->textures, load_texture (paths[i]));
  g_task_return_pointer (task, g_steal_pointer (&load), (GDestroyNotify) pane_load_free);
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdComplaintPane) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaneLoad) load = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (load == NULL)
    {
      sd_complaint_pane_set_busy (self, FALSE, self->sending);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_set_object (&self->complaint, load->complaint);
  g_set_object (&self->appointment, load->appointment);
  g_clear_pointer (&self->slots, g_array_unref);
  self->slots = g_steal_pointer (&load->slots);
  show_complaint (self);
  show_attachments (self, load->textures);
  sd_complaint_pane_show_comments (self, load->comments);
  sd_complaint_pane_show_messages (self, load->messages);
  gtk_stack_set_visible_child_name (self->stack, "complaint");
  sd_complaint_pane_set_busy (self, FALSE, self->sending);
}

void
sd_complaint_pane_reload (SdComplaintPane *self)
{
  g_autoptr (GTask) task = NULL;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  sd_complaint_pane_set_busy (self, TRUE, self->sending);
  task = g_task_new (self->store, self->load_cancellable, on_loaded, g_object_ref (self));
  g_task_set_source_tag (task, sd_complaint_pane_reload);
  g_task_set_task_data (task, g_memdup2 (&self->complaint_id, sizeof self->complaint_id), g_free);
  g_task_run_in_thread (task, load_thread);
}

void
sd_complaint_pane_set_complaint (SdComplaintPane *self, gint64 complaint_id)
{
  g_return_if_fail (SD_IS_COMPLAINT_PANE (self));
  g_return_if_fail (self->store != NULL);

  if (self->complaint_id != complaint_id)
    {
      /* Another complaint: nothing typed for the last one carries over. */
      g_clear_object (&self->complaint);
      g_clear_object (&self->appointment);
      g_ptr_array_set_size (self->files, 0);
      self->files_generation++;   /* a check still running was for the last one */
      self->files_checking = 0;
      sd_complaint_pane_rebuild_files (self);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->contest_view), "", -1);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->message_entry), "");
      gtk_check_button_set_active (self->refund_full_check, TRUE);
      self->chosen_slot = 0;
      gtk_widget_set_visible (GTK_WIDGET (self->files_error_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->answer_error_label), FALSE);
      gtk_stack_set_visible_child_name (self->answers_stack, "refund");
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  self->complaint_id = complaint_id;
  sd_complaint_pane_reload (self);
}

SdComplaint *
sd_complaint_pane_get_complaint (SdComplaintPane *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT_PANE (self), NULL);
  return self->complaint;
}

/* ---- Evidence pack ---- */

static void
on_evidence_saved (GtkWidget *pane, GFile *pdf)
{
  sd_complaint_pane_update_actions (SD_COMPLAINT_PANE (pane));
}

void
sd_complaint_pane_export_evidence_to (SdComplaintPane *self, GFile *pdf)
{
  g_return_if_fail (SD_IS_COMPLAINT_PANE (self));

  /* The appointment loaded with the complaint. */
  if (self->appointment != NULL)
    sd_evidence_save_for_pane (GTK_WIDGET (self), "complaint.export-evidence",
                               self->toast_overlay, self->store, self->appointment, pdf,
                               self->cancellable, on_evidence_saved);
}

static void
export_evidence_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  sd_complaint_pane_export_evidence_to (SD_COMPLAINT_PANE (widget), NULL);
}

/* ---- Actions ---- */

void
sd_complaint_pane_update_actions (SdComplaintPane *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean busy = sd_complaint_pane_get_busy (self);
  gboolean open = self->complaint != NULL && !busy
                  && sd_complaint_get_status (self->complaint) == SD_COMPLAINT_AWAITING_REPLY
                  && !sd_complaint_pane_is_late (self);
  const char *problem = NULL;
  g_autofree char *body = NULL;
  g_autofree char *message = NULL;

  if (self->message_entry == NULL)
    return;   /* disposed */
  message = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->message_entry))));
  body = open ? sd_complaint_pane_contest_body (self) : NULL;
  gtk_widget_action_set_enabled (widget, "complaint.send-refund",
                                 open && sd_complaint_pane_refund_amount (self, &problem) > 0);
  gtk_widget_action_set_enabled (widget, "complaint.send-redo",
                                 open && sd_complaint_pane_selected_slot (self) != 0);
  /* Not while chosen files are being checked: the answer would go without them. */
  gtk_widget_action_set_enabled (widget, "complaint.send-contest",
                                 open && body != NULL && *body != '\0'
                                 && self->files_checking == 0);
  gtk_widget_action_set_enabled (widget, "complaint.add-files", open);
  gtk_widget_action_set_enabled (widget, "complaint.remove-file", !busy);
  gtk_widget_action_set_enabled (widget, "complaint.send-message",
                                 self->appointment != NULL && !busy
                                 && message[0] != '\0');
  /* Exporting only reads: an answer being sent does not stop it. */
  gtk_widget_action_set_enabled (widget, "complaint.export-evidence",
                                 self->appointment != NULL
                                 && !sd_evidence_save_running (widget));
}

static void
tick (SdComplaintPane *self)
{
  update_deadline (self);
  sd_complaint_pane_update_effects (self);
  sd_complaint_pane_update_actions (self);
}

static gboolean
on_minute (gpointer user_data)
{
  tick (user_data);
  return G_SOURCE_CONTINUE;
}

/* ---- GObject ---- */

static void
sd_complaint_pane_dispose (GObject *object)
{
  SdComplaintPane *self = SD_COMPLAINT_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->minute_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_COMPLAINT_PANE);
  self->message_entry = NULL;

  G_OBJECT_CLASS (sd_complaint_pane_parent_class)->dispose (object);
}

static void
sd_complaint_pane_finalize (GObject *object)
{
  SdComplaintPane *self = SD_COMPLAINT_PANE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->complaint);
  g_clear_object (&self->appointment);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->slots, g_array_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_complaint_pane_parent_class)->finalize (object);
}

static void
set_store (SdComplaintPane *self, SdStore *store)
{
  if (store == NULL || self->store == store)
    return;
  g_return_if_fail (self->store == NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (sd_store_get_clock (store), "notify::now", G_CALLBACK (tick), self,
                           G_CONNECT_SWAPPED);
  self->minute_source = g_timeout_add_seconds (MINUTE_SECONDS, on_minute, self);
}

static void
sd_complaint_pane_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  SdComplaintPane *self = SD_COMPLAINT_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, sd_complaint_pane_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_complaint_pane_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  SdComplaintPane *self = SD_COMPLAINT_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_complaint_pane_class_init (SdComplaintPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_complaint_pane_dispose;
  object_class->finalize = sd_complaint_pane_finalize;
  object_class->get_property = sd_complaint_pane_get_property;
  object_class->set_property = sd_complaint_pane_set_property;

  /* Writable once after construction: the complaints view's template builds the pane
   * before the view has its store. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sd-complaint-pane.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SdComplaintPane, name)
  BIND (toast_overlay);
  BIND (stack);
  BIND (spinner);
  BIND (error_page);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (busy_spinner);
  BIND (header_suffix);
  BIND (chat_title);
  BIND (chat_scroller);
  BIND (chat_list);
  BIND (message_entry);
  BIND (status_icon);
  BIND (status_label);
  BIND (deadline_label);
  BIND (opened_label);
  BIND (refund_asked_label);
  BIND (paid_label);
  BIND (reason_label);
  BIND (comments_group);
  BIND (comments_list);
  BIND (attachments_group);
  BIND (attachments_box);
  BIND (answer_stack);
  BIND (answers_stack);
  BIND (answer_error_label);
  BIND (closed_icon);
  BIND (closed_title);
  BIND (closed_label);
  BIND (refund_full_check);
  BIND (refund_partial_check);
  BIND (amount_entry);
  BIND (amount_hint_label);
  BIND (amount_error_label);
  BIND (refund_effect_label);
  BIND (redo_intro_label);
  BIND (slots_list);
  BIND (redo_effect_label);
  BIND (contest_view);
  BIND (files_error_label);
  BIND (files_box);
  BIND (contest_effect_label);
#undef BIND
  sd_complaint_pane_class_init_chat (widget_class);
  sd_complaint_pane_class_init_answers (widget_class);
  gtk_widget_class_install_action (widget_class, "complaint.export-evidence", NULL,
                                   export_evidence_action);
}

static void
sd_complaint_pane_init (SdComplaintPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_pane_file_free);
  g_signal_connect_object (gtk_text_view_get_buffer (self->contest_view), "changed",
                           G_CALLBACK (sd_complaint_pane_update_actions), self,
                           G_CONNECT_SWAPPED);
  sd_complaint_pane_init_answers (self);
  sd_complaint_pane_update_actions (self);
}

GtkWidget *
sd_complaint_pane_new (SdStore *store)
{
  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  return g_object_new (SD_TYPE_COMPLAINT_PANE, "store", store, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaint-pane-answers.c — the three answers of the reply screen. Each checks what it
 * can before sending (the amount, a slot, a body, every file at once, with the store's own
 * attachment check) and says what it will do to the complaint and the reputation; the
 * store still decides, and its refusal is shown as it words it. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-complaint-pane-private.h"
#include "sd-deadline.h"
#include "sd-money.h"

gboolean
sd_complaint_pane_is_late (SdComplaintPane *self)
{
  gint64 reply_by;

  if (self->complaint == NULL
      || sd_complaint_get_status (self->complaint) != SD_COMPLAINT_AWAITING_REPLY)
    return FALSE;
  reply_by = sd_complaint_get_reply_by (self->complaint);
  return reply_by != 0 && sd_deadline_passed (reply_by, sd_complaint_pane_now (self));
}

static gint64
refundable (SdComplaintPane *self)
{
  return self->appointment != NULL ? sd_appointment_get_refundable_cents (self->appointment) : 0;
}

/* ---- What each answer does ---- */

void
sd_complaint_pane_update_effects (SdComplaintPane *self)
{
  SdSalon *salon = sd_store_get_salon (self->store);
  g_autofree char *refund = NULL;
  g_autofree char *redo = NULL;
  g_autofree char *contest = NULL;

  if (self->complaint == NULL || salon == NULL)
    return;
  if (sd_complaint_pane_is_late (self))
    {
      g_autofree char *due = sd_complaint_pane_format_instant (
        self, sd_complaint_get_reply_by (self->complaint));
      /* Translators: %s is the deadline, "Mon 23 Nov 2026, 14:30" */
      g_autofree char *late = g_strdup_printf (_("Too late: the deadline passed on %s. The "
                                                 "marketplace no longer accepts an answer, and "
                                                 "the complaint counts against your "
                                                 "reputation."), due);

      refund = g_strdup (late);
      redo = g_strdup (late);
      contest = g_steal_pointer (&late);
    }
  else
    {
      int days = sd_salon_get_settings (salon)->redo_business_days;
      gint64 until = sd_deadline_redo_by (salon, sd_complaint_pane_now (self));
      g_autofree char *until_text = sd_complaint_pane_format_instant (self, until);

      refund = g_strdup (_("The complaint closes. Answered before the deadline, it does not "
                           "affect your reputation."));
      redo = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %d business days, until a date */
                                           "The client has %d business day to accept, until %s. "
                                           "Answered before the deadline, it does not affect "
                                           "your reputation.",
                                           "The client has %d business days to accept, until "
                                           "%s. Answered before the deadline, it does not "
                                           "affect your reputation.", days),
                              days, until_text);
      contest = g_strdup (_("The marketplace staff decide, from your comment and files. "
                            "Answered before the deadline, the complaint does not count "
                            "against your reputation, whatever they decide."));
    }
  gtk_label_set_text (self->refund_effect_label, refund);
  gtk_label_set_text (self->redo_effect_label, redo);
  gtk_label_set_text (self->contest_effect_label, contest);
}

/* ---- Refund ---- */

gint64
sd_complaint_pane_refund_amount (SdComplaintPane *self, const char **problem)
{
  const char *text;
  gint64 cents = 0;

  *problem = NULL;
  if (self->appointment == NULL)
    return 0;
  if (refundable (self) <= 0)
    {
      *problem = _("Nothing is left to refund: the client paid at the salon, or everything "
                   "was refunded already.");
      return 0;
    }
  if (gtk_check_button_get_active (self->refund_full_check))
    return refundable (self);

  text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  if (text == NULL || *text == '\0')
    return 0;   /* nothing typed yet: no message, the button waits */
  if (!sd_money_parse (text, &cents))
    *problem = _("Write the amount as a number, like 12.50.");
  else if (cents <= 0)
    *problem = _("The refund must be more than nothing.");
  else if (cents > refundable (self))
    *problem = _("That is more than can be refunded: at most what was paid, less earlier "
                 "refunds.");
  return *problem == NULL ? cents : 0;
}

static void
on_refund_changed (SdComplaintPane *self)
{
  const char *problem = NULL;
  gboolean partial = gtk_check_button_get_active (self->refund_partial_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->amount_entry), partial);
  sd_complaint_pane_refund_amount (self, &problem);
  gtk_label_set_text (self->amount_error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->amount_error_label), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->amount_entry), "error");
  sd_complaint_pane_update_actions (self);
}

static void
on_amount_activate (SdComplaintPane *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "complaint.send-refund", NULL);
}

static void
send_refund_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdComplaintPane *self = SD_COMPLAINT_PANE (widget);
  SdComplaintResponse response = { .action = SD_RESPONSE_REFUND };
  const char *problem = NULL;

  response.amount_cents = sd_complaint_pane_refund_amount (self, &problem);
  if (response.amount_cents <= 0)
    return;
  sd_complaint_pane_respond (self, &response);
}

/* ---- Redo ---- */

gint64
sd_complaint_pane_selected_slot (SdComplaintPane *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->slots_list);
  guint index;

  if (row == NULL || self->slots == NULL)
    return 0;
  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sd-slot"));
  if (index == 0 || index > self->slots->len)
    return 0;
  return g_array_index (self->slots, gint64, index - 1);
}

/* The chosen time gets a check mark: the row highlight alone is faint. */
static void
on_slot_selected (SdComplaintPane *self)
{
  GtkListBoxRow *selected;

  if (self->slots_list == NULL)
    return;   /* disposed: the list unselects as it goes */
  selected = gtk_list_box_get_selected_row (self->slots_list);
  if (selected != NULL)
    self->chosen_slot = sd_complaint_pane_selected_slot (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->slots_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "sd-check");

      if (check != NULL)
        gtk_widget_set_opacity (check, row == GTK_WIDGET (selected) ? 1 : 0);
    }
  sd_complaint_pane_update_actions (self);
}

/* The day of a slot, as a local date number (for day headers). */
static guint
slot_day (SdComplaintPane *self, GtkListBoxRow *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sd-slot"));
  g_autofree char *day = NULL;

  if (index == 0 || self->slots == NULL || index > self->slots->len)
    return 0;
  day = sd_complaint_pane_format_day (self, g_array_index (self->slots, gint64, index - 1));
  return g_str_hash (day);
}

/* A heading above the first time of each day: the list is long (two weeks). */
static void
slot_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  SdComplaintPane *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sd-slot"));
  g_autofree char *day = NULL;
  GtkWidget *header;

  /* Rows of the previous load are asked too while they are being removed. */
  if (index == 0 || self->slots == NULL || index > self->slots->len
      || (before != NULL && slot_day (self, before) == slot_day (self, row)))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  day = sd_complaint_pane_format_day (self, g_array_index (self->slots, gint64, index - 1));
  header = gtk_label_new (day);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, 10);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_set_margin_start (header, 12);
  gtk_list_box_row_set_header (row, header);
}

static void
fill_slots (SdComplaintPane *self)
{
  GtkWidget *child;
  gint64 duration = sd_appointment_get_end (self->appointment)
                    - sd_appointment_get_start (self->appointment);
  const char *staff = sd_appointment_get_staff_name (self->appointment);
  g_autofree char *intro = NULL;
  gint64 chosen = self->chosen_slot;

  /* Reloaded (after a pull): the time the user picked stays picked if it is still free. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slots_list))) != NULL)
    gtk_list_box_remove (self->slots_list, child);
  /* Translators: "A free Cut & blow-dry (45 min) with Marco, in the next two weeks:" */
  intro = g_strdup_printf (_("A free %s (%d min) with %s, in the next two weeks:"),
                           sd_appointment_get_service_name (self->appointment),
                           (int) (duration / 60), staff != NULL ? staff : "");
  gtk_label_set_text (self->redo_intro_label, intro);
  gtk_list_box_set_header_func (self->slots_list, slot_header, self, NULL);

  /* Plain rows: two weeks of half hours are a few hundred of them. */
  for (guint i = 0; self->slots != NULL && i < self->slots->len; i++)
    {
      gint64 start = g_array_index (self->slots, gint64, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
      g_autofree char *title = sd_complaint_pane_format_slot (self, start, start + duration);
      GtkWidget *label = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_opacity (check, 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), check);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "sd-check", check);
      g_object_set_data (G_OBJECT (row), "sd-slot", GUINT_TO_POINTER (i + 1));
      gtk_list_box_append (self->slots_list, row);
      if (start == chosen)
        gtk_list_box_select_row (self->slots_list, GTK_LIST_BOX_ROW (row));
    }
  if (self->slots == NULL || self->slots->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No free time in the next two weeks."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_set_placeholder (self->slots_list, none);
    }
}

static void
send_redo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdComplaintPane *self = SD_COMPLAINT_PANE (widget);
  SdComplaintResponse response = { .action = SD_RESPONSE_OFFER_REDO };

  response.redo_start = sd_complaint_pane_selected_slot (self);
  if (response.redo_start == 0)
    return;
  sd_complaint_pane_respond (self, &response);
}

/* ---- Contest and its files ---- */

char *
sd_complaint_pane_contest_body (SdComplaintPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->contest_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

GPtrArray *
sd_complaint_pane_dup_files (SdComplaintPane *self)
{
  GPtrArray *paths;

  g_return_val_if_fail (SD_IS_COMPLAINT_PANE (self), NULL);

  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->files->len; i++)
    g_ptr_array_add (paths, g_strdup (((SdPaneFile *) g_ptr_array_index (self->files, i))->path));
  return paths;
}

void
sd_complaint_pane_rebuild_files (SdComplaintPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->files_box))) != NULL)
    gtk_flow_box_remove (self->files_box, child);
  for (guint i = 0; i < self->files->len; i++)
    {
      SdPaneFile *file = g_ptr_array_index (self->files, i);

      gtk_flow_box_append (self->files_box,
                           sd_complaint_pane_thumbnail (file->path, file->name, file->texture,
                                                        TRUE));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->files_box), self->files->len > 0);
}

typedef struct
{
  GPtrArray *accepted;   /* SdPaneFile */
  GPtrArray *refused;    /* translated messages naming the file */
} FileCheck;

static void
file_check_free (FileCheck *check)
{
  g_ptr_array_unref (check->accepted);
  g_ptr_array_unref (check->refused);
  g_free (check);
}

static void
check_files_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  char **paths = task_data;
  FileCheck *check = g_new0 (FileCheck, 1);

  check->accepted = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_pane_file_free);
  check->refused = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      const char *type = NULL;
      SdPaneFile *file;

      /* The store's own rule, so what is accepted here is what the answer will accept. */
      if (!sd_store_check_attachment (paths[i], &type, NULL, &error))
        {
          g_ptr_array_add (check->refused, g_strdup (error->message));
          continue;
        }
      file = g_new0 (SdPaneFile, 1);
      file->path = g_strdup (paths[i]);
      file->name = g_path_get_basename (paths[i]);
      file->content_type = type;
      if (g_str_has_prefix (type, "image/"))
        {
          g_autoptr (GFile) gfile = g_file_new_for_path (paths[i]);

          file->texture = gdk_texture_new_from_file (gfile, NULL);
        }
      g_ptr_array_add (check->accepted, file);
    }
  g_task_return_pointer (task, check, (GDestroyNotify) file_check_free);
}

static gboolean
has_file (SdComplaintPane *self, const char *path)
{
  for (guint i = 0; i < self->files->len; i++)
    if (g_strcmp0 (((SdPaneFile *) g_ptr_array_index (self->files, i))->path, path) == 0)
      return TRUE;
  return FALSE;
}

static void
on_files_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdComplaintPane) self = user_data;
  g_autoptr (GError) error = NULL;
  FileCheck *check = g_task_propagate_pointer (G_TASK (result), &error);
  GPtrArray *refused;

  if (check == NULL)
    return;   /* cancelled */
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "sd-generation"))
      != self->files_generation)
    {
      file_check_free (check);   /* chosen for another complaint */
      return;
    }
  refused = g_ptr_array_ref (check->refused);
  g_object_set_data (G_OBJECT (self), "sd-checking", NULL);
  self->files_checking--;
  for (guint i = 0; i < check->accepted->len; i++)
    {
      SdPaneFile *file = g_ptr_array_index (check->accepted, i);

      if (!has_file (self, file->path))
        g_ptr_array_add (self->files, g_ptr_array_steal_index (check->accepted, i--));
    }
  file_check_free (check);

  g_ptr_array_add (refused, NULL);
  {
    g_autofree char *text = g_strjoinv ("\n", (char **) refused->pdata);

    gtk_label_set_text (self->files_error_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->files_error_label), refused->len > 1);
  }
  g_ptr_array_unref (refused);
  sd_complaint_pane_rebuild_files (self);
  sd_complaint_pane_update_actions (self);
}

void
sd_complaint_pane_add_files (SdComplaintPane *self, GFile **files, guint n_files)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (SD_IS_COMPLAINT_PANE (self));

  for (guint i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);

      /* A file that is not on this computer (a network location) is refused by the check
       * like any unreadable one: its URI stands in for the path. */
      g_ptr_array_add (paths, path != NULL ? path : g_file_get_uri (files[i]));
    }
  g_ptr_array_add (paths, NULL);
  gtk_stack_set_visible_child_name (self->answers_stack, "contest");
  task = g_task_new (NULL, self->cancellable, on_files_checked, g_object_ref (self));
  g_task_set_source_tag (task, sd_complaint_pane_add_files);
  g_object_set_data (G_OBJECT (task), "sd-generation",
                     GUINT_TO_POINTER (self->files_generation));
  g_task_set_task_data (task, g_ptr_array_free (g_steal_pointer (&paths), FALSE),
                        (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, check_files_thread);
  self->files_checking++;
  sd_complaint_pane_update_actions (self);
}

static void
on_chooser_response (SdComplaintPane *self, int response, GtkNativeDialog *dialog)
{
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));
      if (files->len > 0)
        sd_complaint_pane_add_files (self, (GFile **) files->pdata, files->len);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
add_files_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdComplaintPane *self = SD_COMPLAINT_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Add Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Pictures and PDF documents"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_file_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdComplaintPane *self = SD_COMPLAINT_PANE (widget);
  const char *path = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < self->files->len; i++)
    if (g_strcmp0 (((SdPaneFile *) g_ptr_array_index (self->files, i))->path, path) == 0)
      {
        g_ptr_array_remove_index (self->files, i);
        break;
      }
  sd_complaint_pane_rebuild_files (self);
  sd_complaint_pane_update_actions (self);
}

static gboolean
on_drop (SdComplaintPane *self, const GValue *value, double x, double y, GtkDropTarget *target)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr (GPtrArray) files = g_ptr_array_new ();
  GSList *items;

  if (list == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self))
      || self->complaint == NULL
      || sd_complaint_get_status (self->complaint) != SD_COMPLAINT_AWAITING_REPLY)
    return FALSE;
  items = gdk_file_list_get_files (list);
  for (GSList *l = items; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (items);
  if (files->len == 0)
    return FALSE;
  sd_complaint_pane_add_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static void
send_contest_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdComplaintPane *self = SD_COMPLAINT_PANE (widget);
  g_autofree char *body = sd_complaint_pane_contest_body (self);
  g_autoptr (GPtrArray) paths = sd_complaint_pane_dup_files (self);
  SdComplaintResponse response = { .action = SD_RESPONSE_CONTEST };

  if (*body == '\0')
    return;
  g_ptr_array_add (paths, NULL);
  response.body = body;
  response.attachments = (const char *const *) paths->pdata;
  sd_complaint_pane_respond (self, &response);
}

/* ---- Showing the answers, or why there is none to give ---- */

static char *
closed_text (SdComplaintPane *self, const char **title, const char **icon)
{
  SdComplaint *cm = self->complaint;
  SdSalon *salon = sd_store_get_salon (self->store);
  gint64 responded = sd_complaint_get_responded_at (cm);
  g_autofree char *when = sd_complaint_pane_format_instant (self, responded);
  g_autofree char *answer = NULL;

  switch (sd_complaint_get_response_action (cm))
    {
    case SD_RESPONSE_REFUND:
      {
        g_autofree char *amount = sd_complaint_pane_format_money (
          self, sd_complaint_get_response_amount_cents (cm));
        /* Translators: "You refunded €20.00 on Mon 23 Nov 2026, 10:00." */
        answer = g_strdup_printf (_("You refunded %s on %s."), amount, when);
      }
      break;
    case SD_RESPONSE_OFFER_REDO:
      {
        g_autofree char *redo = sd_complaint_pane_format_instant (
          self, sd_complaint_get_response_redo_start (cm));
        g_autofree char *until = sd_complaint_pane_format_instant (
          self, sd_deadline_redo_by (salon, responded));
        /* Translators: "You offered a redo on Tue 24 Nov 2026, 10:00 (answered Mon …); the
         * client can accept it until Wed 2 Dec 2026, 10:00." */
        answer = g_strdup_printf (_("You offered a redo on %s (answered %s); the client can "
                                    "accept it until %s."), redo, when, until);
      }
      break;
    case SD_RESPONSE_CONTEST:
      /* Translators: "You contested it on Mon 23 Nov 2026, 10:00: “The colour …”" */
      answer = g_strdup_printf (_("You contested it on %s: “%s”"), when,
                                sd_complaint_get_response_body (cm) != NULL
                                ? sd_complaint_get_response_body (cm) : "");
      break;
    case SD_RESPONSE_NONE:
    default:
      break;
    }

  switch (sd_complaint_get_status (cm))
    {
    case SD_COMPLAINT_MISSED:
      {
        g_autofree char *due = sd_complaint_pane_format_instant (self,
                                                                 sd_complaint_get_reply_by (cm));
        *title = _("Missed: no answer was given in time");
        *icon = "appointment-missed-symbolic";
        /* Translators: %s is the deadline */
        return g_strdup_printf (_("The deadline (%s) passed without an answer. The client’s "
                                  "claim stands and counts against your reputation."), due);
      }
    case SD_COMPLAINT_UNDER_REVIEW:
      *title = _("Answered: the marketplace staff are reviewing it");
      *icon = "emblem-synchronizing-symbolic";
      return answer != NULL ? g_steal_pointer (&answer)
                            : g_strdup (_("The marketplace staff decide what happens next."));
    case SD_COMPLAINT_RESOLVED:
    default:
      *title = _("Resolved: no answer is needed any more");
      *icon = "emblem-ok-symbolic";
      if (answer != NULL)
        return g_steal_pointer (&answer);
      if (sd_complaint_get_outcome_note (cm) != NULL)
        /* Translators: the marketplace staff's note on their resolution */
        return g_strdup_printf (_("The marketplace staff resolved it: “%s”"),
                                sd_complaint_get_outcome_note (cm));
      return g_strdup (_("The marketplace staff resolved it."));
    }
}

void
sd_complaint_pane_show_answers (SdComplaintPane *self)
{
  SdComplaint *cm = self->complaint;

  if (sd_complaint_get_status (cm) != SD_COMPLAINT_AWAITING_REPLY)
    {
      const char *title = NULL;
      const char *icon = NULL;
      g_autofree char *text = closed_text (self, &title, &icon);

      gtk_label_set_text (self->closed_title, title);
      gtk_label_set_text (self->closed_label, text);
      gtk_image_set_from_icon_name (self->closed_icon, icon);
      gtk_stack_set_visible_child_name (self->answer_stack, "closed");
    }
  else
    {
      g_autofree char *full = sd_complaint_pane_format_money (self, refundable (self));
      /* Translators: "Full refund: €45.00" */
      g_autofree char *full_text = g_strdup_printf (_("Full refund: %s"), full);
      /* Translators: "At most €45.00" — the refundable amount */
      g_autofree char *hint = g_strdup_printf (_("At most %s"), full);

      gtk_check_button_set_label (self->refund_full_check, full_text);
      gtk_label_set_text (self->amount_hint_label, hint);
      if (self->appointment != NULL)
        fill_slots (self);
      gtk_stack_set_visible_child_name (self->answer_stack, "open");
      on_refund_changed (self);
    }
  sd_complaint_pane_update_effects (self);
}

void
sd_complaint_pane_init_answers (SdComplaintPane *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
sd_complaint_pane_class_init_answers (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_refund_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_slot_selected);

  gtk_widget_class_install_action (widget_class, "complaint.send-refund", NULL,
                                   send_refund_action);
  gtk_widget_class_install_action (widget_class, "complaint.send-redo", NULL, send_redo_action);
  gtk_widget_class_install_action (widget_class, "complaint.send-contest", NULL,
                                   send_contest_action);
  gtk_widget_class_install_action (widget_class, "complaint.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "complaint.remove-file", "s",
                                   remove_file_action);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-details-pane-history.c — the appointment's timeline (sd_store_list_history: state
 * changes, messages, complaint events, refunds), read in a thread so the pane never waits
 * on the database, each entry with its time (salon's zone) and who did it. The words are
 * sd-evidence-pack's, so the pane and the evidence PDF tell the same story. The complaint
 * read with it feeds the countdown and the Assistance section. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-details-pane-private.h"
#include "sd-evidence-pack.h"
#include "sd-history-entry.h"
#include "sd-money.h"
#include "sd-state-style.h"

typedef struct
{
  GPtrArray *history;
  SdComplaint *complaint;
} HistoryResult;

static void
history_result_free (HistoryResult *result)
{
  g_clear_pointer (&result->history, g_ptr_array_unref);
  g_clear_object (&result->complaint);
  g_free (result);
}

static void
load_history_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SdStore *store = source;
  SdAppointment *appointment = task_data;
  g_autoptr (GError) error = NULL;
  HistoryResult *result = g_new0 (HistoryResult, 1);

  result->history = sd_store_list_history (store, sd_appointment_get_id (appointment), &error);
  if (result->history == NULL)
    {
      history_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (sd_appointment_get_complaint_id (appointment) != 0)
    /* A complaint that cannot be read only costs the countdown, not the history. */
    result->complaint = sd_store_get_complaint (store,
                                                sd_appointment_get_complaint_id (appointment),
                                                NULL);
  g_task_return_pointer (task, result, (GDestroyNotify) history_result_free);
}

static const char *
pane_currency (SdDetailsPane *self)
{
  return self->appointment != NULL ? sd_appointment_get_currency (self->appointment) : NULL;
}

static GtkWidget *
create_history_row (SdDetailsPane *self, SdHistoryEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = sd_evidence_describe_history_entry (entry, pane_currency (self));
  gboolean resolution = sd_history_entry_get_action (entry) == SD_ACTION_RESOLVE_COMPLAINT;
  g_autofree char *when = sd_details_pane_format_instant (self, sd_history_entry_get_at (entry));
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_title = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  const char *detail = sd_history_entry_get_detail (entry);
  gint64 amount = sd_history_entry_get_amount_cents (entry);

  /* Translators: "Mon 23 Nov 2026, 14:30, by the salon" */
  g_string_printf (text, _("%s, by %s"), when,
                   sd_details_pane_party_label (sd_history_entry_get_by (entry)));
  /* A resolution's title already says the outcome and the amount in words. */
  if (amount != 0 && !resolution)
    {
      g_autofree char *money = sd_money_format (amount, pane_currency (self));
      g_string_append_printf (text, " · %s", money);
    }
  if (detail != NULL && *detail != '\0' && !resolution)
    g_string_append_printf (text, "\n%s", detail);
  subtitle = g_markup_escape_text (text->str, -1);

  escaped_title = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (
                               sd_state_style_get_icon_name (
                                 sd_history_entry_get_to_state (entry))));
  return row;
}

static void
on_history_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdDetailsPane) self = user_data;
  g_autoptr (GError) error = NULL;
  HistoryResult *loaded = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean resolution_listed = FALSE;
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->history_spinner, FALSE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  if (loaded == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not load the history: %s"),
                                               error->message);
      gtk_label_set_text (self->history_message, text);
      gtk_stack_set_visible_child_name (self->history_stack, "message");
      return;
    }

  g_set_object (&self->complaint, loaded->complaint);
  for (guint i = 0; i < loaded->history->len; i++)
    {
      SdHistoryEntry *entry = g_ptr_array_index (loaded->history, i);

      gtk_list_box_append (self->history_list, create_history_row (self, entry));
      resolution_listed |= sd_history_entry_get_action (entry) == SD_ACTION_RESOLVE_COMPLAINT;
    }
  /* A resolution pulled from the marketplace changes the state ("sync") but has no event of
   * its own: the complaint holds it. */
  if (!resolution_listed && self->complaint != NULL
      && sd_complaint_get_status (self->complaint) == SD_COMPLAINT_RESOLVED)
    {
      g_autoptr (SdHistoryEntry) entry = sd_history_entry_new ();

      sd_history_entry_set_at (entry, sd_complaint_get_resolved_at (self->complaint));
      sd_history_entry_set_event (entry, sd_action_to_string (SD_ACTION_RESOLVE_COMPLAINT));
      sd_history_entry_set_action (entry, SD_ACTION_RESOLVE_COMPLAINT);
      sd_history_entry_set_by (entry, SD_PARTY_STAFF);
      sd_history_entry_set_from_state (entry, SD_STATE_DISPUTED);
      sd_history_entry_set_to_state (entry, sd_appointment_get_state (self->appointment));
      sd_history_entry_set_detail (entry, sd_outcome_to_string (sd_complaint_get_outcome (self->complaint)));
      sd_history_entry_set_amount_cents (entry,
                                         sd_complaint_get_outcome_amount_cents (self->complaint));
      gtk_list_box_append (self->history_list, create_history_row (self, entry));
    }
  sd_details_pane_show_assistance (self);

  if (gtk_widget_get_first_child (GTK_WIDGET (self->history_list)) == NULL)
    {
      gtk_label_set_text (self->history_message, _("Nothing has happened yet."));
      gtk_stack_set_visible_child_name (self->history_stack, "message");
    }
  else
    gtk_stack_set_visible_child_name (self->history_stack, "list");

  history_result_free (loaded);
  sd_details_pane_update_countdown (self);
}

void
sd_details_pane_load_history (SdDetailsPane *self)
{
  g_autoptr (GTask) task = NULL;

  g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);
  /* The same appointment keeps showing its complaint until the new one is read, so the
   * Assistance section does not blink on every reload. */
  if (self->complaint != NULL
      && (self->appointment == NULL
          || sd_complaint_get_appointment_id (self->complaint)
             != sd_appointment_get_id (self->appointment)))
    g_clear_object (&self->complaint);
  sd_details_pane_show_assistance (self);
  if (self->appointment == NULL)
    return;

  self->history_cancellable = g_cancellable_new ();
  gtk_spinner_set_spinning (self->history_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->history_stack, "loading");

  task = g_task_new (self->store, self->history_cancellable, on_history_loaded,
                     g_object_ref (self));
  g_task_set_source_tag (task, sd_details_pane_load_history);
  g_task_set_task_data (task, sd_appointment_copy (self->appointment), g_object_unref);
  g_task_run_in_thread (task, load_history_thread);
}

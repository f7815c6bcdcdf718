/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-details-pane-dialogs.c — the questions the details pane asks before an action: a
 * decline reason (with the ranking warning), proposed times, a new start, the cancel wizard
 * (sd-cancel-wizard.c), a message to the client, and the double-booking "anyway". Each
 * builds an SdActionRequest and hands it to sd_details_pane_perform(); none decides a rule. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-cancel-wizard.h"
#include "sd-details-pane-private.h"
#include "sd-staff.h"
#include "sd-time.h"

#define N_PROPOSED 3

typedef struct
{
  SdDetailsPane *pane;           /* owned */
  GtkWidget *entries[N_PROPOSED];
  GtkWidget *staff_dropdown;
  GArray *staff_ids;
  GtkWidget *summary_label;
  SdActionRequest request;       /* for the overlap question */
  char *text;
  gint64 starts[N_PROPOSED];
} Ask;

static void
ask_free (gpointer data, GClosure *closure)
{
  Ask *ask = data;

  g_clear_object (&ask->pane);
  g_clear_pointer (&ask->staff_ids, g_array_unref);
  g_free (ask->text);
  g_free (ask);
}

static Ask *
ask_new (SdDetailsPane *self)
{
  Ask *ask = g_new0 (Ask, 1);

  ask->pane = g_object_ref (self);
  return ask;
}

static GtkWindow *
pane_window (SdDetailsPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
message_dialog_new (SdDetailsPane *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (pane_window (self), heading, body);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

gboolean
sd_details_pane_parse_local (const char *text, GTimeZone *tz, gint64 *out)
{
  int year, month, day, hour, minute, consumed = 0;

  if (text == NULL)
    return FALSE;
  text += strspn (text, " ");
  if (sscanf (text, "%4d-%2d-%2d %2d:%2d%n", &year, &month, &day, &hour, &minute,
              &consumed) != 5)
    return FALSE;
  if (text[consumed + strspn (text + consumed, " ")] != '\0')
    return FALSE;
  if (year < 1970 || !g_date_valid_dmy (day, month, year)
      || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return FALSE;
  *out = sd_time_from_local (tz, year, month, day, hour, minute);
  return TRUE;
}

static char *
format_for_entry (SdDetailsPane *self, gint64 instant)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  GTimeZone *tz = sd_details_pane_get_timezone (self);
  g_autoptr (GDateTime) local = tz != NULL ? g_date_time_to_timezone (utc, tz)
                                           : g_date_time_ref (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GtkWidget *
datetime_entry_new (SdDetailsPane *self, gint64 example)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *placeholder = format_for_entry (self, example);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 18);
  return entry;
}

/* ---- Errors and the double-booking question ---- */

void
sd_details_pane_show_error (SdDetailsPane *self, const char *heading, const char *message)
{
  GtkWidget *dialog = message_dialog_new (self, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_overlap_response (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  if (!g_str_equal (response, "anyway"))
    return;
  ask->request.allow_overlap = TRUE;
  sd_details_pane_perform (ask->pane, &ask->request);
}

void
sd_details_pane_ask_overlap (SdDetailsPane *self, const SdActionRequest *request,
                             const char *message)
{
  Ask *ask = ask_new (self);
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", message,
                                           _("Book both only if the staff member can "
                                             "really take them at the same time."));
  GtkWidget *dialog = message_dialog_new (self, _("Double booking"), body);

  ask->request = *request;
  ask->text = g_strdup (request->text);
  ask->request.text = ask->text;
  ask->request.n_proposed_starts = MIN (request->n_proposed_starts, N_PROPOSED);
  for (guint i = 0; i < ask->request.n_proposed_starts; i++)
    ask->starts[i] = request->proposed_starts[i];
  ask->request.proposed_starts = ask->starts;

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "anyway", request->action == SD_ACTION_RESCHEDULE
                                              ? _("Reschedule _Anyway")
                                              : _("Accept _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anyway",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_overlap_response), ask,
                         ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Decline ---- */

static void
on_decline_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "decline", *reason != '\0');
}

static void
on_decline_response (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  g_autofree char *reason = NULL;
  SdActionRequest request;

  if (!g_str_equal (response, "decline"))
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->entries[0]))));
  sd_action_request_init (&request, SD_ACTION_DECLINE);
  request.text = reason;
  sd_details_pane_perform (ask->pane, &request);
}

void
sd_details_pane_ask_decline (SdDetailsPane *self)
{
  Ask *ask = ask_new (self);
  GtkWidget *dialog = message_dialog_new (self, _("Decline this request?"),
                                          _("Declining lowers the salon’s ranking on the "
                                            "marketplace. The client sees your reason. "
                                            "If another time would suit, answer "
                                            "“Unavailable” instead."));

  ask->entries[0] = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (ask->entries[0]),
                                  _("Reason, e.g. fully booked that day"));
  gtk_entry_set_activates_default (GTK_ENTRY (ask->entries[0]), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), ask->entries[0]);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Request"),
                                    "decline", _("_Decline"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "decline",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "decline", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "decline");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (ask->entries[0], "changed", G_CALLBACK (on_decline_changed),
                           dialog, 0);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_decline_response), ask,
                         ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Unavailable: 1 to 3 proposed start times ---- */

/* Reads the filled entries into ask->starts; marks the bad ones. Returns how many are
 * valid, or -1 if any filled one is not a date and time. */
static int
read_proposed (Ask *ask)
{
  GTimeZone *tz = sd_details_pane_get_timezone (ask->pane);
  int n = 0;
  gboolean bad = FALSE;

  for (guint i = 0; i < N_PROPOSED; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (ask->entries[i]));
      gint64 start;

      gtk_widget_remove_css_class (ask->entries[i], "error");
      if (text[strspn (text, " ")] == '\0')
        continue;
      if (sd_details_pane_parse_local (text, tz, &start))
        ask->starts[n++] = start;
      else
        {
          gtk_widget_add_css_class (ask->entries[i], "error");
          bad = TRUE;
        }
    }
  return bad ? -1 : n;
}

static void
on_proposed_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "sd-ask");
  int n = read_proposed (ask);

  gtk_widget_set_visible (ask->summary_label, n < 0);
  adw_message_dialog_set_response_enabled (dialog, "propose", n > 0);
}

static void
on_unavailable_response (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  SdActionRequest request;
  int n;

  if (!g_str_equal (response, "propose") || (n = read_proposed (ask)) <= 0)
    return;
  sd_action_request_init (&request, SD_ACTION_UNAVAILABLE);
  request.proposed_starts = ask->starts;
  request.n_proposed_starts = n;
  sd_details_pane_perform (ask->pane, &request);
}

void
sd_details_pane_ask_unavailable (SdDetailsPane *self)
{
  Ask *ask = ask_new (self);
  GtkWidget *dialog = message_dialog_new (self, _("Propose other times"),
                                          _("The request stays open and the client’s phone "
                                            "number is shown, so you can call and agree on "
                                            "one of these times. Enter one to three start "
                                            "times."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gint64 start = sd_appointment_get_start (self->appointment);

  for (guint i = 0; i < N_PROPOSED; i++)
    {
      ask->entries[i] = datetime_entry_new (self, start + (gint64) (i + 1) * 3600);
      gtk_box_append (GTK_BOX (box), ask->entries[i]);
      g_signal_connect_object (ask->entries[i], "changed", G_CALLBACK (on_proposed_changed),
                               dialog, 0);
    }
  ask->summary_label = gtk_label_new (_("Write each time as year-month-day hour:minute, "
                                        "e.g. 2026-11-24 15:30."));
  gtk_label_set_wrap (GTK_LABEL (ask->summary_label), TRUE);
  gtk_widget_add_css_class (ask->summary_label, "error");
  gtk_widget_set_visible (ask->summary_label, FALSE);
  gtk_box_append (GTK_BOX (box), ask->summary_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "propose", _("_Propose Times"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "propose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "propose", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "propose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sd-ask", ask);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_unavailable_response), ask,
                         ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Reschedule ---- */

static void
on_reschedule_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "sd-ask");
  gint64 start;
  gboolean ok = sd_details_pane_parse_local (gtk_editable_get_text (entry),
                                             sd_details_pane_get_timezone (ask->pane), &start);

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_visible (ask->summary_label, !ok);
  adw_message_dialog_set_response_enabled (dialog, "reschedule", ok);
}

static void
on_reschedule_response (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  SdActionRequest request;
  gint64 start;
  guint selected;

  if (!g_str_equal (response, "reschedule")
      || !sd_details_pane_parse_local (gtk_editable_get_text (GTK_EDITABLE (ask->entries[0])),
                                       sd_details_pane_get_timezone (ask->pane), &start))
    return;
  sd_action_request_init (&request, SD_ACTION_RESCHEDULE);
  request.new_start = start;
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (ask->staff_dropdown));
  if (ask->staff_ids != NULL && selected < ask->staff_ids->len)
    request.new_staff_id = g_array_index (ask->staff_ids, gint64, selected);
  sd_details_pane_perform (ask->pane, &request);
}

void
sd_details_pane_ask_reschedule (SdDetailsPane *self)
{
  Ask *ask = ask_new (self);
  SdAppointment *a = self->appointment;
  g_autofree char *body = g_strdup_printf (_("Choose the new start time and the staff "
                                             "member. The service still takes %d min."),
                                           sd_appointment_get_duration_min (a));
  GtkWidget *dialog = message_dialog_new (self, _("Reschedule appointment"), body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr (GListModel) staff = sd_store_list_staff (self->store, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = format_for_entry (self, sd_appointment_get_start (a));
  guint selected = 0;

  ask->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr (SdStaff) member = g_list_model_get_item (staff, i);
      gint64 id = sd_staff_get_id (member);

      if (!sd_staff_get_active (member) && id != sd_appointment_get_staff_id (a))
        continue;
      if (id == sd_appointment_get_staff_id (a))
        selected = ask->staff_ids->len;
      gtk_string_list_append (names, sd_staff_get_name (member));
      g_array_append_val (ask->staff_ids, id);
    }

  ask->entries[0] = datetime_entry_new (self, sd_appointment_get_start (a));
  gtk_editable_set_text (GTK_EDITABLE (ask->entries[0]), current);
  gtk_box_append (GTK_BOX (box), ask->entries[0]);
  ask->staff_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ask->staff_dropdown), selected);
  gtk_box_append (GTK_BOX (box), ask->staff_dropdown);
  ask->summary_label = gtk_label_new (_("Write the time as year-month-day hour:minute, "
                                        "e.g. 2026-11-24 15:30."));
  gtk_label_set_wrap (GTK_LABEL (ask->summary_label), TRUE);
  gtk_widget_add_css_class (ask->summary_label, "error");
  gtk_widget_set_visible (ask->summary_label, FALSE);
  gtk_box_append (GTK_BOX (box), ask->summary_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reschedule", _("_Reschedule"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reschedule",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reschedule");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sd-ask", ask);
  g_signal_connect_object (ask->entries[0], "changed", G_CALLBACK (on_reschedule_changed),
                           dialog, 0);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_reschedule_response), ask,
                         ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Cancel: the wizard asks, the pane performs ---- */

static void
on_wizard_cancel (SdCancelWizard *wizard, const SdActionRequest *request, SdDetailsPane *self)
{
  sd_details_pane_perform (self, request);
}

static void
on_wizard_message (SdCancelWizard *wizard, SdDetailsPane *self)
{
  sd_details_pane_ask_message (self, GTK_WINDOW (wizard));
}

void
sd_details_pane_ask_cancel (SdDetailsPane *self)
{
  GtkWidget *wizard;

  if (self->appointment == NULL)
    return;
  wizard = sd_cancel_wizard_new (pane_window (self), self->appointment,
                                 sd_store_get_salon (self->store),
                                 sd_store_get_clock (self->store));
  g_signal_connect_object (wizard, "cancel-appointment", G_CALLBACK (on_wizard_cancel), self,
                           0);
  g_signal_connect_object (wizard, "message-client", G_CALLBACK (on_wizard_message), self, 0);
  gtk_window_present (GTK_WINDOW (wizard));
}

/* ---- Message the client ---- */

static char *
message_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
on_message_changed (GtkTextBuffer *buffer, AdwMessageDialog *dialog)
{
  g_autofree char *text = message_text (buffer);

  adw_message_dialog_set_response_enabled (dialog, "send", *text != '\0');
}

static void
on_message_response (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  g_autofree char *text = NULL;
  SdActionRequest request;

  if (!g_str_equal (response, "send"))
    return;
  text = message_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (ask->entries[0])));
  if (*text == '\0')
    return;
  sd_action_request_init (&request, SD_ACTION_MESSAGE);
  request.text = text;
  sd_details_pane_perform (ask->pane, &request);
}

void
sd_details_pane_ask_message (SdDetailsPane *self, GtkWindow *parent)
{
  Ask *ask;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *scrolled;

  if (self->appointment == NULL)
    return;
  ask = ask_new (self);
  /* Translators: %s is the client's name */
  body = g_strdup_printf (_("To %s, in the appointment’s chat on the marketplace. Keep "
                            "agreements here: arrangements made by phone do not count."),
                          sd_appointment_get_client_name (self->appointment));
  dialog = adw_message_dialog_new (parent != NULL ? parent : pane_window (self),
                                   _("Message Client"), body);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  ask->entries[0] = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (ask->entries[0]), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (ask->entries[0]), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (ask->entries[0]), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (ask->entries[0]), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (ask->entries[0]), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (ask->entries[0]), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ask->entries[0]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Message"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), ask->entries[0]);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "send", _("_Send"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "send", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (ask->entries[0])),
                           "changed", G_CALLBACK (on_message_changed), dialog, 0);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_message_response), ask,
                         ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (ask->entries[0]);
}

/* ---- No-show ---- */

static void
on_no_show_response (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  SdActionRequest request;

  if (!g_str_equal (response, "no-show"))
    return;
  sd_action_request_init (&request, SD_ACTION_NO_SHOW);
  sd_details_pane_perform (ask->pane, &request);
}

void
sd_details_pane_ask_no_show (SdDetailsPane *self)
{
  Ask *ask = ask_new (self);
  SdSalon *salon = sd_store_get_salon (self->store);
  SdSalonSettings defaults;
  const SdSalonSettings *settings = salon != NULL ? sd_salon_get_settings (salon) : NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (settings == NULL)
    {
      sd_salon_settings_init (&defaults);
      settings = &defaults;
    }
  body = g_strdup_printf (ngettext ("The client did not come. They can contest this within "
                                    "%d hour, which opens a complaint.",
                                    "The client did not come. They can contest this within "
                                    "%d hours, which opens a complaint.",
                                    settings->contest_hours),
                          settings->contest_hours);
  dialog = message_dialog_new (self, _("Mark as no-show?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "no-show", _("Mark as _No-Show"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "no-show",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_no_show_response), ask,
                         ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

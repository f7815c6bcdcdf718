/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-details-pane-complaint.c — the pane's complaint side: the salon opening a complaint
 * ("Contest No-Show…" within the contest window, "Open Complaint…" after a completed
 * service), the Assistance section, and "Export Evidence…" (a PDF for the marketplace
 * staff). Enabling asks the core (sd_lifecycle_check); the store performs. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-assistance-section.h"
#include "sd-details-pane-private.h"
#include "sd-evidence-export.h"
#include "sd-lifecycle.h"
#include "sd-money.h"

#define OPEN_COMPLAINT "appointment.open-complaint"
#define EXPORT_EVIDENCE "appointment.export-evidence"

/* ---- Enabling ---- */

/* The salon opens complaints on what already happened: a no-show it contests, or a
 * completed service. (The core also allows one on an upcoming appointment; that is the
 * client's.) */
static gboolean
open_complaint_relevant (SdAppointment *appointment)
{
  SdState state = appointment != NULL ? sd_appointment_get_state (appointment) : SD_N_STATES;

  return state == SD_STATE_NO_SHOW || state == SD_STATE_COMPLETED;
}

gboolean
sd_details_pane_update_complaint_actions (SdDetailsPane *self)
{
  g_autoptr (GError) error = NULL;
  gboolean relevant = open_complaint_relevant (self->appointment);
  gboolean allowed = FALSE;

  if (relevant)
    allowed = sd_lifecycle_check (self->appointment, SD_ACTION_OPEN_COMPLAINT,
                                  sd_store_get_salon (self->store), sd_details_pane_now (self),
                                  &error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), OPEN_COMPLAINT, allowed && !self->busy);
  gtk_widget_set_tooltip_text (self->open_complaint_button,
                               error != NULL ? error->message : NULL);
  gtk_button_set_label (GTK_BUTTON (self->open_complaint_button),
                        self->appointment != NULL
                        && sd_appointment_get_state (self->appointment) == SD_STATE_NO_SHOW
                        ? _("Contest _No-Show…") : _("Open _Complaint…"));
  gtk_widget_set_visible (gtk_widget_get_parent (self->open_complaint_button), relevant);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), EXPORT_EVIDENCE,
                                 self->appointment != NULL
                                 && sd_appointment_get_complaint_id (self->appointment) != 0
                                 && !sd_evidence_save_running (GTK_WIDGET (self)));
  /* Called every minute and on each clock change: the reply's time left moves too. */
  sd_details_pane_show_assistance (self);
  return relevant;
}

void
sd_details_pane_show_assistance (SdDetailsPane *self)
{
  sd_assistance_section_show (self->assistance_section, self->complaint,
                              self->appointment != NULL
                              ? sd_appointment_get_currency (self->appointment) : NULL,
                              sd_details_pane_get_timezone (self), sd_details_pane_now (self));
}

/* ---- Opening a complaint ---- */

typedef struct
{
  SdDetailsPane *pane;   /* owned */
  GtkWidget *reason_entry;
  GtkWidget *refund_entry;
  GtkWidget *refund_hint;
  gint64 max_refund;
  char *currency;
} AskComplaint;

static void
ask_complaint_free (gpointer data, GClosure *closure)
{
  AskComplaint *ask = data;

  g_clear_object (&ask->pane);
  g_free (ask->currency);
  g_free (ask);
}

/* The refund asked for: blank is none; otherwise an amount up to what was paid. */
static gboolean
read_refund (AskComplaint *ask, gint64 *cents)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (ask->refund_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  *cents = 0;
  if (*stripped == '\0')
    return TRUE;
  return sd_money_parse (stripped, cents) && *cents <= ask->max_refund;
}

static void
on_complaint_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  AskComplaint *ask = g_object_get_data (G_OBJECT (dialog), "sd-ask-complaint");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (
                                          GTK_EDITABLE (ask->reason_entry))));
  gint64 cents;
  gboolean refund_ok = read_refund (ask, &cents);

  if (refund_ok)
    gtk_widget_remove_css_class (ask->refund_entry, "error");
  else
    gtk_widget_add_css_class (ask->refund_entry, "error");
  gtk_widget_set_visible (ask->refund_hint, !refund_ok);
  adw_message_dialog_set_response_enabled (dialog, "open", *reason != '\0' && refund_ok);
}

static void
on_complaint_response (AdwMessageDialog *dialog, const char *response, AskComplaint *ask)
{
  g_autofree char *reason = NULL;
  SdActionRequest request;
  gint64 cents;

  if (!g_str_equal (response, "open") || !read_refund (ask, &cents))
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->reason_entry))));
  if (*reason == '\0')
    return;
  sd_action_request_init (&request, SD_ACTION_OPEN_COMPLAINT);
  request.by = SD_PARTY_SALON;
  request.text = reason;
  request.refund_requested_cents = cents;
  sd_details_pane_perform (ask->pane, &request);
}

static GtkWidget *
field_label_new (const char *mnemonic)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static void
ask_open_complaint (SdDetailsPane *self)
{
  gboolean no_show = sd_appointment_get_state (self->appointment) == SD_STATE_NO_SHOW;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AskComplaint *ask = g_new0 (AskComplaint, 1);
  GtkWidget *dialog, *box, *label;
  g_autofree char *max = NULL;
  g_autofree char *hint = NULL;

  ask->pane = g_object_ref (self);
  ask->currency = g_strdup (sd_appointment_get_currency (self->appointment));
  ask->max_refund = sd_appointment_get_amount_cents (self->appointment);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   no_show ? _("Contest the no-show?") : _("Open a complaint?"),
                                   no_show
                                   ? _("Tell the marketplace staff what happened: they decide. "
                                       "The appointment is locked until the marketplace "
                                       "decides; nothing can be changed on it meanwhile.")
                                   : _("Tell the marketplace staff what went wrong: they "
                                       "decide. The appointment is locked until the "
                                       "marketplace decides; nothing can be changed on it "
                                       "meanwhile."));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Reason (the marketplace staff read it)")));
  ask->reason_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (ask->reason_entry),
                                  no_show ? _("e.g. the client was here at 10:05")
                                          : _("e.g. the client left without paying"));
  gtk_entry_set_activates_default (GTK_ENTRY (ask->reason_entry), TRUE);
  gtk_box_append (GTK_BOX (box), ask->reason_entry);
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_first_child (box)), ask->reason_entry);

  ask->refund_entry = gtk_entry_new ();
  max = sd_money_format (ask->max_refund, ask->currency);
  /* Translators: "Refund asked for (optional, up to €45.00)" */
  hint = g_strdup_printf (_("Refund _asked for (optional, up to %s)"), max);
  label = field_label_new (hint);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), ask->refund_entry);
  gtk_widget_set_visible (label, ask->max_refund > 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_entry_set_placeholder_text (GTK_ENTRY (ask->refund_entry), _("e.g. 20.00"));
  gtk_entry_set_activates_default (GTK_ENTRY (ask->refund_entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (ask->refund_entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_visible (ask->refund_entry, ask->max_refund > 0);
  gtk_box_append (GTK_BOX (box), ask->refund_entry);

  g_clear_pointer (&hint, g_free);
  /* Translators: "Enter an amount such as 20 or 20.50, at most €45.00." */
  hint = g_strdup_printf (_("Enter an amount such as 20 or 20.50, at most %s."), max);
  ask->refund_hint = gtk_label_new (hint);
  gtk_label_set_wrap (GTK_LABEL (ask->refund_hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (ask->refund_hint), 0);
  gtk_widget_add_css_class (ask->refund_hint, "error");
  gtk_widget_set_visible (ask->refund_hint, FALSE);
  gtk_box_append (GTK_BOX (box), ask->refund_hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", no_show ? _("_Contest No-Show")
                                                    : _("_Open Complaint"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sd-ask-complaint", ask);
  g_signal_connect_object (ask->reason_entry, "changed", G_CALLBACK (on_complaint_changed),
                           dialog, 0);
  g_signal_connect_object (ask->refund_entry, "changed", G_CALLBACK (on_complaint_changed),
                           dialog, 0);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_complaint_response), ask,
                         ask_complaint_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Evidence pack ---- */

static void
on_evidence_saved (GtkWidget *pane, GFile *pdf)
{
  sd_details_pane_update_complaint_actions (SD_DETAILS_PANE (pane));
  if (pdf != NULL)
    g_signal_emit_by_name (pane, "evidence-exported", pdf);
}

/* @pdf NULL: asks where first. */
static void
export_evidence (SdDetailsPane *self, GFile *pdf)
{
  if (self->appointment != NULL)
    sd_evidence_save_for_pane (GTK_WIDGET (self), EXPORT_EVIDENCE, self->toast_overlay,
                               self->store, self->appointment, pdf, self->cancellable,
                               on_evidence_saved);
}

void
sd_details_pane_export_evidence_to (SdDetailsPane *self, GFile *pdf)
{
  g_return_if_fail (SD_IS_DETAILS_PANE (self));
  export_evidence (self, pdf);
}

/* ---- Actions ---- */

static void
activate_complaint_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdDetailsPane *self = SD_DETAILS_PANE (widget);

  if (g_str_equal (action_name, OPEN_COMPLAINT) && self->appointment != NULL)
    ask_open_complaint (self);
  else if (g_str_equal (action_name, EXPORT_EVIDENCE))
    export_evidence (self, NULL);
}

void
sd_details_pane_class_init_complaint (GtkWidgetClass *widget_class)
{
  g_type_ensure (SD_TYPE_ASSISTANCE_SECTION);
  gtk_widget_class_install_action (widget_class, OPEN_COMPLAINT, NULL, activate_complaint_action);
  gtk_widget_class_install_action (widget_class, EXPORT_EVIDENCE, NULL,
                                   activate_complaint_action);
  /* "evidence-exported" (GFile *pdf): the PDF was written. */
  g_signal_new ("evidence-exported", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
}

void
sd_details_pane_init_complaint (SdDetailsPane *self)
{
  self->open_complaint_button = gtk_button_new_with_mnemonic (_("Open _Complaint…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_complaint_button), OPEN_COMPLAINT);
  gtk_flow_box_append (self->action_box, self->open_complaint_button);
  gtk_widget_set_visible (gtk_widget_get_parent (self->open_complaint_button), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), OPEN_COMPLAINT, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), EXPORT_EVIDENCE, FALSE);
}

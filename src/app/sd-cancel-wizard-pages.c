/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cancel-wizard-pages.c — what the wizard's pages say: the appointment, the reminder to
 * contact the client, the reasons, the refund choice and the summary, all worded from the
 * core's decision (sd_refund_resolve / sd_refund_describe) that sd-cancel-wizard.c keeps. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-cancel-wizard-private.h"
#include "sd-money.h"

static char *
format_when (SdCancelWizard *self, gint64 instant)
{
  GTimeZone *tz = self->salon != NULL ? sd_salon_get_timezone (self->salon) : NULL;
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr (GDateTime) local = tz != NULL ? g_date_time_to_timezone (utc, tz)
                                           : g_date_time_ref (utc);

  /* Translators: a date and time, see g_date_time_format(): "Mon 23 Nov 2026, 14:30" */
  return g_date_time_format (local, _("%a %-d %b %Y, %H:%M"));
}

static void
show_who (SdCancelWizard *self)
{
  SdParty by;
  gboolean salon = sd_cancel_wizard_get_party (self, &by) && by == SD_PARTY_SALON;

  gtk_widget_set_visible (self->reminder_group, salon);
}

static void
show_refund_page (SdCancelWizard *self)
{
  g_autofree char *amount = sd_money_format (self->decision.full_amount_cents,
                                             sd_cancel_wizard_currency (self));
  int hours = (int) (self->decision.free_window_seconds / 3600);
  g_autofree char *intro = NULL;
  g_autofree char *full_title = NULL;
  g_autofree char *full_subtitle = NULL;
  g_autofree char *keep_subtitle = NULL;

  intro = g_strdup_printf (ngettext ("The client cancelled less than %d hour before the "
                                     "start, so the salon decides whether to refund the "
                                     "prepaid amount.",
                                     "The client cancelled less than %d hours before the "
                                     "start, so the salon decides whether to refund the "
                                     "prepaid amount.",
                                     hours),
                           hours);
  gtk_label_set_text (self->refund_intro_label, intro);
  /* Translators: %s is the amount, "€45.00" */
  full_title = g_strdup_printf (_("_Refund in full (%s)"), amount);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->refund_full_row), full_title);
  /* Translators: %s is the amount, "€45.00" */
  full_subtitle = g_strdup_printf (_("The client gets %s back. A full refund cancels the "
                                     "whole order."),
                                   amount);
  adw_action_row_set_subtitle (self->refund_full_row, full_subtitle);
  /* Translators: %s is the amount, "€45.00" */
  keep_subtitle = g_strdup_printf (_("Nothing is refunded: the salon keeps %s for the late "
                                     "cancellation."),
                                   amount);
  adw_action_row_set_subtitle (self->refund_keep_row, keep_subtitle);
}

static void
show_summary (SdCancelWizard *self)
{
  const SdSalonSettings *settings = self->salon != NULL
                                    ? sd_salon_get_settings (self->salon) : NULL;
  int undo_seconds = settings != NULL ? settings->undo_seconds : 10;
  SdParty by;
  SdCancelReason reason;
  SdRefundChoice choice;
  gint64 cents = 0;
  g_autoptr (GError) error = NULL;
  g_autofree char *undo = NULL;

  if (!sd_cancel_wizard_get_party (self, &by)
      || !sd_cancel_wizard_get_reason (self, &reason)
      || !sd_cancel_wizard_get_choice (self, &choice))
    return;

  adw_action_row_set_subtitle (self->summary_by_row,
                               by == SD_PARTY_SALON ? _("The salon")
                                                    : _("The client, who called the salon"));
  if (*self->note != '\0')
    {
      /* Translators: the reason and the note: "Illness: “Marco has the flu”" */
      g_autofree char *text = g_strdup_printf (_("%s: “%s”"),
                                               sd_cancel_reason_get_label (reason), self->note);

      adw_action_row_set_subtitle (self->summary_reason_row, text);
    }
  else
    adw_action_row_set_subtitle (self->summary_reason_row, sd_cancel_reason_get_label (reason));

  if (sd_refund_resolve (&self->decision, choice, &cents, &error))
    {
      g_autofree char *words = sd_refund_describe (&self->decision, by, choice,
                                                   sd_cancel_wizard_currency (self));
      g_autofree char *amount = sd_money_format (cents, sd_cancel_wizard_currency (self));

      adw_action_row_set_subtitle (self->summary_refund_row, words);
      gtk_label_set_text (self->summary_amount_label, cents > 0 ? amount : _("None"));
    }
  else
    {
      /* Only a choice the rule no longer allows gets here; the core says why. */
      adw_action_row_set_subtitle (self->summary_refund_row, error->message);
      gtk_label_set_text (self->summary_amount_label, "");
    }

  gtk_widget_set_visible (self->ranking_box, by == SD_PARTY_SALON);
  undo = g_strdup_printf (ngettext ("After you confirm, the cancellation can be undone for "
                                    "%d second, until it is sent to the marketplace.",
                                    "After you confirm, the cancellation can be undone for "
                                    "%d seconds, until it is sent to the marketplace.",
                                    undo_seconds),
                          undo_seconds);
  gtk_label_set_text (self->undo_hint_label, undo);
}

void
sd_cancel_wizard_show_appointment (SdCancelWizard *self)
{
  SdAppointment *a = self->appointment;
  g_autofree char *when = format_when (self, sd_appointment_get_start (a));
  g_autofree char *which = NULL;
  const char *phone = sd_appointment_get_client_phone (a);

  /* Translators: "Anna Rossi, Cut & blow-dry with Marco, Mon 23 Nov 2026, 14:30" */
  which = g_strdup_printf (_("%s, %s with %s, %s"), sd_appointment_get_client_name (a),
                           sd_appointment_get_service_name (a),
                           sd_appointment_get_staff_name (a), when);
  gtk_label_set_text (self->which_label, which);
  gtk_label_set_text (self->summary_which_label, which);

  /* The reminder's phone, to dial or copy. */
  if (sd_appointment_get_phone_revealed (a) && phone != NULL && *phone != '\0')
    gtk_label_set_text (self->phone_label, phone);
  else
    {
      gtk_label_set_text (self->phone_label, _("Not known"));
      gtk_widget_add_css_class (GTK_WIDGET (self->phone_label), "dim-label");
    }
}

void
sd_cancel_wizard_show_answers (SdCancelWizard *self)
{
  show_who (self);
  if (sd_cancel_wizard_needs_refund_page (self))
    show_refund_page (self);
  show_summary (self);
}

/* A screen reader names each option's check button after its row. */
static void
label_by_row (GtkWidget *check, GtkWidget *row)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
}

void
sd_cancel_wizard_add_option_rows (SdCancelWizard *self)
{
  label_by_row (self->salon_check, GTK_WIDGET (self->salon_row));
  label_by_row (self->client_check, GTK_WIDGET (self->client_row));
  label_by_row (self->refund_full_check, GTK_WIDGET (self->refund_full_row));
  label_by_row (self->refund_keep_check, GTK_WIDGET (self->refund_keep_row));

  /* The reasons come from the core's list, with its labels. */
  for (SdCancelReason r = SD_CANCEL_REASON_ILLNESS; r < N_REASONS; r++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sd_cancel_reason_get_label (r));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "wizard.reason");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (check), "s",
                                        sd_cancel_reason_to_string (r));
      if (r > SD_CANCEL_REASON_ILLNESS)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                    GTK_CHECK_BUTTON (self->reason_checks[0]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      label_by_row (check, row);
      gtk_list_box_append (self->reason_list, row);
      self->reason_rows[r] = row;
      self->reason_checks[r] = check;
    }
}

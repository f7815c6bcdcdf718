/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cancel-wizard-private.h — what sd-cancel-wizard.c (answers, navigation, actions) and
 * sd-cancel-wizard-pages.c (the words on each page) share. */
#pragma once

#include "sd-cancel-wizard.h"
#include "sd-refund.h"

G_BEGIN_DECLS

#define N_REASONS (SD_CANCEL_REASON_OTHER + 1)

struct _SdCancelWizard
{
  AdwWindow parent_instance;

  SdAppointment *appointment;
  SdSalon *salon;
  SdClock *clock;
  /* The answers, as the property actions' string states: "" until given. */
  char *by;
  char *reason;
  char *refund;
  char *note;                     /* the stripped note, for the request */
  SdRefundDecision decision;      /* for the current answers and clock */
  gboolean salon_may;             /* the lifecycle lets the salon cancel (not a request) */
  gboolean reason_suggested;

  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkWidget *confirm_button;
  GtkStack *stack;
  GtkLabel *which_label;
  AdwActionRow *salon_row;
  GtkWidget *salon_check;
  AdwActionRow *client_row;
  GtkWidget *client_check;
  GtkWidget *reminder_group;
  GtkLabel *phone_label;
  GtkWidget *message_button;
  GtkListBox *reason_list;
  GtkWidget *reason_rows[N_REASONS];
  GtkWidget *reason_checks[N_REASONS];
  AdwEntryRow *note_row;
  GtkLabel *refund_intro_label;
  AdwActionRow *refund_full_row;
  GtkWidget *refund_full_check;
  AdwActionRow *refund_keep_row;
  GtkWidget *refund_keep_check;
  GtkLabel *summary_which_label;
  AdwActionRow *summary_by_row;
  AdwActionRow *summary_reason_row;
  AdwActionRow *summary_refund_row;
  GtkLabel *summary_amount_label;
  AdwActionRow *summary_email_row;
  GtkWidget *ranking_box;
  GtkLabel *ranking_label;
  GtkLabel *undo_hint_label;
};

/* sd-cancel-wizard.c: the answers given so far (FALSE while unanswered) and the core's
 * decision for them. */
gint64      sd_cancel_wizard_now               (SdCancelWizard *self);
const char *sd_cancel_wizard_currency          (SdCancelWizard *self);
gboolean    sd_cancel_wizard_get_party         (SdCancelWizard *self,
                                                SdParty        *out);
gboolean    sd_cancel_wizard_get_reason        (SdCancelWizard *self,
                                                SdCancelReason *out);
gboolean    sd_cancel_wizard_get_refund        (SdCancelWizard *self,
                                                SdRefundChoice *out);
/* The refund the rule gives: forced ones need no answer, the salon's choice needs one. */
gboolean    sd_cancel_wizard_get_choice        (SdCancelWizard *self,
                                                SdRefundChoice *out);
/* The rule leaves the refund to the salon: page 3 is shown. */
gboolean    sd_cancel_wizard_needs_refund_page (SdCancelWizard *self);

/* sd-cancel-wizard-pages.c */
void        sd_cancel_wizard_add_option_rows   (SdCancelWizard *self);
void        sd_cancel_wizard_show_appointment  (SdCancelWizard *self);
/* The reminder, the refund page and the summary for the current answers. */
void        sd_cancel_wizard_show_answers      (SdCancelWizard *self);

G_END_DECLS

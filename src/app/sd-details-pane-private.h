/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-details-pane-private.h — what sd-details-pane.c (display, action enabling),
 * sd-details-pane-perform.c (running actions), sd-details-pane-history.c (the timeline),
 * sd-details-pane-warnings.c (warnings and hints) and sd-details-pane-dialogs.c (the
 * questions asked before an action) share. */
#pragma once

#include "sd-assistance-section.h"
#include "sd-complaint.h"
#include "sd-details-pane.h"

G_BEGIN_DECLS

/* The pane's actions, in the order their buttons are shown. */
typedef enum
{
  SD_PANE_ACCEPT,
  SD_PANE_UNAVAILABLE,
  SD_PANE_DECLINE,
  SD_PANE_CHECK_IN,
  SD_PANE_CHECK_OUT,
  SD_PANE_RESCHEDULE,
  SD_PANE_NO_SHOW,
  SD_PANE_CANCEL,
  SD_PANE_MESSAGE,
  SD_N_PANE_ACTIONS
} SdPaneAction;

struct _SdDetailsPane
{
  AdwBin parent_instance;

  SdStore *store;
  SdAppointment *appointment;
  SdComplaint *complaint;          /* the appointment's complaint, loaded with the history */
  GCancellable *cancellable;       /* everything in flight; cancelled on dispose */
  GCancellable *history_cancellable;
  guint minute_source;
  gboolean busy;                   /* an action is being performed */
  GQueue pending;                  /* PerformData asked for while busy, run in order */
  AdwToast *undo_toast;            /* "Appointment cancelled — Undo", while it is shown */

  GtkWidget *buttons[SD_N_PANE_ACTIONS];
  GtkWidget *open_complaint_button;  /* sd-details-pane-complaint.c */

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkLabel *title_label;
  GtkLabel *when_label;
  GtkWidget *state_badge;
  GtkImage *state_icon;
  GtkLabel *state_label;
  GtkLabel *countdown_label;
  GtkLabel *notice_label;
  GtkLabel *hint_label;            /* "Check-in opens at 14:15", "Review requested…" */
  GtkWidget *client_warning;       /* earlier no-shows / late cancellations */
  GtkLabel *client_warning_label;
  gint64 client_warning_for;       /* the appointment the warning was loaded for */
  GtkWidget *overlap_warning;      /* overlaps another appointment of the same stylist */
  GtkLabel *overlap_warning_label;
  gint64 overlap_warning_for;
  GtkFlowBox *action_box;
  GtkLabel *phone_value;
  GtkLabel *email_value;
  GtkLabel *service_value;
  GtkLabel *staff_value;
  GtkLabel *price_value;
  GtkLabel *payment_value;
  GtkWidget *proposed_row;
  GtkLabel *proposed_value;
  GtkWidget *cancellation_row;
  GtkLabel *cancellation_value;
  GtkStack *history_stack;
  GtkSpinner *history_spinner;
  GtkListBox *history_list;
  GtkLabel *history_message;
  SdAssistanceSection *assistance_section;
};

/* sd-details-pane.c (display, action enabling) */
GTimeZone *sd_details_pane_get_timezone (SdDetailsPane *self);
gint64     sd_details_pane_now          (SdDetailsPane *self);
/* "Mon 23 Nov 2026, 14:30" in the salon's zone. Free with g_free. */
char      *sd_details_pane_format_instant (SdDetailsPane *self,
                                           gint64         instant);

/* "the salon", "the client"… for "by %s". */
const char *sd_details_pane_party_label     (SdParty party);
/* The request's (or open complaint's) deadline and time left, against the clock. */
void        sd_details_pane_update_countdown (SdDetailsPane *self);

/* Enables the actions the core's lifecycle allows now (none while busy). */
void        sd_details_pane_update_actions   (SdDetailsPane *self);
/* The toast after @action succeeded ("Request accepted"), translated; NULL for actions
 * without a button. */
const char *sd_details_pane_done_message     (SdAction action);
/* Emits "appointment-changed" for @id. */
void        sd_details_pane_changed          (SdDetailsPane *self,
                                              gint64         id);

/* sd-details-pane-perform.c: running actions (one at a time, later ones queued), their
 * toasts and errors, and the cancellation's Undo ("appointment.undo-cancel"). */
void       sd_details_pane_class_init_perform (GtkWidgetClass *widget_class);
/* Runs @request on the shown appointment in a thread; copies what it needs from it. */
void       sd_details_pane_perform            (SdDetailsPane         *self,
                                               const SdActionRequest *request);
/* Drops the queued actions (finalize, or the Undo toast going away). */
void       sd_details_pane_clear_pending      (SdDetailsPane  *self);

/* sd-details-pane-history.c: reloads the timeline (and the complaint, for its deadline). */
void       sd_details_pane_load_history    (SdDetailsPane *self);

/* sd-details-pane-warnings.c: the client's earlier incidents, loaded in a thread (requests
 * and upcoming bookings only), and the hint line: when check-in / no-show open, or that a
 * review was requested. update_hint also words the early buttons' tooltips. */
void       sd_details_pane_load_client_warning (SdDetailsPane *self);
/* The same, for a request or booking that overlaps active appointments of its stylist
 * ("Overlaps Anna Rossi at 14:00 with Marco — accepting needs your override"). */
void       sd_details_pane_load_overlap_warning (SdDetailsPane *self);
void       sd_details_pane_update_hint         (SdDetailsPane *self);

/* sd-details-pane-dialogs.c: each asks, then calls sd_details_pane_perform(). */
void       sd_details_pane_ask_decline     (SdDetailsPane *self);
void       sd_details_pane_ask_unavailable (SdDetailsPane *self);
void       sd_details_pane_ask_reschedule  (SdDetailsPane *self);
/* The cancel wizard (SdCancelWizard), modal to the pane's window. */
void       sd_details_pane_ask_cancel      (SdDetailsPane *self);
/* A message to the client in the appointment's chat, modal to @parent (NULL: the pane's
 * window): Send stays disabled while the text is blank. */
void       sd_details_pane_ask_message     (SdDetailsPane *self,
                                            GtkWindow     *parent);
void       sd_details_pane_ask_no_show     (SdDetailsPane *self);
/* The double-booking refusal: offers "Accept anyway" / "Reschedule anyway", which repeats
 * @request with allow_overlap. */
void       sd_details_pane_ask_overlap     (SdDetailsPane         *self,
                                            const SdActionRequest *request,
                                            const char            *message);
void       sd_details_pane_show_error      (SdDetailsPane *self,
                                            const char    *heading,
                                            const char    *message);
/* "YYYY-MM-DD HH:MM" in @tz -> instant. FALSE on anything else, or a date that does not
 * exist. */
gboolean   sd_details_pane_parse_local     (const char *text,
                                            GTimeZone  *tz,
                                            gint64     *out);

/* sd-details-pane-complaint.c: opening a complaint, the Assistance section and the evidence
 * pack ("appointment.open-complaint", "appointment.export-evidence"). */
void       sd_details_pane_class_init_complaint     (GtkWidgetClass *widget_class);
void       sd_details_pane_init_complaint           (SdDetailsPane  *self);
/* Enables and labels the complaint actions; TRUE when the open-complaint button shows. */
gboolean   sd_details_pane_update_complaint_actions (SdDetailsPane  *self);
/* Shows self->complaint (loaded with the history) in the Assistance section. */
void       sd_details_pane_show_assistance          (SdDetailsPane  *self);
/* Writes the evidence PDF of the shown appointment to @pdf (what the file chooser's
 * "Save" does); a toast offers to open it, the signal "evidence-exported" says it is done. */
void       sd_details_pane_export_evidence_to       (SdDetailsPane  *self,
                                                     GFile          *pdf);

G_END_DECLS

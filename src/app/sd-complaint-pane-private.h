/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaint-pane-private.h — shared by sd-complaint-pane.c (loading, the complaint,
 * sending), sd-complaint-pane-chat.c (the chat and the comments thread) and
 * sd-complaint-pane-answers.c (the three answers: amounts, free slots, files, and what each
 * answer will do). */
#pragma once

#include "sd-complaint-pane.h"

G_BEGIN_DECLS

/* A file chosen for the contest answer, already checked. */
typedef struct
{
  char *path;
  char *name;
  const char *content_type;
  GdkTexture *texture;        /* pictures only; NULL when it cannot be decoded */
} SdPaneFile;

void sd_pane_file_free (SdPaneFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPaneFile, sd_pane_file_free)

struct _SdComplaintPane
{
  AdwBin parent_instance;

  SdStore *store;
  gint64 complaint_id;
  SdComplaint *complaint;
  SdAppointment *appointment;
  GArray *slots;                   /* gint64 free starts for a redo */
  gint64 chosen_slot;              /* the one the user picked (kept across reloads) */
  GPtrArray *files;                /* SdPaneFile for the contest */
  guint files_generation;          /* bumped when the files are dropped (other complaint) */
  guint files_checking;            /* checks of chosen files still running (this complaint) */
  GCancellable *cancellable;       /* everything in flight; cancelled on dispose */
  GCancellable *load_cancellable;
  GtkFileChooserNative *chooser;
  guint minute_source;
  gboolean loading;
  gboolean sending;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkSpinner *busy_spinner;
  GtkBox *header_suffix;
  GtkLabel *chat_title;
  GtkScrolledWindow *chat_scroller;
  GtkListBox *chat_list;
  GtkEntry *message_entry;
  GtkImage *status_icon;
  GtkLabel *status_label;
  GtkLabel *deadline_label;
  GtkLabel *opened_label;
  GtkLabel *refund_asked_label;
  GtkLabel *paid_label;
  GtkLabel *reason_label;
  GtkWidget *comments_group;
  GtkListBox *comments_list;
  GtkWidget *attachments_group;
  GtkFlowBox *attachments_box;
  GtkStack *answer_stack;
  GtkStack *answers_stack;
  GtkLabel *answer_error_label;
  GtkImage *closed_icon;
  GtkLabel *closed_title;
  GtkLabel *closed_label;
  GtkCheckButton *refund_full_check;
  GtkCheckButton *refund_partial_check;
  GtkEntry *amount_entry;
  GtkLabel *amount_hint_label;
  GtkLabel *amount_error_label;
  GtkLabel *refund_effect_label;
  GtkLabel *redo_intro_label;
  GtkListBox *slots_list;
  GtkLabel *redo_effect_label;
  GtkTextView *contest_view;
  GtkLabel *files_error_label;
  GtkFlowBox *files_box;
  GtkLabel *contest_effect_label;
};

/* sd-complaint-pane.c */
gint64   sd_complaint_pane_now             (SdComplaintPane *self);
/* Loads the shown complaint again (after an answer or a message). */
void     sd_complaint_pane_reload          (SdComplaintPane *self);
void     sd_complaint_pane_set_busy        (SdComplaintPane *self,
                                            gboolean         loading,
                                            gboolean         sending);
/* Emits "changed" for the shown complaint. */
void     sd_complaint_pane_emit_changed    (SdComplaintPane *self);
/* The same for @complaint_id, which need not be the one shown (an answer that came back
 * after the user moved on). */
void     sd_complaint_pane_emit_changed_for (SdComplaintPane *self,
                                             gint64           complaint_id);
/* "Mon 23 Nov, 14:30" in the salon's zone. Free with g_free. */
char    *sd_complaint_pane_format_short    (SdComplaintPane *self,
                                            gint64           instant);
/* "Mon 23 Nov 2026, 14:30" in the salon's zone. Free with g_free. */
char    *sd_complaint_pane_format_instant  (SdComplaintPane *self,
                                            gint64           instant);
char    *sd_complaint_pane_format_money    (SdComplaintPane *self,
                                            gint64           cents);
/* "09:00 – 09:45". Free with g_free. */
char    *sd_complaint_pane_format_slot     (SdComplaintPane *self,
                                            gint64           start,
                                            gint64           end);
/* "Tuesday 24 November". Free with g_free. */
char    *sd_complaint_pane_format_day      (SdComplaintPane *self,
                                            gint64           instant);
/* Enables the actions from the state (loaded, awaiting a reply, not late, valid input). */
void     sd_complaint_pane_update_actions  (SdComplaintPane *self);
/* Sends @response (copied) in a thread; shows the refusal or the answer. */
void     sd_complaint_pane_respond         (SdComplaintPane           *self,
                                            const SdComplaintResponse *response);
/* The thumbnail of a file: the picture (or a document icon) and its name; with a remove
 * button when @removable. */
GtkWidget *sd_complaint_pane_thumbnail     (const char *path,
                                            const char *name,
                                            GdkTexture *texture,
                                            gboolean    removable);

/* "Export Evidence…": the evidence PDF of the complaint's appointment, to @pdf — or, with
 * @pdf NULL, where the user chooses in a Save dialog (the action). Tests pass a file: the
 * native dialog cannot be driven. */
void     sd_complaint_pane_export_evidence_to (SdComplaintPane *self,
                                               GFile           *pdf);

/* sd-complaint-pane-chat.c */
void     sd_complaint_pane_show_messages   (SdComplaintPane *self,
                                            GPtrArray       *messages);
void     sd_complaint_pane_show_comments   (SdComplaintPane *self,
                                            GPtrArray       *comments);
void     sd_complaint_pane_class_init_chat (GtkWidgetClass  *widget_class);

/* sd-complaint-pane-answers.c */
/* TRUE when the complaint awaits a reply and its deadline has passed (answers are late). */
gboolean sd_complaint_pane_is_late         (SdComplaintPane *self);
/* Fills the answers from the loaded complaint, appointment and slots. */
void     sd_complaint_pane_show_answers    (SdComplaintPane *self);
/* The texts that say what each answer does (they depend on the clock). */
void     sd_complaint_pane_update_effects  (SdComplaintPane *self);
/* The refund to send, or 0 with *@problem set to a translated reason (transfer none). */
gint64   sd_complaint_pane_refund_amount   (SdComplaintPane *self,
                                            const char     **problem);
gint64   sd_complaint_pane_selected_slot   (SdComplaintPane *self);
/* The contest body, stripped (free with g_free). */
char    *sd_complaint_pane_contest_body    (SdComplaintPane *self);
void     sd_complaint_pane_rebuild_files   (SdComplaintPane *self);
void     sd_complaint_pane_class_init_answers (GtkWidgetClass *widget_class);
/* The drop target for files and the slots list's rows. */
void     sd_complaint_pane_init_answers    (SdComplaintPane *self);

G_END_DECLS

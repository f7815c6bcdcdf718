/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaint-pane.h — the reply screen: the appointment's chat on the left, the complaint
 * on the right (reason, who opened it, refund asked, deadline, attachments) with the three
 * answers — refund, offer a redo, contest with files — each saying what it will do before
 * it is sent. */
#pragma once

#include <adwaita.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_COMPLAINT_PANE (sd_complaint_pane_get_type ())
G_DECLARE_FINAL_TYPE (SdComplaintPane, sd_complaint_pane, SD, COMPLAINT_PANE, AdwBin)

GtkWidget   *sd_complaint_pane_new           (SdStore         *store);
/* Loads the complaint, its appointment, the chat and the free slots in a thread. */
void         sd_complaint_pane_set_complaint (SdComplaintPane *self,
                                              gint64           complaint_id);
/* The complaint as last loaded (NULL while loading). */
SdComplaint *sd_complaint_pane_get_complaint (SdComplaintPane *self);
/* TRUE while loading or sending (property "busy"). */
gboolean     sd_complaint_pane_get_busy      (SdComplaintPane *self);
/* Adds files to the contest answer, each checked at once (type by content, at most
 * 10 MiB, readable); a refused one is named in the error shown and not added. What
 * "Add Files…" and dropping files on the pane do. */
void         sd_complaint_pane_add_files     (SdComplaintPane *self,
                                              GFile          **files,
                                              guint            n_files);
/* The files the contest answer will carry, as paths; free with g_ptr_array_unref. */
GPtrArray   *sd_complaint_pane_dup_files     (SdComplaintPane *self);

/* Actions (complaint.*): send-refund, send-redo, send-contest (each enabled only while the
 * complaint awaits a reply, before its deadline, with valid input), add-files (the file
 * chooser), remove-file (s: the path), send-message, export-evidence (the evidence PDF for
 * the marketplace staff, through a Save dialog; the header's button).
 * Signals: "changed" (gint64 complaint id): an answer or a message was written. */

G_END_DECLS

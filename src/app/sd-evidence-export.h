/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-evidence-export.h — the evidence pack of an appointment as a PDF: gathered from the
 * store in a thread (SdEvidencePack), then laid out with Pango on a GtkPrintOperation that
 * exports to the file, page by page. Also the whole "Export Evidence…" flow that the details
 * pane and the complaint reply screen share: the Save dialog, the export, the toast that
 * offers to open the PDF and the dialog that says why it was not saved. */
#pragma once

#include <adwaita.h>

#include "sd-evidence-pack.h"

G_BEGIN_DECLS

/* Writes the PDF of @appointment_id to @pdf (replacing it). The file appears whole or not
 * at all: it is written beside the target first, then renamed. Errors are worded for the
 * user (a folder that does not exist, no permission, a full disk…). */
void     sd_evidence_export_async  (SdStore             *store,
                                    gint64               appointment_id,
                                    GFile               *pdf,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
/* @n_pages_out (optional): how many pages were written. */
gboolean sd_evidence_export_finish (GAsyncResult        *result,
                                    guint               *n_pages_out,
                                    GError             **error);

/* The layout part alone, on the main thread: @pack to @pdf. */
gboolean sd_evidence_export_pack   (SdEvidencePack      *pack,
                                    GFile               *pdf,
                                    guint               *n_pages_out,
                                    GError             **error);

/* ---- The "Export Evidence…" flow of the panes ---- */

/* Saves the evidence pack of @appointment. With @pdf NULL it first asks where, in a native
 * Save dialog over @for_widget's window (in Documents, with the suggested name
 * "evidence-anna-rossi-2026-11-23.pdf" and a PDF filter); with a @pdf it writes there at once
 * (tests). The task holds @for_widget until it ends, so a save the user confirmed completes
 * even if the window closes meanwhile; cancelling @cancellable stops it before it writes. */
void     sd_evidence_save_async    (GtkWidget           *for_widget,
                                    SdStore             *store,
                                    SdAppointment       *appointment,
                                    GFile               *pdf,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
/* The file written (free with g_object_unref), or NULL with @error: G_IO_ERROR_CANCELLED
 * when the user closed the dialog or @cancellable was cancelled, otherwise an error worded
 * for the user. */
GFile   *sd_evidence_save_finish   (GAsyncResult        *result,
                                    GError             **error);
/* "Evidence pack saved" with an "Open" button that opens @pdf in the default PDF viewer. */
AdwToast *sd_evidence_saved_toast_new (GFile            *pdf);

/* Called when a pane's save has ended: @pdf is the file written, or NULL. */
typedef void (*SdEvidenceSavedFunc) (GtkWidget *pane,
                                     GFile     *pdf);

/* The whole "Export Evidence…" of a pane: sd_evidence_save_async for @appointment, one at
 * a time per @pane. While it runs, @action_name (the pane's action that starts it) is
 * disabled and sd_evidence_save_running (@pane) is TRUE: the pane's own enabling must
 * respect it. At the end the user is told — "Evidence pack saved" with "Open" in @overlay,
 * or why not in a dialog ("The evidence pack was not saved"), nothing when they closed the
 * Save dialog — and @saved runs, unless @cancellable was cancelled. */
void     sd_evidence_save_for_pane (GtkWidget           *pane,
                                    const char          *action_name,
                                    AdwToastOverlay     *overlay,
                                    SdStore             *store,
                                    SdAppointment       *appointment,
                                    GFile               *pdf,
                                    GCancellable        *cancellable,
                                    SdEvidenceSavedFunc  saved);
gboolean sd_evidence_save_running  (GtkWidget           *pane);

G_END_DECLS

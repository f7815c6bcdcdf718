/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-evidence-export.h — the evidence pack of an appointment as a PDF: gathered from the
 * store in a thread (SdEvidencePack), then laid out with Pango on a GtkPrintOperation that
 * exports to the file, page by page. Used by the details pane ("Export Evidence…") and the
 * complaints screen. */
#pragma once

#include <gtk/gtk.h>

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

G_END_DECLS

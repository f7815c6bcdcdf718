/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaints-view.h — every complaint, most urgent first, with its exact deadline and
 * time left; filters; and the reply screen (SdComplaintPane) one click away. */
#pragma once

#include <adwaita.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_COMPLAINTS_VIEW (sd_complaints_view_get_type ())
G_DECLARE_FINAL_TYPE (SdComplaintsView, sd_complaints_view, SD, COMPLAINTS_VIEW, AdwBin)

GtkWidget  *sd_complaints_view_new       (SdStore          *store);
/* Applies the clock's deadlines and reloads from the store in the background. */
void        sd_complaints_view_reload    (SdComplaintsView *self);
/* Complaints awaiting the salon's reply (property "count", the page's badge). */
guint       sd_complaints_view_get_count (SdComplaintsView *self);
/* Shows the reply screen of one complaint (what activating its row does). */
void        sd_complaints_view_open      (SdComplaintsView *self,
                                          gint64            complaint_id);
/* The complaint awaiting the salon's reply on appointment @appointment_id, among those
 * loaded; 0 when there is none. */
gint64      sd_complaints_view_find_awaiting (SdComplaintsView *self,
                                              gint64            appointment_id);
/* The complaints shown with the current filter, in order (a GListModel of SdComplaint). */
GListModel *sd_complaints_view_get_model (SdComplaintsView *self);

/* A complaint's status as a user reads it: a translated word and an icon, never colour
 * alone ("Awaiting reply", "Under review", "Resolved", "Missed"). */
const char *sd_complaints_view_status_label (SdComplaintStatus status);
const char *sd_complaints_view_status_icon  (SdComplaintStatus status);

/* Properties: "count" (guint), "filter" ('all' | 'needs' | 'recent' | 'resolved').
 * Actions: "complaints.filter" (s, stateful), "complaints.back" (to the list),
 * "complaints.refresh".
 * Signals: "changed": an answer or message was written (the window reloads the agenda). */

G_END_DECLS

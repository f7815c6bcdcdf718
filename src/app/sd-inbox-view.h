/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-inbox-view.h — what needs action now: requests awaiting confirmation and complaints
 * awaiting a reply, most urgent first, each with its exact deadline and time left. */
#pragma once

#include <adwaita.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_INBOX_VIEW (sd_inbox_view_get_type ())
G_DECLARE_FINAL_TYPE (SdInboxView, sd_inbox_view, SD, INBOX_VIEW, AdwBin)

GtkWidget *sd_inbox_view_new       (SdStore     *store);
/* Reloads from the store in the background (e.g. after an action elsewhere). */
void       sd_inbox_view_reload    (SdInboxView *self);
/* How many items need action (property "count"). */
guint      sd_inbox_view_get_count (SdInboxView *self);

/* Signals:
 * "appointment-activated" (gint64 id): a row was activated.
 * "deadlines-applied" (guint n): the clock expired @n requests or missed complaints in the
 *   store (views showing them may want to reload).
 * Action "inbox.refresh": apply the clock's deadlines now and reload (also run every 30 s
 * and whenever the store's clock is set). */

G_END_DECLS

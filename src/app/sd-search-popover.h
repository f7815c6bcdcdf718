/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-search-popover.h — find appointments by client name or phone (the store's full-text
 * index, queried in the background while typing) and jump to one. */
#pragma once

#include <gtk/gtk.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_SEARCH_POPOVER (sd_search_popover_get_type ())
G_DECLARE_FINAL_TYPE (SdSearchPopover, sd_search_popover, SD, SEARCH_POPOVER, GtkPopover)

GtkWidget *sd_search_popover_new       (void);
void       sd_search_popover_set_store (SdSearchPopover *self,
                                        SdStore         *store,
                                        GTimeZone       *tz);
/* Starts a search as if @text had been typed. */
void       sd_search_popover_search    (SdSearchPopover *self,
                                        const char      *text);
/* Results shown (a GListModel of SdAppointment, most recent first). */
GListModel *sd_search_popover_get_results (SdSearchPopover *self);
/* Activates the result at @position, as a click would. */
void       sd_search_popover_activate_result (SdSearchPopover *self,
                                              guint            position);

/* Signals:
 * "appointment-activated" (SdAppointment): a result was chosen; the popover closes.
 * "results-changed": a search finished. */

G_END_DECLS

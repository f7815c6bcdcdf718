/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sync-status.h — the header bar's view of the marketplace sync: when it last synced,
 * how many actions wait to be sent, a "Sync now" button, and (as properties, for the
 * window's banner) whether the desk is offline and the banner's sentence
 * ("Offline: 3 actions will be sent when the marketplace is reachable"). The network is
 * watched by the engine (GNetworkMonitor); this widget only shows its status. */
#pragma once

#include <adwaita.h>

#include "sd-sync-engine.h"

G_BEGIN_DECLS

#define SD_TYPE_SYNC_STATUS (sd_sync_status_get_type ())
G_DECLARE_FINAL_TYPE (SdSyncStatus, sd_sync_status, SD, SYNC_STATUS, AdwBin)

GtkWidget    *sd_sync_status_new             (void);
/* NULL: not connected ("Not connected", button hidden). */
void          sd_sync_status_set_engine      (SdSyncStatus *self, SdSyncEngine *engine);
SdSyncEngine *sd_sync_status_get_engine      (SdSyncStatus *self);
/* TRUE while the engine is offline or its token was refused. */
gboolean      sd_sync_status_get_offline     (SdSyncStatus *self);
/* What the banner says, NULL when there is nothing to say. */
const char   *sd_sync_status_get_banner_text (SdSyncStatus *self);

G_END_DECLS

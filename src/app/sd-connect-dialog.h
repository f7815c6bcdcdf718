/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-connect-dialog.h — connects the desk to the marketplace: its address and the salon's
 * token. The token goes to the keyring (sd-secret.h), the address to the database's meta
 * (SD_STORE_META_URL); then "connected" (url, token) is emitted and the dialog closes: the
 * window makes an SdSyncEngine from them.
 *
 * "Try the sandbox" starts a local salon-desk-sandbox (from $SALON_DESK_SANDBOX or the
 * PATH) on a free loopback port, fills it with a demo salon, and connects to it. The
 * process belongs to the GApplication (stopped with SIGTERM when it finalizes). */
#pragma once

#include <adwaita.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_CONNECT_DIALOG (sd_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdConnectDialog, sd_connect_dialog, SD, CONNECT_DIALOG, AdwWindow)

SdConnectDialog *sd_connect_dialog_new (GtkWindow *parent, SdStore *store);

G_END_DECLS

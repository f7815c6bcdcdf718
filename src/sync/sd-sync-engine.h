/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sync-engine.h — keeps the desk's database and the marketplace in step.
 *
 * A pass pulls (GET /v1/changes from the stored cursor, 500 a page, each page applied in
 * one transaction with its cursor; 410 starts again from no cursor, keeping unsent actions)
 * then pushes the outbox in order (an appointment's actions in the order they were made),
 * each row with its own Idempotency-Key and If-Match. 429, 5xx and network errors are
 * retried with backoff and jitter (Retry-After honoured); other 4xx never: 409 keeps the
 * marketplace's version and says so in the history, 400/404/413/422/423 roll the local
 * change back.
 *
 * Two ways to run it:
 * - sd_sync_engine_sync_once(): one blocking pass, for the CLI and tests;
 * - sd_sync_engine_start(): the app's automatic mode. Passes run in a worker thread (the
 *   main thread never blocks on HTTP or SQLite); a pass starts at once, after
 *   sd_sync_engine_request_sync() ("Sync now", a local action), every "interval" seconds,
 *   when the network comes back (GNetworkMonitor), and after a failure on a backoff timer.
 *   "status-changed" is emitted on the main thread after each change of state, pending
 *   count or last sync time.
 */
#pragma once

#include <gio/gio.h>

#include "sd-backoff.h"
#include "sd-store.h"
#include "sd-sync-error.h"

G_BEGIN_DECLS

typedef enum
{
  SD_SYNC_STATE_IDLE,          /* in step as of the last sync */
  SD_SYNC_STATE_SYNCING,
  SD_SYNC_STATE_OFFLINE,       /* the marketplace cannot be reached: actions wait locally */
  SD_SYNC_STATE_UNAUTHORIZED,  /* the token was refused: connect again */
  SD_SYNC_STATE_ERROR,         /* anything else (see last-error) */
} SdSyncState;

#define SD_TYPE_SYNC_ENGINE (sd_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (SdSyncEngine, sd_sync_engine, SD, SYNC_ENGINE, GObject)

/* @url: the marketplace's base URL; @token: the salon's token (from the keyring). */
SdSyncEngine *sd_sync_engine_new              (SdStore *store, const char *url,
                                               const char *token);
SdStore      *sd_sync_engine_get_store        (SdSyncEngine *self);
const char   *sd_sync_engine_get_url          (SdSyncEngine *self);

/* Tuning (tests use short delays). Defaults: backoff 500 ms .. 60 s, 6 attempts of a row
 * within one pass, a pull every 60 s. */
void          sd_sync_engine_set_backoff      (SdSyncEngine *self, SdBackoff *backoff);
void          sd_sync_engine_set_max_attempts (SdSyncEngine *self, guint attempts);
void          sd_sync_engine_set_interval     (SdSyncEngine *self, guint seconds);
/* Accept a self-signed certificate from a loopback sandbox. */
void          sd_sync_engine_set_insecure_loopback (SdSyncEngine *self, gboolean insecure);

/* One pass, pull then push, blocking the calling thread. FALSE with an SD_SYNC_ERROR (or
 * SD_STORE_ERROR) when it stopped early; what was done before stays done. */
gboolean      sd_sync_engine_sync_once        (SdSyncEngine *self, GCancellable *cancellable,
                                               GError **error);
/* The same pass in a worker thread. */
void          sd_sync_engine_sync_async       (SdSyncEngine *self, GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
gboolean      sd_sync_engine_sync_finish      (SdSyncEngine *self, GAsyncResult *result,
                                               GError **error);

/* Downloads the attachment @attachment_id (as named in a pulled complaint's comments) of
 * the complaint @complaint_id (local id) into the attachments folder beside the database,
 * blocking the calling thread. Refuses a file past 10 MiB (SD_SYNC_ERROR_TOO_LARGE, read
 * no further) or not PNG, JPEG or PDF (SD_SYNC_ERROR_MALFORMED). Returns its path. */
char         *sd_sync_engine_download_attachment (SdSyncEngine *self, gint64 complaint_id,
                                                  const char *attachment_id,
                                                  const char *filename,
                                                  GCancellable *cancellable, GError **error);

/* Automatic mode (main thread). */
void          sd_sync_engine_start            (SdSyncEngine *self);
void          sd_sync_engine_stop             (SdSyncEngine *self);
/* A pass as soon as possible (after the running one, if any). */
void          sd_sync_engine_request_sync     (SdSyncEngine *self);
/* A local action was written: recount the unsent rows and send soon. */
void          sd_sync_engine_local_change     (SdSyncEngine *self);

SdSyncState   sd_sync_engine_get_state        (SdSyncEngine *self);
/* Actions written locally and not yet sent. */
guint         sd_sync_engine_get_pending      (SdSyncEngine *self);
/* Epoch seconds of the last complete pass, 0 = never. */
gint64        sd_sync_engine_get_last_sync    (SdSyncEngine *self);
/* A translated sentence, NULL when the last pass succeeded. */
const char   *sd_sync_engine_get_last_error   (SdSyncEngine *self);

G_END_DECLS

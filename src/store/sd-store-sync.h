/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-sync.h — what the sync engine needs from the store: the pull cursor, applying
 * the marketplace's resources, and the outbox's life (due, sent, retried, refused,
 * conflicting).
 *
 * Rules of applying: a remote resource is applied only when its version is newer than the
 * one the desk holds; rows are matched by remote_id (and, for the desk's own unsent
 * bookings and messages, by what they contain, so an answer lost after the marketplace
 * committed never makes a second row). A page of changes is applied in ONE transaction
 * together with its cursor: either the whole page and the new cursor, or nothing.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sd-json.h"
#include "sd-outbox-entry.h"
#include "sd-store.h"

G_BEGIN_DECLS

typedef enum
{
  SD_REMOTE_APPOINTMENT,
  SD_REMOTE_COMPLAINT,
  SD_REMOTE_MESSAGE,
  SD_REMOTE_REVIEW,
  SD_REMOTE_TRANSACTION,
} SdRemoteKind;

/* One parsed change of the feed (or one answer of the marketplace). */
typedef struct
{
  gint64 seq;
  SdRemoteKind kind;
  GObject *resource;   /* SdAppointment, SdComplaint, SdMessage, SdReview, SdTransaction */
  SdJsonRefs refs;     /* the remote ids it refers to */
} SdRemoteChange;

void            sd_remote_change_free      (SdRemoteChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdRemoteChange, sd_remote_change_free)
/* Parses @data as a resource of @kind ("appointment", "complaint", …), strictly. */
SdRemoteChange *sd_remote_change_parse     (const char *kind, JsonNode *data, GError **error);

/* Meta keys the sync engine uses. */
#define SD_STORE_META_CURSOR    "sync.cursor"
#define SD_STORE_META_URL       "sync.url"
#define SD_STORE_META_LAST_SYNC "sync.last_sync"

/* NULL when unset. */
char           *sd_store_get_meta          (SdStore *self, const char *key, GError **error);
/* @value NULL deletes the key. */
gboolean        sd_store_set_meta          (SdStore *self, const char *key, const char *value,
                                            GError **error);

/* The salon's staff and services as the marketplace lists them. A local row without a
 * remote id and with the same name is taken to be the same one. */
gboolean        sd_store_sync_staff        (SdStore *self, const char *remote_id,
                                            const char *name, GError **error);
gboolean        sd_store_sync_service      (SdStore *self, const char *remote_id,
                                            const char *name, int duration_min,
                                            gint64 price_cents, const char *currency,
                                            GError **error);

/* Applies @changes (SdRemoteChange) and stores @next_cursor, in one transaction.
 * @n_applied (optional): how many were newer than what the desk had. */
gboolean        sd_store_apply_changes     (SdStore *self, GPtrArray *changes,
                                            const char *next_cursor, guint *n_applied,
                                            GError **error);

/* ---- Outbox ---- */

/* The oldest pending row, whether due or not; NULL (and no error) when none is pending.
 * @not_before_out: when it may be sent (0 = now). */
SdOutboxEntry  *sd_store_sync_next       (SdStore *self, gint64 *not_before_out,
                                            GError **error);
/* The request for @entry as it must go out now: the endpoint with remote ids in place of
 * "{appointment}"/"{complaint}", the body with remote ids in place of local ones, and the
 * If-Match version (0: none). FALSE with SD_STORE_ERROR_NOT_FOUND when what it refers to
 * is not on the marketplace (its own booking was refused). */
gboolean        sd_store_sync_prepare    (SdStore *self, SdOutboxEntry *entry,
                                            char **path_out, char **body_out,
                                            gint64 *if_match_out, GError **error);
/* Sent: stores the marketplace's answer (@answer may be NULL): the resource's new version,
 * the remote id of a created appointment, complaint or message. Later rows of the same
 * appointment are rebased on the new version, since they were made on top of this one. */
gboolean        sd_store_sync_mark_sent  (SdStore *self, gint64 outbox_id,
                                            SdRemoteChange *answer, GError **error);
/* A retryable failure (429, 5xx, network): the row stays pending with @error_text as its
 * last error; sd_store_outbox_begin_send() counted the attempt. When to try again is the
 * sync engine's backoff, kept in memory: after a restart, sending resumes at once. */
gboolean        sd_store_sync_retry      (SdStore *self, gint64 outbox_id,
                                          const char *error_text, GError **error);
/* Refused for good (400/404/413/422/423): the local change is rolled back and the
 * appointment's history says why ("The marketplace refused: …"). */
gboolean        sd_store_sync_fail       (SdStore *self, gint64 outbox_id,
                                            const char *reason, GError **error);
/* 409: the marketplace's version (@current) is kept and the history says what changed
 * there and that the desk's action was not sent. */
gboolean        sd_store_sync_conflict   (SdStore *self, gint64 outbox_id,
                                            SdRemoteChange *current, GError **error);
/* Saves a file received with the complaint @complaint_id (local id) as
 * "attachments/<complaint>/<attachment id>-<filename>" beside the database (a second
 * download replaces it) and lists it with the complaint's attachments. Returns its path. */
char           *sd_store_sync_save_attachment (SdStore *self, gint64 complaint_id,
                                               const char *attachment_id,
                                               const char *filename,
                                               const char *content_type, GBytes *data,
                                               GError **error);
/* Rows not yet sent (pending). */
guint           sd_store_sync_count_unsent (SdStore *self, GError **error);

G_END_DECLS

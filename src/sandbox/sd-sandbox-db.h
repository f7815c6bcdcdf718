/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-db.h — the sandbox marketplace's own database (SQLite, --db FILE).
 *
 * The salons' data lives in one SdStore per salon; this file holds what only the
 * marketplace knows: salons and their tokens, idempotency records, resource versions, the
 * changes feed, and the resources the store has no table for (messages, reviews,
 * transactions, complaint comments and their attachments, resolutions), kept as their API
 * JSON. Every function runs on the main thread; a request is one transaction
 * (sd_sandbox_db_begin … _commit). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SD_TYPE_SANDBOX_DB (sd_sandbox_db_get_type ())
G_DECLARE_FINAL_TYPE (SdSandboxDb, sd_sandbox_db, SD, SANDBOX_DB, GObject)

typedef struct
{
  gint64 id;
  char *name;
  char *token;
  char *store_file;          /* the salon's SdStore, relative to the db's folder */
  gint64 compacted_through;  /* cursors before this seq are gone (410) */
} SdSandboxSalonRow;

void sd_sandbox_salon_row_free (SdSandboxSalonRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdSandboxSalonRow, sd_sandbox_salon_row_free)

typedef struct
{
  gint64 seq;
  char kind[16];             /* appointment, complaint, message, review, transaction */
  gint64 id;
} SdSandboxChange;

SdSandboxDb *sd_sandbox_db_open         (const char *path, GError **error);
const char  *sd_sandbox_db_get_path     (SdSandboxDb *self);

gboolean     sd_sandbox_db_begin        (SdSandboxDb *self, GError **error);
gboolean     sd_sandbox_db_commit       (SdSandboxDb *self, GError **error);
void         sd_sandbox_db_rollback     (SdSandboxDb *self);
gboolean     sd_sandbox_db_in_transaction (SdSandboxDb *self);

/* Salons: GPtrArray of SdSandboxSalonRow, by id. */
GPtrArray   *sd_sandbox_db_list_salons  (SdSandboxDb *self, GError **error);
gint64       sd_sandbox_db_add_salon    (SdSandboxDb *self, const char *name, const char *token,
                                         const char *store_file, GError **error);
gboolean     sd_sandbox_db_set_token    (SdSandboxDb *self, gint64 salon_id, const char *token,
                                         GError **error);

/* Idempotency: the first response to (salon, key). Returns TRUE and fills the outputs when
 * the key was seen; @request is "METHOD /path" to refuse a key reused for another request. */
gboolean     sd_sandbox_db_find_response (SdSandboxDb *self, gint64 salon_id, const char *key,
                                          char **request_out, guint *status_out,
                                          GBytes **body_out, GError **error);
gboolean     sd_sandbox_db_save_response (SdSandboxDb *self, gint64 salon_id, const char *key,
                                          const char *request, guint status, GBytes *body,
                                          GError **error);

/* Versions: 0 when the resource has none yet. The state is the one recorded with the last
 * change (used to notice what the clock changed). */
gint64       sd_sandbox_db_get_version  (SdSandboxDb *self, gint64 salon_id, const char *kind,
                                         gint64 id);
char        *sd_sandbox_db_get_state    (SdSandboxDb *self, gint64 salon_id, const char *kind,
                                         gint64 id);
/* Increments the version and appends a change to the feed. Returns the new version, 0 on
 * error. */
gint64       sd_sandbox_db_record_change (SdSandboxDb *self, gint64 salon_id, const char *kind,
                                          gint64 id, const char *state, GError **error);
/* Changes with seq > @after, oldest first: GArray of SdSandboxChange. */
GArray      *sd_sandbox_db_list_changes (SdSandboxDb *self, gint64 salon_id, gint64 after,
                                         guint limit, gboolean *has_more, GError **error);
/* Drops every change superseded by a later one of the same resource, and makes cursors
 * before the newest seq stale. Returns the new horizon (-1 on error). */
gint64       sd_sandbox_db_compact      (SdSandboxDb *self, gint64 salon_id, GError **error);
gint64       sd_sandbox_db_get_horizon  (SdSandboxDb *self, gint64 salon_id);

/* Resources kept as API JSON: a message, review, transaction, comment or resolution.
 * @parent_id is the appointment (message, review, transaction) or complaint (comment,
 * resolution). add returns the new id; set_json replaces the JSON (e.g. once the id is
 * known). */
gint64       sd_sandbox_db_add_resource (SdSandboxDb *self, gint64 salon_id, const char *kind,
                                         gint64 parent_id, GError **error);
gboolean     sd_sandbox_db_set_json     (SdSandboxDb *self, gint64 id, const char *json,
                                         GError **error);
/* NULL when there is no such resource of this salon and kind. */
char        *sd_sandbox_db_get_json     (SdSandboxDb *self, gint64 salon_id, const char *kind,
                                         gint64 id);
/* The JSON of every resource of @kind under @parent_id, oldest first (NULL-ended). */
char       **sd_sandbox_db_list_json    (SdSandboxDb *self, gint64 salon_id, const char *kind,
                                         gint64 parent_id, GError **error);

/* Attachments: the bytes are in the database. */
gint64       sd_sandbox_db_add_attachment (SdSandboxDb *self, gint64 salon_id,
                                           gint64 comment_id, const char *filename,
                                           const char *content_type, GBytes *data,
                                           GError **error);
/* NULL (without error) when the salon has no such attachment. */
GBytes      *sd_sandbox_db_get_attachment (SdSandboxDb *self, gint64 salon_id, gint64 id,
                                           char **filename_out, char **content_type_out,
                                           GError **error);

/* A consistency check for tests and start-up: PRAGMA integrity_check. */
gboolean     sd_sandbox_db_check        (SdSandboxDb *self, GError **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "sd-sandbox-db.h"

struct _SdSandboxDb
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *stmts;   /* SQL text -> sqlite3_stmt, prepared once */
};

G_DEFINE_FINAL_TYPE (SdSandboxDb, sd_sandbox_db, G_TYPE_OBJECT)

/* A failed sandbox database is a bug or a full disk: either way the request fails with a
 * 500, so a plain I/O error with SQLite's words is enough. */
static const char schema[] =
  "PRAGMA journal_mode = WAL;"
  "PRAGMA synchronous = NORMAL;"
  "CREATE TABLE IF NOT EXISTS salons ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, token TEXT NOT NULL UNIQUE,"
  "  store_file TEXT NOT NULL, compacted_through INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE IF NOT EXISTS idempotency ("
  "  salon_id INTEGER NOT NULL, key TEXT NOT NULL, request TEXT NOT NULL,"
  "  status INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (salon_id, key));"
  "CREATE TABLE IF NOT EXISTS versions ("
  "  salon_id INTEGER NOT NULL, kind TEXT NOT NULL, id INTEGER NOT NULL,"
  "  version INTEGER NOT NULL, state TEXT, PRIMARY KEY (salon_id, kind, id));"
  "CREATE TABLE IF NOT EXISTS changes ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT, salon_id INTEGER NOT NULL, kind TEXT NOT NULL,"
  "  id INTEGER NOT NULL);"
  "CREATE INDEX IF NOT EXISTS changes_by_salon ON changes (salon_id, seq);"
  "CREATE TABLE IF NOT EXISTS resources ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, salon_id INTEGER NOT NULL, kind TEXT NOT NULL,"
  "  parent_id INTEGER NOT NULL, json TEXT NOT NULL DEFAULT '{}');"
  "CREATE INDEX IF NOT EXISTS resources_by_parent ON resources (salon_id, kind, parent_id);"
  "CREATE TABLE IF NOT EXISTS attachments ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, salon_id INTEGER NOT NULL,"
  "  comment_id INTEGER NOT NULL, filename TEXT NOT NULL, content_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL, data BLOB NOT NULL);";

static void
set_error (SdSandboxDb *self, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sandbox database: %s",
               sqlite3_errmsg (self->db));
}

static sqlite3_stmt *
stmt (SdSandboxDb *self, const char *sql, GError **error)
{
  sqlite3_stmt *s = g_hash_table_lookup (self->stmts, sql);

  if (s != NULL)
    {
      sqlite3_reset (s);
      sqlite3_clear_bindings (s);
      return s;
    }
  if (sqlite3_prepare_v2 (self->db, sql, -1, &s, NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, (gpointer) sql, s);
  return s;
}

static gboolean
step_done (SdSandboxDb *self, sqlite3_stmt *s, GError **error)
{
  int rc = sqlite3_step (s);

  sqlite3_reset (s);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec (SdSandboxDb *self, const char *sql, GError **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sandbox database: %s", msg);
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static void
sd_sandbox_db_finalize (GObject *object)
{
  SdSandboxDb *self = SD_SANDBOX_DB (object);

  g_clear_pointer (&self->stmts, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  G_OBJECT_CLASS (sd_sandbox_db_parent_class)->finalize (object);
}

static void
sd_sandbox_db_class_init (SdSandboxDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sd_sandbox_db_finalize;
}

static void
finalize_stmt (gpointer s)
{
  sqlite3_finalize (s);
}

static void
sd_sandbox_db_init (SdSandboxDb *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_stmt);
}

SdSandboxDb *
sd_sandbox_db_open (const char *path, GError **error)
{
  g_autoptr (SdSandboxDb) self = g_object_new (SD_TYPE_SANDBOX_DB, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      set_error (self, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (!exec (self, schema, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
sd_sandbox_db_get_path (SdSandboxDb *self)
{
  return self->path;
}

gboolean
sd_sandbox_db_begin (SdSandboxDb *self, GError **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
sd_sandbox_db_commit (SdSandboxDb *self, GError **error)
{
  return exec (self, "COMMIT", error);
}

void
sd_sandbox_db_rollback (SdSandboxDb *self)
{
  if (!sqlite3_get_autocommit (self->db))
    exec (self, "ROLLBACK", NULL);
}

gboolean
sd_sandbox_db_in_transaction (SdSandboxDb *self)
{
  return !sqlite3_get_autocommit (self->db);
}

void
sd_sandbox_salon_row_free (SdSandboxSalonRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->token);
  g_free (row->store_file);
  g_free (row);
}

GPtrArray *
sd_sandbox_db_list_salons (SdSandboxDb *self, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (
    (GDestroyNotify) sd_sandbox_salon_row_free);
  sqlite3_stmt *s = stmt (self, "SELECT id, name, token, store_file, compacted_through"
                                " FROM salons ORDER BY id", error);
  int rc;

  if (s == NULL)
    return NULL;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      SdSandboxSalonRow *row = g_new0 (SdSandboxSalonRow, 1);

      row->id = sqlite3_column_int64 (s, 0);
      row->name = g_strdup ((const char *) sqlite3_column_text (s, 1));
      row->token = g_strdup ((const char *) sqlite3_column_text (s, 2));
      row->store_file = g_strdup ((const char *) sqlite3_column_text (s, 3));
      row->compacted_through = sqlite3_column_int64 (s, 4);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gint64
sd_sandbox_db_add_salon (SdSandboxDb *self, const char *name, const char *token,
                         const char *store_file, GError **error)
{
  sqlite3_stmt *s = stmt (self, "INSERT INTO salons (name, token, store_file)"
                                " VALUES (?, ?, ?)", error);

  if (s == NULL)
    return 0;
  sqlite3_bind_text (s, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (s, 2, token, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (s, 3, store_file, -1, SQLITE_TRANSIENT);
  if (!step_done (self, s, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
sd_sandbox_db_set_token (SdSandboxDb *self, gint64 salon_id, const char *token,
                         GError **error)
{
  sqlite3_stmt *s = stmt (self, "UPDATE salons SET token = ? WHERE id = ?", error);

  if (s == NULL)
    return FALSE;
  sqlite3_bind_text (s, 1, token, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (s, 2, salon_id);
  return step_done (self, s, error);
}

gboolean
sd_sandbox_db_find_response (SdSandboxDb *self, gint64 salon_id, const char *key,
                             char **request_out, guint *status_out, GBytes **body_out,
                             GError **error)
{
  sqlite3_stmt *s = stmt (self, "SELECT request, status, body FROM idempotency"
                                " WHERE salon_id = ? AND key = ?", error);
  gboolean found = FALSE;
  int rc;

  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_text (s, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      *request_out = g_strdup ((const char *) sqlite3_column_text (s, 0));
      *status_out = sqlite3_column_int (s, 1);
      *body_out = g_bytes_new (sqlite3_column_blob (s, 2), sqlite3_column_bytes (s, 2));
    }
  else if (rc != SQLITE_DONE)
    set_error (self, error);
  sqlite3_reset (s);
  return found;
}

gboolean
sd_sandbox_db_save_response (SdSandboxDb *self, gint64 salon_id, const char *key,
                             const char *request, guint status, GBytes *body, GError **error)
{
  sqlite3_stmt *s = stmt (self, "INSERT INTO idempotency (salon_id, key, request, status, body)"
                                " VALUES (?, ?, ?, ?, ?)", error);
  gsize len = 0;
  gconstpointer data = g_bytes_get_data (body, &len);

  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_text (s, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (s, 3, request, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (s, 4, status);
  sqlite3_bind_blob (s, 5, len > 0 ? data : "", len, SQLITE_TRANSIENT);
  return step_done (self, s, error);
}

gint64
sd_sandbox_db_get_version (SdSandboxDb *self, gint64 salon_id, const char *kind, gint64 id)
{
  sqlite3_stmt *s = stmt (self, "SELECT version FROM versions"
                                " WHERE salon_id = ? AND kind = ? AND id = ?", NULL);
  gint64 version = 0;

  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_text (s, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s, 3, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    version = sqlite3_column_int64 (s, 0);
  sqlite3_reset (s);
  return version;
}

char *
sd_sandbox_db_get_state (SdSandboxDb *self, gint64 salon_id, const char *kind, gint64 id)
{
  sqlite3_stmt *s = stmt (self, "SELECT state FROM versions"
                                " WHERE salon_id = ? AND kind = ? AND id = ?", NULL);
  char *state = NULL;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_text (s, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s, 3, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    state = g_strdup ((const char *) sqlite3_column_text (s, 0));
  sqlite3_reset (s);
  return state;
}

gint64
sd_sandbox_db_record_change (SdSandboxDb *self, gint64 salon_id, const char *kind, gint64 id,
                             const char *state, GError **error)
{
  sqlite3_stmt *s = stmt (self,
                          "INSERT INTO versions (salon_id, kind, id, version, state)"
                          " VALUES (?1, ?2, ?3, 1, ?4)"
                          " ON CONFLICT (salon_id, kind, id) DO UPDATE SET"
                          " version = version + 1, state = coalesce (?4, state)", error);

  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_text (s, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (s, 3, id);
  if (state != NULL)
    sqlite3_bind_text (s, 4, state, -1, SQLITE_TRANSIENT);
  if (!step_done (self, s, error))
    return 0;

  s = stmt (self, "INSERT INTO changes (salon_id, kind, id) VALUES (?, ?, ?)", error);
  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_text (s, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (s, 3, id);
  if (!step_done (self, s, error))
    return 0;
  return sd_sandbox_db_get_version (self, salon_id, kind, id);
}

GArray *
sd_sandbox_db_list_changes (SdSandboxDb *self, gint64 salon_id, gint64 after, guint limit,
                            gboolean *has_more, GError **error)
{
  g_autoptr (GArray) changes = g_array_new (FALSE, TRUE, sizeof (SdSandboxChange));
  sqlite3_stmt *s = stmt (self, "SELECT seq, kind, id FROM changes"
                                " WHERE salon_id = ? AND seq > ? ORDER BY seq LIMIT ?", error);
  int rc;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_int64 (s, 2, after);
  /* One more than asked tells whether there is more. */
  sqlite3_bind_int64 (s, 3, (gint64) limit + 1);
  *has_more = FALSE;
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      SdSandboxChange change = { 0 };

      if (changes->len == limit)
        {
          *has_more = TRUE;
          continue;
        }
      change.seq = sqlite3_column_int64 (s, 0);
      g_strlcpy (change.kind, (const char *) sqlite3_column_text (s, 1), sizeof change.kind);
      change.id = sqlite3_column_int64 (s, 2);
      g_array_append_val (changes, change);
    }
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&changes);
}

gint64
sd_sandbox_db_compact (SdSandboxDb *self, gint64 salon_id, GError **error)
{
  sqlite3_stmt *s = stmt (self,
                          "DELETE FROM changes WHERE salon_id = ?1 AND seq NOT IN"
                          " (SELECT max (seq) FROM changes WHERE salon_id = ?1"
                          "  GROUP BY kind, id)", error);

  if (s == NULL)
    return -1;
  sqlite3_bind_int64 (s, 1, salon_id);
  if (!step_done (self, s, error))
    return -1;

  s = stmt (self, "UPDATE salons SET compacted_through ="
                  " (SELECT coalesce (max (seq), 0) FROM changes WHERE salon_id = ?1)"
                  " WHERE id = ?1", error);
  if (s == NULL)
    return -1;
  sqlite3_bind_int64 (s, 1, salon_id);
  if (!step_done (self, s, error))
    return -1;
  return sd_sandbox_db_get_horizon (self, salon_id);
}

gint64
sd_sandbox_db_get_horizon (SdSandboxDb *self, gint64 salon_id)
{
  sqlite3_stmt *s = stmt (self, "SELECT compacted_through FROM salons WHERE id = ?", NULL);
  gint64 horizon = 0;

  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, salon_id);
  if (sqlite3_step (s) == SQLITE_ROW)
    horizon = sqlite3_column_int64 (s, 0);
  sqlite3_reset (s);
  return horizon;
}

gint64
sd_sandbox_db_add_resource (SdSandboxDb *self, gint64 salon_id, const char *kind,
                            gint64 parent_id, GError **error)
{
  sqlite3_stmt *s = stmt (self, "INSERT INTO resources (salon_id, kind, parent_id)"
                                " VALUES (?, ?, ?)", error);

  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_text (s, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (s, 3, parent_id);
  if (!step_done (self, s, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
sd_sandbox_db_set_json (SdSandboxDb *self, gint64 id, const char *json, GError **error)
{
  sqlite3_stmt *s = stmt (self, "UPDATE resources SET json = ? WHERE id = ?", error);

  if (s == NULL)
    return FALSE;
  sqlite3_bind_text (s, 1, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (s, 2, id);
  return step_done (self, s, error);
}

char *
sd_sandbox_db_get_json (SdSandboxDb *self, gint64 salon_id, const char *kind, gint64 id)
{
  sqlite3_stmt *s = stmt (self, "SELECT json FROM resources"
                                " WHERE salon_id = ? AND kind = ? AND id = ?", NULL);
  char *json = NULL;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_text (s, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s, 3, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    json = g_strdup ((const char *) sqlite3_column_text (s, 0));
  sqlite3_reset (s);
  return json;
}

char **
sd_sandbox_db_list_json (SdSandboxDb *self, gint64 salon_id, const char *kind,
                         gint64 parent_id, GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *s = stmt (self, "SELECT json FROM resources"
                                " WHERE salon_id = ? AND kind = ? AND parent_id = ?"
                                " ORDER BY id", error);
  int rc;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_text (s, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s, 3, parent_id);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (s, 0));
  sqlite3_reset (s);
  if (rc != SQLITE_DONE)
    {
      set_error (self, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

gint64
sd_sandbox_db_add_attachment (SdSandboxDb *self, gint64 salon_id, gint64 comment_id,
                              const char *filename, const char *content_type, GBytes *data,
                              GError **error)
{
  sqlite3_stmt *s = stmt (self, "INSERT INTO attachments"
                                " (salon_id, comment_id, filename, content_type, size, data)"
                                " VALUES (?, ?, ?, ?, ?, ?)", error);
  gsize len = 0;
  gconstpointer bytes = g_bytes_get_data (data, &len);

  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_int64 (s, 2, comment_id);
  sqlite3_bind_text (s, 3, filename, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (s, 4, content_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (s, 5, len);
  sqlite3_bind_blob (s, 6, len > 0 ? bytes : "", len, SQLITE_STATIC);
  if (!step_done (self, s, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

GBytes *
sd_sandbox_db_get_attachment (SdSandboxDb *self, gint64 salon_id, gint64 id,
                              char **filename_out, char **content_type_out, GError **error)
{
  sqlite3_stmt *s = stmt (self, "SELECT filename, content_type, data FROM attachments"
                                " WHERE salon_id = ? AND id = ?", error);
  GBytes *data = NULL;
  int rc;

  if (s == NULL)
    return NULL;
  sqlite3_bind_int64 (s, 1, salon_id);
  sqlite3_bind_int64 (s, 2, id);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    {
      *filename_out = g_strdup ((const char *) sqlite3_column_text (s, 0));
      *content_type_out = g_strdup ((const char *) sqlite3_column_text (s, 1));
      data = g_bytes_new (sqlite3_column_blob (s, 2), sqlite3_column_bytes (s, 2));
    }
  else if (rc != SQLITE_DONE)
    set_error (self, error);
  sqlite3_reset (s);
  return data;
}

gboolean
sd_sandbox_db_check (SdSandboxDb *self, GError **error)
{
  sqlite3_stmt *s = stmt (self, "PRAGMA integrity_check", error);
  gboolean ok = FALSE;

  if (s == NULL)
    return FALSE;
  if (sqlite3_step (s) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (s, 0), "ok") == 0;
  sqlite3_reset (s);
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sandbox database is damaged");
  return ok;
}

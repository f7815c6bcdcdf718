/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-schema.c — the database's schema, its version, and the checks that keep the
 * store from ever writing to a file that is not its own.
 *
 * A file is ours when PRAGMA application_id is SD_STORE_APPLICATION_ID. An empty file (no
 * tables at all) is made ours. Anything else is refused before a single byte is written:
 * the checks only read, and journal_mode=WAL (which rewrites the header) is set after. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-store-private.h"

#define SCHEMA_VERSION 2

/* Version 1. Instants are epoch seconds (UTC); enumerations are their wire names (text),
 * so the order of the C enums can change without a migration. */
static const char schema_v1[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
  "CREATE TABLE salon ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL, tzid TEXT NOT NULL, currency TEXT NOT NULL,"
  "  confirm_hours INTEGER NOT NULL, free_cancel_hours INTEGER NOT NULL,"
  "  checkin_early_min INTEGER NOT NULL, no_show_grace_min INTEGER NOT NULL,"
  "  contest_hours INTEGER NOT NULL, complaint_hours INTEGER NOT NULL,"
  "  claim_business_days INTEGER NOT NULL, redo_business_days INTEGER NOT NULL,"
  "  undo_seconds INTEGER NOT NULL, reminder_minutes INTEGER NOT NULL);"
  "CREATE TABLE salon_hours ("
  "  weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),"
  "  open_min INTEGER NOT NULL, close_min INTEGER NOT NULL);"
  "CREATE TABLE closing_days (day TEXT PRIMARY KEY) WITHOUT ROWID;"
  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY, remote_id TEXT UNIQUE, name TEXT NOT NULL,"
  "  active INTEGER NOT NULL DEFAULT 1);"
  "CREATE TABLE services ("
  "  id INTEGER PRIMARY KEY, remote_id TEXT UNIQUE, name TEXT NOT NULL,"
  "  duration_min INTEGER NOT NULL CHECK (duration_min > 0 AND duration_min <= 720),"
  "  price_cents INTEGER NOT NULL, currency TEXT NOT NULL);"
  "CREATE TABLE clients ("
  "  id INTEGER PRIMARY KEY, remote_id TEXT UNIQUE, name TEXT NOT NULL,"
  "  email TEXT, phone TEXT, phone_digits TEXT);"
  "CREATE INDEX clients_email ON clients (email) WHERE email IS NOT NULL;"
  "CREATE INDEX clients_phone ON clients (phone_digits) WHERE phone_digits IS NOT NULL;"
  /* External content: the words live once, in clients; the triggers keep the index in step. */
  "CREATE VIRTUAL TABLE clients_fts USING fts5 (name, email, phone, phone_digits,"
  "  content='clients', content_rowid='id', tokenize='unicode61 remove_diacritics 2',"
  "  prefix='2 3');"
  "CREATE TRIGGER clients_ai AFTER INSERT ON clients BEGIN"
  "  INSERT INTO clients_fts (rowid, name, email, phone, phone_digits)"
  "  VALUES (new.id, new.name, new.email, new.phone, new.phone_digits); END;"
  "CREATE TRIGGER clients_ad AFTER DELETE ON clients BEGIN"
  "  INSERT INTO clients_fts (clients_fts, rowid, name, email, phone, phone_digits)"
  "  VALUES ('delete', old.id, old.name, old.email, old.phone, old.phone_digits); END;"
  "CREATE TRIGGER clients_au AFTER UPDATE ON clients BEGIN"
  "  INSERT INTO clients_fts (clients_fts, rowid, name, email, phone, phone_digits)"
  "  VALUES ('delete', old.id, old.name, old.email, old.phone, old.phone_digits);"
  "  INSERT INTO clients_fts (rowid, name, email, phone, phone_digits)"
  "  VALUES (new.id, new.name, new.email, new.phone, new.phone_digits); END;"
  "CREATE TABLE appointments ("
  "  id INTEGER PRIMARY KEY, remote_id TEXT UNIQUE, version INTEGER NOT NULL DEFAULT 0,"
  "  state TEXT NOT NULL, state_before_dispute TEXT,"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL,"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id),"
  "  service_id INTEGER NOT NULL REFERENCES services (id),"
  "  client_id INTEGER NOT NULL REFERENCES clients (id),"
  "  price_cents INTEGER NOT NULL, currency TEXT NOT NULL,"
  "  payment_mode TEXT NOT NULL, amount_cents INTEGER NOT NULL,"
  "  refunded_cents INTEGER NOT NULL DEFAULT 0, phone_revealed INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL, confirm_by INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL, checked_in_at INTEGER NOT NULL DEFAULT 0,"
  "  checked_out_at INTEGER NOT NULL DEFAULT 0, complaint_id INTEGER NOT NULL DEFAULT 0,"
  "  review_requested INTEGER NOT NULL DEFAULT 0,"
  "  cancel_by TEXT, cancel_reason TEXT, cancel_note TEXT, cancel_refund TEXT,"
  "  cancel_refund_cents INTEGER, cancel_at INTEGER, proposed_starts TEXT,"
  "  CHECK (end > start AND end - start <= 43200));"
  "CREATE INDEX appointments_start ON appointments (start);"
  "CREATE INDEX appointments_staff_start ON appointments (staff_id, start);"
  "CREATE INDEX appointments_client_start ON appointments (client_id, start);"
  "CREATE INDEX appointments_requests ON appointments (confirm_by) WHERE state = 'requested';"
  "CREATE TABLE complaints ("
  "  id INTEGER PRIMARY KEY, remote_id TEXT UNIQUE, version INTEGER NOT NULL DEFAULT 0,"
  "  appointment_id INTEGER NOT NULL REFERENCES appointments (id),"
  "  opened_by TEXT NOT NULL, opened_at INTEGER NOT NULL, reason TEXT NOT NULL,"
  "  refund_requested_cents INTEGER NOT NULL DEFAULT 0, deadline_kind TEXT NOT NULL,"
  "  reply_by INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL,"
  "  response_action TEXT NOT NULL DEFAULT 'none', response_amount_cents INTEGER NOT NULL DEFAULT 0,"
  "  response_redo_start INTEGER NOT NULL DEFAULT 0, response_body TEXT,"
  "  responded_at INTEGER NOT NULL DEFAULT 0, outcome TEXT NOT NULL DEFAULT 'none',"
  "  outcome_amount_cents INTEGER NOT NULL DEFAULT 0, outcome_note TEXT,"
  "  resolved_at INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX complaints_appointment ON complaints (appointment_id);"
  "CREATE INDEX complaints_status ON complaints (status, reply_by);"
  "CREATE INDEX complaints_opened ON complaints (opened_at);"
  "CREATE TABLE complaint_attachments ("
  "  id INTEGER PRIMARY KEY, complaint_id INTEGER NOT NULL REFERENCES complaints (id),"
  "  filename TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL,"
  "  path TEXT NOT NULL);"
  "CREATE INDEX complaint_attachments_complaint ON complaint_attachments (complaint_id);"
  "CREATE TABLE messages ("
  "  id INTEGER PRIMARY KEY, remote_id TEXT UNIQUE,"
  "  appointment_id INTEGER NOT NULL REFERENCES appointments (id),"
  "  author TEXT NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL);"
  "CREATE INDEX messages_appointment ON messages (appointment_id, at);"
  "CREATE TABLE reviews ("
  "  id INTEGER PRIMARY KEY, remote_id TEXT UNIQUE,"
  "  appointment_id INTEGER NOT NULL UNIQUE REFERENCES appointments (id),"
  "  punctuality INTEGER NOT NULL, service INTEGER NOT NULL, value INTEGER NOT NULL,"
  "  cleanliness INTEGER NOT NULL, relationship INTEGER NOT NULL,"
  "  comment TEXT, at INTEGER NOT NULL, reported INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX reviews_at ON reviews (at);"
  "CREATE TABLE transactions ("
  "  id INTEGER PRIMARY KEY, remote_id TEXT UNIQUE,"
  "  appointment_id INTEGER REFERENCES appointments (id),"
  "  kind TEXT NOT NULL, amount_cents INTEGER NOT NULL, currency TEXT NOT NULL,"
  "  at INTEGER NOT NULL);"
  "CREATE INDEX transactions_at ON transactions (at);"
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  appointment_id INTEGER NOT NULL REFERENCES appointments (id),"
  "  at INTEGER NOT NULL, event TEXT NOT NULL, by TEXT NOT NULL,"
  "  from_state TEXT NOT NULL, to_state TEXT NOT NULL, detail TEXT,"
  "  amount_cents INTEGER NOT NULL DEFAULT 0, snapshot TEXT);"
  "CREATE INDEX history_appointment ON history (appointment_id, id);"
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE,"
  "  appointment_id INTEGER REFERENCES appointments (id),"
  "  complaint_id INTEGER REFERENCES complaints (id),"
  "  action TEXT NOT NULL, method TEXT NOT NULL, endpoint TEXT NOT NULL,"
  "  payload TEXT NOT NULL, base_version INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
  "  state TEXT NOT NULL DEFAULT 'pending', last_error TEXT, sent_at INTEGER,"
  /* Held until then: a cancellation waits out its undo window before it is sent. */
  "  not_before INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX outbox_pending ON outbox (state, id);"
  "CREATE INDEX outbox_appointment ON outbox (appointment_id);";

/* Version 2: the comments thread of each complaint as the marketplace sends it (author,
 * body, time, and the files it carried as a JSON array of {id, filename, content_type,
 * size}), so the reply screen shows the whole conversation, not only the reason. */
static const char schema_v2[] =
  "CREATE TABLE complaint_comments ("
  "  id INTEGER PRIMARY KEY,"
  "  complaint_id INTEGER NOT NULL REFERENCES complaints (id),"
  "  remote_id TEXT, author TEXT NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL,"
  "  attachments TEXT NOT NULL DEFAULT '[]');"
  "CREATE INDEX complaint_comments_complaint ON complaint_comments (complaint_id, at, id);";

int
sd_store_schema_version (void)
{
  return SCHEMA_VERSION;
}

static gboolean
read_int (sqlite3 *db, const char *sql, int *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  sqlite3_finalize (stmt);
  sd_store_set_error_db (db, rc, error);
  return FALSE;
}

/* Only reads. The first read of a file that is not a database fails with SQLITE_NOTADB,
 * which sd_store_set_error_db() maps to SD_STORE_ERROR_CORRUPT. */
gboolean
sd_store_schema_check (sqlite3 *db, int *version_out, GError **error)
{
  int app_id = 0, version = 0, n_objects = 0;

  if (!read_int (db, "SELECT count(*) FROM sqlite_master", &n_objects, error) ||
      !read_int (db, "PRAGMA application_id", &app_id, error) ||
      !read_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  if (app_id == 0 && version == 0 && n_objects == 0)
    {
      *version_out = 0;
      return TRUE;
    }
  if (app_id != SD_STORE_APPLICATION_ID)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_SALON_DESK,
                   _("This file is a database, but not a Salon Desk one. It was left as it is."));
      return FALSE;
    }
  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Salon Desk. Update "
                     "Salon Desk to open it; the file was left as it is."));
      return FALSE;
    }
  if (version < 1)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT,
                   _("This Salon Desk database is damaged (it has no schema version). It "
                     "was left as it is; restore a backup."));
      return FALSE;
    }
  *version_out = version;
  return TRUE;
}

static gboolean
exec (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      sd_store_set_error_db (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* One transaction per step, so a crash leaves the file at a known version. Version 1 is the
 * first: later versions add a step here, never edit an earlier one. */
gboolean
sd_store_schema_migrate (sqlite3 *db, int from_version, GError **error)
{
  g_autofree char *stamp = NULL;

  if (from_version >= SCHEMA_VERSION)
    return TRUE;

  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (from_version < 1 && !exec (db, schema_v1, error))
    goto fail;
  if (from_version < 2 && !exec (db, schema_v2, error))
    goto fail;

  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                           SD_STORE_APPLICATION_ID, SCHEMA_VERSION);
  if (!exec (db, stamp, error) || !exec (db, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
sd_store_schema_check_file (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  int rc, version = 0;
  gboolean ok;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("The file “%s” does not exist."), path);
      return FALSE;
    }
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      sd_store_set_error_db (db, rc, error);
      sqlite3_close (db);
      return FALSE;
    }
  ok = sd_store_schema_check (db, &version, error);
  if (ok && version == 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_SALON_DESK,
                   _("This file is empty: it is not a Salon Desk database."));
      ok = FALSE;
    }
  if (ok)
    {
      sqlite3_stmt *stmt = NULL;

      /* A backup must be whole: quick_check reads every page once. */
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT,
                       _("This Salon Desk database is damaged."));
          ok = FALSE;
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return ok;
}

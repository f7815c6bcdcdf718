/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store.c — opening the database, the connection's helpers, the salon, staff and
 * services. Appointments are in sd-store-read.c and sd-store-write.c. */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sd-policy-error.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-store-private.h"

G_DEFINE_FINAL_TYPE (SdStore, sd_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (sd-store-error-quark, sd_store_error)

static void
sd_store_finalize (GObject *object)
{
  SdStore *self = SD_STORE (object);

  g_clear_pointer (&self->stmts, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Keeps the planner's statistics fresh, cheaply (SQLite's advice for long-lived
       * connections); only on our own files, never on one that was refused. */
      if (self->opened)
        sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close (self->db);
    }
  g_clear_object (&self->salon);
  g_clear_object (&self->clock);
  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sd_store_parent_class)->finalize (object);
}

static void
sd_store_class_init (SdStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sd_store_finalize;
}

static void
sd_store_init (SdStore *self)
{
  g_mutex_init (&self->lock);
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       sd_stmt_finalize);
}

/* ---- Errors ---- */

void
sd_store_set_error_db (sqlite3 *db, int rc, GError **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_debug ("SQLite error %d: %s", rc, detail);
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FULL,
                   _("The disk is full. The change was not saved; free some space and try again."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_CORRUPT,
                   _("The database file is damaged or is not a database. It was left as it "
                     "is; restore a backup."));
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("The database file cannot be read or written (%s)."), detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                   _("The database is busy in another program. Try again in a moment."));
      break;
    default:
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FAILED,
                   _("The database reported an error: %s."), detail);
      break;
    }
}

void
sd_store_set_error (SdStore *self, int rc, GError **error)
{
  sd_store_set_error_db (self->db, rc, error);
}

/* ---- Statements and transactions ---- */

SdStmt *
sd_store_stmt (SdStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);
  int rc;

  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
  return stmt;
}

gboolean
sd_store_exec (SdStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      sd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sd_store_step_done (SdStore *self, SdStmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      sd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sd_store_begin (SdStore *self, GError **error)
{
  /* IMMEDIATE: take the write lock now, so a rule decided on what was read still holds
   * when the change is written. */
  return sd_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
sd_store_commit (SdStore *self, GError **error)
{
  if (!sd_store_exec (self, "COMMIT", error))
    {
      sd_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
sd_store_rollback (SdStore *self)
{
  /* SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR). */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

const char *
sd_store_column_text (sqlite3_stmt *stmt, int col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

gboolean
sd_store_bind_text (sqlite3_stmt *stmt, int col, const char *text)
{
  if (text == NULL)
    return sqlite3_bind_null (stmt, col) == SQLITE_OK;
  return sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

gint64
sd_store_now (SdStore *self)
{
  return sd_clock_get_now (self->clock);
}

gboolean
sd_store_require_salon (SdStore *self, GError **error)
{
  if (self->salon != NULL)
    return TRUE;
  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_SALON,
               _("This database has no salon yet. Set up the salon first."));
  return FALSE;
}

char *
sd_store_remote_id_locked (SdStore *self, const char *table, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT remote_id FROM %s WHERE id = ?", table);
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (sd_store_column_text (stmt, 0));
}

/* ---- Opening ---- */

SdStore *
sd_store_open (const char *path, SdClock *clock, GError **error)
{
  g_autoptr(SdStore) self = NULL;
  g_autofree char *dir = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (SD_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (SD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->clock = g_object_ref (clock);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);

  /* Read-only checks first: a file that is not ours must stay byte-identical. */
  if (!sd_store_schema_check (self->db, &version, error))
    return NULL;

  if (!sd_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                            "PRAGMA foreign_keys = ON;", error) ||
      !sd_store_schema_migrate (self->db, version, error) ||
      !sd_store_load_salon_locked (self, error))
    return NULL;

  self->opened = TRUE;
  return g_steal_pointer (&self);
}

const char *
sd_store_get_path (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  return self->path;
}

SdClock *
sd_store_get_clock (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  return self->clock;
}

/* ---- The salon ---- */

gboolean
sd_store_load_salon_locked (SdStore *self, GError **error)
{
  g_autoptr(SdSalon) salon = NULL;
  SdSalonSettings s;
  int rc;

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self,
      "SELECT name, tzid, currency, confirm_hours, free_cancel_hours, checkin_early_min,"
      " no_show_grace_min, contest_hours, complaint_hours, claim_business_days,"
      " redo_business_days, undo_seconds, reminder_minutes FROM salon WHERE id = 1", error);
    if (stmt == NULL)
      return FALSE;
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      return TRUE;
    if (rc != SQLITE_ROW)
      {
        sd_store_set_error (self, rc, error);
        return FALSE;
      }
    salon = sd_salon_new (sd_store_column_text (stmt, 0), sd_store_column_text (stmt, 1),
                          sd_store_column_text (stmt, 2));
    s.confirm_hours = sqlite3_column_int (stmt, 3);
    s.free_cancel_hours = sqlite3_column_int (stmt, 4);
    s.checkin_early_min = sqlite3_column_int (stmt, 5);
    s.no_show_grace_min = sqlite3_column_int (stmt, 6);
    s.contest_hours = sqlite3_column_int (stmt, 7);
    s.complaint_hours = sqlite3_column_int (stmt, 8);
    s.claim_business_days = sqlite3_column_int (stmt, 9);
    s.redo_business_days = sqlite3_column_int (stmt, 10);
    s.undo_seconds = sqlite3_column_int (stmt, 11);
    s.reminder_minutes = sqlite3_column_int (stmt, 12);
    sd_salon_set_settings (salon, &s);
  }

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self,
      "SELECT weekday, open_min, close_min FROM salon_hours", error);
    if (stmt == NULL)
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      sd_salon_set_hours (salon, sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                          sqlite3_column_int (stmt, 2));
    if (rc != SQLITE_DONE)
      {
        sd_store_set_error (self, rc, error);
        return FALSE;
      }
  }

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT day FROM closing_days", error);
    if (stmt == NULL)
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        GDate date;
        int y, m, d;

        if (sscanf (sd_store_column_text (stmt, 0), "%d-%d-%d", &y, &m, &d) != 3 ||
            !g_date_valid_dmy (d, m, y))
          continue;
        g_date_clear (&date, 1);
        g_date_set_dmy (&date, d, m, y);
        sd_salon_add_closing_day (salon, &date);
      }
    if (rc != SQLITE_DONE)
      {
        sd_store_set_error (self, rc, error);
        return FALSE;
      }
  }

  g_set_object (&self->salon, salon);
  return TRUE;
}

static gboolean
save_salon_locked (SdStore *self, GError **error)
{
  SdSalon *salon = self->salon;
  const SdSalonSettings *s = sd_salon_get_settings (salon);
  g_auto(GStrv) days = NULL;

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self,
      "INSERT OR REPLACE INTO salon (id, name, tzid, currency, confirm_hours,"
      " free_cancel_hours, checkin_early_min, no_show_grace_min, contest_hours,"
      " complaint_hours, claim_business_days, redo_business_days, undo_seconds,"
      " reminder_minutes) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
    if (stmt == NULL)
      return FALSE;
    sd_store_bind_text (stmt, 1, sd_salon_get_name (salon));
    sd_store_bind_text (stmt, 2, sd_salon_get_tzid (salon));
    sd_store_bind_text (stmt, 3, sd_salon_get_currency (salon));
    sqlite3_bind_int (stmt, 4, s->confirm_hours);
    sqlite3_bind_int (stmt, 5, s->free_cancel_hours);
    sqlite3_bind_int (stmt, 6, s->checkin_early_min);
    sqlite3_bind_int (stmt, 7, s->no_show_grace_min);
    sqlite3_bind_int (stmt, 8, s->contest_hours);
    sqlite3_bind_int (stmt, 9, s->complaint_hours);
    sqlite3_bind_int (stmt, 10, s->claim_business_days);
    sqlite3_bind_int (stmt, 11, s->redo_business_days);
    sqlite3_bind_int (stmt, 12, s->undo_seconds);
    sqlite3_bind_int (stmt, 13, s->reminder_minutes);
    if (!sd_store_step_done (self, stmt, error))
      return FALSE;
  }

  if (!sd_store_exec (self, "DELETE FROM salon_hours; DELETE FROM closing_days;", error))
    return FALSE;

  for (int day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    {
      g_autoptr(SdStmt) stmt = sd_store_stmt (self,
        "INSERT INTO salon_hours (weekday, open_min, close_min) VALUES (?, ?, ?)", error);
      int open_min, close_min;

      if (stmt == NULL)
        return FALSE;
      sd_salon_get_hours (salon, day, &open_min, &close_min);
      sqlite3_bind_int (stmt, 1, day);
      sqlite3_bind_int (stmt, 2, open_min);
      sqlite3_bind_int (stmt, 3, close_min);
      if (!sd_store_step_done (self, stmt, error))
        return FALSE;
    }

  days = sd_salon_dup_closing_days (salon);
  for (guint i = 0; days[i] != NULL; i++)
    {
      g_autoptr(SdStmt) stmt = sd_store_stmt (self, "INSERT INTO closing_days (day) VALUES (?)",
                                              error);
      if (stmt == NULL)
        return FALSE;
      sd_store_bind_text (stmt, 1, days[i]);
      if (!sd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_salon_in_transaction (SdStore *self, GError **error)
{
  if (!sd_store_begin (self, error))
    return FALSE;
  if (!save_salon_locked (self, error))
    {
      sd_store_rollback (self);
      return FALSE;
    }
  return sd_store_commit (self, error);
}

gboolean
sd_store_init_salon (SdStore *self, const char *name, const char *tzid, const char *currency,
                     GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdSalon) salon = NULL;
  gboolean ok;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && tzid != NULL && currency != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  salon = sd_salon_new (name, "UTC", currency);
  if (!sd_salon_set_tzid (salon, tzid))
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("“%s” is not a time zone this computer knows."), tzid);
      return FALSE;
    }
  if (strlen (currency) != 3)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("“%s” is not a currency code (three letters, such as EUR)."), currency);
      return FALSE;
    }

  /* Running init again renames the salon and changes its zone and currency; the
   * settings, hours and closing days are kept. */
  if (self->salon != NULL)
    {
      sd_salon_set_name (self->salon, name);
      sd_salon_set_tzid (self->salon, tzid);
      sd_salon_set_currency (self->salon, currency);
      return save_salon_in_transaction (self, error);
    }

  self->salon = g_object_ref (salon);
  ok = save_salon_in_transaction (self, error);
  if (!ok)
    g_clear_object (&self->salon);
  return ok;
}

SdSalon *
sd_store_get_salon (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  return self->salon;
}

gboolean
sd_store_save_salon (SdStore *self, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error))
    return FALSE;
  return save_salon_in_transaction (self, error);
}

/* ---- Staff and services ---- */

gint64
sd_store_add_staff (SdStore *self, const char *name, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdStmt) stmt = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (sd_store_is_blank (name))
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("A staff member needs a name."));
      return 0;
    }
  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, "INSERT INTO staff (name) VALUES (?)", error);
  if (stmt == NULL)
    return 0;
  sd_store_bind_text (stmt, 1, name);
  if (!sd_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/* Builds one object from a row of the SELECT handed to list_rows(). */
typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* Runs @sql and appends what @row_func makes of each row to a GListStore of @type. */
static GListModel *
list_rows (SdStore *self, GType type, const char *sql, RowFunc row_func, GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(GListStore) list = g_list_store_new (type);
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) object = row_func (stmt);

      g_list_store_append (list, object);
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gpointer
staff_from_row (sqlite3_stmt *stmt)
{
  SdStaff *staff = sd_staff_new ();

  sd_staff_set_id (staff, sqlite3_column_int64 (stmt, 0));
  sd_staff_set_remote_id (staff, sd_store_column_text (stmt, 1));
  sd_staff_set_name (staff, sd_store_column_text (stmt, 2));
  sd_staff_set_active (staff, sqlite3_column_int (stmt, 3));
  return staff;
}

GListModel *
sd_store_list_staff (SdStore *self, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  return list_rows (self, SD_TYPE_STAFF,
                    "SELECT id, remote_id, name, active FROM staff"
                    " ORDER BY name COLLATE NOCASE, id", staff_from_row, error);
}

gint64
sd_store_add_service (SdStore *self, const char *name, int duration_min, gint64 price_cents,
                      GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdStmt) stmt = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (sd_store_is_blank (name))
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("A service needs a name."));
      return 0;
    }
  if (duration_min <= 0 || duration_min > SD_STORE_MAX_DURATION / 60)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("A service lasts between 1 minute and 12 hours."));
      return 0;
    }
  if (price_cents < 0)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("A price cannot be negative."));
      return 0;
    }

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error))
    return 0;
  stmt = sd_store_stmt (self, "INSERT INTO services (name, duration_min, price_cents, currency)"
                              " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sd_store_bind_text (stmt, 1, name);
  sqlite3_bind_int (stmt, 2, duration_min);
  sqlite3_bind_int64 (stmt, 3, price_cents);
  sd_store_bind_text (stmt, 4, sd_salon_get_currency (self->salon));
  if (!sd_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gpointer
service_from_row (sqlite3_stmt *stmt)
{
  SdService *service = sd_service_new ();

  sd_service_set_id (service, sqlite3_column_int64 (stmt, 0));
  sd_service_set_remote_id (service, sd_store_column_text (stmt, 1));
  sd_service_set_name (service, sd_store_column_text (stmt, 2));
  sd_service_set_duration_min (service, sqlite3_column_int (stmt, 3));
  sd_service_set_price_cents (service, sqlite3_column_int64 (stmt, 4));
  sd_service_set_currency (service, sd_store_column_text (stmt, 5));
  return service;
}

GListModel *
sd_store_list_services (SdStore *self, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  return list_rows (self, SD_TYPE_SERVICE,
                    "SELECT id, remote_id, name, duration_min, price_cents, currency"
                    " FROM services ORDER BY name COLLATE NOCASE, id", service_from_row, error);
}

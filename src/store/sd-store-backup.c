/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-backup.c — online backups beside the database (SQLite's backup API, so the desk
 * keeps working meanwhile), and restoring one. */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sd-store-private.h"

#define KEEP_BACKUPS 7

/* "<name>.backup-" for the database at @path. */
static char *
backup_prefix (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  return g_strconcat (name, ".backup-", NULL);
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* The backups of the database at @path, oldest first (their names sort by time). */
static GPtrArray *
list_backups (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *prefix = backup_prefix (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return names;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".sqlite"))
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  return names;
}

static char *
local_stamp (SdStore *self, const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sd_store_now (self));
  g_autoptr(GDateTime) local = NULL;

  local = self->salon != NULL ? g_date_time_to_timezone (utc, sd_salon_get_timezone (self->salon))
                              : g_date_time_ref (utc);
  return g_date_time_format (local, format);
}

static char *
backup_locked (SdStore *self, GError **error)
{
  g_autofree char *prefix = backup_prefix (self->path);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *stamp = local_stamp (self, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strconcat (prefix, stamp, ".sqlite", NULL);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autofree char *partial = g_strconcat (target, ".part", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (partial);
  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      sd_store_set_error_db (dest, rc, error);
      sqlite3_close (dest);
      g_unlink (partial);
      return NULL;
    }
  /* A backup is one file: fold its journal in before it is closed and renamed. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);
  if (g_rename (partial, target) != 0)
    {
      int saved = errno;
      g_set_error (error, SD_STORE_ERROR, saved == ENOSPC ? SD_STORE_ERROR_FULL : SD_STORE_ERROR_IO,
                   _("Cannot save the backup “%s”: %s"), target, g_strerror (saved));
      g_unlink (partial);
      return NULL;
    }

  backups = list_backups (self->path);
  for (guint i = 0; i + KEEP_BACKUPS < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
  return g_steal_pointer (&target);
}

char *
sd_store_backup (SdStore *self, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  return backup_locked (self, error);
}

gboolean
sd_store_backup_if_due (SdStore *self, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *today = NULL;
  g_autofree char *made = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  prefix = backup_prefix (self->path);
  today = local_stamp (self, "%Y%m%d-");
  backups = list_backups (self->path);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (backups, i));

      if (g_str_has_prefix (name + strlen (prefix), today))
        return FALSE;
    }
  made = backup_locked (self, error);
  return made != NULL;
}

static gboolean
move_aside (const char *from, const char *to, GError **error)
{
  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_rename (from, to) != 0)
    {
      int saved = errno;
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Cannot move “%s” aside: %s"), from, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
sd_store_restore (const char *db_path, const char *backup_path, GError **error)
{
  g_autofree char *before = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) copy_error = NULL;
  g_autoptr(GError) check_error = NULL;
  static const char *const sidecars[] = { "-wal", "-shm" };

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* Refuse anything that is not a whole Salon Desk database this version can open,
   * before the current file is touched. */
  if (!sd_store_schema_check_file (backup_path, &check_error))
    {
      /* The check speaks of "the database"; say it is the backup, so nobody fears that the
       * database in use is damaged (it is untouched). */
      g_autofree char *name = g_filename_display_basename (backup_path);

      g_set_error (error, check_error->domain, check_error->code,
                   _("The backup “%s” cannot be restored: %s The database in use is unchanged."),
                   name, check_error->message);
      return FALSE;
    }

  partial = g_strconcat (db_path, ".restoring", NULL);
  from = g_file_new_for_path (backup_path);
  to = g_file_new_for_path (partial);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &copy_error))
    {
      g_set_error (error, SD_STORE_ERROR,
                   g_error_matches (copy_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                     ? SD_STORE_ERROR_FULL : SD_STORE_ERROR_IO,
                   _("Cannot copy the backup: %s"), copy_error->message);
      g_unlink (partial);
      return FALSE;
    }

  /* The current database, with its journal files, is kept whole as "<name>.before-restore". */
  before = g_strconcat (db_path, ".before-restore", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *old = g_strconcat (before, sidecars[i], NULL);
      g_unlink (old);
    }
  if (!move_aside (db_path, before, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *side = g_strconcat (db_path, sidecars[i], NULL);
      g_autofree char *aside = g_strconcat (before, sidecars[i], NULL);

      if (!move_aside (side, aside, error))
        return FALSE;
    }
  if (g_rename (partial, db_path) != 0)
    {
      int saved = errno;
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Cannot put the backup in place: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-meta.c — the meta table: small named values the store keeps beside the data (the
 * sync cursor and marketplace URL, the notices' marks), one row per key. */
#include "config.h"

#include "sd-store-private.h"
#include "sd-store-sync.h"

static char *
get_meta_locked (SdStore *self, const char *key, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT value FROM meta WHERE key = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sd_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (sd_store_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    sd_store_set_error (self, rc, error);
  return NULL;
}

gboolean
sd_store_set_meta_locked (SdStore *self, const char *key, const char *value, GError **error)
{
  g_autoptr(SdStmt) stmt = NULL;

  if (value == NULL)
    stmt = sd_store_stmt (self, "DELETE FROM meta WHERE key = ?", error);
  else
    stmt = sd_store_stmt (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sd_store_bind_text (stmt, 1, key);
  if (value != NULL)
    sd_store_bind_text (stmt, 2, value);
  return sd_store_step_done (self, stmt, error);
}

char *
sd_store_get_meta (SdStore *self, const char *key, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  return get_meta_locked (self, key, error);
}

gboolean
sd_store_set_meta (SdStore *self, const char *key, const char *value, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  return sd_store_set_meta_locked (self, key, value, error);
}

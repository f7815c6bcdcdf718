/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-outbox.c — what the sync engine reads and marks: the changes waiting to be sent
 * to the marketplace. Rows are written by sd-store-write.c within each change's own
 * transaction; they are only marked here, never deleted (undo of a cancellation deletes its
 * row while it has not been sent at all). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-outbox-entry.h"
#include "sd-store-private.h"

GPtrArray *
sd_store_list_outbox (SdStore *self, guint limit, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self,
    "SELECT id, idempotency_key, appointment_id, complaint_id, action, method, endpoint,"
    " payload, base_version, created_at, attempts, state, last_error FROM outbox"
    " WHERE state = 'pending' AND not_before <= ? ORDER BY id LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, sd_store_now (self));
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdOutboxEntry *entry = sd_outbox_entry_new ();

      sd_outbox_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
      sd_outbox_entry_set_idempotency_key (entry, sd_store_column_text (stmt, 1));
      sd_outbox_entry_set_appointment_id (entry, sqlite3_column_int64 (stmt, 2));
      sd_outbox_entry_set_complaint_id (entry, sqlite3_column_int64 (stmt, 3));
      sd_outbox_entry_set_action (entry, sd_store_column_text (stmt, 4));
      sd_outbox_entry_set_method (entry, sd_store_column_text (stmt, 5));
      sd_outbox_entry_set_endpoint (entry, sd_store_column_text (stmt, 6));
      sd_outbox_entry_set_payload (entry, sd_store_column_text (stmt, 7));
      sd_outbox_entry_set_base_version (entry, sqlite3_column_int64 (stmt, 8));
      sd_outbox_entry_set_created_at (entry, sqlite3_column_int64 (stmt, 9));
      sd_outbox_entry_set_attempts (entry, sqlite3_column_int (stmt, 10));
      sd_outbox_entry_set_state (entry, sd_store_column_text (stmt, 11));
      sd_outbox_entry_set_last_error (entry, sd_store_column_text (stmt, 12));
      g_ptr_array_add (list, entry);
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

guint
sd_store_count_outbox (SdStore *self, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), 0);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, "SELECT count(*) FROM outbox WHERE state = 'pending'", error);
  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sd_store_set_error (self, rc, error);
      return 0;
    }
  return sqlite3_column_int (stmt, 0);
}

static gboolean
update_entry (SdStore *self, const char *sql, gint64 id, const char *text, GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, sql, error);

  int n_params;

  if (stmt == NULL)
    return FALSE;
  /* ?1 the row, ?2 now, ?3 the text: each statement uses what it needs. */
  n_params = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  if (n_params >= 2)
    sqlite3_bind_int64 (stmt, 2, sd_store_now (self));
  if (n_params >= 3)
    sd_store_bind_text (stmt, 3, text);
  if (!sd_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("There is no change number %lld waiting to be sent."), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
sd_store_outbox_begin_send (SdStore *self, gint64 entry_id, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  /* Counted before the request leaves: from now on the marketplace may have it, so a
   * cancellation can no longer be undone. */
  return update_entry (self, "UPDATE outbox SET attempts = attempts + 1"
                             " WHERE id = ?1 AND state = 'pending'", entry_id, NULL, error);
}

gboolean
sd_store_outbox_mark_sent (SdStore *self, gint64 entry_id, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  return update_entry (self, "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = ?3"
                             " WHERE id = ?1", entry_id, NULL, error);
}

gboolean
sd_store_outbox_mark_failed (SdStore *self, gint64 entry_id, const char *message,
                             gboolean permanent, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (permanent)
    return update_entry (self, "UPDATE outbox SET state = 'failed', sent_at = ?2,"
                               " last_error = ?3 WHERE id = ?1", entry_id, message, error);
  return update_entry (self, "UPDATE outbox SET last_error = ?3 WHERE id = ?1", entry_id, message,
                       error);
}

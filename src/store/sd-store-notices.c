/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-notices.c — the resolutions the desk has not announced yet (see the header). */

#include "config.h"

#include <stdio.h>

#include "sd-store-notices.h"
#include "sd-store-private.h"
#include "sd-store-sync.h"

typedef struct
{
  gint64 resolved_at;
  gint64 id;
} Mark;

static gboolean
parse_mark (const char *text, Mark *mark)
{
  long long at = 0, id = 0;
  int consumed = 0;

  if (text == NULL || sscanf (text, "%lld:%lld%n", &at, &id, &consumed) != 2
      || text[consumed] != '\0')
    return FALSE;
  mark->resolved_at = at;
  mark->id = id;
  return TRUE;
}

static gboolean
save_mark (SdStore *self, const Mark *mark, GError **error)
{
  g_autofree char *text = g_strdup_printf ("%lld:%lld", (long long) mark->resolved_at,
                                           (long long) mark->id);

  return sd_store_set_meta (self, SD_STORE_META_RESOLUTIONS_MARK, text, error);
}

/* The newest resolution stored, or (0, 0) when there is none. */
static gboolean
newest_resolution (SdStore *self, Mark *mark, GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr (SdStmt) stmt = sd_store_stmt (self, "SELECT resolved_at, id FROM complaints"
                                                 " WHERE status = 'resolved'"
                                                 " ORDER BY resolved_at DESC, id DESC LIMIT 1",
                                           error);
  int rc;

  *mark = (Mark) { 0, 0 };
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *mark = (Mark) { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
  else if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static GArray *
ids_after (SdStore *self, const Mark *mark, GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  /* The salon's own refund closes a complaint at once: that is no news to the desk. */
  g_autoptr (SdStmt) stmt = sd_store_stmt (self, "SELECT id FROM complaints"
                                                 " WHERE status = 'resolved'"
                                                 " AND NOT (response_action = 'refund'"
                                                 " AND resolved_at = responded_at)"
                                                 " AND (resolved_at > ?1"
                                                 " OR (resolved_at = ?1 AND id > ?2))"
                                                 " ORDER BY resolved_at, id", error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, mark->resolved_at);
  sqlite3_bind_int64 (stmt, 2, mark->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
sd_store_list_new_resolutions (SdStore *self, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) list = NULL;
  Mark mark;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  text = sd_store_get_meta (self, SD_STORE_META_RESOLUTIONS_MARK, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!parse_mark (text, &mark))
    {
      /* Never announced anything (or a mark we cannot read): start from now on. */
      if (!newest_resolution (self, &mark, error) || !save_mark (self, &mark, error))
        return NULL;
    }

  if ((ids = ids_after (self, &mark, error)) == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      SdComplaint *complaint = sd_store_get_complaint (self, g_array_index (ids, gint64, i),
                                                       error);

      if (complaint == NULL)
        return NULL;
      g_ptr_array_add (list, complaint);
    }
  return g_steal_pointer (&list);
}

gboolean
sd_store_mark_resolution_announced (SdStore *self, SdComplaint *complaint, GError **error)
{
  g_autofree char *text = NULL;
  Mark mark = { 0, 0 };
  Mark next;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (SD_IS_COMPLAINT (complaint), FALSE);

  next = (Mark) { sd_complaint_get_resolved_at (complaint), sd_complaint_get_id (complaint) };
  text = sd_store_get_meta (self, SD_STORE_META_RESOLUTIONS_MARK, NULL);
  if (parse_mark (text, &mark)
      && (next.resolved_at < mark.resolved_at
          || (next.resolved_at == mark.resolved_at && next.id <= mark.id)))
    return TRUE;
  return save_mark (self, &next, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-notices.c — the news and reminders the desk has not told yet (see the header).
 *
 * Resolutions and requests are the same kind of thing, a feed: rows after a mark kept in the
 * meta table, in the order they are announced. A resolution's mark is (resolved_at, id); a
 * request's is (0, appointment id), because a request arrives when the pull inserts its row,
 * and the marketplace's created_at of a request pulled late can be older than one pulled
 * before it. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sd-deadline.h"
#include "sd-store-notices.h"
#include "sd-store-private.h"
#include "sd-store-sync.h"

typedef struct
{
  gint64 at;
  gint64 id;
} Mark;

typedef struct
{
  const char *meta_key;
  /* The mark of a first start: (instant, id) of the newest row already stored. */
  const char *newest_sql;
  /* The ids after the mark (?1 instant, ?2 id), in the order they are announced. */
  const char *after_sql;
} Feed;

static const Feed resolutions_feed = {
  SD_STORE_META_RESOLUTIONS_MARK,
  "SELECT resolved_at, id FROM complaints WHERE status = 'resolved'"
  " ORDER BY resolved_at DESC, id DESC LIMIT 1",
  /* The salon's own refund closes a complaint at once: that is no news to the desk. */
  "SELECT id FROM complaints WHERE status = 'resolved'"
  " AND NOT (response_action = 'refund' AND resolved_at = responded_at)"
  " AND (resolved_at > ?1 OR (resolved_at = ?1 AND id > ?2))"
  " ORDER BY resolved_at, id",
};

static const Feed requests_feed = {
  SD_STORE_META_REQUESTS_MARK,
  "SELECT 0, max(id) FROM appointments",
  /* Only the marketplace's requests have a remote id: the desk's own never do. ?1 is always
   * 0 here; the row id alone is the order of arrival (a range on the primary key). */
  "SELECT id FROM appointments WHERE id > ?2 AND ?1 = 0 AND state = 'requested'"
  " AND remote_id IS NOT NULL ORDER BY id",
};

static gboolean
parse_mark (const char *text, Mark *mark)
{
  long long at = 0, id = 0;
  int consumed = 0;

  if (text == NULL || sscanf (text, "%lld:%lld%n", &at, &id, &consumed) != 2
      || text[consumed] != '\0')
    return FALSE;
  mark->at = at;
  mark->id = id;
  return TRUE;
}

static gboolean
save_mark (SdStore *self, const Feed *feed, const Mark *mark, GError **error)
{
  g_autofree char *text = g_strdup_printf ("%lld:%lld", (long long) mark->at,
                                           (long long) mark->id);

  return sd_store_set_meta (self, feed->meta_key, text, error);
}

/* The newest row of the feed, or (0, 0) when there is none. */
static gboolean
newest (SdStore *self, const Feed *feed, Mark *mark, GError **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr (SdStmt) stmt = sd_store_stmt (self, feed->newest_sql, error);
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

/* The feed's mark; a database that never set one (or holds one we cannot read) starts
 * from now on, so a first start does not announce the past. */
static gboolean
load_mark (SdStore *self, const Feed *feed, Mark *mark, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = sd_store_get_meta (self, feed->meta_key, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (parse_mark (text, mark))
    return TRUE;
  return newest (self, feed, mark, error) && save_mark (self, feed, mark, error);
}

/* The ids after the feed's mark. */
static GArray *
list_after_mark (SdStore *self, const Feed *feed, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (SdStmt) stmt = NULL;
  Mark mark;
  int rc;

  if (!load_mark (self, feed, &mark, error))
    return NULL;
  locker = g_mutex_locker_new (&self->lock);
  if ((stmt = sd_store_stmt (self, feed->after_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, mark.at);
  sqlite3_bind_int64 (stmt, 2, mark.id);
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

/* Moves the feed's mark forward to @next; never back. */
static gboolean
mark_announced (SdStore *self, const Feed *feed, Mark next, GError **error)
{
  g_autofree char *text = sd_store_get_meta (self, feed->meta_key, NULL);
  Mark mark = { 0, 0 };

  if (parse_mark (text, &mark)
      && (next.at < mark.at || (next.at == mark.at && next.id <= mark.id)))
    return TRUE;
  return save_mark (self, feed, &next, error);
}

/* ---- Resolutions ---- */

GPtrArray *
sd_store_list_new_resolutions (SdStore *self, GError **error)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  if ((ids = list_after_mark (self, &resolutions_feed, error)) == NULL)
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
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (SD_IS_COMPLAINT (complaint), FALSE);

  return mark_announced (self, &resolutions_feed,
                         (Mark) { sd_complaint_get_resolved_at (complaint),
                                  sd_complaint_get_id (complaint) }, error);
}

/* ---- Requests ---- */

GPtrArray *
sd_store_list_answerable (SdStore *self, GError **error)
{
  g_autoptr (GPtrArray) inbox = NULL;
  gint64 now;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  inbox = sd_store_list_inbox (self, error);
  now = sd_store_now (self);
  if (inbox == NULL)
    return NULL;
  for (guint i = inbox->len; i > 0; i--)
    {
      SdInboxItem *item = g_ptr_array_index (inbox, i - 1);
      gint64 deadline = sd_inbox_item_get_deadline (item);

      if (deadline == 0 || sd_deadline_passed (deadline, now))
        g_ptr_array_remove_index (inbox, i - 1);
    }
  return g_steal_pointer (&inbox);
}

static int
compare_appointment_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = sd_inbox_item_get_appointment_id (*(SdInboxItem **) a);
  gint64 y = sd_inbox_item_get_appointment_id (*(SdInboxItem **) b);

  return x < y ? -1 : x > y;
}

GPtrArray *
sd_store_list_new_requests (SdStore *self, GError **error)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) inbox = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GHashTable) new_ids = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  if ((ids = list_after_mark (self, &requests_feed, error)) == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func (g_object_unref);
  if (ids->len == 0)
    return g_steal_pointer (&list);
  if ((inbox = sd_store_list_answerable (self, error)) == NULL)
    return NULL;
  new_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (new_ids, &g_array_index (ids, gint64, i));
  for (guint i = 0; i < inbox->len; i++)
    {
      SdInboxItem *item = g_ptr_array_index (inbox, i);
      gint64 id = sd_inbox_item_get_appointment_id (item);

      if (sd_inbox_item_get_kind (item) == SD_INBOX_REQUEST
          && g_hash_table_contains (new_ids, &id))
        g_ptr_array_add (list, g_object_ref (item));
    }
  g_ptr_array_sort (list, compare_appointment_ids);
  return g_steal_pointer (&list);
}

gboolean
sd_store_mark_request_announced (SdStore *self, SdInboxItem *request, GError **error)
{
  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (SD_IS_INBOX_ITEM (request), FALSE);

  return mark_announced (self, &requests_feed,
                         (Mark) { 0, sd_inbox_item_get_appointment_id (request) }, error);
}

/* ---- Reminders ---- */

char *
sd_store_notice_key (SdInboxItem *item)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (item), NULL);

  if (sd_inbox_item_get_kind (item) == SD_INBOX_COMPLAINT)
    return g_strdup_printf ("complaint-%lld", (long long) sd_inbox_item_get_complaint_id (item));
  return g_strdup_printf ("request-%lld", (long long) sd_inbox_item_get_appointment_id (item));
}

char *
sd_store_appointment_notice_key (SdAppointment *appointment)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (appointment), NULL);

  return g_strdup_printf ("appointment-%lld", (long long) sd_appointment_get_id (appointment));
}

/* The salon's reminder time in seconds; 0 when reminders are off. */
static gint64
reminder_window (SdStore *self)
{
  SdSalon *salon = sd_store_get_salon (self);

  if (salon == NULL)
    return 0;
  return MAX (0, (gint64) sd_salon_get_settings (salon)->reminder_minutes * 60);
}

/* The reminded instants, as words "<key>@<instant>": "request-12@1795852320". */
static GStrv
load_reminded (SdStore *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = sd_store_get_meta (self, SD_STORE_META_REMINDED, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_strsplit (text != NULL ? text : "", " ", -1);
}

typedef char  *(*KeyFunc) (gpointer item);
typedef gint64 (*InstantFunc) (gpointer item);

/* Keeps in @list what is due: from the reminder time before its instant until the instant,
 * unless it was reminded of that instant already. */
static gboolean
keep_due (SdStore *self, GPtrArray *list, KeyFunc key_of, InstantFunc instant_of,
          GError **error)
{
  g_auto (GStrv) reminded = load_reminded (self, error);
  gint64 now = sd_store_now (self);
  gint64 window = reminder_window (self);

  if (reminded == NULL)
    return FALSE;
  for (guint i = list->len; i > 0; i--)
    {
      gpointer item = g_ptr_array_index (list, i - 1);
      gint64 at = instant_of (item);
      g_autofree char *key = key_of (item);
      g_autofree char *word = g_strdup_printf ("%s@%lld", key, (long long) at);

      if (window == 0 || now < at - window || sd_deadline_passed (at, now)
          || g_strv_contains ((const char *const *) reminded, word))
        g_ptr_array_remove_index (list, i - 1);
    }
  return TRUE;
}

static gboolean
remember (SdStore *self, const char *key, gint64 at, GError **error)
{
  g_auto (GStrv) reminded = NULL;
  g_autoptr (GString) text = NULL;
  g_autofree char *prefix = g_strconcat (key, "@", NULL);
  gint64 now;

  if ((reminded = load_reminded (self, error)) == NULL)
    return FALSE;
  now = sd_store_now (self);
  text = g_string_new (NULL);
  /* Keep the others while their instant can still come: the list stays as short as what
   * is due soon. */
  for (guint i = 0; reminded[i] != NULL; i++)
    {
      const char *word_at = strchr (reminded[i], '@');

      if (word_at == NULL || g_str_has_prefix (reminded[i], prefix)
          || sd_deadline_passed (g_ascii_strtoll (word_at + 1, NULL, 10), now))
        continue;
      g_string_append_printf (text, "%s ", reminded[i]);
    }
  g_string_append_printf (text, "%s%lld", prefix, (long long) at);
  return sd_store_set_meta (self, SD_STORE_META_REMINDED, text->str, error);
}

GPtrArray *
sd_store_list_due_reminders (SdStore *self, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  if ((list = sd_store_list_answerable (self, error)) == NULL
      || !keep_due (self, list, (KeyFunc) sd_store_notice_key,
                    (InstantFunc) sd_inbox_item_get_deadline, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
sd_store_mark_reminded (SdStore *self, SdInboxItem *item, GError **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (SD_IS_INBOX_ITEM (item), FALSE);

  key = sd_store_notice_key (item);
  return remember (self, key, sd_inbox_item_get_deadline (item), error);
}

GPtrArray *
sd_store_list_upcoming (SdStore *self, GError **error)
{
  gint64 now, window;
  SdQuery query;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  if ((window = reminder_window (self)) == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);
  now = sd_store_now (self);
  /* Starts in [now, now + window]: the range query's half-open end, one second later. The
   * query also returns those that began before now and are still running: not upcoming. */
  sd_query_init (&query, now, now + window + 1);
  query.state = SD_STATE_CONFIRMED;
  {
    g_autoptr (GPtrArray) list = sd_store_list_appointments (self, &query, error);

    if (list == NULL)
      return NULL;
    for (guint i = list->len; i > 0; i--)
      if (sd_appointment_get_start (g_ptr_array_index (list, i - 1)) < now)
        g_ptr_array_remove_index (list, i - 1);
    return g_steal_pointer (&list);
  }
}

GPtrArray *
sd_store_list_due_appointment_reminders (SdStore *self, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  if ((list = sd_store_list_upcoming (self, error)) == NULL
      || !keep_due (self, list, (KeyFunc) sd_store_appointment_notice_key,
                    (InstantFunc) sd_appointment_get_start, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
sd_store_mark_appointment_reminded (SdStore *self, SdAppointment *appointment, GError **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (SD_IS_APPOINTMENT (appointment), FALSE);

  key = sd_store_appointment_notice_key (appointment);
  return remember (self, key, sd_appointment_get_start (appointment), error);
}

/* ---- Shown notifications ---- */

static int
compare_words (gconstpointer a, gconstpointer b, gpointer data)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* "request-12=request-12 new-requests-13=request-13,request-14", sorted so that the same
 * table is always the same text. */
static char *
encode_shown (GHashTable *shown)
{
  g_autofree gpointer *ids = (gpointer *) g_hash_table_get_keys_as_array (shown, NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = g_hash_table_size (shown);

  g_qsort_with_data (ids, n, sizeof (gpointer), compare_words, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *about = g_strjoinv (",", g_hash_table_lookup (shown, ids[i]));

      g_string_append_printf (text, "%s%s=%s", i > 0 ? " " : "", (char *) ids[i], about);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GHashTable *
sd_store_get_shown_notices (SdStore *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) entries = NULL;
  GHashTable *shown;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  text = sd_store_get_meta (self, SD_STORE_META_SHOWN, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  entries = g_strsplit (text != NULL ? text : "", " ", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      char *equals = strchr (entries[i], '=');

      /* A word we cannot read is dropped: at worst a notification stays until dismissed. */
      if (equals == NULL || equals == entries[i] || equals[1] == '\0')
        continue;
      g_hash_table_insert (shown, g_strndup (entries[i], equals - entries[i]),
                           g_strsplit (equals + 1, ",", -1));
    }
  return shown;
}

gboolean
sd_store_set_shown_notices (SdStore *self, GHashTable *shown, GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (shown != NULL, FALSE);

  text = encode_shown (shown);
  kept = sd_store_get_meta (self, SD_STORE_META_SHOWN, NULL);
  if (g_strcmp0 (kept != NULL ? kept : "", text) == 0)
    return TRUE;
  return sd_store_set_meta (self, SD_STORE_META_SHOWN, *text != '\0' ? text : NULL, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-read.c — reading appointments: by id, by time range (an index range scan),
 * by client (full-text search), their history, and the inbox. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-complaint.h"
#include "sd-history-entry.h"
#include "sd-inbox-item.h"
#include "sd-overlap.h"
#include "sd-store-private.h"

void
sd_query_init (SdQuery *query, gint64 from, gint64 to)
{
  g_return_if_fail (query != NULL);

  *query = (SdQuery) { .from = from, .to = to, .staff_id = 0, .state = -1, .limit = 0 };
}

static SdState
state_of (const char *text, SdState fallback)
{
  SdState state = fallback;

  sd_state_from_string (text, &state);
  return state;
}

static void
parse_proposed_starts (SdAppointment *a, const char *text)
{
  g_auto(GStrv) parts = NULL;
  gint64 starts[8];
  guint n = 0;

  if (text == NULL || *text == '\0')
    return;
  parts = g_strsplit (text, ",", G_N_ELEMENTS (starts));
  for (guint i = 0; parts[i] != NULL && n < G_N_ELEMENTS (starts); i++)
    starts[n++] = g_ascii_strtoll (parts[i], NULL, 10);
  sd_appointment_set_proposed_starts (a, starts, n);
}

SdAppointment *
sd_store_appointment_from_row (sqlite3_stmt *stmt)
{
  SdAppointment *a = sd_appointment_new ();
  SdPaymentMode mode = SD_PAYMENT_AT_SALON;
  gboolean revealed = sqlite3_column_int (stmt, 17);

  sd_appointment_set_id (a, sqlite3_column_int64 (stmt, 0));
  sd_appointment_set_remote_id (a, sd_store_column_text (stmt, 1));
  sd_appointment_set_version (a, sqlite3_column_int64 (stmt, 2));
  sd_appointment_set_state (a, state_of (sd_store_column_text (stmt, 3), SD_STATE_REQUESTED));
  sd_appointment_set_state_before_dispute (a, state_of (sd_store_column_text (stmt, 4),
                                                        SD_STATE_REQUESTED));
  sd_appointment_set_start (a, sqlite3_column_int64 (stmt, 5));
  sd_appointment_set_end (a, sqlite3_column_int64 (stmt, 6));
  sd_appointment_set_staff_id (a, sqlite3_column_int64 (stmt, 7));
  sd_appointment_set_staff_name (a, sd_store_column_text (stmt, 8));
  sd_appointment_set_service_id (a, sqlite3_column_int64 (stmt, 9));
  sd_appointment_set_service_name (a, sd_store_column_text (stmt, 10));
  sd_appointment_set_price_cents (a, sqlite3_column_int64 (stmt, 11));
  sd_appointment_set_currency (a, sd_store_column_text (stmt, 12));
  sd_appointment_set_client_id (a, sqlite3_column_int64 (stmt, 13));
  sd_appointment_set_client_name (a, sd_store_column_text (stmt, 14));
  sd_appointment_set_client_email (a, sd_store_column_text (stmt, 15));
  /* The marketplace shares the phone only once the salon accepts or answers
   * "unavailable" (marketplace-api.md); the desk shows it under the same rule. */
  sd_appointment_set_client_phone (a, revealed ? sd_store_column_text (stmt, 16) : NULL);
  sd_appointment_set_phone_revealed (a, revealed);
  sd_payment_mode_from_string (sd_store_column_text (stmt, 18), &mode);
  sd_appointment_set_payment_mode (a, mode);
  sd_appointment_set_amount_cents (a, sqlite3_column_int64 (stmt, 19));
  sd_appointment_set_refunded_cents (a, sqlite3_column_int64 (stmt, 20));
  sd_appointment_set_created_at (a, sqlite3_column_int64 (stmt, 21));
  sd_appointment_set_confirm_by (a, sqlite3_column_int64 (stmt, 22));
  sd_appointment_set_updated_at (a, sqlite3_column_int64 (stmt, 23));
  sd_appointment_set_checked_in_at (a, sqlite3_column_int64 (stmt, 24));
  sd_appointment_set_checked_out_at (a, sqlite3_column_int64 (stmt, 25));
  sd_appointment_set_complaint_id (a, sqlite3_column_int64 (stmt, 26));
  sd_appointment_set_review_requested (a, sqlite3_column_int (stmt, 27));

  if (sqlite3_column_type (stmt, 28) != SQLITE_NULL)
    {
      SdCancellation c = { .by = SD_PARTY_SALON, .reason = SD_CANCEL_REASON_OTHER,
                           .refund = SD_REFUND_CHOICE_NONE };

      sd_party_from_string (sd_store_column_text (stmt, 28), &c.by);
      sd_cancel_reason_from_string (sd_store_column_text (stmt, 29), &c.reason);
      c.note = (char *) sd_store_column_text (stmt, 30);
      sd_refund_choice_from_string (sd_store_column_text (stmt, 31), &c.refund);
      c.refund_cents = sqlite3_column_int64 (stmt, 32);
      c.at = sqlite3_column_int64 (stmt, 33);
      sd_appointment_set_cancellation (a, &c);
    }
  parse_proposed_starts (a, sd_store_column_text (stmt, 34));
  return a;
}

SdAppointment *
sd_store_get_appointment_locked (SdStore *self, gint64 id, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, SD_APPOINTMENT_SELECT "WHERE a.id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sd_store_appointment_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                 _("There is no appointment number %lld."), (long long) id);
  else
    sd_store_set_error (self, rc, error);
  return NULL;
}

SdAppointment *
sd_store_get_appointment (SdStore *self, gint64 id, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  return sd_store_get_appointment_locked (self, id, error);
}

static GPtrArray *
collect_appointments (SdStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, sd_store_appointment_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
sd_store_list_appointments_locked (SdStore *self, const SdQuery *query, GError **error)
{
  g_autoptr(GString) sql = g_string_new (SD_APPOINTMENT_SELECT);
  g_autoptr(SdStmt) stmt = NULL;

  /* No appointment lasts longer than SD_STORE_MAX_DURATION, so every one that ends after
   * @from starts after from - MAX: the start index bounds the scan on both sides. */
  g_string_append (sql, "WHERE a.start >= ?1 AND a.start < ?2 AND a.end > ?3");
  if (query->staff_id != 0)
    g_string_append (sql, " AND a.staff_id = ?4");
  if (query->state >= 0)
    g_string_append (sql, " AND a.state = ?5");
  g_string_append (sql, " ORDER BY a.start, a.staff_id, a.id");
  if (query->limit > 0)
    g_string_append (sql, " LIMIT ?6");

  stmt = sd_store_stmt (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, query->from - SD_STORE_MAX_DURATION);
  sqlite3_bind_int64 (stmt, 2, query->to);
  sqlite3_bind_int64 (stmt, 3, query->from);
  if (query->staff_id != 0)
    sqlite3_bind_int64 (stmt, 4, query->staff_id);
  if (query->state >= 0)
    sd_store_bind_text (stmt, 5, sd_state_to_string (query->state));
  if (query->limit > 0)
    sqlite3_bind_int64 (stmt, 6, query->limit);
  return collect_appointments (self, stmt, error);
}

GPtrArray *
sd_store_list_appointments (SdStore *self, const SdQuery *query, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->state < SD_N_STATES, NULL);

  locker = g_mutex_locker_new (&self->lock);
  return sd_store_list_appointments_locked (self, query, error);
}

/* ---- Background variants: the same calls in a GTask thread; the lock serialises them
 * with the main thread. ---- */

static void
list_appointments_thread (GTask *task, gpointer source, gpointer task_data,
                          GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *list;

  if (g_task_return_error_if_cancelled (task))
    return;
  list = sd_store_list_appointments (source, task_data, &error);
  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
}

void
sd_store_list_appointments_async (SdStore *self, const SdQuery *query,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SD_IS_STORE (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sd_store_list_appointments_async);
  g_task_set_task_data (task, g_memdup2 (query, sizeof *query), g_free);
  g_task_run_in_thread (task, list_appointments_thread);
}

GPtrArray *
sd_store_list_appointments_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Search ---- */

/* "ann ross" -> "ann"* "ross"*: every word must match the start of a word of the name,
 * e-mail or phone. Quoting keeps FTS5's syntax characters out. NULL when no word. */
char *
sd_store_fts_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_string_append_printf (query, "%s\"%s\"*", query->len > 0 ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

GPtrArray *
sd_store_search (SdStore *self, const char *text, guint limit, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdStmt) stmt = NULL;
  g_autofree char *match = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL)
      || (match = sd_store_fts_query_from_text (text)) == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, SD_APPOINTMENT_SELECT
                        "WHERE a.client_id IN"
                        " (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?1)"
                        " ORDER BY a.start DESC, a.id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sd_store_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return collect_appointments (self, stmt, error);
}

typedef struct
{
  char *text;
  guint limit;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->text);
  g_free (data);
}

static void
search_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SearchData *data = task_data;
  GError *error = NULL;
  GPtrArray *list;

  if (g_task_return_error_if_cancelled (task))
    return;
  list = sd_store_search (source, data->text, data->limit, &error);
  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
}

void
sd_store_search_async (SdStore *self, const char *text, guint limit,
                       GCancellable *cancellable, GAsyncReadyCallback callback,
                       gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  g_return_if_fail (SD_IS_STORE (self));
  g_return_if_fail (text != NULL);

  data = g_new0 (SearchData, 1);
  data->text = g_strdup (text);
  data->limit = limit;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sd_store_search_async);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
}

GPtrArray *
sd_store_search_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- History ---- */

GPtrArray *
sd_store_list_history (SdStore *self, gint64 appointment_id, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, "SELECT id, at, event, by, from_state, to_state, detail,"
                              " amount_cents FROM history WHERE appointment_id = ? ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdHistoryEntry *entry = sd_history_entry_new ();
      SdAction action = SD_N_ACTIONS;
      SdParty by = SD_PARTY_SYSTEM;

      sd_action_from_string (sd_store_column_text (stmt, 2), &action);
      sd_party_from_string (sd_store_column_text (stmt, 3), &by);
      sd_history_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
      sd_history_entry_set_appointment_id (entry, appointment_id);
      sd_history_entry_set_at (entry, sqlite3_column_int64 (stmt, 1));
      sd_history_entry_set_event (entry, sd_store_column_text (stmt, 2));
      sd_history_entry_set_action (entry, action);
      sd_history_entry_set_by (entry, by);
      sd_history_entry_set_from_state (entry, state_of (sd_store_column_text (stmt, 4),
                                                        SD_STATE_REQUESTED));
      sd_history_entry_set_to_state (entry, state_of (sd_store_column_text (stmt, 5),
                                                      SD_STATE_REQUESTED));
      sd_history_entry_set_detail (entry, sd_store_column_text (stmt, 6));
      sd_history_entry_set_amount_cents (entry, sqlite3_column_int64 (stmt, 7));
      g_ptr_array_add (list, entry);
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Inbox ---- */

/* The _async side of a call that lists, run in a thread: one shape for all of this file's
 * lists, a GPtrArray (or the error) as the task's result. */
typedef GPtrArray *(*ListCall) (SdStore *self, gint64 id, GError **error);

typedef struct
{
  ListCall call;
  gint64 id;
} ListData;

static void
list_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ListData *data = task_data;
  GError *error = NULL;
  GPtrArray *list;

  if (g_task_return_error_if_cancelled (task))
    return;
  list = data->call (source, data->id, &error);
  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
}

static void
run_list_in_thread (GTask *task, ListCall call, gint64 id)
{
  ListData *data = g_new0 (ListData, 1);

  data->call = call;
  data->id = id;
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, list_thread);
}

/* The active appointments of @candidate's staff member that it overlaps, earliest first.
 * The same indexed range query and the same core rule as accepting it (sd-store-perform.c),
 * so a flag or a warning shows exactly when accepting would be refused without an override.
 * The inbox flag and sd_store_list_overlaps() both ask this. */
static GPtrArray *
overlaps_locked (SdStore *self, SdAppointment *candidate, GError **error)
{
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  others = sd_store_neighbours_locked (self, sd_appointment_get_staff_id (candidate),
                                       sd_appointment_get_start (candidate),
                                       sd_appointment_get_end (candidate), error);
  if (others == NULL)
    return NULL;
  /* The core decides for each neighbour (state, staff, half-open range, not itself); the
   * neighbours come by start, so the list does too. */
  for (guint i = 0; i < others->len; i++)
    {
      SdAppointment *other = g_ptr_array_index (others, i);
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, other);
      if (sd_overlap_count (candidate, one, NULL) > 0)
        g_ptr_array_add (list, g_object_ref (other));
    }
  return g_steal_pointer (&list);
}

/* Flags a request with overlaps_locked(): how many, and the earliest one. */
static gboolean
flag_overlap_locked (SdStore *self, SdInboxItem *item, gint64 staff_id, gint64 end,
                     GError **error)
{
  g_autoptr(SdAppointment) candidate = sd_appointment_new ();
  g_autoptr(GPtrArray) overlaps = NULL;
  SdAppointment *first;

  sd_appointment_set_id (candidate, sd_inbox_item_get_appointment_id (item));
  sd_appointment_set_staff_id (candidate, staff_id);
  sd_appointment_set_start (candidate, sd_inbox_item_get_start (item));
  sd_appointment_set_end (candidate, end);
  overlaps = overlaps_locked (self, candidate, error);
  if (overlaps == NULL)
    return FALSE;
  first = overlaps->len > 0 ? g_ptr_array_index (overlaps, 0) : NULL;
  sd_inbox_item_set_overlap (item, overlaps->len,
                             first != NULL ? sd_appointment_get_start (first) : 0,
                             first != NULL ? sd_appointment_get_client_name (first) : NULL);
  return TRUE;
}

GPtrArray *
sd_store_list_overlaps (SdStore *self, gint64 appointment_id, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdAppointment) candidate = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  candidate = sd_store_get_appointment_locked (self, appointment_id, error);
  if (candidate == NULL)
    return NULL;
  return overlaps_locked (self, candidate, error);
}

void
sd_store_list_overlaps_async (SdStore *self, gint64 appointment_id, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SD_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sd_store_list_overlaps_async);
  run_list_in_thread (task, sd_store_list_overlaps, appointment_id);
}

GPtrArray *
sd_store_list_overlaps_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  SdInboxItem *item;
  gint64 staff_id;
  gint64 end;
} PendingRequest;

GPtrArray *
sd_store_list_inbox (SdStore *self, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) requests = g_array_new (FALSE, FALSE, sizeof (PendingRequest));
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self,
    "SELECT 0, a.id, 0, a.confirm_by, a.state, a.start, c.name, sv.name, st.name,"
    " a.staff_id, a.end"
    " FROM appointments a JOIN staff st ON st.id = a.staff_id"
    " JOIN services sv ON sv.id = a.service_id JOIN clients c ON c.id = a.client_id"
    " WHERE a.state = 'requested'"
    " UNION ALL "
    "SELECT 1, a.id, cm.id, cm.reply_by, a.state, a.start, c.name, sv.name, st.name,"
    " a.staff_id, a.end"
    " FROM complaints cm JOIN appointments a ON a.id = cm.appointment_id"
    " JOIN staff st ON st.id = a.staff_id"
    " JOIN services sv ON sv.id = a.service_id JOIN clients c ON c.id = a.client_id"
    " WHERE cm.status = 'awaiting_reply' AND cm.reply_by > 0"
    " ORDER BY 4, 2, 3", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdInboxItem *item = sd_inbox_item_new ();

      sd_inbox_item_set_kind (item, sqlite3_column_int (stmt, 0) ? SD_INBOX_COMPLAINT
                                                                 : SD_INBOX_REQUEST);
      sd_inbox_item_set_appointment_id (item, sqlite3_column_int64 (stmt, 1));
      sd_inbox_item_set_complaint_id (item, sqlite3_column_int64 (stmt, 2));
      sd_inbox_item_set_deadline (item, sqlite3_column_int64 (stmt, 3));
      sd_inbox_item_set_state (item, state_of (sd_store_column_text (stmt, 4),
                                               SD_STATE_REQUESTED));
      sd_inbox_item_set_start (item, sqlite3_column_int64 (stmt, 5));
      sd_inbox_item_set_client_name (item, sd_store_column_text (stmt, 6));
      sd_inbox_item_set_service_name (item, sd_store_column_text (stmt, 7));
      sd_inbox_item_set_staff_name (item, sd_store_column_text (stmt, 8));
      if (sd_inbox_item_get_kind (item) == SD_INBOX_REQUEST)
        {
          PendingRequest pending = { item, sqlite3_column_int64 (stmt, 9),
                                     sqlite3_column_int64 (stmt, 10) };
          g_array_append_val (requests, pending);
        }
      g_ptr_array_add (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  /* After the inbox statement is done: each flag is one more range scan. */
  for (guint i = 0; i < requests->len; i++)
    {
      PendingRequest *pending = &g_array_index (requests, PendingRequest, i);

      if (!flag_overlap_locked (self, pending->item, pending->staff_id, pending->end, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

static GPtrArray *
list_inbox (SdStore *self, gint64 unused, GError **error)
{
  return sd_store_list_inbox (self, error);
}

void
sd_store_list_inbox_async (SdStore *self, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SD_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sd_store_list_inbox_async);
  run_list_in_thread (task, list_inbox, 0);
}

GPtrArray *
sd_store_list_inbox_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Complaints ---- */

#define COMPLAINT_SELECT \
  "SELECT cm.id, cm.remote_id, cm.version, cm.appointment_id, cm.opened_by, cm.opened_at," \
  " cm.reason, cm.refund_requested_cents, cm.deadline_kind, cm.reply_by, cm.status," \
  " cm.response_action, cm.response_amount_cents, cm.response_redo_start, cm.response_body," \
  " cm.responded_at, cm.outcome, cm.outcome_amount_cents, cm.outcome_note, cm.resolved_at," \
  " c.name, sv.name, a.start" \
  " FROM complaints cm JOIN appointments a ON a.id = cm.appointment_id" \
  " JOIN services sv ON sv.id = a.service_id JOIN clients c ON c.id = a.client_id "

static SdComplaint *
complaint_from_row (SdStore *self, sqlite3_stmt *stmt)
{
  SdComplaint *cm = sd_complaint_new ();
  SdParty by = SD_PARTY_CLIENT;
  SdDeadlineKind kind = SD_DEADLINE_HOURS_24;
  SdComplaintStatus status = SD_COMPLAINT_AWAITING_REPLY;
  SdResponseAction response = SD_RESPONSE_NONE;
  SdOutcome outcome = SD_OUTCOME_NONE;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  sd_party_from_string (sd_store_column_text (stmt, 4), &by);
  sd_deadline_kind_from_string (sd_store_column_text (stmt, 8), &kind);
  sd_complaint_status_from_string (sd_store_column_text (stmt, 10), &status);
  sd_response_action_from_string (sd_store_column_text (stmt, 11), &response);
  sd_outcome_from_string (sd_store_column_text (stmt, 16), &outcome);

  sd_complaint_set_id (cm, sqlite3_column_int64 (stmt, 0));
  sd_complaint_set_remote_id (cm, sd_store_column_text (stmt, 1));
  sd_complaint_set_version (cm, sqlite3_column_int64 (stmt, 2));
  sd_complaint_set_appointment_id (cm, sqlite3_column_int64 (stmt, 3));
  sd_complaint_set_opened_by (cm, by);
  sd_complaint_set_opened_at (cm, sqlite3_column_int64 (stmt, 5));
  sd_complaint_set_reason (cm, sd_store_column_text (stmt, 6));
  sd_complaint_set_refund_requested_cents (cm, sqlite3_column_int64 (stmt, 7));
  sd_complaint_set_deadline_kind (cm, kind);
  sd_complaint_set_reply_by (cm, sqlite3_column_int64 (stmt, 9));
  sd_complaint_set_status (cm, status);
  sd_complaint_set_response_action (cm, response);
  sd_complaint_set_response_amount_cents (cm, sqlite3_column_int64 (stmt, 12));
  sd_complaint_set_response_redo_start (cm, sqlite3_column_int64 (stmt, 13));
  sd_complaint_set_response_body (cm, sd_store_column_text (stmt, 14));
  sd_complaint_set_responded_at (cm, sqlite3_column_int64 (stmt, 15));
  sd_complaint_set_outcome (cm, outcome);
  sd_complaint_set_outcome_amount_cents (cm, sqlite3_column_int64 (stmt, 17));
  sd_complaint_set_outcome_note (cm, sd_store_column_text (stmt, 18));
  sd_complaint_set_resolved_at (cm, sqlite3_column_int64 (stmt, 19));
  sd_complaint_set_client_name (cm, sd_store_column_text (stmt, 20));
  sd_complaint_set_service_name (cm, sd_store_column_text (stmt, 21));
  sd_complaint_set_appointment_start (cm, sqlite3_column_int64 (stmt, 22));

  {
    g_autoptr(SdStmt) files = sd_store_stmt (self, "SELECT path FROM complaint_attachments"
                                                   " WHERE complaint_id = ? ORDER BY id", NULL);
    if (files != NULL)
      {
        sqlite3_bind_int64 (files, 1, sd_complaint_get_id (cm));
        while (sqlite3_step (files) == SQLITE_ROW)
          g_ptr_array_add (paths, g_strdup (sd_store_column_text (files, 0)));
      }
    g_ptr_array_add (paths, NULL);
    sd_complaint_set_attachments (cm, (const char * const *) paths->pdata);
  }
  return cm;
}

SdComplaint *
sd_store_get_complaint_locked (SdStore *self, gint64 id, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, COMPLAINT_SELECT "WHERE cm.id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return complaint_from_row (self, stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                 _("There is no complaint number %lld."), (long long) id);
  else
    sd_store_set_error (self, rc, error);
  return NULL;
}

SdComplaint *
sd_store_get_complaint (SdStore *self, gint64 complaint_id, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  return sd_store_get_complaint_locked (self, complaint_id, error);
}

GPtrArray *
sd_store_list_complaints (SdStore *self, gboolean open_only, gint64 opened_since,
                          GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  /* Most urgent first: those awaiting a reply by their deadline, then the rest, newest
   * first. */
  stmt = sd_store_stmt (self, COMPLAINT_SELECT
                        "WHERE (?1 = 0 OR cm.status IN ('awaiting_reply', 'under_review'))"
                        " AND cm.opened_at >= ?2"
                        " ORDER BY (cm.status = 'awaiting_reply' AND cm.reply_by > 0) DESC,"
                        " cm.reply_by, cm.opened_at DESC, cm.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, open_only);
  sqlite3_bind_int64 (stmt, 2, opened_since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, complaint_from_row (self, stmt));
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

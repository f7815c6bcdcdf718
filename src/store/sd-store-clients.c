/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-clients.c — what the desk should know about a client before the next booking:
 * which known client a typed name or phone is, and their earlier incidents (no-shows and
 * late cancellations). Whether a cancellation was late is sd-refund's rule, asked here
 * with the salon's free-cancellation window; nothing is decided in SQL but the candidates. */

#include "config.h"

#include <string.h>

#include "sd-refund.h"
#include "sd-store-private.h"

/* A no-show, or a cancellation by the client that the core calls late. */
static gboolean
is_incident (SdStore *self, SdAppointment *a)
{
  const SdCancellation *c;
  SdRefundDecision decision;

  if (sd_appointment_get_state (a) == SD_STATE_NO_SHOW)
    return TRUE;
  c = sd_appointment_get_cancellation (a);
  if (sd_appointment_get_state (a) != SD_STATE_CANCELLED || c == NULL
      || c->by != SD_PARTY_CLIENT || c->at == 0)
    return FALSE;
  sd_refund_decide (sd_appointment_get_payment_mode (a), SD_PARTY_CLIENT,
                    sd_appointment_get_start (a), c->at,
                    (gint64) sd_salon_get_settings (self->salon)->free_cancel_hours * 3600,
                    0, &decision);
  return decision.late;
}

static GPtrArray *
list_incidents_locked (SdStore *self, gint64 client_id, gint64 before, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  if (!sd_store_require_salon (self, error))
    return NULL;
  /* The (client_id, start) index bounds the scan to this client's past; the state test
   * only narrows the candidates, is_incident() decides. */
  stmt = sd_store_stmt (self, SD_APPOINTMENT_SELECT
                        "WHERE a.client_id = ?1 AND a.start < ?2"
                        " AND (a.state = 'no_show'"
                        " OR (a.state = 'cancelled' AND a.cancel_by = 'client'))"
                        " ORDER BY a.start, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SdAppointment) a = sd_store_appointment_from_row (stmt);

      if (is_incident (self, a))
        g_ptr_array_add (list, g_steal_pointer (&a));
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
sd_store_list_client_incidents (SdStore *self, gint64 client_id, gint64 before,
                                GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  return list_incidents_locked (self, client_id, before, error);
}

typedef struct
{
  gint64 client_id;
  gint64 before;
} IncidentsData;

static void
incidents_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  IncidentsData *data = task_data;
  GError *error = NULL;
  GPtrArray *list;

  if (g_task_return_error_if_cancelled (task))
    return;
  list = sd_store_list_client_incidents (source, data->client_id, data->before, &error);
  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
}

void
sd_store_list_client_incidents_async (SdStore *self, gint64 client_id, gint64 before,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  IncidentsData *data;

  g_return_if_fail (SD_IS_STORE (self));

  data = g_new0 (IncidentsData, 1);
  data->client_id = client_id;
  data->before = before;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sd_store_list_client_incidents_async);
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, incidents_thread);
}

GPtrArray *
sd_store_list_client_incidents_finish (SdStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Which client is this? ---- */

/* Rows of @stmt (one id column): the id if there is exactly one, else 0. */
static gint64
single_id (SdStore *self, sqlite3_stmt *stmt, GError **error)
{
  gint64 id = 0;
  guint n = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return -1;
    }
  return n == 1 ? id : 0;
}

gint64
sd_store_find_client (SdStore *self, const char *name, const char *phone, const char *email,
                      GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *match = NULL;
  gint64 id;

  g_return_val_if_fail (SD_IS_STORE (self), -1);

  locker = g_mutex_locker_new (&self->lock);
  if (email != NULL && strchr (email, '@') != NULL)
    {
      g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT id FROM clients WHERE email = ?"
                                                    " LIMIT 2", error);
      if (stmt == NULL)
        return -1;
      sd_store_bind_text (stmt, 1, email);
      if ((id = single_id (self, stmt, error)) != 0)
        return id;
    }

  /* phone_digits holds every digit first, then the tails after each separator ("31 20
   * 1234567 201234567 1234567"): its first word is all the digits, whatever the spacing
   * typed. [digits, digits + "!") holds exactly "digits" and "digits …" (a space sorts
   * before "!", any further digit after it): one range of the index. */
  digits = sd_store_phone_digits (phone);
  if (digits != NULL && strchr (digits, ' ') != NULL)
    *strchr (digits, ' ') = '\0';
  if (digits != NULL && strlen (digits) >= 6)
    {
      g_autofree char *high = g_strconcat (digits, "!", NULL);
      g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT id FROM clients WHERE"
                                                    " phone_digits >= ?1 AND phone_digits < ?2"
                                                    " LIMIT 2", error);

      if (stmt == NULL)
        return -1;
      sd_store_bind_text (stmt, 1, digits);
      sd_store_bind_text (stmt, 2, high);
      if ((id = single_id (self, stmt, error)) != 0)
        return id;
    }

  /* A name alone is someone only when no other client has it. */
  if (name != NULL && g_utf8_validate (name, -1, NULL)
      && (match = sd_store_fts_query_from_text (name)) != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (name));
      g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT id FROM clients WHERE id IN"
                                                    " (SELECT rowid FROM clients_fts"
                                                    " WHERE clients_fts MATCH ?1)"
                                                    " AND name = ?2 COLLATE NOCASE LIMIT 2",
                                              error);
      if (stmt == NULL)
        return -1;
      sd_store_bind_text (stmt, 1, match);
      sd_store_bind_text (stmt, 2, stripped);
      return single_id (self, stmt, error);
    }
  return 0;
}

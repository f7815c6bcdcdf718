/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-activity.c — what happens around appointments and mostly arrives from the
 * marketplace: chat messages, reviews, money movements; and the clients themselves.
 * Nothing here is sent back, so nothing writes an outbox row. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-client.h"
#include "sd-message.h"
#include "sd-policy-error.h"
#include "sd-review.h"
#include "sd-store-private.h"
#include "sd-transaction.h"

static gboolean
finish_rows (SdStore *self, int rc, GError **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  sd_store_set_error (self, rc, error);
  return FALSE;
}

static void
bind_optional_id (sqlite3_stmt *stmt, int col, gint64 id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, col, id);
  else
    sqlite3_bind_null (stmt, col);
}

/* ---- Clients ---- */

SdClient *
sd_store_get_client (SdStore *self, gint64 client_id, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdStmt) stmt = NULL;
  SdClient *client;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, "SELECT remote_id, name, email, phone FROM clients WHERE id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                     _("There is no client number %lld."), (long long) client_id);
      else
        sd_store_set_error (self, rc, error);
      return NULL;
    }
  client = sd_client_new ();
  sd_client_set_id (client, client_id);
  sd_client_set_remote_id (client, sd_store_column_text (stmt, 0));
  sd_client_set_name (client, sd_store_column_text (stmt, 1));
  sd_client_set_email (client, sd_store_column_text (stmt, 2));
  sd_client_set_phone (client, sd_store_column_text (stmt, 3));
  return client;
}

/* ---- Messages ---- */

GPtrArray *
sd_store_list_messages (SdStore *self, gint64 appointment_id, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, "SELECT id, remote_id, author, body, at FROM messages"
                              " WHERE appointment_id = ? ORDER BY at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdMessage *message = sd_message_new ();
      SdParty author = SD_PARTY_SYSTEM;

      sd_party_from_string (sd_store_column_text (stmt, 2), &author);
      sd_message_set_id (message, sqlite3_column_int64 (stmt, 0));
      sd_message_set_remote_id (message, sd_store_column_text (stmt, 1));
      sd_message_set_appointment_id (message, appointment_id);
      sd_message_set_author (message, author);
      sd_message_set_body (message, sd_store_column_text (stmt, 3));
      sd_message_set_at (message, sqlite3_column_int64 (stmt, 4));
      g_ptr_array_add (list, message);
    }
  if (!finish_rows (self, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
sd_store_add_message (SdStore *self, SdMessage *message, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gint64 appointment_id;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (SD_IS_MESSAGE (message), FALSE);

  appointment_id = sd_message_get_appointment_id (message);
  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_begin (self, error))
    return FALSE;
  {
    g_autoptr(SdAppointment) a = sd_store_get_appointment_locked (self, appointment_id, error);
    g_autoptr(SdStmt) stmt = NULL;

    if (a == NULL)
      goto fail;
    stmt = sd_store_stmt (self, "INSERT INTO messages (remote_id, appointment_id, author, body, at)"
                                " VALUES (?, ?, ?, ?, ?)", error);
    if (stmt == NULL)
      goto fail;
    sd_store_bind_text (stmt, 1, sd_message_get_remote_id (message));
    sqlite3_bind_int64 (stmt, 2, appointment_id);
    sd_store_bind_text (stmt, 3, sd_party_to_string (sd_message_get_author (message)));
    sd_store_bind_text (stmt, 4, sd_message_get_body (message));
    sqlite3_bind_int64 (stmt, 5, sd_message_get_at (message));
    if (!sd_store_step_done (self, stmt, error))
      goto fail;
    sd_message_set_id (message, sqlite3_last_insert_rowid (self->db));
    /* The timeline shows the chat too. */
    if (!sd_store_write_history (self, appointment_id, "message", sd_message_get_author (message),
                                 sd_appointment_get_state (a), sd_appointment_get_state (a),
                                 sd_message_get_body (message), 0, NULL, error))
      goto fail;
  }
  return sd_store_commit (self, error);

fail:
  sd_store_rollback (self);
  return FALSE;
}

/* ---- Reviews ---- */

gboolean
sd_store_save_review (SdStore *self, SdReview *review, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdStmt) stmt = NULL;
  g_autoptr(SdStmt) id = NULL;
  int scores[5];

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (SD_IS_REVIEW (review), FALSE);

  scores[0] = sd_review_get_punctuality (review);
  scores[1] = sd_review_get_service (review);
  scores[2] = sd_review_get_value (review);
  scores[3] = sd_review_get_cleanliness (review);
  scores[4] = sd_review_get_relationship (review);
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    if (scores[i] < 1 || scores[i] > 5)
      {
        g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                     _("A review scores every criterion from 1 to 5 stars."));
        return FALSE;
      }

  locker = g_mutex_locker_new (&self->lock);
  /* One review per appointment: a newer copy from the marketplace replaces it. */
  stmt = sd_store_stmt (self,
    "INSERT INTO reviews (remote_id, appointment_id, punctuality, service, value, cleanliness,"
    " relationship, comment, at, reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (appointment_id) DO UPDATE SET remote_id = excluded.remote_id,"
    " punctuality = excluded.punctuality, service = excluded.service, value = excluded.value,"
    " cleanliness = excluded.cleanliness, relationship = excluded.relationship,"
    " comment = excluded.comment, at = excluded.at, reported = excluded.reported", error);
  if (stmt == NULL)
    return FALSE;
  sd_store_bind_text (stmt, 1, sd_review_get_remote_id (review));
  sqlite3_bind_int64 (stmt, 2, sd_review_get_appointment_id (review));
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    sqlite3_bind_int (stmt, 3 + i, scores[i]);
  sd_store_bind_text (stmt, 8, sd_review_get_comment (review));
  sqlite3_bind_int64 (stmt, 9, sd_review_get_at (review));
  sqlite3_bind_int (stmt, 10, sd_review_get_reported (review));
  if (!sd_store_step_done (self, stmt, error))
    return FALSE;

  id = sd_store_stmt (self, "SELECT id FROM reviews WHERE appointment_id = ?", error);
  if (id == NULL)
    return FALSE;
  sqlite3_bind_int64 (id, 1, sd_review_get_appointment_id (review));
  if (sqlite3_step (id) == SQLITE_ROW)
    sd_review_set_id (review, sqlite3_column_int64 (id, 0));
  return TRUE;
}

GPtrArray *
sd_store_list_reviews (SdStore *self, gint64 from, gint64 to, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, "SELECT id, remote_id, appointment_id, punctuality, service, value,"
                              " cleanliness, relationship, comment, at, reported FROM reviews"
                              " WHERE at >= ? AND at < ? ORDER BY at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdReview *review = sd_review_new ();

      sd_review_set_id (review, sqlite3_column_int64 (stmt, 0));
      sd_review_set_remote_id (review, sd_store_column_text (stmt, 1));
      sd_review_set_appointment_id (review, sqlite3_column_int64 (stmt, 2));
      sd_review_set_punctuality (review, sqlite3_column_int (stmt, 3));
      sd_review_set_service (review, sqlite3_column_int (stmt, 4));
      sd_review_set_value (review, sqlite3_column_int (stmt, 5));
      sd_review_set_cleanliness (review, sqlite3_column_int (stmt, 6));
      sd_review_set_relationship (review, sqlite3_column_int (stmt, 7));
      sd_review_set_comment (review, sd_store_column_text (stmt, 8));
      sd_review_set_at (review, sqlite3_column_int64 (stmt, 9));
      sd_review_set_reported (review, sqlite3_column_int (stmt, 10));
      g_ptr_array_add (list, review);
    }
  if (!finish_rows (self, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ---- Money ---- */

gboolean
sd_store_add_transaction (SdStore *self, SdTransaction *transaction, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdStmt) stmt = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (SD_IS_TRANSACTION (transaction), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, "INSERT INTO transactions (remote_id, appointment_id, kind,"
                              " amount_cents, currency, at) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sd_store_bind_text (stmt, 1, sd_transaction_get_remote_id (transaction));
  bind_optional_id (stmt, 2, sd_transaction_get_appointment_id (transaction));
  sd_store_bind_text (stmt, 3, sd_transaction_kind_to_string (sd_transaction_get_kind (transaction)));
  sqlite3_bind_int64 (stmt, 4, sd_transaction_get_amount_cents (transaction));
  sd_store_bind_text (stmt, 5, sd_transaction_get_currency (transaction));
  sqlite3_bind_int64 (stmt, 6, sd_transaction_get_at (transaction));
  if (!sd_store_step_done (self, stmt, error))
    return FALSE;
  sd_transaction_set_id (transaction, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

GPtrArray *
sd_store_list_transactions (SdStore *self, gint64 from, gint64 to, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, "SELECT id, remote_id, appointment_id, kind, amount_cents, currency,"
                              " at FROM transactions WHERE at >= ? AND at < ? ORDER BY at, id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdTransaction *t = sd_transaction_new ();
      SdTransactionKind kind = SD_TRANSACTION_CHARGE;

      sd_transaction_kind_from_string (sd_store_column_text (stmt, 3), &kind);
      sd_transaction_set_id (t, sqlite3_column_int64 (stmt, 0));
      sd_transaction_set_remote_id (t, sd_store_column_text (stmt, 1));
      sd_transaction_set_appointment_id (t, sqlite3_column_int64 (stmt, 2));
      sd_transaction_set_kind (t, kind);
      sd_transaction_set_amount_cents (t, sqlite3_column_int64 (stmt, 4));
      sd_transaction_set_currency (t, sd_store_column_text (stmt, 5));
      sd_transaction_set_at (t, sqlite3_column_int64 (stmt, 6));
      g_ptr_array_add (list, t);
    }
  if (!finish_rows (self, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

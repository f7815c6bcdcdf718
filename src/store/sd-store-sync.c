/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-sync.c — the store's side of the marketplace sync: meta (the cursor) and
 * applying remote resources by version. The outbox's life is in sd-store-sync-outbox.c. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-complaint.h"
#include "sd-message.h"
#include "sd-review.h"
#include "sd-store-private.h"
#include "sd-store-sync.h"
#include "sd-store-sync-private.h"
#include "sd-time.h"
#include "sd-transaction.h"

/* ---- Parsed changes ---- */

void
sd_remote_change_free (SdRemoteChange *change)
{
  if (change == NULL)
    return;
  g_clear_object (&change->resource);
  sd_json_refs_clear (&change->refs);
  g_free (change);
}

SdRemoteChange *
sd_remote_change_parse (const char *kind, JsonNode *data, GError **error)
{
  g_autoptr(SdRemoteChange) change = g_new0 (SdRemoteChange, 1);

  if (g_strcmp0 (kind, "appointment") == 0)
    {
      change->kind = SD_REMOTE_APPOINTMENT;
      change->resource = (GObject *) sd_json_to_appointment (data, &change->refs, error);
    }
  else if (g_strcmp0 (kind, "complaint") == 0)
    {
      change->kind = SD_REMOTE_COMPLAINT;
      change->resource = (GObject *) sd_json_to_complaint (data, &change->refs, error);
      /* The core checked the comments thread but keeps only the salon's reply; the store
       * keeps the whole thread (sync_apply_complaint). */
      if (change->resource != NULL
          && json_object_has_member (json_node_get_object (data), "comments"))
        g_object_set_data_full (change->resource, "sd-comments",
                                json_array_ref (json_object_get_array_member (
                                                  json_node_get_object (data), "comments")),
                                (GDestroyNotify) json_array_unref);
    }
  else if (g_strcmp0 (kind, "message") == 0)
    {
      change->kind = SD_REMOTE_MESSAGE;
      change->resource = (GObject *) sd_json_to_message (data, &change->refs, error);
    }
  else if (g_strcmp0 (kind, "review") == 0)
    {
      change->kind = SD_REMOTE_REVIEW;
      change->resource = (GObject *) sd_json_to_review (data, &change->refs, error);
    }
  else if (g_strcmp0 (kind, "transaction") == 0)
    {
      change->kind = SD_REMOTE_TRANSACTION;
      change->resource = (GObject *) sd_json_to_transaction (data, &change->refs, error);
    }
  else
    {
      g_set_error (error, SD_JSON_ERROR, SD_JSON_ERROR_UNKNOWN_VALUE,
                   _("The change kind “%s” is not known"), kind != NULL ? kind : "(null)");
      return NULL;
    }
  if (change->resource == NULL)
    return NULL;
  return g_steal_pointer (&change);
}

/* ---- Ids ---- */

/* 0 when no row of @table has @remote_id. */
gint64
sync_local_id (SdStore *self, const char *table, const char *remote_id)
{
  g_autofree char *sql = NULL;
  g_autoptr(SdStmt) stmt = NULL;

  if (remote_id == NULL)
    return 0;
  sql = g_strdup_printf ("SELECT id FROM %s WHERE remote_id = ?", table);
  stmt = sd_store_stmt (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  sd_store_bind_text (stmt, 1, remote_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
sync_run (SdStore *self, const char *sql, GError **error, const char *fmt, ...)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, sql, error);
  va_list args;
  int col = 1;

  if (stmt == NULL)
    return FALSE;
  /* 'i': gint64, 's': text (NULL = null). */
  va_start (args, fmt);
  for (const char *f = fmt; *f != '\0'; f++, col++)
    {
      if (*f == 'i')
        sqlite3_bind_int64 (stmt, col, va_arg (args, gint64));
      else
        sd_store_bind_text (stmt, col, va_arg (args, const char *));
    }
  va_end (args);
  return sd_store_step_done (self, stmt, error);
}

static gboolean
sync_staff_locked (SdStore *self, const char *remote_id, const char *name, GError **error)
{
  gint64 id = sync_local_id (self, "staff", remote_id);

  if (id != 0)
    return sync_run (self, "UPDATE staff SET name = ? WHERE id = ?", error, "si", name, id);
  if (!sync_run (self, "UPDATE staff SET remote_id = ? WHERE id = (SELECT id FROM staff WHERE"
                       " remote_id IS NULL AND name = ? ORDER BY id LIMIT 1)", error, "ss",
                 remote_id, name))
    return FALSE;
  if (sqlite3_changes (self->db) > 0)
    return TRUE;
  return sync_run (self, "INSERT INTO staff (remote_id, name) VALUES (?, ?)", error, "ss",
                   remote_id, name);
}

static gboolean
sync_service_locked (SdStore *self, const char *remote_id, const char *name, int duration,
                     gint64 price, const char *currency, GError **error)
{
  gint64 id = sync_local_id (self, "services", remote_id);

  if (id == 0)
    {
      if (!sync_run (self, "UPDATE services SET remote_id = ? WHERE id = (SELECT id FROM services"
                           " WHERE remote_id IS NULL AND name = ? ORDER BY id LIMIT 1)",
                     error, "ss", remote_id, name))
        return FALSE;
      id = sync_local_id (self, "services", remote_id);
    }
  if (id != 0)
    return sync_run (self, "UPDATE services SET name = ?, duration_min = ?, price_cents = ?,"
                           " currency = ? WHERE id = ?", error, "siisi", name, (gint64) duration,
                     price, currency, id);
  return sync_run (self,
                   "INSERT INTO services (remote_id, name, duration_min, price_cents, currency)"
                   " VALUES (?, ?, ?, ?, ?)", error, "ssiis", remote_id, name,
                   (gint64) duration, price, currency);
}

gboolean
sd_store_sync_staff (SdStore *self, const char *remote_id, const char *name, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (remote_id != NULL && name != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  return sync_staff_locked (self, remote_id, name, error);
}

gboolean
sd_store_sync_service (SdStore *self, const char *remote_id, const char *name,
                       int duration_min, gint64 price_cents, const char *currency,
                       GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (remote_id != NULL && name != NULL && currency != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  return sync_service_locked (self, remote_id, name, duration_min, price_cents, currency,
                              error);
}

/* A staff member the feed names but the staff list did not (yet): kept under its id until
 * the next staff list gives the name. */
static gint64
ensure_staff (SdStore *self, const char *remote_id, GError **error)
{
  gint64 id = sync_local_id (self, "staff", remote_id);

  if (id != 0)
    return id;
  if (remote_id == NULL)
    {
      g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT id FROM staff ORDER BY id LIMIT 1",
                                              error);
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        return sqlite3_column_int64 (stmt, 0);
      if (!sync_run (self, "INSERT INTO staff (name) VALUES (?)", error, "s", _("Unassigned")))
        return 0;
      return sqlite3_last_insert_rowid (self->db);
    }
  if (!sync_run (self, "INSERT INTO staff (remote_id, name) VALUES (?, ?)", error, "ss",
                 remote_id, remote_id))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
ensure_service (SdStore *self, SdAppointment *r, const char *remote_id, GError **error)
{
  gint64 id = sync_local_id (self, "services", remote_id);

  if (id != 0)
    return id;
  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT id FROM services WHERE name = ?"
                                                  " AND (remote_id IS NULL OR ? IS NULL)"
                                                  " ORDER BY id LIMIT 1", error);
    if (stmt == NULL)
      return 0;
    sd_store_bind_text (stmt, 1, sd_appointment_get_service_name (r));
    sd_store_bind_text (stmt, 2, remote_id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      id = sqlite3_column_int64 (stmt, 0);
  }
  if (id != 0)
    {
      if (remote_id != NULL &&
          !sync_run (self, "UPDATE services SET remote_id = ? WHERE id = ?", error, "si",
                     remote_id, id))
        return 0;
      return id;
    }
  if (!sync_run (self, "INSERT INTO services (remote_id, name, duration_min, price_cents, currency)"
                       " VALUES (?, ?, ?, ?, ?)", error, "ssiis", remote_id,
                 sd_appointment_get_service_name (r), (gint64) sd_appointment_get_duration_min (r),
                 sd_appointment_get_price_cents (r), sd_appointment_get_currency (r)))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
ensure_client (SdStore *self, SdAppointment *r, const char *remote_id, GError **error)
{
  gint64 id = sync_local_id (self, "clients", remote_id);
  g_autofree char *digits = NULL;

  if (id == 0)
    {
      id = sd_store_find_or_add_client (self, sd_appointment_get_client_name (r),
                                        sd_appointment_get_client_phone (r),
                                        sd_appointment_get_client_email (r), error);
      if (id == 0)
        return 0;
      if (remote_id != NULL &&
          !sync_run (self, "UPDATE clients SET remote_id = ? WHERE id = ? AND remote_id IS NULL",
                     error, "si", remote_id, id))
        return 0;
      return id;
    }
  /* The phone appears once the salon accepts; the client may change name or e-mail. */
  digits = sd_store_phone_digits (sd_appointment_get_client_phone (r));
  if (!sync_run (self, "UPDATE clients SET name = ?2, email = ?3, phone = coalesce(?4, phone),"
                       " phone_digits = coalesce(?5, phone_digits) WHERE id = ?1"
                       " AND (name IS NOT ?2 OR email IS NOT ?3 OR (?4 IS NOT NULL AND phone IS NOT ?4))",
                 error, "isss" "s", id, sd_appointment_get_client_name (r),
                 sd_appointment_get_client_email (r), sd_appointment_get_client_phone (r), digits))
    return 0;
  return id;
}

/* ---- Applying ---- */

gboolean
sync_find_appointment (SdStore *self, const char *remote_id, LocalRow *row)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT id, version, state, state_before_dispute"
                                                " FROM appointments WHERE remote_id = ?", NULL);

  memset (row, 0, sizeof *row);
  if (stmt == NULL)
    return FALSE;
  sd_store_bind_text (stmt, 1, remote_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  row->id = sqlite3_column_int64 (stmt, 0);
  row->version = sqlite3_column_int64 (stmt, 1);
  sd_state_from_string (sd_store_column_text (stmt, 2), &row->state);
  row->before_dispute = SD_STATE_COMPLETED;
  sd_state_from_string (sd_store_column_text (stmt, 3), &row->before_dispute);
  return TRUE;
}

/* The desk's own booking whose answer was lost: the marketplace committed it, the feed
 * brings it back, and its create row is still pending. Same start, staff and client. */
static gint64
find_unsent_booking (SdStore *self, SdAppointment *r, gint64 staff_id)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self,
    "SELECT a.id FROM appointments a JOIN clients c ON c.id = a.client_id"
    " WHERE a.remote_id IS NULL AND a.start = ? AND a.staff_id = ? AND c.name = ?"
    " AND EXISTS (SELECT 1 FROM outbox o WHERE o.appointment_id = a.id AND o.action = 'create'"
    "             AND o.state = 'pending') ORDER BY a.id LIMIT 1", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, sd_appointment_get_start (r));
  sqlite3_bind_int64 (stmt, 2, staff_id);
  sd_store_bind_text (stmt, 3, sd_appointment_get_client_name (r));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static char *
join_starts (SdAppointment *a)
{
  guint n = 0;
  const gint64 *starts = sd_appointment_get_proposed_starts (a, &n);
  GString *text;

  if (n == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", starts[i]);
  return g_string_free (text, FALSE);
}

SdParty
sync_change_author (SdAppointment *r)
{
  const SdCancellation *c = sd_appointment_get_cancellation (r);

  if (sd_appointment_get_state (r) == SD_STATE_CANCELLED && c != NULL)
    return c->by;
  return SD_PARTY_SYSTEM;
}

/* Writes the remote appointment @r (its refs resolved) into the row @id (0 = a new row). */
static gboolean
write_appointment (SdStore *self, SdAppointment *r, const SdJsonRefs *refs, gint64 id,
                   SdState before_dispute, gint64 *id_out, GError **error)
{
  const SdCancellation *c = sd_appointment_get_cancellation (r);
  g_autofree char *starts = join_starts (r);
  g_autoptr(SdStmt) stmt = NULL;
  gint64 staff_id, service_id, client_id, complaint_id;
  SdState state = sd_appointment_get_state (r);

  if ((staff_id = ensure_staff (self, refs->staff_id, error)) == 0 ||
      (service_id = ensure_service (self, r, refs->service_id, error)) == 0 ||
      (client_id = ensure_client (self, r, refs->client_id, error)) == 0)
    return FALSE;
  complaint_id = sync_local_id (self, "complaints", refs->complaint_id);

  if (id == 0)
    stmt = sd_store_stmt (self,
      "INSERT INTO appointments (remote_id, version, state, state_before_dispute, start, end,"
      " staff_id, service_id, client_id, price_cents, currency, payment_mode, amount_cents,"
      " refunded_cents, phone_revealed, created_at, confirm_by, updated_at, checked_in_at,"
      " checked_out_at, complaint_id, cancel_by, cancel_reason, cancel_note, cancel_refund,"
      " cancel_refund_cents, cancel_at, proposed_starts, review_requested) VALUES (?2, ?3, ?4,"
      " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
      " ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)", error);
  else
    stmt = sd_store_stmt (self,
      "UPDATE appointments SET remote_id = ?2, version = ?3, state = ?4,"
      " state_before_dispute = ?5, start = ?6, end = ?7, staff_id = ?8, service_id = ?9,"
      " client_id = ?10, price_cents = ?11, currency = ?12, payment_mode = ?13,"
      " amount_cents = ?14, refunded_cents = ?15, phone_revealed = ?16, created_at = ?17,"
      " confirm_by = ?18, updated_at = ?19, checked_in_at = ?20, checked_out_at = ?21,"
      " complaint_id = CASE WHEN ?22 = 0 THEN complaint_id ELSE ?22 END, cancel_by = ?23,"
      " cancel_reason = ?24, cancel_note = ?25, cancel_refund = ?26, cancel_refund_cents = ?27,"
      " cancel_at = ?28, proposed_starts = ?29,"
      " review_requested = max(review_requested, ?30) WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sd_store_bind_text (stmt, 2, sd_appointment_get_remote_id (r));
  sqlite3_bind_int64 (stmt, 3, sd_appointment_get_version (r));
  sd_store_bind_text (stmt, 4, sd_state_to_string (state));
  if (state == SD_STATE_DISPUTED)
    sd_store_bind_text (stmt, 5, sd_state_to_string (before_dispute));
  sqlite3_bind_int64 (stmt, 6, sd_appointment_get_start (r));
  sqlite3_bind_int64 (stmt, 7, sd_appointment_get_end (r));
  sqlite3_bind_int64 (stmt, 8, staff_id);
  sqlite3_bind_int64 (stmt, 9, service_id);
  sqlite3_bind_int64 (stmt, 10, client_id);
  sqlite3_bind_int64 (stmt, 11, sd_appointment_get_price_cents (r));
  sd_store_bind_text (stmt, 12, sd_appointment_get_currency (r));
  sd_store_bind_text (stmt, 13, sd_payment_mode_to_string (sd_appointment_get_payment_mode (r)));
  sqlite3_bind_int64 (stmt, 14, sd_appointment_get_amount_cents (r));
  sqlite3_bind_int64 (stmt, 15, sd_appointment_get_refunded_cents (r));
  sqlite3_bind_int (stmt, 16, sd_appointment_get_phone_revealed (r));
  sqlite3_bind_int64 (stmt, 17, sd_appointment_get_created_at (r) != 0
                                  ? sd_appointment_get_created_at (r) : sd_store_now (self));
  sqlite3_bind_int64 (stmt, 18, sd_appointment_get_confirm_by (r));
  sqlite3_bind_int64 (stmt, 19, sd_appointment_get_updated_at (r) != 0
                                  ? sd_appointment_get_updated_at (r) : sd_store_now (self));
  sqlite3_bind_int64 (stmt, 20, sd_appointment_get_checked_in_at (r));
  sqlite3_bind_int64 (stmt, 21, sd_appointment_get_checked_out_at (r));
  sqlite3_bind_int64 (stmt, 22, complaint_id);
  if (c != NULL)
    {
      sd_store_bind_text (stmt, 23, sd_party_to_string (c->by));
      sd_store_bind_text (stmt, 24, sd_cancel_reason_to_string (c->reason));
      sd_store_bind_text (stmt, 25, c->note);
      sd_store_bind_text (stmt, 26, sd_refund_choice_to_string (c->refund));
      sqlite3_bind_int64 (stmt, 27, c->refund_cents);
      sqlite3_bind_int64 (stmt, 28, c->at);
    }
  sd_store_bind_text (stmt, 29, starts);
  sqlite3_bind_int (stmt, 30, sd_appointment_get_checked_out_at (r) != 0);
  if (!sd_store_step_done (self, stmt, error))
    return FALSE;
  *id_out = id != 0 ? id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* @force: apply even when the versions are equal (a 409's current resource). */
gboolean
sync_apply_appointment (SdStore *self, SdAppointment *r, const SdJsonRefs *refs, gboolean force,
                        gint64 *id_out, gboolean *applied, GError **error)
{
  const char *remote_id = sd_appointment_get_remote_id (r);
  SdState state = sd_appointment_get_state (r);
  LocalRow row;
  gboolean known;
  gint64 id = 0;

  *applied = FALSE;
  if (remote_id == NULL)
    {
      g_set_error (error, SD_JSON_ERROR, SD_JSON_ERROR_INVALID_VALUE,
                   _("The marketplace sent an appointment without its own id"));
      return FALSE;
    }
  known = sync_find_appointment (self, remote_id, &row);
  if (known)
    {
      *id_out = row.id;
      if (sd_appointment_get_version (r) < row.version ||
          (sd_appointment_get_version (r) == row.version && !force))
        return TRUE;
    }
  else
    {
      gint64 staff_id = sync_local_id (self, "staff", refs->staff_id);

      row.id = staff_id != 0 ? find_unsent_booking (self, r, staff_id) : 0;
      row.state = state;
      row.before_dispute = SD_STATE_COMPLETED;
    }

  if (state == SD_STATE_DISPUTED && row.state != SD_STATE_DISPUTED && row.id != 0)
    row.before_dispute = row.state;
  if (!write_appointment (self, r, refs, row.id, row.before_dispute, &id, error))
    return FALSE;
  *id_out = id;
  *applied = TRUE;

  if (!known && row.id == 0)
    return sd_store_write_history (self, id, "create",
                                   state == SD_STATE_REQUESTED ? SD_PARTY_CLIENT : SD_PARTY_SALON,
                                   state, state, _("Received from the marketplace."), 0, NULL,
                                   error);
  if (known && row.state != state)
    return sd_store_write_history (self, id, "sync", sync_change_author (r), row.state, state,
                                   _("Changed on the marketplace."), 0, NULL, error);
  return TRUE;
}

/* Replaces the complaint's thread with the one pulled (each change carries it whole). A
 * complaint that came without one (not parsed from the feed) leaves the thread alone. */
static gboolean
replace_comments (SdStore *self, gint64 complaint_id, JsonArray *comments, GError **error)
{
  if (comments == NULL)
    return TRUE;
  if (!sync_run (self, "DELETE FROM complaint_comments WHERE complaint_id = ?", error, "i",
                 complaint_id))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (comments); i++)
    {
      JsonObject *c = json_array_get_object_element (comments, i);
      g_autoptr(JsonNode) files = NULL;
      g_autofree char *files_text = NULL;
      gint64 at = 0;

      if (c == NULL)
        continue;
      sd_time_parse_rfc3339 (json_object_get_string_member_with_default (c, "at", ""), &at);
      if (json_object_has_member (c, "attachments"))
        files = json_node_copy (json_object_get_member (c, "attachments"));
      files_text = files != NULL ? json_to_string (files, FALSE) : g_strdup ("[]");
      if (!sync_run (self, "INSERT INTO complaint_comments (complaint_id, remote_id, author,"
                           " body, at, attachments) VALUES (?, ?, ?, ?, ?, ?)", error, "isssis",
                     complaint_id, json_object_get_string_member_with_default (c, "id", NULL),
                     json_object_get_string_member_with_default (c, "author", "client"),
                     json_object_get_string_member_with_default (c, "body", ""), at,
                     files_text))
        return FALSE;
    }
  return TRUE;
}

gboolean
sync_apply_complaint (SdStore *self, SdComplaint *r, const SdJsonRefs *refs, gboolean *applied,
                      GError **error)
{
  g_autoptr(SdStmt) find = sd_store_stmt (self, "SELECT id, version FROM complaints"
                                                " WHERE remote_id = ?", error);
  gint64 appointment_id = sync_local_id (self, "appointments", refs->appointment_id);
  gint64 id = 0, version = 0;

  *applied = FALSE;
  if (find == NULL)
    return FALSE;
  if (appointment_id == 0)
    {
      g_debug ("complaint %s about an unknown appointment %s: skipped",
               sd_complaint_get_remote_id (r), refs->appointment_id);
      return TRUE;
    }
  sd_store_bind_text (find, 1, sd_complaint_get_remote_id (r));
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (find, 0);
      version = sqlite3_column_int64 (find, 1);
      if (sd_complaint_get_version (r) <= version)
        return TRUE;
    }
  sd_stmt_release (find);
  if (id == 0)
    {
      /* The desk's own complaint whose answer was lost. */
      g_autoptr(SdStmt) own = sd_store_stmt (self,
        "SELECT id FROM complaints WHERE remote_id IS NULL AND appointment_id = ?"
        " ORDER BY id DESC LIMIT 1", error);
      if (own == NULL)
        return FALSE;
      sqlite3_bind_int64 (own, 1, appointment_id);
      if (sqlite3_step (own) == SQLITE_ROW)
        id = sqlite3_column_int64 (own, 0);
    }
  if (id == 0 && !sync_run (self, "INSERT INTO complaints (appointment_id, opened_by, opened_at,"
                                  " reason, deadline_kind, status) VALUES (?, 'client', 0, '',"
                                  " 'hours_24', 'awaiting_reply')", error, "i", appointment_id))
    return FALSE;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self,
      "UPDATE complaints SET remote_id = ?2, version = ?3, appointment_id = ?4, opened_by = ?5,"
      " opened_at = ?6, reason = ?7, refund_requested_cents = ?8, deadline_kind = ?9,"
      " reply_by = ?10, status = ?11, response_action = ?12, response_amount_cents = ?13,"
      " response_redo_start = ?14, response_body = coalesce(?15, response_body),"
      " responded_at = ?16, outcome = ?17, outcome_amount_cents = ?18, outcome_note = ?19,"
      " resolved_at = ?20 WHERE id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    sd_store_bind_text (stmt, 2, sd_complaint_get_remote_id (r));
    sqlite3_bind_int64 (stmt, 3, sd_complaint_get_version (r));
    sqlite3_bind_int64 (stmt, 4, appointment_id);
    sd_store_bind_text (stmt, 5, sd_party_to_string (sd_complaint_get_opened_by (r)));
    sqlite3_bind_int64 (stmt, 6, sd_complaint_get_opened_at (r));
    sd_store_bind_text (stmt, 7, sd_complaint_get_reason (r));
    sqlite3_bind_int64 (stmt, 8, sd_complaint_get_refund_requested_cents (r));
    sd_store_bind_text (stmt, 9, sd_deadline_kind_to_string (sd_complaint_get_deadline_kind (r)));
    sqlite3_bind_int64 (stmt, 10, sd_complaint_get_reply_by (r));
    sd_store_bind_text (stmt, 11, sd_complaint_status_to_string (sd_complaint_get_status (r)));
    sd_store_bind_text (stmt, 12,
                        sd_response_action_to_string (sd_complaint_get_response_action (r)));
    sqlite3_bind_int64 (stmt, 13, sd_complaint_get_response_amount_cents (r));
    sqlite3_bind_int64 (stmt, 14, sd_complaint_get_response_redo_start (r));
    sd_store_bind_text (stmt, 15, sd_complaint_get_response_body (r));
    sqlite3_bind_int64 (stmt, 16, sd_complaint_get_responded_at (r));
    sd_store_bind_text (stmt, 17, sd_outcome_to_string (sd_complaint_get_outcome (r)));
    sqlite3_bind_int64 (stmt, 18, sd_complaint_get_outcome_amount_cents (r));
    sd_store_bind_text (stmt, 19, sd_complaint_get_outcome_note (r));
    sqlite3_bind_int64 (stmt, 20, sd_complaint_get_resolved_at (r));
    if (!sd_store_step_done (self, stmt, error))
      return FALSE;
  }
  if (!replace_comments (self, id, g_object_get_data (G_OBJECT (r), "sd-comments"), error))
    return FALSE;
  *applied = TRUE;
  return sync_run (self, "UPDATE appointments SET complaint_id = ? WHERE id = ?", error, "ii",
                   id, appointment_id);
}

static gboolean
apply_message (SdStore *self, SdMessage *r, const SdJsonRefs *refs, gboolean *applied,
               GError **error)
{
  gint64 appointment_id = sync_local_id (self, "appointments", refs->appointment_id);
  const char *author = sd_party_to_string (sd_message_get_author (r));

  *applied = FALSE;
  if (appointment_id == 0 || sync_local_id (self, "messages", sd_message_get_remote_id (r)) != 0)
    return TRUE;
  /* The desk's own message (or the confirmation's system message it wrote itself) that
   * the marketplace now has: give it the remote id instead of a second row. */
  if (!sync_run (self, "UPDATE messages SET remote_id = ?1, at = ?5 WHERE id = (SELECT id FROM"
                       " messages WHERE remote_id IS NULL AND appointment_id = ?2 AND author = ?3"
                       " AND (body = ?4 OR author = 'system') ORDER BY id LIMIT 1)", error, "sissi",
                 sd_message_get_remote_id (r), appointment_id, author, sd_message_get_body (r),
                 sd_message_get_at (r)))
    return FALSE;
  *applied = TRUE;
  if (sqlite3_changes (self->db) > 0)
    return TRUE;
  return sync_run (self, "INSERT INTO messages (remote_id, appointment_id, author, body, at)"
                         " VALUES (?, ?, ?, ?, ?)", error, "sissi", sd_message_get_remote_id (r),
                   appointment_id, author, sd_message_get_body (r), sd_message_get_at (r));
}

static gboolean
apply_review (SdStore *self, SdReview *r, const SdJsonRefs *refs, gboolean *applied,
              GError **error)
{
  gint64 appointment_id = sync_local_id (self, "appointments", refs->appointment_id);

  *applied = appointment_id != 0;
  if (appointment_id == 0)
    return TRUE;
  return sync_run (self,
                   "INSERT INTO reviews (remote_id, appointment_id, punctuality, service, value,"
                   " cleanliness, relationship, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                   " ON CONFLICT (appointment_id) DO UPDATE SET remote_id = excluded.remote_id,"
                   " punctuality = excluded.punctuality, service = excluded.service,"
                   " value = excluded.value, cleanliness = excluded.cleanliness,"
                   " relationship = excluded.relationship, comment = excluded.comment,"
                   " at = excluded.at", error, "siiiiiisi",
                   sd_review_get_remote_id (r), appointment_id,
                   (gint64) sd_review_get_punctuality (r), (gint64) sd_review_get_service (r),
                   (gint64) sd_review_get_value (r), (gint64) sd_review_get_cleanliness (r),
                   (gint64) sd_review_get_relationship (r), sd_review_get_comment (r),
                   sd_review_get_at (r));
}

static gboolean
apply_transaction (SdStore *self, SdTransaction *r, const SdJsonRefs *refs, gboolean *applied,
                   GError **error)
{
  gint64 appointment_id = sync_local_id (self, "appointments", refs->appointment_id);
  g_autoptr(SdStmt) stmt = sd_store_stmt (self,
    "INSERT OR IGNORE INTO transactions (remote_id, appointment_id, kind, amount_cents,"
    " currency, at) VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sd_store_bind_text (stmt, 1, sd_transaction_get_remote_id (r));
  if (appointment_id != 0)
    sqlite3_bind_int64 (stmt, 2, appointment_id);
  sd_store_bind_text (stmt, 3, sd_transaction_kind_to_string (sd_transaction_get_kind (r)));
  sqlite3_bind_int64 (stmt, 4, sd_transaction_get_amount_cents (r));
  sd_store_bind_text (stmt, 5, sd_transaction_get_currency (r));
  sqlite3_bind_int64 (stmt, 6, sd_transaction_get_at (r));
  if (!sd_store_step_done (self, stmt, error))
    return FALSE;
  *applied = sqlite3_changes (self->db) > 0;
  return TRUE;
}

gboolean
sync_apply_one (SdStore *self, SdRemoteChange *change, gboolean force, gint64 *appointment_id,
                gboolean *applied, GError **error)
{
  gint64 ignored = 0;

  switch (change->kind)
    {
    case SD_REMOTE_APPOINTMENT:
      return sync_apply_appointment (self, SD_APPOINTMENT (change->resource), &change->refs, force,
                                     appointment_id != NULL ? appointment_id : &ignored, applied,
                                     error);
    case SD_REMOTE_COMPLAINT:
      return sync_apply_complaint (self, SD_COMPLAINT (change->resource), &change->refs, applied,
                                   error);
    case SD_REMOTE_MESSAGE:
      return apply_message (self, SD_MESSAGE (change->resource), &change->refs, applied, error);
    case SD_REMOTE_REVIEW:
      return apply_review (self, SD_REVIEW (change->resource), &change->refs, applied, error);
    case SD_REMOTE_TRANSACTION:
      return apply_transaction (self, SD_TRANSACTION (change->resource), &change->refs,
                                applied, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
sd_store_apply_changes (SdStore *self, GPtrArray *changes, const char *next_cursor,
                        guint *n_applied, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  guint count = 0;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error) || !sd_store_begin (self, error))
    return FALSE;
  /* Appointments first: the complaints, messages… of the page refer to them. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < changes->len; i++)
      {
        SdRemoteChange *change = g_ptr_array_index (changes, i);
        gboolean applied = FALSE;

        if ((change->kind == SD_REMOTE_APPOINTMENT) != (pass == 0))
          continue;
        if (!sync_apply_one (self, change, FALSE, NULL, &applied, error))
          {
            sd_store_rollback (self);
            return FALSE;
          }
        count += applied;
      }
  if (next_cursor != NULL && !sd_store_set_meta_locked (self, SD_STORE_META_CURSOR, next_cursor, error))
    {
      sd_store_rollback (self);
      return FALSE;
    }
  if (!sd_store_commit (self, error))
    return FALSE;
  if (n_applied != NULL)
    *n_applied = count;
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-sync.c — the store's side of the marketplace sync: meta (the cursor), applying
 * remote resources by version, and the outbox's life after a row is written. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-complaint.h"
#include "sd-message.h"
#include "sd-review.h"
#include "sd-store-private.h"
#include "sd-store-sync.h"
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

/* ---- Meta ---- */

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

static gboolean
set_meta_locked (SdStore *self, const char *key, const char *value, GError **error)
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
  return set_meta_locked (self, key, value, error);
}

/* ---- Ids ---- */

/* 0 when no row of @table has @remote_id. */
static gint64
local_id (SdStore *self, const char *table, const char *remote_id)
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

static gboolean
run (SdStore *self, const char *sql, GError **error, const char *fmt, ...)
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
  gint64 id = local_id (self, "staff", remote_id);

  if (id != 0)
    return run (self, "UPDATE staff SET name = ? WHERE id = ?", error, "si", name, id);
  if (!run (self, "UPDATE staff SET remote_id = ? WHERE id = (SELECT id FROM staff WHERE"
                  " remote_id IS NULL AND name = ? ORDER BY id LIMIT 1)", error, "ss",
            remote_id, name))
    return FALSE;
  if (sqlite3_changes (self->db) > 0)
    return TRUE;
  return run (self, "INSERT INTO staff (remote_id, name) VALUES (?, ?)", error, "ss",
              remote_id, name);
}

static gboolean
sync_service_locked (SdStore *self, const char *remote_id, const char *name, int duration,
                     gint64 price, const char *currency, GError **error)
{
  gint64 id = local_id (self, "services", remote_id);

  if (id == 0)
    {
      if (!run (self, "UPDATE services SET remote_id = ? WHERE id = (SELECT id FROM services"
                      " WHERE remote_id IS NULL AND name = ? ORDER BY id LIMIT 1)", error, "ss",
                remote_id, name))
        return FALSE;
      id = local_id (self, "services", remote_id);
    }
  if (id != 0)
    return run (self, "UPDATE services SET name = ?, duration_min = ?, price_cents = ?,"
                      " currency = ? WHERE id = ?", error, "siisi", name, (gint64) duration,
                price, currency, id);
  return run (self, "INSERT INTO services (remote_id, name, duration_min, price_cents, currency)"
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
  gint64 id = local_id (self, "staff", remote_id);

  if (id != 0)
    return id;
  if (remote_id == NULL)
    {
      g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT id FROM staff ORDER BY id LIMIT 1",
                                              error);
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        return sqlite3_column_int64 (stmt, 0);
      if (!run (self, "INSERT INTO staff (name) VALUES (?)", error, "s", _("Unassigned")))
        return 0;
      return sqlite3_last_insert_rowid (self->db);
    }
  if (!run (self, "INSERT INTO staff (remote_id, name) VALUES (?, ?)", error, "ss",
            remote_id, remote_id))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
ensure_service (SdStore *self, SdAppointment *r, const char *remote_id, GError **error)
{
  gint64 id = local_id (self, "services", remote_id);

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
          !run (self, "UPDATE services SET remote_id = ? WHERE id = ?", error, "si",
                remote_id, id))
        return 0;
      return id;
    }
  if (!run (self, "INSERT INTO services (remote_id, name, duration_min, price_cents, currency)"
                  " VALUES (?, ?, ?, ?, ?)", error, "ssiis", remote_id,
            sd_appointment_get_service_name (r), (gint64) sd_appointment_get_duration_min (r),
            sd_appointment_get_price_cents (r), sd_appointment_get_currency (r)))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
ensure_client (SdStore *self, SdAppointment *r, const char *remote_id, GError **error)
{
  gint64 id = local_id (self, "clients", remote_id);
  g_autofree char *digits = NULL;

  if (id == 0)
    {
      id = sd_store_find_or_add_client (self, sd_appointment_get_client_name (r),
                                        sd_appointment_get_client_phone (r),
                                        sd_appointment_get_client_email (r), error);
      if (id == 0)
        return 0;
      if (remote_id != NULL &&
          !run (self, "UPDATE clients SET remote_id = ? WHERE id = ? AND remote_id IS NULL",
                error, "si", remote_id, id))
        return 0;
      return id;
    }
  /* The phone appears once the salon accepts; the client may change name or e-mail. */
  digits = sd_store_phone_digits (sd_appointment_get_client_phone (r));
  if (!run (self, "UPDATE clients SET name = ?2, email = ?3, phone = coalesce(?4, phone),"
                  " phone_digits = coalesce(?5, phone_digits) WHERE id = ?1"
                  " AND (name IS NOT ?2 OR email IS NOT ?3 OR (?4 IS NOT NULL AND phone IS NOT ?4))",
            error, "isss" "s", id, sd_appointment_get_client_name (r),
            sd_appointment_get_client_email (r), sd_appointment_get_client_phone (r), digits))
    return 0;
  return id;
}

/* ---- Applying ---- */

typedef struct
{
  gint64 id;
  gint64 version;
  SdState state;
  SdState before_dispute;
} LocalRow;

static gboolean
find_appointment (SdStore *self, const char *remote_id, LocalRow *row)
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

static SdParty
change_author (SdAppointment *r)
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
  complaint_id = local_id (self, "complaints", refs->complaint_id);

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
static gboolean
apply_appointment (SdStore *self, SdAppointment *r, const SdJsonRefs *refs, gboolean force,
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
  known = find_appointment (self, remote_id, &row);
  if (known)
    {
      *id_out = row.id;
      if (sd_appointment_get_version (r) < row.version ||
          (sd_appointment_get_version (r) == row.version && !force))
        return TRUE;
    }
  else
    {
      gint64 staff_id = local_id (self, "staff", refs->staff_id);

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
    return sd_store_write_history (self, id, "sync", change_author (r), row.state, state,
                                   _("Changed on the marketplace."), 0, NULL, error);
  return TRUE;
}

static gboolean
apply_complaint (SdStore *self, SdComplaint *r, const SdJsonRefs *refs, gboolean *applied,
                 GError **error)
{
  g_autoptr(SdStmt) find = sd_store_stmt (self, "SELECT id, version FROM complaints"
                                                " WHERE remote_id = ?", error);
  gint64 appointment_id = local_id (self, "appointments", refs->appointment_id);
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
  if (id == 0 && !run (self, "INSERT INTO complaints (appointment_id, opened_by, opened_at,"
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
  *applied = TRUE;
  return run (self, "UPDATE appointments SET complaint_id = ? WHERE id = ?", error, "ii",
              id, appointment_id);
}

static gboolean
apply_message (SdStore *self, SdMessage *r, const SdJsonRefs *refs, gboolean *applied,
               GError **error)
{
  gint64 appointment_id = local_id (self, "appointments", refs->appointment_id);
  const char *author = sd_party_to_string (sd_message_get_author (r));

  *applied = FALSE;
  if (appointment_id == 0 || local_id (self, "messages", sd_message_get_remote_id (r)) != 0)
    return TRUE;
  /* The desk's own message (or the confirmation's system message it wrote itself) that
   * the marketplace now has: give it the remote id instead of a second row. */
  if (!run (self, "UPDATE messages SET remote_id = ?1, at = ?5 WHERE id = (SELECT id FROM"
                  " messages WHERE remote_id IS NULL AND appointment_id = ?2 AND author = ?3"
                  " AND (body = ?4 OR author = 'system') ORDER BY id LIMIT 1)", error, "sissi",
            sd_message_get_remote_id (r), appointment_id, author, sd_message_get_body (r),
            sd_message_get_at (r)))
    return FALSE;
  *applied = TRUE;
  if (sqlite3_changes (self->db) > 0)
    return TRUE;
  return run (self, "INSERT INTO messages (remote_id, appointment_id, author, body, at)"
                    " VALUES (?, ?, ?, ?, ?)", error, "sissi", sd_message_get_remote_id (r),
              appointment_id, author, sd_message_get_body (r), sd_message_get_at (r));
}

static gboolean
apply_review (SdStore *self, SdReview *r, const SdJsonRefs *refs, gboolean *applied,
              GError **error)
{
  gint64 appointment_id = local_id (self, "appointments", refs->appointment_id);

  *applied = appointment_id != 0;
  if (appointment_id == 0)
    return TRUE;
  return run (self, "INSERT INTO reviews (remote_id, appointment_id, punctuality, service, value,"
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
  gint64 appointment_id = local_id (self, "appointments", refs->appointment_id);
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

static gboolean
apply_one (SdStore *self, SdRemoteChange *change, gboolean force, gint64 *appointment_id,
           gboolean *applied, GError **error)
{
  gint64 ignored = 0;

  switch (change->kind)
    {
    case SD_REMOTE_APPOINTMENT:
      return apply_appointment (self, SD_APPOINTMENT (change->resource), &change->refs, force,
                                appointment_id != NULL ? appointment_id : &ignored, applied,
                                error);
    case SD_REMOTE_COMPLAINT:
      return apply_complaint (self, SD_COMPLAINT (change->resource), &change->refs, applied,
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
        if (!apply_one (self, change, FALSE, NULL, &applied, error))
          {
            sd_store_rollback (self);
            return FALSE;
          }
        count += applied;
      }
  if (next_cursor != NULL && !set_meta_locked (self, SD_STORE_META_CURSOR, next_cursor, error))
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

/* ---- Outbox ---- */

#define OUTBOX_SELECT \
  "SELECT o.id, o.idempotency_key, o.appointment_id, o.complaint_id, o.action, o.method," \
  " o.endpoint, o.payload, o.base_version, o.created_at, o.attempts, o.state, o.last_error," \
  " o.not_before FROM outbox o "

static SdOutboxEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  SdOutboxEntry *e = sd_outbox_entry_new ();

  sd_outbox_entry_set_id (e, sqlite3_column_int64 (stmt, 0));
  sd_outbox_entry_set_idempotency_key (e, sd_store_column_text (stmt, 1));
  sd_outbox_entry_set_appointment_id (e, sqlite3_column_int64 (stmt, 2));
  sd_outbox_entry_set_complaint_id (e, sqlite3_column_int64 (stmt, 3));
  sd_outbox_entry_set_action (e, sd_store_column_text (stmt, 4));
  sd_outbox_entry_set_method (e, sd_store_column_text (stmt, 5));
  sd_outbox_entry_set_endpoint (e, sd_store_column_text (stmt, 6));
  sd_outbox_entry_set_payload (e, sd_store_column_text (stmt, 7));
  sd_outbox_entry_set_base_version (e, sqlite3_column_int64 (stmt, 8));
  sd_outbox_entry_set_created_at (e, sqlite3_column_int64 (stmt, 9));
  sd_outbox_entry_set_attempts (e, sqlite3_column_int (stmt, 10));
  sd_outbox_entry_set_state (e, sd_store_column_text (stmt, 11));
  sd_outbox_entry_set_last_error (e, sd_store_column_text (stmt, 12));
  return e;
}

SdOutboxEntry *
sd_store_sync_next (SdStore *self, gint64 *not_before_out, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  /* The oldest pending row that no earlier pending row of the same appointment holds back:
   * an appointment's actions go in the order they were made; a cancellation waiting out
   * its undo window holds back only its own appointment. */
  stmt = sd_store_stmt (self, OUTBOX_SELECT
    " WHERE o.state = 'pending' AND (o.appointment_id IS NULL OR NOT EXISTS (SELECT 1 FROM"
    " outbox p WHERE p.appointment_id = o.appointment_id AND p.state = 'pending'"
    " AND p.id < o.id)) ORDER BY o.not_before > ?1, o.id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, sd_store_now (self));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (not_before_out != NULL)
        *not_before_out = sqlite3_column_int64 (stmt, 13);
      return entry_from_row (stmt);
    }
  if (not_before_out != NULL)
    *not_before_out = 0;
  if (rc != SQLITE_DONE)
    sd_store_set_error (self, rc, error);
  return NULL;
}

static const struct { const char *prefix, *table; } ref_tables[] = {
  { "apt", "appointments" }, { "stf", "staff" }, { "svc", "services" },
  { "cli", "clients" }, { "cmp", "complaints" },
};

/* Swaps local references ("stf_local_3") in @node for the remote ids. */
static gboolean
resolve_refs (SdStore *self, JsonNode *node, GError **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (obj);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (obj, l->data);

          if (JSON_NODE_HOLDS_VALUE (member) &&
              json_node_get_value_type (member) == G_TYPE_STRING)
            {
              const char *text = json_node_get_string (member);

              for (guint i = 0; i < G_N_ELEMENTS (ref_tables); i++)
                {
                  gint64 id;
                  g_autofree char *remote = NULL;

                  if (!sd_json_parse_local_id (text, ref_tables[i].prefix, &id))
                    continue;
                  remote = sd_store_remote_id_locked (self, ref_tables[i].table, id);
                  if (remote == NULL)
                    {
                      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                                   _("“%s” is not on the marketplace."), text);
                      return FALSE;
                    }
                  json_object_set_string_member (obj, l->data, remote);
                  break;
                }
            }
          else if (!resolve_refs (self, member, error))
            return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!resolve_refs (self, json_array_get_element (array, i), error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
replace_placeholder (SdStore *self, GString *path, const char *placeholder, const char *table,
                     gint64 id, GError **error)
{
  g_autofree char *remote = NULL;

  if (strstr (path->str, placeholder) == NULL)
    return TRUE;
  remote = id != 0 ? sd_store_remote_id_locked (self, table, id) : NULL;
  if (remote == NULL)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("This action is about something the marketplace never received."));
      return FALSE;
    }
  g_string_replace (path, placeholder, remote, 0);
  return TRUE;
}

gboolean
sd_store_sync_prepare (SdStore *self, SdOutboxEntry *entry, char **path_out, char **body_out,
                         gint64 *if_match_out, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 appointment_id = sd_outbox_entry_get_appointment_id (entry);
  const char *endpoint = sd_outbox_entry_get_endpoint (entry);
  gint64 if_match = 0;
  JsonNode *root;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (entry), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  path = g_string_new (endpoint);
  if (!replace_placeholder (self, path, "{appointment}", "appointments", appointment_id, error) ||
      !replace_placeholder (self, path, "{complaint}", "complaints",
                            sd_outbox_entry_get_complaint_id (entry), error))
    return FALSE;
  if (!json_parser_load_from_data (parser, sd_outbox_entry_get_payload (entry), -1, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root != NULL && !resolve_refs (self, root, error))
    return FALSE;

  /* Only the appointment's own actions carry its version; a message or a complaint does
   * not change the appointment. */
  if (g_str_has_prefix (endpoint, "/v1/appointments/{appointment}/") &&
      !g_str_has_suffix (endpoint, "/messages"))
    {
      if_match = sd_outbox_entry_get_base_version (entry);
      if (if_match == 0)
        {
          g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT version FROM appointments"
                                                        " WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, appointment_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            if_match = sqlite3_column_int64 (stmt, 0);
        }
    }
  *path_out = g_string_free (g_steal_pointer (&path), FALSE);
  *body_out = root != NULL ? json_to_string (root, FALSE) : g_strdup ("{}");
  *if_match_out = if_match;
  return TRUE;
}

typedef struct
{
  gint64 appointment_id;
  gint64 complaint_id;
  char *action;
  char *payload;
  gint64 created_at;
} OutboxRow;

static void
outbox_row_clear (OutboxRow *row)
{
  g_clear_pointer (&row->action, g_free);
  g_clear_pointer (&row->payload, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OutboxRow, outbox_row_clear)

static gboolean
load_row (SdStore *self, gint64 outbox_id, OutboxRow *row, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT appointment_id, complaint_id, action,"
                                                " payload, created_at FROM outbox WHERE id = ?",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outbox_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->appointment_id = sqlite3_column_int64 (stmt, 0);
      row->complaint_id = sqlite3_column_int64 (stmt, 1);
      row->action = g_strdup (sd_store_column_text (stmt, 2));
      row->payload = g_strdup (sd_store_column_text (stmt, 3));
      row->created_at = sqlite3_column_int64 (stmt, 4);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                 _("There is no outbox entry number %" G_GINT64_FORMAT "."), outbox_id);
  else
    sd_store_set_error (self, rc, error);
  return FALSE;
}

static gboolean
set_outbox_state (SdStore *self, gint64 outbox_id, const char *state, const char *error_text,
                  GError **error)
{
  return run (self, "UPDATE outbox SET state = ?1, last_error = ?2,"
                    " sent_at = CASE WHEN ?1 = 'sent' THEN ?3 ELSE sent_at END WHERE id = ?4",
              error, "ssii", state, error_text, sd_store_now (self), outbox_id);
}

static gboolean
mark_sent_locked (SdStore *self, gint64 outbox_id, SdRemoteChange *answer, GError **error)
{
  g_auto(OutboxRow) row = { 0 };
  gboolean applied = FALSE;

  if (!load_row (self, outbox_id, &row, error))
    return FALSE;
  if (answer != NULL && answer->kind == SD_REMOTE_APPOINTMENT && row.appointment_id != 0)
    {
      SdAppointment *a = SD_APPOINTMENT (answer->resource);
      const char *remote_id = sd_appointment_get_remote_id (a);
      gint64 id = 0;

      /* A created booking gets its remote id, unless the feed already brought it in. */
      if (remote_id != NULL && local_id (self, "appointments", remote_id) == 0 &&
          !run (self, "UPDATE appointments SET remote_id = ? WHERE id = ? AND remote_id IS NULL",
                error, "si", remote_id, row.appointment_id))
        return FALSE;
      if (!apply_appointment (self, a, &answer->refs, FALSE, &id, &applied, error))
        return FALSE;
      /* The desk's later actions on it were made on top of this one. */
      if (!run (self, "UPDATE outbox SET base_version = ? WHERE appointment_id = ?"
                      " AND state = 'pending' AND id > ?", error, "iii",
                sd_appointment_get_version (a), row.appointment_id, outbox_id))
        return FALSE;
    }
  else if (answer != NULL && answer->kind == SD_REMOTE_COMPLAINT)
    {
      SdComplaint *c = SD_COMPLAINT (answer->resource);

      if (row.complaint_id != 0 && local_id (self, "complaints", sd_complaint_get_remote_id (c)) == 0 &&
          !run (self, "UPDATE complaints SET remote_id = ? WHERE id = ? AND remote_id IS NULL",
                error, "si", sd_complaint_get_remote_id (c), row.complaint_id))
        return FALSE;
      if (!apply_complaint (self, c, &answer->refs, &applied, error))
        return FALSE;
    }
  else if (answer != NULL && !apply_one (self, answer, FALSE, NULL, &applied, error))
    return FALSE;
  return set_outbox_state (self, outbox_id, "sent", NULL, error);
}

gboolean
sd_store_sync_mark_sent (SdStore *self, gint64 outbox_id, SdRemoteChange *answer,
                           GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error) || !sd_store_begin (self, error))
    return FALSE;
  if (!mark_sent_locked (self, outbox_id, answer, error))
    {
      sd_store_rollback (self);
      return FALSE;
    }
  return sd_store_commit (self, error);
}

gboolean
sd_store_sync_retry (SdStore *self, gint64 outbox_id, const char *error_text, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  return run (self, "UPDATE outbox SET last_error = ? WHERE id = ? AND state = 'pending'", error,
              "si", error_text, outbox_id);
}

/* The history event an outbox action wrote (the action's name in sd-types.c). */
static const char *
history_event (const char *action)
{
  static const char *const map[][2] = {
    { "confirm", "accept" }, { "check-in", "check_in" }, { "check-out", "check_out" },
    { "no-show", "no_show" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (action, map[i][0]) == 0)
      return map[i][1];
  return action;
}

/* Puts back what the refused action changed, from its history row: the state before it,
 * and for a cancellation the snapshot it kept for undo. */
static gboolean
roll_back_locked (SdStore *self, const OutboxRow *row, SdState *from_out, SdState *to_out,
                  GError **error)
{
  g_autoptr(SdStmt) stmt = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *snapshot;
  SdState from = SD_STATE_CONFIRMED, to = SD_STATE_CONFIRMED;
  gint64 refunded = -1, updated_at = 0;

  if (g_strcmp0 (row->action, "create") == 0)
    {
      *to_out = SD_STATE_CONFIRMED;
      *from_out = SD_STATE_CANCELLED;
      return run (self, "UPDATE appointments SET state = 'cancelled', cancel_by = 'salon',"
                        " cancel_reason = 'other', cancel_refund = 'none',"
                        " cancel_refund_cents = 0, cancel_at = ? WHERE id = ?", error, "ii",
                  sd_store_now (self), row->appointment_id);
    }
  if (g_strcmp0 (row->action, "message") == 0)
    {
      g_autoptr(JsonNode) payload = json_from_string (row->payload, NULL);
      const char *body = NULL;

      if (payload != NULL && JSON_NODE_HOLDS_OBJECT (payload))
        body = json_object_get_string_member_with_default (json_node_get_object (payload),
                                                           "body", NULL);
      return run (self, "DELETE FROM messages WHERE id = (SELECT id FROM messages WHERE"
                        " remote_id IS NULL AND appointment_id = ? AND author = 'salon'"
                        " AND body = ? ORDER BY id DESC LIMIT 1)", error, "is",
                  row->appointment_id, body);
    }

  stmt = sd_store_stmt (self, "SELECT from_state, to_state, snapshot FROM history"
                              " WHERE appointment_id = ? AND event = ? ORDER BY id DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->appointment_id);
  sd_store_bind_text (stmt, 2, history_event (row->action));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  sd_state_from_string (sd_store_column_text (stmt, 0), &from);
  sd_state_from_string (sd_store_column_text (stmt, 1), &to);
  snapshot = sd_store_column_text (stmt, 2);
  if (snapshot != NULL && json_parser_load_from_data (parser, snapshot, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *snap = json_node_get_object (json_parser_get_root (parser));

      refunded = json_object_get_int_member_with_default (snap, "refunded_cents", -1);
      updated_at = json_object_get_int_member_with_default (snap, "updated_at", 0);
    }
  sd_stmt_release (stmt);
  *from_out = to;
  *to_out = from;
  if (g_strcmp0 (row->action, "cancel") == 0)
    return run (self, "UPDATE appointments SET state = ?, cancel_by = NULL, cancel_reason = NULL,"
                      " cancel_note = NULL, cancel_refund = NULL, cancel_refund_cents = NULL,"
                      " cancel_at = NULL, refunded_cents = CASE WHEN ?2 < 0 THEN refunded_cents"
                      " ELSE ?2 END, updated_at = CASE WHEN ?3 = 0 THEN updated_at ELSE ?3 END"
                      " WHERE id = ? AND state = ?", error, "siiis",
                sd_state_to_string (from), refunded, updated_at, row->appointment_id,
                sd_state_to_string (to));
  return run (self, "UPDATE appointments SET state = ? WHERE id = ? AND state = ?", error, "sis",
              sd_state_to_string (from), row->appointment_id, sd_state_to_string (to));
}

gboolean
sd_store_sync_fail (SdStore *self, gint64 outbox_id, const char *reason, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_auto(OutboxRow) row = { 0 };
  g_autofree char *detail = NULL;
  SdState from = SD_STATE_CONFIRMED, to = SD_STATE_CONFIRMED;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error) || !sd_store_begin (self, error))
    return FALSE;
  detail = g_strdup_printf (_("The marketplace refused: %s"), reason);
  if (!load_row (self, outbox_id, &row, error) ||
      (row.appointment_id != 0 && !roll_back_locked (self, &row, &from, &to, error)) ||
      (row.appointment_id != 0 &&
       !sd_store_write_history (self, row.appointment_id, "refused", SD_PARTY_SYSTEM, from, to,
                                detail, 0, NULL, error)) ||
      !set_outbox_state (self, outbox_id, "failed", detail, error))
    {
      sd_store_rollback (self);
      return FALSE;
    }
  return sd_store_commit (self, error);
}

/* "your confirmation", "your cancellation"… */
static const char *
action_noun (const char *action)
{
  if (g_strcmp0 (action, "confirm") == 0)
    return _("your confirmation");
  if (g_strcmp0 (action, "decline") == 0)
    return _("your refusal");
  if (g_strcmp0 (action, "unavailable") == 0)
    return _("your proposed times");
  if (g_strcmp0 (action, "cancel") == 0)
    return _("your cancellation");
  if (g_strcmp0 (action, "reschedule") == 0)
    return _("your new time");
  if (g_strcmp0 (action, "check-in") == 0)
    return _("your check-in");
  if (g_strcmp0 (action, "check-out") == 0)
    return _("your check-out");
  if (g_strcmp0 (action, "no-show") == 0)
    return _("your no-show report");
  return _("your change");
}

static char *
describe_conflict (SdStore *self, SdAppointment *current, const char *action)
{
  const SdCancellation *c = sd_appointment_get_cancellation (current);
  SdState state = sd_appointment_get_state (current);
  gint64 at = c != NULL ? c->at : sd_appointment_get_updated_at (current);
  GTimeZone *tz = self->salon != NULL ? sd_salon_get_timezone (self->salon) : NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_timezone (when, tz ? tz : utc)
                                            : NULL;
  g_autofree char *hhmm = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("?");

  if (state == SD_STATE_CANCELLED && c != NULL && c->by == SD_PARTY_CLIENT)
    /* Translators: "The client cancelled this appointment at 14:02; your confirmation was
     * not sent." */
    return g_strdup_printf (_("The client cancelled this appointment at %s; %s was not sent."),
                            hhmm, action_noun (action));
  if (state == SD_STATE_CANCELLED)
    return g_strdup_printf (_("This appointment was cancelled on the marketplace at %s; %s was "
                              "not sent."), hhmm, action_noun (action));
  return g_strdup_printf (_("This appointment changed on the marketplace at %s (it is now “%s”); "
                            "%s was not sent."), hhmm, sd_state_get_label (state),
                          action_noun (action));
}

gboolean
sd_store_sync_conflict (SdStore *self, gint64 outbox_id, SdRemoteChange *current,
                          GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_auto(OutboxRow) row = { 0 };
  g_autofree char *detail = NULL;
  LocalRow before = { 0 };
  gboolean applied = FALSE;
  gint64 id = 0;
  SdAppointment *a;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (current != NULL && current->kind == SD_REMOTE_APPOINTMENT, FALSE);

  a = SD_APPOINTMENT (current->resource);
  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error) || !sd_store_begin (self, error))
    return FALSE;
  if (!load_row (self, outbox_id, &row, error))
    goto fail;
  find_appointment (self, sd_appointment_get_remote_id (a), &before);
  if (before.id == 0)
    before.state = sd_appointment_get_state (a);
  /* The marketplace's version wins: the desk's action is not sent over it. */
  if (!apply_appointment (self, a, &current->refs, TRUE, &id, &applied, error))
    goto fail;
  detail = describe_conflict (self, a, row.action);
  if (!sd_store_write_history (self, id, "conflict", change_author (a), before.state,
                               sd_appointment_get_state (a), detail, 0, NULL, error) ||
      !set_outbox_state (self, outbox_id, "failed", detail, error))
    goto fail;
  return sd_store_commit (self, error);

fail:
  sd_store_rollback (self);
  return FALSE;
}

guint
sd_store_sync_count_unsent (SdStore *self, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(SdStmt) stmt = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), 0);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, "SELECT count(*) FROM outbox WHERE state = 'pending'", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

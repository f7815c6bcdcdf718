/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-write.c — creating appointments and the rows every change is made of: the
 * appointment itself, its history and the outbox. sd-store-perform.c applies actions. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sd-deadline.h"
#include "sd-json.h"
#include "sd-lifecycle.h"
#include "sd-overlap.h"
#include "sd-policy-error.h"
#include "sd-store-private.h"
#include "sd-time.h"

void
sd_new_appointment_init (SdNewAppointment *spec)
{
  g_return_if_fail (spec != NULL);

  *spec = (SdNewAppointment) {
    .payment = SD_PAYMENT_AT_SALON,
    .state = SD_STATE_CONFIRMED,
  };
}

char *
sd_store_format_time (SdStore *self, gint64 instant)
{
  return sd_time_format_rfc3339 (instant, self->salon ? sd_salon_get_timezone (self->salon)
                                                      : NULL);
}

/* ---- History and outbox ---- */

gboolean
sd_store_write_history (SdStore *self, gint64 appointment_id, const char *event, SdParty by,
                        SdState from, SdState to, const char *detail, gint64 amount_cents,
                        const char *snapshot, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self,
    "INSERT INTO history (appointment_id, at, event, by, from_state, to_state, detail,"
    " amount_cents, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  sqlite3_bind_int64 (stmt, 2, sd_store_now (self));
  sd_store_bind_text (stmt, 3, event);
  sd_store_bind_text (stmt, 4, sd_party_to_string (by));
  sd_store_bind_text (stmt, 5, sd_state_to_string (from));
  sd_store_bind_text (stmt, 6, sd_state_to_string (to));
  sd_store_bind_text (stmt, 7, detail);
  sqlite3_bind_int64 (stmt, 8, amount_cents);
  sd_store_bind_text (stmt, 9, snapshot);
  return sd_store_step_done (self, stmt, error);
}

gint64
sd_store_write_outbox (SdStore *self, gint64 appointment_id, gint64 complaint_id,
                       const char *action, const char *endpoint, const char *payload,
                       gint64 base_version, gint64 not_before, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self,
    "INSERT INTO outbox (idempotency_key, appointment_id, complaint_id, action, method,"
    " endpoint, payload, base_version, created_at, not_before)"
    " VALUES (?, ?, ?, ?, 'POST', ?, ?, ?, ?, ?)", error);
  /* The key is made once, here, and kept: every retry of this row sends the same one. */
  g_autofree char *key = g_uuid_string_random ();

  if (stmt == NULL)
    return 0;
  sd_store_bind_text (stmt, 1, key);
  if (appointment_id != 0)
    sqlite3_bind_int64 (stmt, 2, appointment_id);
  if (complaint_id != 0)
    sqlite3_bind_int64 (stmt, 3, complaint_id);
  sd_store_bind_text (stmt, 4, action);
  sd_store_bind_text (stmt, 5, endpoint);
  sd_store_bind_text (stmt, 6, payload != NULL ? payload : "{}");
  sqlite3_bind_int64 (stmt, 7, base_version);
  sqlite3_bind_int64 (stmt, 8, sd_store_now (self));
  sqlite3_bind_int64 (stmt, 9, not_before);
  if (!sd_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
sd_store_write_message (SdStore *self, gint64 appointment_id, SdParty author,
                        const char *body, gint64 at, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self,
    "INSERT INTO messages (appointment_id, author, body, at) VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  sd_store_bind_text (stmt, 2, sd_party_to_string (author));
  sd_store_bind_text (stmt, 3, body);
  sqlite3_bind_int64 (stmt, 4, at);
  return sd_store_step_done (self, stmt, error);
}

static char *
join_starts (SdAppointment *a)
{
  guint n = 0;
  const gint64 *starts = sd_appointment_get_proposed_starts (a, &n);
  g_autoptr(GString) text = g_string_new (NULL);

  if (n == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", starts[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Writes every field an action can change. */
gboolean
sd_store_update_appointment (SdStore *self, SdAppointment *a, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self,
    "UPDATE appointments SET version = ?2, state = ?3, state_before_dispute = ?4, start = ?5,"
    " end = ?6, staff_id = ?7, refunded_cents = ?8, phone_revealed = ?9, confirm_by = ?10,"
    " updated_at = ?11, checked_in_at = ?12, checked_out_at = ?13, complaint_id = ?14,"
    " review_requested = ?15, cancel_by = ?16, cancel_reason = ?17, cancel_note = ?18,"
    " cancel_refund = ?19, cancel_refund_cents = ?20, cancel_at = ?21, proposed_starts = ?22"
    " WHERE id = ?1", error);
  const SdCancellation *c = sd_appointment_get_cancellation (a);
  g_autofree char *starts = join_starts (a);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sd_appointment_get_id (a));
  sqlite3_bind_int64 (stmt, 2, sd_appointment_get_version (a));
  sd_store_bind_text (stmt, 3, sd_state_to_string (sd_appointment_get_state (a)));
  if (sd_appointment_get_state (a) == SD_STATE_DISPUTED)
    sd_store_bind_text (stmt, 4, sd_state_to_string (sd_appointment_get_state_before_dispute (a)));
  sqlite3_bind_int64 (stmt, 5, sd_appointment_get_start (a));
  sqlite3_bind_int64 (stmt, 6, sd_appointment_get_end (a));
  sqlite3_bind_int64 (stmt, 7, sd_appointment_get_staff_id (a));
  sqlite3_bind_int64 (stmt, 8, sd_appointment_get_refunded_cents (a));
  sqlite3_bind_int (stmt, 9, sd_appointment_get_phone_revealed (a));
  sqlite3_bind_int64 (stmt, 10, sd_appointment_get_confirm_by (a));
  sqlite3_bind_int64 (stmt, 11, sd_appointment_get_updated_at (a));
  sqlite3_bind_int64 (stmt, 12, sd_appointment_get_checked_in_at (a));
  sqlite3_bind_int64 (stmt, 13, sd_appointment_get_checked_out_at (a));
  sqlite3_bind_int64 (stmt, 14, sd_appointment_get_complaint_id (a));
  sqlite3_bind_int (stmt, 15, sd_appointment_get_review_requested (a));
  if (c != NULL)
    {
      sd_store_bind_text (stmt, 16, sd_party_to_string (c->by));
      sd_store_bind_text (stmt, 17, sd_cancel_reason_to_string (c->reason));
      sd_store_bind_text (stmt, 18, c->note);
      sd_store_bind_text (stmt, 19, sd_refund_choice_to_string (c->refund));
      sqlite3_bind_int64 (stmt, 20, c->refund_cents);
      sqlite3_bind_int64 (stmt, 21, c->at);
    }
  sd_store_bind_text (stmt, 22, starts);
  return sd_store_step_done (self, stmt, error);
}

/* How the marketplace knows a row: its remote id, or sd-json's local form ("stf_local_3")
 * until it has one; the sync engine swaps local forms for remote ids when it sends. */
char *
sd_store_reference_locked (SdStore *self, const char *table, const char *prefix, gint64 id)
{
  char *remote = sd_store_remote_id_locked (self, table, id);

  return remote != NULL ? remote : sd_json_local_id (prefix, id);
}

/* ---- Clients ---- */

/* The phone's digits as words for the search index: all of them, then each tail that
 * starts at a separator, so "+39 333 1234567" is found by "393331234567", "3331234567"
 * and "1234567". */
char *
sd_store_phone_digits (const char *phone)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean after_separator = FALSE;

  if (phone == NULL)
    return NULL;
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (after_separator && all->len > 0)
            g_array_append_val (cuts, all->len);
          after_separator = FALSE;
          g_string_append_c (all, *p);
        }
      else
        after_separator = TRUE;
    }
  if (all->len == 0)
    return NULL;
  g_string_append (words, all->str);
  for (guint i = 0; i < cuts->len; i++)
    g_string_append_printf (words, " %s", all->str + g_array_index (cuts, guint, i));
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static gint64
lookup_client (SdStore *self, const char *sql, const char *key)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, sql, NULL);

  if (stmt == NULL)
    return 0;
  sd_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* A client is the same person when the e-mail matches, else the phone. */
gint64
sd_store_find_or_add_client (SdStore *self, const char *name, const char *phone,
                             const char *email, GError **error)
{
  g_autofree char *digits = sd_store_phone_digits (phone);
  g_autoptr(SdStmt) stmt = NULL;
  gint64 id = 0;

  if (email != NULL && *email != '\0')
    id = lookup_client (self, "SELECT id FROM clients WHERE email = ? LIMIT 1", email);
  if (id == 0 && digits != NULL)
    id = lookup_client (self, "SELECT id FROM clients WHERE phone_digits = ? LIMIT 1", digits);
  if (id != 0)
    return id;

  stmt = sd_store_stmt (self, "INSERT INTO clients (name, email, phone, phone_digits)"
                              " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sd_store_bind_text (stmt, 1, name);
  sd_store_bind_text (stmt, 2, email != NULL && *email != '\0' ? email : NULL);
  sd_store_bind_text (stmt, 3, phone != NULL && *phone != '\0' ? phone : NULL);
  sd_store_bind_text (stmt, 4, digits);
  if (!sd_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/* ---- Creating appointments ---- */

static char *
create_payload (SdStore *self, SdAppointment *a, gboolean allow_overlap)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *start = sd_store_format_time (self, sd_appointment_get_start (a));
  g_autofree char *staff = sd_store_reference_locked (self, "staff", "stf",
                                                      sd_appointment_get_staff_id (a));
  g_autofree char *service = sd_store_reference_locked (self, "services", "svc",
                                                        sd_appointment_get_service_id (a));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "start");
  json_builder_add_string_value (b, start);
  json_builder_set_member_name (b, "staff_id");
  json_builder_add_string_value (b, staff);
  json_builder_set_member_name (b, "service_id");
  json_builder_add_string_value (b, service);
  json_builder_set_member_name (b, "client");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, sd_appointment_get_client_name (a));
  json_builder_set_member_name (b, "email");
  json_builder_add_string_value (b, sd_appointment_get_client_email (a));
  json_builder_set_member_name (b, "phone");
  json_builder_add_string_value (b, sd_appointment_get_client_phone (a));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "allow_overlap");
  json_builder_add_boolean_value (b, allow_overlap);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static gboolean
load_service (SdStore *self, gint64 service_id, int *duration_min, gint64 *price,
              char **name, char **currency, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT duration_min, price_cents, name,"
                                                " currency FROM services WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, service_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *duration_min = sqlite3_column_int (stmt, 0);
      *price = sqlite3_column_int64 (stmt, 1);
      *name = g_strdup (sd_store_column_text (stmt, 2));
      *currency = g_strdup (sd_store_column_text (stmt, 3));
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                 _("There is no service number %lld."), (long long) service_id);
  else
    sd_store_set_error (self, rc, error);
  return FALSE;
}

static gboolean
staff_exists (SdStore *self, gint64 staff_id, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT name FROM staff WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                 _("There is no staff member number %lld."), (long long) staff_id);
  else
    sd_store_set_error (self, rc, error);
  return FALSE;
}

/* The other appointments of @staff_id around [start, end), for sd_overlap_check(). */
GPtrArray *
sd_store_neighbours_locked (SdStore *self, gint64 staff_id, gint64 start, gint64 end,
                            GError **error)
{
  SdQuery query;

  sd_query_init (&query, start, end);
  query.staff_id = staff_id;
  return sd_store_list_appointments_locked (self, &query, error);
}

/* Inside a transaction. Returns the new id, 0 on error. */
static gint64
create_locked (SdStore *self, const SdNewAppointment *spec, GError **error)
{
  g_autoptr(SdAppointment) a = sd_appointment_new ();
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *service_name = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *payload = NULL;
  gint64 now = sd_store_now (self);
  gint64 price = 0, client_id, id;
  int duration = 0;

  if (sd_store_is_blank (spec->client_name))
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("An appointment needs the client’s name."));
      return 0;
    }
  if (spec->state != SD_STATE_REQUESTED && spec->state != SD_STATE_CONFIRMED)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("A new appointment is either a request or a confirmed booking."));
      return 0;
    }
  if (!staff_exists (self, spec->staff_id, error) ||
      !load_service (self, spec->service_id, &duration, &price, &service_name, &currency, error))
    return 0;

  sd_appointment_set_state (a, spec->state);
  sd_appointment_set_start (a, spec->start);
  sd_appointment_set_end (a, spec->start + (gint64) duration * 60);
  sd_appointment_set_staff_id (a, spec->staff_id);
  sd_appointment_set_service_id (a, spec->service_id);
  sd_appointment_set_service_name (a, service_name);
  sd_appointment_set_client_name (a, spec->client_name);
  sd_appointment_set_client_email (a, spec->client_email);
  sd_appointment_set_client_phone (a, spec->client_phone);

  /* A new booking must be in the future, like a reschedule's new time. */
  if (!sd_lifecycle_check_reschedule (sd_appointment_get_start (a), sd_appointment_get_end (a),
                                      now, error))
    return 0;
  others = sd_store_neighbours_locked (self, spec->staff_id, sd_appointment_get_start (a),
                                       sd_appointment_get_end (a), error);
  if (others == NULL ||
      !sd_overlap_check_in_zone (a, others, spec->allow_overlap,
                                 sd_salon_get_timezone (self->salon), NULL, error))
    return 0;

  client_id = sd_store_find_or_add_client (self, spec->client_name, spec->client_phone,
                                           spec->client_email, error);
  if (client_id == 0)
    return 0;

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self,
      "INSERT INTO appointments (state, start, end, staff_id, service_id, client_id,"
      " price_cents, currency, payment_mode, amount_cents, phone_revealed, created_at,"
      " confirm_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

    if (stmt == NULL)
      return 0;
    sd_store_bind_text (stmt, 1, sd_state_to_string (spec->state));
    sqlite3_bind_int64 (stmt, 2, sd_appointment_get_start (a));
    sqlite3_bind_int64 (stmt, 3, sd_appointment_get_end (a));
    sqlite3_bind_int64 (stmt, 4, spec->staff_id);
    sqlite3_bind_int64 (stmt, 5, spec->service_id);
    sqlite3_bind_int64 (stmt, 6, client_id);
    sqlite3_bind_int64 (stmt, 7, price);
    sd_store_bind_text (stmt, 8, currency);
    sd_store_bind_text (stmt, 9, sd_payment_mode_to_string (spec->payment));
    sqlite3_bind_int64 (stmt, 10, price);
    /* The desk took the booking itself, so it knows the phone; a request's phone is
     * revealed by accepting or answering "unavailable". */
    sqlite3_bind_int (stmt, 11, spec->state == SD_STATE_CONFIRMED);
    sqlite3_bind_int64 (stmt, 12, now);
    sqlite3_bind_int64 (stmt, 13, spec->state == SD_STATE_REQUESTED
                                    ? sd_deadline_confirm_by (self->salon, now) : 0);
    sqlite3_bind_int64 (stmt, 14, now);
    if (!sd_store_step_done (self, stmt, error))
      return 0;
    id = sqlite3_last_insert_rowid (self->db);
  }

  if (!sd_store_write_history (self, id, "create", spec->state == SD_STATE_REQUESTED
                                                     ? SD_PARTY_CLIENT : SD_PARTY_SALON,
                               spec->state, spec->state, NULL, 0, NULL, error))
    return 0;

  /* A request comes from the marketplace, which knows it already; a desk booking must be
   * sent to it. */
  if (spec->state == SD_STATE_CONFIRMED)
    {
      payload = create_payload (self, a, spec->allow_overlap);
      if (!sd_store_write_outbox (self, id, 0, "create", "/v1/appointments", payload, 0, 0,
                                  error))
        return 0;
    }
  return id;
}

SdAppointment *
sd_store_create_appointment (SdStore *self, const SdNewAppointment *spec, GError **error)
{
  gint64 id = 0;

  if (!sd_store_create_appointments (self, spec, 1, &id, error))
    return NULL;
  return sd_store_get_appointment (self, id, error);
}

gboolean
sd_store_create_appointments (SdStore *self, const SdNewAppointment *specs, guint n,
                              gint64 *ids_out, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (specs != NULL || n == 0, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error) || !sd_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gint64 id = create_locked (self, &specs[i], error);

      if (id == 0)
        {
          sd_store_rollback (self);
          return FALSE;
        }
      if (ids_out != NULL)
        ids_out[i] = id;
    }
  return sd_store_commit (self, error);
}

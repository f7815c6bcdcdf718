/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-perform.c — applying an action to an appointment. The core decides
 * (sd_lifecycle_check, sd_refund_*, sd_overlap_check, sd_deadline_*); this file only
 * writes what it decided: the appointment, a history row and an outbox row, in one
 * transaction.
 *
 * Actions that the marketplace itself reports (expire, resolve_complaint, and complaints
 * opened by the client) get no outbox row: the marketplace already knows. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sd-deadline.h"
#include "sd-json.h"
#include "sd-lifecycle.h"
#include "sd-overlap.h"
#include "sd-policy-error.h"
#include "sd-refund.h"
#include "sd-store-private.h"

#define ENDPOINT_ACTION(name) "/v1/appointments/{appointment}/" name

void
sd_action_request_init (SdActionRequest *request, SdAction action)
{
  g_return_if_fail (request != NULL);

  *request = (SdActionRequest) {
    .action = action,
    .by = SD_PARTY_SALON,
    .reason = SD_CANCEL_REASON_OTHER,
    .refund = SD_REFUND_CHOICE_NONE,
    .deadline_kind = SD_DEADLINE_HOURS_24,
    .outcome = SD_OUTCOME_NONE,
  };
}

/* What one action writes besides the appointment. */
typedef struct
{
  const char *event;       /* history event; NULL = the action's name */
  SdParty by;
  char *detail;
  gint64 amount_cents;
  char *snapshot;
  const char *outbox_action;  /* NULL = no outbox row */
  const char *endpoint;
  JsonBuilder *payload;
  gint64 complaint_id;
  gint64 not_before;
} Effects;

static void
effects_clear (Effects *fx)
{
  g_free (fx->detail);
  g_free (fx->snapshot);
  g_clear_object (&fx->payload);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Effects, effects_clear)

static JsonBuilder *
payload_begin (Effects *fx, const char *outbox_action, const char *endpoint)
{
  fx->outbox_action = outbox_action;
  fx->endpoint = endpoint;
  fx->payload = json_builder_new ();
  json_builder_begin_object (fx->payload);
  return fx->payload;
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_time (SdStore *self, JsonBuilder *b, const char *name, gint64 instant)
{
  g_autofree char *text = sd_store_format_time (self, instant);

  add_string (b, name, text);
}

static gboolean
refuse (GError **error, SdPolicyError code, const char *message)
{
  g_set_error_literal (error, SD_POLICY_ERROR, code, message);
  return FALSE;
}

static gboolean
check_overlap (SdStore *self, SdAppointment *candidate, gboolean allow, GError **error)
{
  g_autoptr(GPtrArray) others = NULL;

  others = sd_store_neighbours_locked (self, sd_appointment_get_staff_id (candidate),
                                       sd_appointment_get_start (candidate),
                                       sd_appointment_get_end (candidate), error);
  if (others == NULL)
    return FALSE;
  return sd_overlap_check_in_zone (candidate, others, allow,
                                   sd_salon_get_timezone (self->salon), NULL, error);
}

static gboolean
do_accept (SdStore *self, SdAppointment *a, const SdActionRequest *req, gint64 now,
           Effects *fx, GError **error)
{
  if (!check_overlap (self, a, req->allow_overlap, error))
    return FALSE;
  sd_appointment_set_phone_revealed (a, TRUE);
  payload_begin (fx, "confirm", ENDPOINT_ACTION ("confirm"));
  /* Atriums: confirming posts a system message into the appointment's chat. */
  return sd_store_write_message (self, sd_appointment_get_id (a), SD_PARTY_SYSTEM,
                                 _("The salon confirmed the appointment."), now, error);
}

static gboolean
do_unavailable (SdStore *self, SdAppointment *a, const SdActionRequest *req, gint64 now,
                Effects *fx, GError **error)
{
  gint64 duration = sd_appointment_get_end (a) - sd_appointment_get_start (a);
  JsonBuilder *b;

  if (req->n_proposed_starts < 1 || req->n_proposed_starts > 3 || req->proposed_starts == NULL)
    return refuse (error, SD_POLICY_ERROR_VALIDATION,
                   _("Propose between one and three other start times."));
  for (guint i = 0; i < req->n_proposed_starts; i++)
    if (!sd_lifecycle_check_reschedule (req->proposed_starts[i],
                                        req->proposed_starts[i] + duration, now, error))
      return FALSE;

  sd_appointment_set_proposed_starts (a, req->proposed_starts, req->n_proposed_starts);
  /* Answering "unavailable" reveals the client's phone, so the desk can call. */
  sd_appointment_set_phone_revealed (a, TRUE);
  b = payload_begin (fx, "unavailable", ENDPOINT_ACTION ("unavailable"));
  json_builder_set_member_name (b, "proposed_starts");
  json_builder_begin_array (b);
  for (guint i = 0; i < req->n_proposed_starts; i++)
    {
      g_autofree char *text = sd_store_format_time (self, req->proposed_starts[i]);
      json_builder_add_string_value (b, text);
    }
  json_builder_end_array (b);
  return TRUE;
}

static gboolean
do_reschedule (SdStore *self, SdAppointment *a, const SdActionRequest *req, gint64 now,
               Effects *fx, GError **error)
{
  gint64 duration = sd_appointment_get_end (a) - sd_appointment_get_start (a);
  gint64 staff_id = req->new_staff_id != 0 ? req->new_staff_id : sd_appointment_get_staff_id (a);
  g_autofree char *staff = NULL;
  JsonBuilder *b;

  if (!sd_lifecycle_check_reschedule (req->new_start, req->new_start + duration, now, error))
    return FALSE;
  if (staff_id != sd_appointment_get_staff_id (a))
    {
      g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT 1 FROM staff WHERE id = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, staff_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                       _("There is no staff member number %lld."), (long long) staff_id);
          return FALSE;
        }
    }

  fx->detail = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                sd_appointment_get_start (a), sd_appointment_get_staff_id (a));
  sd_appointment_set_start (a, req->new_start);
  sd_appointment_set_end (a, req->new_start + duration);
  sd_appointment_set_staff_id (a, staff_id);
  if (!check_overlap (self, a, req->allow_overlap, error))
    return FALSE;

  b = payload_begin (fx, "reschedule", ENDPOINT_ACTION ("reschedule"));
  add_time (self, b, "start", req->new_start);
  add_time (self, b, "end", req->new_start + duration);
  staff = sd_store_reference_locked (self, "staff", "stf", staff_id);
  add_string (b, "staff_id", staff);
  return TRUE;
}

static gboolean
do_cancel (SdStore *self, SdAppointment *a, const SdActionRequest *req, gint64 now,
           Effects *fx, GError **error)
{
  const SdSalonSettings *settings = sd_salon_get_settings (self->salon);
  SdRefundDecision decision;
  SdCancellation c = { 0 };
  gint64 refund = 0;
  g_autoptr(JsonBuilder) snap = json_builder_new ();
  g_autoptr(JsonNode) snap_root = NULL;
  JsonBuilder *b;

  if (req->by != SD_PARTY_SALON && req->by != SD_PARTY_CLIENT)
    return refuse (error, SD_POLICY_ERROR_VALIDATION,
                   _("A cancellation is made by the salon or by the client."));
  sd_refund_decide (sd_appointment_get_payment_mode (a), req->by, sd_appointment_get_start (a),
                    now, (gint64) settings->free_cancel_hours * 3600,
                    sd_appointment_get_refundable_cents (a), &decision);
  if (!sd_refund_resolve (&decision, req->refund, &refund, error))
    return FALSE;

  /* What undo_cancel puts back: everything the cancellation changes. */
  json_builder_begin_object (snap);
  add_string (snap, "state", sd_state_to_string (sd_appointment_get_state (a)));
  json_builder_set_member_name (snap, "refunded_cents");
  json_builder_add_int_value (snap, sd_appointment_get_refunded_cents (a));
  json_builder_set_member_name (snap, "updated_at");
  json_builder_add_int_value (snap, sd_appointment_get_updated_at (a));
  json_builder_end_object (snap);
  snap_root = json_builder_get_root (snap);
  fx->snapshot = json_to_string (snap_root, FALSE);

  c.by = req->by;
  c.reason = req->reason;
  c.note = (char *) req->text;
  c.refund = refund > 0 ? SD_REFUND_CHOICE_FULL : SD_REFUND_CHOICE_NONE;
  c.refund_cents = refund;
  c.at = now;
  sd_appointment_set_cancellation (a, &c);
  sd_appointment_set_refunded_cents (a, sd_appointment_get_refunded_cents (a) + refund);
  fx->by = req->by;
  fx->amount_cents = refund;
  fx->detail = g_strdup (req->text);
  /* Held for the undo window: until it is sent, the cancellation can be undone. */
  fx->not_before = now + settings->undo_seconds;

  b = payload_begin (fx, "cancel", ENDPOINT_ACTION ("cancel"));
  add_string (b, "by", sd_party_to_string (req->by));
  add_string (b, "reason", sd_cancel_reason_to_string (req->reason));
  add_string (b, "note", req->text);
  add_string (b, "refund", sd_refund_choice_to_string (c.refund));
  return TRUE;
}

static gboolean
do_undo_cancel (SdStore *self, SdAppointment *a, SdState *next, Effects *fx, GError **error)
{
  g_autoptr(SdStmt) stmt = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SdStmt) drop = NULL;
  JsonObject *snap;
  SdState before = SD_STATE_CONFIRMED;
  gint64 outbox_id;
  int rc;

  /* The cancellation's history row holds what it changed, and the outbox row that would
   * tell the marketplace. Once that row is sent (or being sent), it is too late. */
  stmt = sd_store_stmt (self,
    "SELECT h.snapshot, o.id, o.state, o.attempts FROM history h"
    " LEFT JOIN outbox o ON o.appointment_id = h.appointment_id AND o.action = 'cancel'"
    "  AND o.id = (SELECT max(id) FROM outbox WHERE appointment_id = h.appointment_id"
    "              AND action = 'cancel')"
    " WHERE h.appointment_id = ? AND h.event = 'cancel' ORDER BY h.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sd_appointment_get_id (a));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return FALSE;
    }
  if (rc == SQLITE_DONE || sqlite3_column_type (stmt, 0) == SQLITE_NULL ||
      sqlite3_column_type (stmt, 1) == SQLITE_NULL ||
      g_strcmp0 (sd_store_column_text (stmt, 2), "pending") != 0 ||
      sqlite3_column_int (stmt, 3) > 0)
    return refuse (error, SD_POLICY_ERROR_DEADLINE_PASSED,
                   _("Too late: the cancellation has already been sent to the marketplace, "
                     "so it can no longer be undone."));

  if (!json_parser_load_from_data (parser, sd_store_column_text (stmt, 0), -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return refuse (error, SD_POLICY_ERROR_VALIDATION,
                   _("This cancellation cannot be undone: what it changed was not recorded."));
  snap = json_node_get_object (json_parser_get_root (parser));
  sd_state_from_string (json_object_get_string_member_with_default (snap, "state", NULL),
                        &before);
  outbox_id = sqlite3_column_int64 (stmt, 1);

  drop = sd_store_stmt (self, "DELETE FROM outbox WHERE id = ?", error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, outbox_id);
  if (!sd_store_step_done (self, drop, error))
    return FALSE;

  *next = sd_lifecycle_next (sd_appointment_get_state (a), SD_ACTION_UNDO_CANCEL, before);
  fx->amount_cents = -(sd_appointment_get_refunded_cents (a)
                       - json_object_get_int_member_with_default (snap, "refunded_cents", 0));
  sd_appointment_set_cancellation (a, NULL);
  sd_appointment_set_refunded_cents (a, json_object_get_int_member_with_default (snap,
                                                                                 "refunded_cents", 0));
  sd_appointment_set_updated_at (a, json_object_get_int_member_with_default (snap, "updated_at",
                                                                             0));
  return TRUE;
}

static gboolean
do_open_complaint (SdStore *self, SdAppointment *a, const SdActionRequest *req, gint64 now,
                   Effects *fx, GError **error)
{
  g_autoptr(SdStmt) stmt = NULL;
  gint64 reply_by = 0, complaint_id;
  gboolean by_client = req->by == SD_PARTY_CLIENT;
  g_autofree char *appointment_ref = NULL;
  JsonBuilder *b;

  if (req->by != SD_PARTY_SALON && req->by != SD_PARTY_CLIENT)
    return refuse (error, SD_POLICY_ERROR_VALIDATION,
                   _("A complaint is opened by the salon or by the client."));
  if (sd_store_is_blank (req->text))
    return refuse (error, SD_POLICY_ERROR_VALIDATION,
                   _("A complaint needs its reasons."));
  if (req->refund_requested_cents < 0 ||
      req->refund_requested_cents > sd_appointment_get_amount_cents (a))
    return refuse (error, SD_POLICY_ERROR_VALIDATION,
                   _("The refund asked for must be between nothing and what was paid."));

  /* The salon must answer a client's complaint by its deadline; one the salon opens
   * goes to the marketplace staff. */
  if (by_client)
    reply_by = sd_deadline_complaint_reply_by (self->salon, req->deadline_kind, now);

  stmt = sd_store_stmt (self,
    "INSERT INTO complaints (appointment_id, opened_by, opened_at, reason,"
    " refund_requested_cents, deadline_kind, reply_by, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sd_appointment_get_id (a));
  sd_store_bind_text (stmt, 2, sd_party_to_string (req->by));
  sqlite3_bind_int64 (stmt, 3, now);
  sd_store_bind_text (stmt, 4, req->text);
  sqlite3_bind_int64 (stmt, 5, req->refund_requested_cents);
  sd_store_bind_text (stmt, 6, sd_deadline_kind_to_string (req->deadline_kind));
  sqlite3_bind_int64 (stmt, 7, reply_by);
  sd_store_bind_text (stmt, 8, sd_complaint_status_to_string (by_client
                                                              ? SD_COMPLAINT_AWAITING_REPLY
                                                              : SD_COMPLAINT_UNDER_REVIEW));
  if (!sd_store_step_done (self, stmt, error))
    return FALSE;
  complaint_id = sqlite3_last_insert_rowid (self->db);

  sd_appointment_set_state_before_dispute (a, sd_appointment_get_state (a));
  sd_appointment_set_complaint_id (a, complaint_id);
  fx->by = req->by;
  fx->detail = g_strdup (req->text);
  fx->amount_cents = req->refund_requested_cents;
  fx->complaint_id = complaint_id;
  if (by_client)
    return TRUE;

  appointment_ref = sd_store_reference_locked (self, "appointments", "apt",
                                               sd_appointment_get_id (a));
  b = payload_begin (fx, "open_complaint", "/v1/complaints");
  add_string (b, "appointment_id", appointment_ref);
  add_string (b, "reason", req->text);
  json_builder_set_member_name (b, "refund_requested_cents");
  json_builder_add_int_value (b, req->refund_requested_cents);
  return TRUE;
}

static gboolean
do_resolve_complaint (SdStore *self, SdAppointment *a, const SdActionRequest *req, gint64 now,
                      Effects *fx, GError **error)
{
  g_autoptr(SdStmt) stmt = NULL;
  gint64 refund = 0;

  if (sd_appointment_get_complaint_id (a) == 0)
    return refuse (error, SD_POLICY_ERROR_NOT_FOUND, _("There is no complaint to resolve."));
  if (req->outcome == SD_OUTCOME_REFUND_FULL)
    refund = sd_appointment_get_refundable_cents (a);
  else if (req->outcome == SD_OUTCOME_REFUND_PARTIAL)
    refund = CLAMP (req->outcome_amount_cents, 0, sd_appointment_get_refundable_cents (a));

  stmt = sd_store_stmt (self, "UPDATE complaints SET status = 'resolved', outcome = ?,"
                              " outcome_amount_cents = ?, outcome_note = ?, resolved_at = ?"
                              " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sd_store_bind_text (stmt, 1, sd_outcome_to_string (req->outcome));
  sqlite3_bind_int64 (stmt, 2, refund);
  sd_store_bind_text (stmt, 3, req->text);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, sd_appointment_get_complaint_id (a));
  if (!sd_store_step_done (self, stmt, error))
    return FALSE;

  sd_appointment_set_refunded_cents (a, sd_appointment_get_refunded_cents (a) + refund);
  fx->by = SD_PARTY_STAFF;
  fx->detail = g_strdup (sd_outcome_to_string (req->outcome));
  fx->amount_cents = refund;
  fx->complaint_id = sd_appointment_get_complaint_id (a);
  return TRUE;
}

static gboolean
do_message (SdStore *self, SdAppointment *a, const SdActionRequest *req, gint64 now,
            Effects *fx, GError **error)
{
  JsonBuilder *b;

  if (sd_store_is_blank (req->text))
    return refuse (error, SD_POLICY_ERROR_VALIDATION, _("The message is empty."));
  if (!sd_store_write_message (self, sd_appointment_get_id (a), SD_PARTY_SALON, req->text, now,
                               error))
    return FALSE;
  fx->detail = g_strdup (req->text);
  b = payload_begin (fx, "message", ENDPOINT_ACTION ("messages"));
  add_string (b, "body", req->text);
  return TRUE;
}

/* Inside a transaction: checks, then writes appointment + history + outbox. */
static gboolean
perform_locked (SdStore *self, gint64 id, const SdActionRequest *req, GError **error)
{
  g_autoptr(SdAppointment) a = NULL;
  g_auto(Effects) fx = { .by = SD_PARTY_SALON };
  gint64 now = sd_store_now (self);
  SdState from, next;
  gboolean ok = TRUE;
  JsonBuilder *b;

  a = sd_store_get_appointment_locked (self, id, error);
  if (a == NULL)
    return FALSE;
  from = sd_appointment_get_state (a);

  if (req->action == SD_ACTION_CANCEL)
    ok = sd_lifecycle_check_by (a, req->action, req->by, self->salon, now, error);
  else
    ok = sd_lifecycle_check (a, req->action, self->salon, now, error);
  if (!ok)
    return FALSE;
  next = sd_lifecycle_next_state (a, req->action);

  switch (req->action)
    {
    case SD_ACTION_ACCEPT:
      ok = do_accept (self, a, req, now, &fx, error);
      break;
    case SD_ACTION_DECLINE:
      fx.detail = g_strdup (req->text);
      b = payload_begin (&fx, "decline", ENDPOINT_ACTION ("decline"));
      add_string (b, "reason", req->text != NULL ? req->text : "");
      break;
    case SD_ACTION_UNAVAILABLE:
      ok = do_unavailable (self, a, req, now, &fx, error);
      break;
    case SD_ACTION_RESCHEDULE:
      ok = do_reschedule (self, a, req, now, &fx, error);
      break;
    case SD_ACTION_CANCEL:
      ok = do_cancel (self, a, req, now, &fx, error);
      break;
    case SD_ACTION_UNDO_CANCEL:
      ok = do_undo_cancel (self, a, &next, &fx, error);
      break;
    case SD_ACTION_CHECK_IN:
      sd_appointment_set_checked_in_at (a, now);
      payload_begin (&fx, "check-in", ENDPOINT_ACTION ("check-in"));
      break;
    case SD_ACTION_CHECK_OUT:
      sd_appointment_set_checked_out_at (a, now);
      /* Atriums: check-out closes the appointment and asks the client for a review. */
      sd_appointment_set_review_requested (a, TRUE);
      payload_begin (&fx, "check-out", ENDPOINT_ACTION ("check-out"));
      break;
    case SD_ACTION_NO_SHOW:
      payload_begin (&fx, "no-show", ENDPOINT_ACTION ("no-show"));
      break;
    case SD_ACTION_EXPIRE:
      fx.by = SD_PARTY_SYSTEM;
      break;
    case SD_ACTION_OPEN_COMPLAINT:
      ok = do_open_complaint (self, a, req, now, &fx, error);
      break;
    case SD_ACTION_RESOLVE_COMPLAINT:
      ok = do_resolve_complaint (self, a, req, now, &fx, error);
      break;
    case SD_ACTION_MESSAGE:
      ok = do_message (self, a, req, now, &fx, error);
      break;
    case SD_N_ACTIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!ok)
    return FALSE;

  sd_appointment_set_state (a, next);
  if (req->action != SD_ACTION_UNDO_CANCEL && req->action != SD_ACTION_MESSAGE)
    sd_appointment_set_updated_at (a, now);
  if (!sd_store_update_appointment (self, a, error) ||
      !sd_store_write_history (self, id, fx.event ? fx.event : sd_action_to_string (req->action),
                               fx.by, from, next, fx.detail, fx.amount_cents, fx.snapshot, error))
    return FALSE;

  if (fx.outbox_action != NULL)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *payload = NULL;

      json_builder_end_object (fx.payload);
      root = json_builder_get_root (fx.payload);
      payload = json_to_string (root, FALSE);
      if (!sd_store_write_outbox (self, id, fx.complaint_id, fx.outbox_action, fx.endpoint,
                                  payload, sd_appointment_get_version (a), fx.not_before, error))
        return FALSE;
    }
  return TRUE;
}

SdAppointment *
sd_store_perform (SdStore *self, gint64 appointment_id, const SdActionRequest *request,
                  GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail ((guint) request->action < SD_N_ACTIONS, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error) || !sd_store_begin (self, error))
    return NULL;
  if (!perform_locked (self, appointment_id, request, error))
    {
      sd_store_rollback (self);
      return NULL;
    }
  if (!sd_store_commit (self, error))
    return NULL;
  return sd_store_get_appointment_locked (self, appointment_id, error);
}

/* ---- The clock's own changes ---- */

static gboolean
expire_requests_locked (SdStore *self, gint64 now, guint *changed, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  {
    /* The index narrows the candidates; the core says which deadlines have passed. */
    g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT id FROM appointments"
                                                  " WHERE state = 'requested' AND confirm_by <= ?"
                                                  " ORDER BY confirm_by", error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, now);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
    if (rc != SQLITE_DONE)
      {
        sd_store_set_error (self, rc, error);
        return FALSE;
      }
  }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SdAppointment) a = sd_store_get_appointment_locked (self,
                                                                    g_array_index (ids, gint64, i),
                                                                    error);
      if (a == NULL)
        return FALSE;
      if (!sd_lifecycle_check (a, SD_ACTION_EXPIRE, self->salon, now, NULL))
        continue;
      sd_appointment_set_state (a, sd_lifecycle_next_state (a, SD_ACTION_EXPIRE));
      sd_appointment_set_updated_at (a, now);
      if (!sd_store_update_appointment (self, a, error) ||
          !sd_store_write_history (self, sd_appointment_get_id (a), "expire", SD_PARTY_SYSTEM,
                                   SD_STATE_REQUESTED, sd_appointment_get_state (a), NULL, 0,
                                   NULL, error))
        return FALSE;
      (*changed)++;
    }
  return TRUE;
}

static gboolean
miss_complaints_locked (SdStore *self, gint64 now, guint *changed, GError **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 3);

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self,
      "SELECT cm.id, cm.appointment_id, cm.reply_by, a.state FROM complaints cm"
      " JOIN appointments a ON a.id = cm.appointment_id"
      " WHERE cm.status = 'awaiting_reply' AND cm.reply_by > 0 AND cm.reply_by <= ?", error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, now);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 row[3] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                          sqlite3_column_int64 (stmt, 2) };
        if (sd_deadline_passed (row[2], now))
          g_array_append_vals (rows, row, 1);
      }
    if (rc != SQLITE_DONE)
      {
        sd_store_set_error (self, rc, error);
        return FALSE;
      }
  }

  for (guint i = 0; i < rows->len; i++)
    {
      const gint64 *row = (const gint64 *) (rows->data + i * sizeof (gint64) * 3);
      g_autoptr(SdStmt) stmt = sd_store_stmt (self, "UPDATE complaints SET status = 'missed'"
                                                    " WHERE id = ?", error);
      g_autoptr(SdAppointment) a = NULL;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row[0]);
      if (!sd_store_step_done (self, stmt, error))
        return FALSE;
      a = sd_store_get_appointment_locked (self, row[1], error);
      if (a == NULL ||
          !sd_store_write_history (self, row[1], "miss_complaint", SD_PARTY_SYSTEM,
                                   sd_appointment_get_state (a), sd_appointment_get_state (a),
                                   NULL, 0, NULL, error))
        return FALSE;
      (*changed)++;
    }
  return TRUE;
}

guint
sd_store_apply_deadlines (SdStore *self, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gint64 now;
  guint changed = 0;

  g_return_val_if_fail (SD_IS_STORE (self), 0);

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error) || !sd_store_begin (self, error))
    return 0;
  now = sd_store_now (self);
  if (!expire_requests_locked (self, now, &changed, error) ||
      !miss_complaints_locked (self, now, &changed, error))
    {
      sd_store_rollback (self);
      return 0;
    }
  if (!sd_store_commit (self, error))
    return 0;
  return changed;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-sync-outbox.c — the outbox's life after a row is written: the next row due, the
 * request it becomes, and what the marketplace's answer does to it (sent, retried, refused,
 * conflicting); and the complaint files that travel the other way (downloaded). */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-complaint.h"
#include "sd-store-private.h"
#include "sd-store-sync.h"
#include "sd-store-sync-private.h"

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
                 _("There is no outbox entry number %lld."), (long long) outbox_id);
  else
    sd_store_set_error (self, rc, error);
  return FALSE;
}

static gboolean
set_outbox_state (SdStore *self, gint64 outbox_id, const char *state, const char *error_text,
                  GError **error)
{
  return sync_run (self, "UPDATE outbox SET state = ?1, last_error = ?2,"
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
      if (remote_id != NULL && sync_local_id (self, "appointments", remote_id) == 0 &&
          !sync_run (self,
                     "UPDATE appointments SET remote_id = ? WHERE id = ? AND remote_id IS NULL",
                     error, "si", remote_id, row.appointment_id))
        return FALSE;
      if (!sync_apply_appointment (self, a, &answer->refs, FALSE, &id, &applied, error))
        return FALSE;
      /* The desk's later actions on it were made on top of this one. */
      if (!sync_run (self, "UPDATE outbox SET base_version = ? WHERE appointment_id = ?"
                           " AND state = 'pending' AND id > ?", error, "iii",
                     sd_appointment_get_version (a), row.appointment_id, outbox_id))
        return FALSE;
    }
  else if (answer != NULL && answer->kind == SD_REMOTE_COMPLAINT)
    {
      SdComplaint *c = SD_COMPLAINT (answer->resource);

      if (row.complaint_id != 0 &&
          sync_local_id (self, "complaints", sd_complaint_get_remote_id (c)) == 0 &&
          !sync_run (self, "UPDATE complaints SET remote_id = ? WHERE id = ? AND remote_id IS NULL",
                     error, "si", sd_complaint_get_remote_id (c), row.complaint_id))
        return FALSE;
      if (!sync_apply_complaint (self, c, &answer->refs, &applied, error))
        return FALSE;
    }
  else if (answer != NULL && !sync_apply_one (self, answer, FALSE, NULL, &applied, error))
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
  return sync_run (self,
                   "UPDATE outbox SET last_error = ? WHERE id = ? AND state = 'pending'", error,
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
      return sync_run (self, "UPDATE appointments SET state = 'cancelled', cancel_by = 'salon',"
                             " cancel_reason = 'other', cancel_refund = 'none',"
                             " cancel_refund_cents = 0, cancel_at = ? WHERE id = ?", error, "ii",
                       sd_store_now (self), row->appointment_id);
    }
  if (g_strcmp0 (row->action, "comment") == 0)
    {
      /* Nothing to put back: the comment stays in the desk's copy of the complaint; the
       * history says it did not reach the marketplace. */
      g_autoptr(SdStmt) state = sd_store_stmt (self, "SELECT state FROM appointments WHERE id = ?",
                                               error);

      if (state == NULL)
        return FALSE;
      sqlite3_bind_int64 (state, 1, row->appointment_id);
      if (sqlite3_step (state) == SQLITE_ROW &&
          sd_state_from_string (sd_store_column_text (state, 0), &from))
        *from_out = *to_out = from;
      return TRUE;
    }
  if (g_strcmp0 (row->action, "message") == 0)
    {
      g_autoptr(JsonNode) payload = json_from_string (row->payload, NULL);
      const char *body = NULL;

      if (payload != NULL && JSON_NODE_HOLDS_OBJECT (payload))
        body = json_object_get_string_member_with_default (json_node_get_object (payload),
                                                           "body", NULL);
      return sync_run (self, "DELETE FROM messages WHERE id = (SELECT id FROM messages WHERE"
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
    return sync_run (self,
                     "UPDATE appointments SET state = ?, cancel_by = NULL, cancel_reason = NULL,"
                     " cancel_note = NULL, cancel_refund = NULL, cancel_refund_cents = NULL,"
                     " cancel_at = NULL, refunded_cents = CASE WHEN ?2 < 0 THEN refunded_cents"
                     " ELSE ?2 END, updated_at = CASE WHEN ?3 = 0 THEN updated_at ELSE ?3 END"
                     " WHERE id = ? AND state = ?", error, "siiis",
                     sd_state_to_string (from), refunded, updated_at, row->appointment_id,
                     sd_state_to_string (to));
  return sync_run (self,
                   "UPDATE appointments SET state = ? WHERE id = ? AND state = ?", error, "sis",
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
  sync_find_appointment (self, sd_appointment_get_remote_id (a), &before);
  if (before.id == 0)
    before.state = sd_appointment_get_state (a);
  /* The marketplace's version wins: the desk's action is not sent over it. */
  if (!sync_apply_appointment (self, a, &current->refs, TRUE, &id, &applied, error))
    goto fail;
  detail = describe_conflict (self, a, row.action);
  if (!sd_store_write_history (self, id, "conflict", sync_change_author (a), before.state,
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

/* ---- Files received ---- */

/* A name of the marketplace's made safe for this folder: no folders, no control characters. */
static char *
safe_filename (const char *name)
{
  g_autofree char *base = name != NULL && *name != '\0' ? g_path_get_basename (name) : NULL;

  if (base == NULL || !g_utf8_validate (base, -1, NULL) || g_str_equal (base, ".") ||
      g_str_equal (base, "..") || g_str_equal (base, G_DIR_SEPARATOR_S))
    return g_strdup ("attachment");
  for (char *p = base; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == '\\' || *p == '/')
      *p = '_';
  return g_steal_pointer (&base);
}

char *
sd_store_sync_save_attachment (SdStore *self, gint64 complaint_id, const char *attachment_id,
                               const char *filename, const char *content_type, GBytes *data,
                               GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *clean_id = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gsize size = 0;
  const char *bytes;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (attachment_id != NULL && content_type != NULL && data != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error))
    return NULL;
  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT 1 FROM complaints WHERE id = ?", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, complaint_id);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                     _("There is no such complaint."));
        return NULL;
      }
  }
  base = g_path_get_dirname (self->path);
  folder = g_strdup_printf ("%" G_GINT64_FORMAT, complaint_id);
  dir = g_build_filename (base, "attachments", folder, NULL);
  /* Named after the marketplace's id, so that downloading it again replaces it. */
  clean_id = safe_filename (attachment_id);
  clean_name = safe_filename (filename);
  name = g_strdup_printf ("%s-%s", clean_id, clean_name);
  path = g_build_filename (dir, name, NULL);
  bytes = g_bytes_get_data (data, &size);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, bytes != NULL ? bytes : "", size,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Cannot save the attachment “%s”: %s"), clean_name,
                   local_error != NULL ? local_error->message : g_strerror (errno));
      return NULL;
    }
  if (!sync_run (self,
                 "INSERT INTO complaint_attachments (complaint_id, filename, content_type, size,"
                 " path) SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM"
                 " complaint_attachments WHERE path = ?5)", error, "issis",
                 complaint_id, clean_name, content_type, (gint64) size, path))
    return NULL;
  return g_steal_pointer (&path);
}

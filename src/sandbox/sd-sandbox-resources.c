/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-resources.c — the API's resources as the sandbox serves them: the core's JSON
 * shapes (sd-json) with the marketplace's ids and versions, plus the resources the store
 * has no table for, and the bookkeeping of every change (version + changes feed). */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-sandbox-server-private.h"
#include "sd-complaint.h"
#include "sd-json.h"
#include "sd-message.h"
#include "sd-review.h"
#include "sd-salon.h"
#include "sd-time.h"
#include "sd-transaction.h"

/* Every instant the sandbox knows lies in here; "all appointments" is this range. */
#define ALL_FROM 0
#define ALL_TO G_GINT64_CONSTANT (4102444800) /* 2100-01-01 */

char *
sd_sandbox_id (const char *prefix, gint64 id)
{
  return g_strdup_printf ("%s_%" G_GINT64_FORMAT, prefix, id);
}

gboolean
sd_sandbox_parse_id (const char *text, const char *prefix, gint64 *out, GError **error)
{
  gsize len = strlen (prefix);
  guint64 value = 0;

  if (text != NULL && strncmp (text, prefix, len) == 0 && text[len] == '_' &&
      g_ascii_isdigit (text[len + 1]) &&
      g_ascii_string_to_unsigned (text + len + 1, 10, 1, G_MAXINT64, &value, NULL))
    {
      *out = (gint64) value;
      return TRUE;
    }
  g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_NOT_FOUND,
               _("No such resource: “%s”."), text != NULL ? text : "");
  return FALSE;
}

GTimeZone *
sd_sandbox_salon_tz (SdSandboxSalon *salon)
{
  SdSalon *s = sd_store_get_salon (salon->store);

  return s != NULL ? sd_salon_get_timezone (s) : NULL;
}

char *
sd_sandbox_format_time (SdSandboxSalon *salon, gint64 instant)
{
  return sd_time_format_rfc3339 (instant, sd_sandbox_salon_tz (salon));
}

/* sd-json writes references as local ids ("stf_local_3"); in the sandbox the store's ids
 * are the marketplace's, so "stf_local_3" becomes "stf_3" everywhere in the tree. */
void
sd_sandbox_publish_ids (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        sd_sandbox_publish_ids (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        sd_sandbox_publish_ids (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      const char *mark = text != NULL ? strstr (text, "_local_") : NULL;
      g_autofree char *prefix = NULL;
      gint64 id = 0;

      if (mark == NULL || mark == text)
        return;
      prefix = g_strndup (text, mark - text);
      for (const char *p = prefix; *p != '\0'; p++)
        if (!g_ascii_islower (*p))
          return;
      if (sd_json_parse_local_id (text, prefix, &id))
        {
          g_autofree char *published = sd_sandbox_id (prefix, id);

          json_node_set_string (node, published);
        }
    }
}

JsonNode *
sd_sandbox_appointment_json (SdSandboxServer *self, SdSandboxSalon *salon,
                             SdAppointment *appointment)
{
  g_autofree char *id = sd_sandbox_id ("apt", sd_appointment_get_id (appointment));
  gint64 version = sd_sandbox_db_get_version (self->db, salon->id, "appointment",
                                              sd_appointment_get_id (appointment));
  JsonNode *node;

  sd_appointment_set_remote_id (appointment, id);
  sd_appointment_set_version (appointment, MAX (version, 1));
  node = sd_json_from_appointment (appointment, sd_sandbox_salon_tz (salon));
  sd_sandbox_publish_ids (node);
  return node;
}

JsonNode *
sd_sandbox_load_appointment_json (SdSandboxServer *self, SdSandboxSalon *salon, gint64 id,
                                  GError **error)
{
  g_autoptr (SdAppointment) appointment = sd_store_get_appointment (salon->store, id, error);

  return appointment != NULL ? sd_sandbox_appointment_json (self, salon, appointment) : NULL;
}

/* The marketplace staff's resolution, kept by the sandbox (the store has no place for its
 * outcome), is put on the object so sd-json writes it. */
static void
apply_resolution (SdSandboxServer *self, SdSandboxSalon *salon, SdComplaint *complaint)
{
  g_auto (GStrv) list = sd_sandbox_db_list_json (self->db, salon->id, "resolution",
                                                 sd_complaint_get_id (complaint), NULL);
  guint n = list != NULL ? g_strv_length (list) : 0;
  g_autoptr (JsonNode) node = NULL;
  JsonObject *obj;
  SdOutcome outcome;
  gint64 at = 0;

  if (n == 0)
    return;
  node = json_from_string (list[n - 1], NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  obj = json_node_get_object (node);
  if (!sd_outcome_from_string (json_object_get_string_member_with_default (obj, "outcome", ""),
                               &outcome))
    return;
  sd_complaint_set_outcome (complaint, outcome);
  sd_complaint_set_outcome_amount_cents (complaint,
                                         json_object_get_int_member_with_default (obj, "amount_cents", 0));
  sd_complaint_set_outcome_note (complaint,
                                 json_object_get_string_member_with_default (obj, "note", NULL));
  sd_time_parse_rfc3339 (json_object_get_string_member_with_default (obj, "at", ""), &at);
  sd_complaint_set_resolved_at (complaint, at);
  sd_complaint_set_status (complaint, SD_COMPLAINT_RESOLVED);
}

JsonNode *
sd_sandbox_complaint_json (SdSandboxServer *self, SdSandboxSalon *salon, SdComplaint *complaint)
{
  gint64 id = sd_complaint_get_id (complaint);
  g_autofree char *remote_id = sd_sandbox_id ("cmp", id);
  g_auto (GStrv) comments = NULL;
  JsonArray *array = json_array_new ();
  JsonNode *node;

  sd_complaint_set_remote_id (complaint, remote_id);
  sd_complaint_set_version (complaint,
                            MAX (sd_sandbox_db_get_version (self->db, salon->id, "complaint", id), 1));
  apply_resolution (self, salon, complaint);
  /* "missed" is the desk's own word; on the marketplace an unanswered complaint goes to
   * its staff, which the API calls under_review. */
  if (sd_complaint_get_status (complaint) == SD_COMPLAINT_MISSED)
    sd_complaint_set_status (complaint, SD_COMPLAINT_UNDER_REVIEW);
  node = sd_json_from_complaint (complaint, sd_sandbox_salon_tz (salon));
  sd_sandbox_publish_ids (node);

  comments = sd_sandbox_db_list_json (self->db, salon->id, "comment", id, NULL);
  for (guint i = 0; comments != NULL && comments[i] != NULL; i++)
    {
      JsonNode *comment = json_from_string (comments[i], NULL);

      if (comment != NULL)
        json_array_add_element (array, comment);
    }
  json_object_set_array_member (json_node_get_object (node), "comments", array);
  return node;
}

JsonNode *
sd_sandbox_load_complaint_json (SdSandboxServer *self, SdSandboxSalon *salon, gint64 id,
                                GError **error)
{
  g_autoptr (SdComplaint) complaint = sd_store_get_complaint (salon->store, id, error);

  return complaint != NULL ? sd_sandbox_complaint_json (self, salon, complaint) : NULL;
}

JsonNode *
sd_sandbox_change_data (SdSandboxServer *self, SdSandboxSalon *salon, const char *kind,
                        gint64 id, GError **error)
{
  g_autofree char *json = NULL;

  if (g_str_equal (kind, "appointment"))
    return sd_sandbox_load_appointment_json (self, salon, id, error);
  if (g_str_equal (kind, "complaint"))
    return sd_sandbox_load_complaint_json (self, salon, id, error);
  json = sd_sandbox_db_get_json (self->db, salon->id, kind, id);
  if (json == NULL)
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_NOT_FOUND,
                   _("No such resource: %s %lld."), kind, (long long) id);
      return NULL;
    }
  return json_from_string (json, error);
}

gboolean
sd_sandbox_record_complaint (SdSandboxServer *self, SdSandboxSalon *salon,
                             SdComplaint *complaint, GError **error)
{
  return sd_sandbox_db_record_change (self->db, salon->id, "complaint",
                                      sd_complaint_get_id (complaint),
                                      sd_complaint_status_to_string (sd_complaint_get_status (complaint)),
                                      error) > 0;
}

static gboolean
record_complaint_id (SdSandboxServer *self, SdSandboxSalon *salon, gint64 id, GError **error)
{
  g_autoptr (SdComplaint) complaint = sd_store_get_complaint (salon->store, id, error);

  return complaint != NULL && sd_sandbox_record_complaint (self, salon, complaint, error);
}

gboolean
sd_sandbox_record_appointment (SdSandboxServer *self, SdSandboxSalon *salon,
                               SdAppointment *before, SdAppointment *after, GError **error)
{
  gint64 id = sd_appointment_get_id (after);
  gint64 refunded;

  if (sd_sandbox_db_record_change (self->db, salon->id, "appointment", id,
                                   sd_state_to_string (sd_appointment_get_state (after)),
                                   error) == 0)
    return FALSE;
  if (before == NULL)
    return TRUE;

  refunded = sd_appointment_get_refunded_cents (after) - sd_appointment_get_refunded_cents (before);
  if (refunded > 0)
    {
      g_autoptr (JsonNode) txn = sd_sandbox_add_transaction (self, salon, id,
                                                             SD_TRANSACTION_REFUND, refunded,
                                                             sd_appointment_get_currency (after),
                                                             error);
      if (txn == NULL)
        return FALSE;
    }
  if (sd_appointment_get_complaint_id (after) != 0 &&
      sd_appointment_get_complaint_id (after) != sd_appointment_get_complaint_id (before) &&
      !record_complaint_id (self, salon, sd_appointment_get_complaint_id (after), error))
    return FALSE;
  return TRUE;
}

/* Stores @node (whose "id" is set here) as a resource of @kind and records it. */
static JsonNode *
keep_resource (SdSandboxServer *self, SdSandboxSalon *salon, const char *kind,
               const char *prefix, gint64 parent_id, JsonNode *node, GError **error)
{
  g_autoptr (JsonNode) owned = node;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  gint64 rid = sd_sandbox_db_add_resource (self->db, salon->id, kind, parent_id, error);

  if (rid == 0)
    return NULL;
  id = sd_sandbox_id (prefix, rid);
  sd_sandbox_publish_ids (owned);
  json_object_set_string_member (json_node_get_object (owned), "id", id);
  text = json_to_string (owned, FALSE);
  if (!sd_sandbox_db_set_json (self->db, rid, text, error) ||
      sd_sandbox_db_record_change (self->db, salon->id, kind, rid, NULL, error) == 0)
    return NULL;
  return g_steal_pointer (&owned);
}

JsonNode *
sd_sandbox_add_message (SdSandboxServer *self, SdSandboxSalon *salon, gint64 appointment_id,
                        SdParty author, const char *body, GError **error)
{
  g_autoptr (SdMessage) message = sd_message_new ();

  sd_message_set_appointment_id (message, appointment_id);
  sd_message_set_author (message, author);
  sd_message_set_body (message, body);
  sd_message_set_at (message, sd_clock_get_now (self->clock));
  return keep_resource (self, salon, "message", "msg", appointment_id,
                        sd_json_from_message (message, sd_sandbox_salon_tz (salon)), error);
}

JsonNode *
sd_sandbox_add_transaction (SdSandboxServer *self, SdSandboxSalon *salon, gint64 appointment_id,
                            SdTransactionKind kind, gint64 amount_cents, const char *currency,
                            GError **error)
{
  g_autoptr (SdTransaction) txn = sd_transaction_new ();

  sd_transaction_set_appointment_id (txn, appointment_id);
  sd_transaction_set_kind (txn, kind);
  sd_transaction_set_amount_cents (txn, amount_cents);
  sd_transaction_set_currency (txn, currency);
  sd_transaction_set_at (txn, sd_clock_get_now (self->clock));
  return keep_resource (self, salon, "transaction", "txn", appointment_id,
                        sd_json_from_transaction (txn, sd_sandbox_salon_tz (salon)), error);
}

JsonNode *
sd_sandbox_add_review (SdSandboxServer *self, SdSandboxSalon *salon, SdReview *review,
                       GError **error)
{
  sd_review_set_at (review, sd_clock_get_now (self->clock));
  return keep_resource (self, salon, "review", "rev", sd_review_get_appointment_id (review),
                        sd_json_from_review (review, sd_sandbox_salon_tz (salon)), error);
}

/* Records @kind @id when the state the feed knows differs from @state. */
static gboolean
record_if_changed (SdSandboxServer *self, SdSandboxSalon *salon, const char *kind, gint64 id,
                   const char *state, GError **error)
{
  g_autofree char *known = sd_sandbox_db_get_state (self->db, salon->id, kind, id);

  if (g_strcmp0 (known, state) == 0)
    return TRUE;
  return sd_sandbox_db_record_change (self->db, salon->id, kind, id, state, error) > 0;
}

/* Brings the feed up to date with the store: every appointment and complaint whose state
 * the feed does not know yet is recorded. @state: only appointments in this state (-1:
 * all). */
static gboolean
record_store_changes (SdSandboxServer *self, SdSandboxSalon *salon, int state, GError **error)
{
  g_autoptr (GPtrArray) appointments = NULL;
  g_autoptr (GPtrArray) complaints = NULL;
  SdQuery query;

  sd_query_init (&query, ALL_FROM, ALL_TO);
  query.state = state;
  appointments = sd_store_list_appointments (salon->store, &query, error);
  if (appointments == NULL)
    return FALSE;
  for (guint i = 0; i < appointments->len; i++)
    {
      SdAppointment *a = g_ptr_array_index (appointments, i);

      if (!record_if_changed (self, salon, "appointment", sd_appointment_get_id (a),
                              sd_state_to_string (sd_appointment_get_state (a)), error))
        return FALSE;
    }

  complaints = sd_store_list_complaints (salon->store, FALSE, 0, error);
  if (complaints == NULL)
    return FALSE;
  for (guint i = 0; i < complaints->len; i++)
    {
      SdComplaint *c = g_ptr_array_index (complaints, i);
      g_autoptr (SdAppointment) a = NULL;

      if (!record_if_changed (self, salon, "complaint", sd_complaint_get_id (c),
                              sd_complaint_status_to_string (sd_complaint_get_status (c)),
                              error))
        return FALSE;
      /* A missed complaint may change its appointment too. */
      a = sd_store_get_appointment (salon->store, sd_complaint_get_appointment_id (c), NULL);
      if (a != NULL &&
          !record_if_changed (self, salon, "appointment", sd_appointment_get_id (a),
                              sd_state_to_string (sd_appointment_get_state (a)), error))
        return FALSE;
    }
  return TRUE;
}

/* In the caller's transaction if there is one, else in its own. */
static gboolean
in_own_transaction (SdSandboxServer *self, SdSandboxSalon *salon, int state, GError **error)
{
  if (sd_sandbox_db_in_transaction (self->db))
    return record_store_changes (self, salon, state, error);
  if (!sd_sandbox_db_begin (self->db, error))
    return FALSE;
  if (!record_store_changes (self, salon, state, error) || !sd_sandbox_db_commit (self->db, error))
    {
      sd_sandbox_db_rollback (self->db);
      return FALSE;
    }
  return TRUE;
}

gboolean
sd_sandbox_apply_deadlines (SdSandboxServer *self, SdSandboxSalon *salon, GError **error)
{
  GError *local_error = NULL;
  guint n = sd_store_apply_deadlines (salon->store, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (n == 0)
    return TRUE;
  return in_own_transaction (self, salon, SD_STATE_EXPIRED, error);
}

gboolean
sd_sandbox_record_unknown (SdSandboxServer *self, SdSandboxSalon *salon, GError **error)
{
  return in_own_transaction (self, salon, -1, error);
}

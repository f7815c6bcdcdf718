/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-json-parse.c — reading the marketplace's shapes, strictly: what comes over the network
 * is either taken whole or refused with an error naming the field. Every value is checked
 * before it reaches an object, so no refusal leaves a half-filled one behind. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-appointment.h"
#include "sd-complaint.h"
#include "sd-json.h"
#include "sd-message.h"
#include "sd-review.h"
#include "sd-time.h"
#include "sd-transaction.h"

/* Longest id accepted: ids are short opaque tokens, never prose. */
#define MAX_ID 256
/* A complaint's thread and a comment's attachments, far above what a real one holds. */
#define MAX_COMMENTS 1000
#define MAX_ATTACHMENTS 100
#define MAX_PROPOSED_STARTS 3

/* Where a value sits, for messages: "appointment" + "payment" + "amount_cents". */
typedef struct
{
  JsonObject *object;
  const char *scope;
} Reader;

typedef enum
{
  REQUIRED = 0,
  NULLABLE = 1 << 0,   /* present, but null is fine */
} Presence;

static char *
field_name (const Reader *r, const char *member)
{
  return g_strdup_printf ("%s.%s", r->scope, member);
}

static gboolean
fail (GError **error, SdJsonError code, const Reader *r, const char *member,
      const char *format)
{
  g_autofree char *name = field_name (r, member);

  /* @format is one of the translated messages below, with one %s for the field. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, SD_JSON_ERROR, code, format, name);
#pragma GCC diagnostic pop
  return FALSE;
}

/* The member's node; *out is NULL when it is null and that is allowed. */
static gboolean
get_member (const Reader *r, const char *member, Presence presence, JsonNode **out,
            GError **error)
{
  JsonNode *node = json_object_get_member (r->object, member);

  *out = NULL;
  if (node == NULL)
    return fail (error, SD_JSON_ERROR_MISSING_FIELD, r, member, _("The field “%s” is missing"));
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (presence & NULLABLE)
        return TRUE;
      return fail (error, SD_JSON_ERROR_WRONG_TYPE, r, member, _("The field “%s” must not be null"));
    }
  *out = node;
  return TRUE;
}

static gboolean
read_string_max (const Reader *r, const char *member, Presence presence, gsize max,
                 const char **out, GError **error)
{
  JsonNode *node;
  const char *value;

  if (!get_member (r, member, presence, &node, error))
    return FALSE;
  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, SD_JSON_ERROR_WRONG_TYPE, r, member, _("The field “%s” must be a string"));
  value = json_node_get_string (node);
  if (strlen (value) > max)
    return fail (error, SD_JSON_ERROR_TOO_LARGE, r, member, _("The field “%s” is too long"));
  if (!g_utf8_validate (value, -1, NULL))
    return fail (error, SD_JSON_ERROR_MALFORMED, r, member, _("The field “%s” is not valid UTF-8"));
  *out = value;
  return TRUE;
}

static gboolean
read_string (const Reader *r, const char *member, Presence presence, const char **out,
             GError **error)
{
  return read_string_max (r, member, presence, SD_JSON_MAX_STRING, out, error);
}

static gboolean
read_id (const Reader *r, const char *member, Presence presence, const char **out,
         GError **error)
{
  if (!read_string_max (r, member, presence, MAX_ID, out, error))
    return FALSE;
  if (*out != NULL && **out == '\0')
    return fail (error, SD_JSON_ERROR_INVALID_VALUE, r, member, _("The field “%s” is empty"));
  return TRUE;
}

static gboolean
read_int (const Reader *r, const char *member, gint64 min, gint64 max, gint64 *out,
          GError **error)
{
  JsonNode *node;
  gint64 value;

  if (!get_member (r, member, REQUIRED, &node, error))
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, SD_JSON_ERROR_WRONG_TYPE, r, member, _("The field “%s” must be an integer"));
  value = json_node_get_int (node);
  if (value < min || value > max)
    return fail (error, SD_JSON_ERROR_INVALID_VALUE, r, member, _("The field “%s” is out of range"));
  *out = value;
  return TRUE;
}

/* Money: integer minor units, never negative. */
static gboolean
read_cents (const Reader *r, const char *member, gint64 *out, GError **error)
{
  return read_int (r, member, 0, G_MAXINT64, out, error);
}

/* An amount that may be null (0 then). */
static gboolean
read_cents_nullable (const Reader *r, const char *member, gint64 *out, GError **error)
{
  JsonNode *node;

  if (!get_member (r, member, NULLABLE, &node, error))
    return FALSE;
  *out = 0;
  if (node == NULL)
    return TRUE;
  return read_cents (r, member, out, error);
}

static gboolean
parse_time_text (const Reader *r, const char *member, const char *text, gint64 *out,
                 GError **error)
{
  if (!sd_time_parse_rfc3339 (text, out))
    return fail (error, SD_JSON_ERROR_INVALID_VALUE, r, member,
                 _("The field “%s” is not an RFC 3339 time with an offset"));
  /* 0 means "not set" everywhere in the desk; the epoch itself is no real booking time. */
  if (*out <= 0)
    return fail (error, SD_JSON_ERROR_INVALID_VALUE, r, member, _("The field “%s” is out of range"));
  return TRUE;
}

/* A time; null (when allowed) reads as 0, "not set". */
static gboolean
read_time (const Reader *r, const char *member, Presence presence, gint64 *out, GError **error)
{
  const char *text;

  if (!read_string_max (r, member, presence, 64, &text, error))
    return FALSE;
  *out = 0;
  if (text == NULL)
    return TRUE;
  return parse_time_text (r, member, text, out, error);
}

static gboolean
read_currency (const Reader *r, const char *member, const char **out, GError **error)
{
  if (!read_string_max (r, member, REQUIRED, 16, out, error))
    return FALSE;
  if (strlen (*out) != 3 || !g_ascii_isupper ((*out)[0]) || !g_ascii_isupper ((*out)[1])
      || !g_ascii_isupper ((*out)[2]))
    return fail (error, SD_JSON_ERROR_INVALID_VALUE, r, member,
                 _("The field “%s” is not an ISO 4217 currency code"));
  return TRUE;
}

static gboolean
read_object (const Reader *r, const char *member, Presence presence, Reader *child,
             char **scope_out, GError **error)
{
  JsonNode *node;

  if (!get_member (r, member, presence, &node, error))
    return FALSE;
  child->object = NULL;
  child->scope = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, SD_JSON_ERROR_WRONG_TYPE, r, member, _("The field “%s” must be an object"));
  child->object = json_node_get_object (node);
  *scope_out = field_name (r, member);
  child->scope = *scope_out;
  return TRUE;
}

static gboolean
read_array (const Reader *r, const char *member, guint max, JsonArray **out, GError **error)
{
  JsonNode *node;

  if (!get_member (r, member, REQUIRED, &node, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, SD_JSON_ERROR_WRONG_TYPE, r, member, _("The field “%s” must be an array"));
  *out = json_node_get_array (node);
  if (json_array_get_length (*out) > max)
    return fail (error, SD_JSON_ERROR_TOO_LARGE, r, member, _("The field “%s” has too many elements"));
  return TRUE;
}

static gboolean
unknown (const Reader *r, const char *member, GError **error)
{
  return fail (error, SD_JSON_ERROR_UNKNOWN_VALUE, r, member,
               _("The field “%s” has a value the desk does not know"));
}

/* The enumerations: read the string, then the wire name. A wrapper per enum keeps the
 * types exact. */
#define READ_ENUM(fn, Type, from_string)                                               \
  static gboolean fn (const Reader *r, const char *member, Type *out, GError **error)  \
  {                                                                                     \
    const char *text;                                                                   \
    if (!read_string_max (r, member, REQUIRED, 64, &text, error))                       \
      return FALSE;                                                                     \
    if (!from_string (text, out))                                                       \
      return unknown (r, member, error);                                                \
    return TRUE;                                                                        \
  }

READ_ENUM (read_state, SdState, sd_state_from_string)
READ_ENUM (read_party, SdParty, sd_party_from_string)
READ_ENUM (read_payment_mode, SdPaymentMode, sd_payment_mode_from_string)
READ_ENUM (read_cancel_reason, SdCancelReason, sd_cancel_reason_from_string)
READ_ENUM (read_refund_choice, SdRefundChoice, sd_refund_choice_from_string)
READ_ENUM (read_deadline_kind, SdDeadlineKind, sd_deadline_kind_from_string)
READ_ENUM (read_complaint_status, SdComplaintStatus, sd_complaint_status_from_string)
READ_ENUM (read_response_action, SdResponseAction, sd_response_action_from_string)
READ_ENUM (read_outcome, SdOutcome, sd_outcome_from_string)
READ_ENUM (read_transaction_kind, SdTransactionKind, sd_transaction_kind_from_string)

/* A party limited to those the field allows (a message is never from the marketplace
 * staff, a cancellation never from the system…). */
static gboolean
read_party_of (const Reader *r, const char *member, guint allowed, SdParty *out, GError **error)
{
  if (!read_party (r, member, out, error))
    return FALSE;
  if ((allowed & (1u << *out)) == 0)
    return unknown (r, member, error);
  return TRUE;
}

#define PARTIES(...) party_mask ((SdParty[]) { __VA_ARGS__ }, \
                                 sizeof ((SdParty[]) { __VA_ARGS__ }) / sizeof (SdParty))
static guint
party_mask (const SdParty *parties, gsize n)
{
  guint mask = 0;

  for (gsize i = 0; i < n; i++)
    mask |= 1u << parties[i];
  return mask;
}

static gboolean
top_reader (JsonNode *node, const char *scope, Reader *r, GError **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SD_JSON_ERROR, SD_JSON_ERROR_MALFORMED,
                   _("The %s is not a JSON object"), scope);
      return FALSE;
    }
  r->object = json_node_get_object (node);
  r->scope = scope;
  return TRUE;
}

/* The resource's own id: a local one ("apt_local_12") back into the local id. */
static gboolean
read_own_id (const Reader *r, const char *prefix, gint64 *local_id, const char **remote_id,
             GError **error)
{
  const char *id;

  if (!read_id (r, "id", REQUIRED, &id, error))
    return FALSE;
  *local_id = 0;
  *remote_id = NULL;
  if (!sd_json_parse_local_id (id, prefix, local_id))
    *remote_id = id;
  return TRUE;
}

/* A reference: kept as sent in the refs; a local one also gives the local id. */
static gboolean
read_ref (const Reader *r, const char *member, Presence presence, const char *prefix,
          char **ref_out, gint64 *local_id, GError **error)
{
  const char *id;

  if (!read_id (r, member, presence, &id, error))
    return FALSE;
  *local_id = 0;
  *ref_out = g_strdup (id);
  if (id != NULL)
    sd_json_parse_local_id (id, prefix, local_id);
  return TRUE;
}

static void
give_refs (SdJsonRefs *local, SdJsonRefs *refs)
{
  if (refs != NULL)
    {
      sd_json_refs_clear (refs);
      *refs = *local;
    }
  else
    sd_json_refs_clear (local);
}

/* ---- Appointment ---- */

static gboolean
read_cancellation (const Reader *r, SdCancellation *c, GError **error)
{
  const char *note;

  if (!read_party_of (r, "by", PARTIES (SD_PARTY_SALON, SD_PARTY_CLIENT), &c->by, error)
      || !read_cancel_reason (r, "reason", &c->reason, error)
      || !read_string (r, "note", NULLABLE, &note, error)
      || !read_refund_choice (r, "refund", &c->refund, error)
      || !read_cents (r, "refund_cents", &c->refund_cents, error)
      || !read_time (r, "at", REQUIRED, &c->at, error))
    return FALSE;
  c->note = (char *) note;  /* borrowed: the appointment's setter copies it */
  return TRUE;
}

static gboolean
read_proposed_starts (const Reader *r, gint64 starts[MAX_PROPOSED_STARTS], guint *n_out,
                      GError **error)
{
  JsonArray *array;
  guint n;

  if (!read_array (r, "proposed_starts", MAX_PROPOSED_STARTS, &array, error))
    return FALSE;
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (error, SD_JSON_ERROR_WRONG_TYPE, r, "proposed_starts",
                     _("The field “%s” must hold strings"));
      if (!parse_time_text (r, "proposed_starts", json_node_get_string (element), &starts[i],
                            error))
        return FALSE;
    }
  *n_out = n;
  return TRUE;
}

SdAppointment *
sd_json_to_appointment (JsonNode *node, SdJsonRefs *refs, GError **error)
{
  g_autoptr(SdAppointment) apt = NULL;
  g_autofree char *service_scope = NULL, *client_scope = NULL, *payment_scope = NULL;
  g_autofree char *cancel_scope = NULL;
  SdJsonRefs found = { 0 };
  Reader r, service, client, payment, cancel;
  const char *remote_id, *service_name, *service_currency, *client_name, *email, *phone;
  const char *currency;
  gint64 id, version, start, end, staff_id, service_id, duration, price, client_id;
  gint64 amount, refunded, created_at, confirm_by, complaint_id, checked_in, checked_out;
  gint64 updated_at;
  gint64 starts[MAX_PROPOSED_STARTS];
  guint n_starts = 0;
  SdState state;
  SdPaymentMode mode;
  SdCancellation cancellation = { 0 };

  if (!top_reader (node, "appointment", &r, error))
    return NULL;

  if (!read_own_id (&r, "apt", &id, &remote_id, error)
      || !read_int (&r, "version", 0, G_MAXINT64, &version, error)
      || !read_state (&r, "status", &state, error)
      || !read_time (&r, "start", REQUIRED, &start, error)
      || !read_time (&r, "end", REQUIRED, &end, error)
      || !read_ref (&r, "staff_id", NULLABLE, "stf", &found.staff_id, &staff_id, error)
      || !read_object (&r, "service", REQUIRED, &service, &service_scope, error)
      || !read_ref (&service, "id", NULLABLE, "svc", &found.service_id, &service_id, error)
      || !read_string (&service, "name", REQUIRED, &service_name, error)
      || !read_int (&service, "duration_min", 1, 24 * 60, &duration, error)
      || !read_cents (&service, "price_cents", &price, error)
      || !read_currency (&service, "currency", &service_currency, error)
      || !read_object (&r, "client", REQUIRED, &client, &client_scope, error)
      || !read_ref (&client, "id", NULLABLE, "cli", &found.client_id, &client_id, error)
      || !read_string (&client, "name", REQUIRED, &client_name, error)
      || !read_string (&client, "email", NULLABLE, &email, error)
      || !read_string (&client, "phone", NULLABLE, &phone, error)
      || !read_object (&r, "payment", REQUIRED, &payment, &payment_scope, error)
      || !read_payment_mode (&payment, "mode", &mode, error)
      || !read_cents (&payment, "amount_cents", &amount, error)
      || !read_currency (&payment, "currency", &currency, error)
      || !read_cents (&payment, "refunded_cents", &refunded, error)
      || !read_time (&r, "created_at", NULLABLE, &created_at, error)
      || !read_time (&r, "confirm_by", NULLABLE, &confirm_by, error)
      || !read_proposed_starts (&r, starts, &n_starts, error)
      || !read_object (&r, "cancellation", NULLABLE, &cancel, &cancel_scope, error)
      || (cancel.object != NULL && !read_cancellation (&cancel, &cancellation, error))
      || !read_ref (&r, "complaint_id", NULLABLE, "cmp", &found.complaint_id, &complaint_id, error)
      || !read_time (&r, "checked_in_at", NULLABLE, &checked_in, error)
      || !read_time (&r, "checked_out_at", NULLABLE, &checked_out, error)
      || !read_time (&r, "updated_at", NULLABLE, &updated_at, error))
    goto refused;

  /* The few relations that make an appointment impossible, not merely unusual. */
  if (end <= start)
    {
      fail (error, SD_JSON_ERROR_INVALID_VALUE, &r, "end", _("The field “%s” is not after the start"));
      goto refused;
    }
  if (refunded > amount)
    {
      fail (error, SD_JSON_ERROR_INVALID_VALUE, &payment, "refunded_cents",
            _("The field “%s” is more than was paid"));
      goto refused;
    }

  apt = sd_appointment_new ();
  sd_appointment_set_id (apt, id);
  sd_appointment_set_remote_id (apt, remote_id);
  sd_appointment_set_version (apt, version);
  sd_appointment_set_state (apt, state);
  sd_appointment_set_start (apt, start);
  sd_appointment_set_end (apt, end);
  sd_appointment_set_staff_id (apt, staff_id);
  sd_appointment_set_service_id (apt, service_id);
  sd_appointment_set_service_name (apt, service_name);
  sd_appointment_set_price_cents (apt, price);
  sd_appointment_set_currency (apt, currency);
  sd_appointment_set_client_id (apt, client_id);
  sd_appointment_set_client_name (apt, client_name);
  sd_appointment_set_client_email (apt, email);
  sd_appointment_set_client_phone (apt, phone);
  sd_appointment_set_phone_revealed (apt, phone != NULL);
  sd_appointment_set_payment_mode (apt, mode);
  sd_appointment_set_amount_cents (apt, amount);
  sd_appointment_set_refunded_cents (apt, refunded);
  sd_appointment_set_created_at (apt, created_at);
  sd_appointment_set_confirm_by (apt, confirm_by);
  sd_appointment_set_proposed_starts (apt, starts, n_starts);
  sd_appointment_set_cancellation (apt, cancel.object != NULL ? &cancellation : NULL);
  sd_appointment_set_complaint_id (apt, complaint_id);
  sd_appointment_set_checked_in_at (apt, checked_in);
  sd_appointment_set_checked_out_at (apt, checked_out);
  sd_appointment_set_updated_at (apt, updated_at);

  give_refs (&found, refs);
  return g_steal_pointer (&apt);

refused:
  sd_json_refs_clear (&found);
  if (refs != NULL)
    sd_json_refs_clear (refs);
  return NULL;
}

/* ---- Complaint ---- */

/* The thread is checked whole; the desk keeps the salon's last comment as its reply. */
static gboolean
read_comments (const Reader *r, const char **salon_body, gint64 *salon_at, GError **error)
{
  JsonArray *comments;
  guint n;

  *salon_body = NULL;
  *salon_at = 0;
  if (!read_array (r, "comments", MAX_COMMENTS, &comments, error))
    return FALSE;
  n = json_array_get_length (comments);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (comments, i);
      g_autofree char *scope = g_strdup_printf ("%s.comments[%u]", r->scope, i);
      Reader c = { NULL, scope };
      JsonArray *attachments;
      const char *id, *body;
      SdParty author;
      gint64 at;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (error, SD_JSON_ERROR_WRONG_TYPE, r, "comments",
                     _("The field “%s” must hold objects"));
      c.object = json_node_get_object (element);
      if (!read_id (&c, "id", REQUIRED, &id, error)
          || !read_party_of (&c, "author", PARTIES (SD_PARTY_CLIENT, SD_PARTY_SALON, SD_PARTY_STAFF),
                             &author, error)
          || !read_string (&c, "body", REQUIRED, &body, error)
          || !read_time (&c, "at", REQUIRED, &at, error)
          || !read_array (&c, "attachments", MAX_ATTACHMENTS, &attachments, error))
        return FALSE;
      for (guint j = 0; j < json_array_get_length (attachments); j++)
        {
          JsonNode *att_node = json_array_get_element (attachments, j);
          g_autofree char *att_scope = g_strdup_printf ("%s.attachments[%u]", scope, j);
          Reader a = { NULL, att_scope };
          const char *att_id, *filename, *content_type;
          gint64 size;

          if (!JSON_NODE_HOLDS_OBJECT (att_node))
            return fail (error, SD_JSON_ERROR_WRONG_TYPE, &c, "attachments",
                         _("The field “%s” must hold objects"));
          a.object = json_node_get_object (att_node);
          if (!read_id (&a, "id", REQUIRED, &att_id, error)
              || !read_string_max (&a, "filename", REQUIRED, 1024, &filename, error)
              || !read_string_max (&a, "content_type", REQUIRED, 255, &content_type, error)
              || !read_int (&a, "size", 0, 10 * 1024 * 1024, &size, error))
            return FALSE;
        }
      if (author == SD_PARTY_SALON)
        {
          *salon_body = body;
          *salon_at = at;
        }
    }
  return TRUE;
}

SdComplaint *
sd_json_to_complaint (JsonNode *node, SdJsonRefs *refs, GError **error)
{
  g_autoptr(SdComplaint) complaint = NULL;
  g_autofree char *response_scope = NULL, *resolution_scope = NULL;
  SdJsonRefs found = { 0 };
  Reader r, response, resolution;
  const char *remote_id, *reason, *salon_body, *note = NULL;
  gint64 id, version, appointment_id, opened_at, requested, reply_by, salon_at;
  gint64 response_amount = 0, redo_start = 0, outcome_amount = 0, resolved_at = 0;
  SdParty opened_by;
  SdDeadlineKind kind;
  SdComplaintStatus status;
  SdResponseAction action = SD_RESPONSE_NONE;
  SdOutcome outcome = SD_OUTCOME_NONE;

  if (!top_reader (node, "complaint", &r, error))
    return NULL;

  if (!read_own_id (&r, "cmp", &id, &remote_id, error)
      || !read_int (&r, "version", 0, G_MAXINT64, &version, error)
      || !read_ref (&r, "appointment_id", REQUIRED, "apt", &found.appointment_id,
                    &appointment_id, error)
      || !read_party_of (&r, "opened_by", PARTIES (SD_PARTY_CLIENT, SD_PARTY_SALON), &opened_by,
                         error)
      || !read_time (&r, "opened_at", REQUIRED, &opened_at, error)
      || !read_string (&r, "reason", REQUIRED, &reason, error)
      || !read_cents (&r, "refund_requested_cents", &requested, error)
      || !read_deadline_kind (&r, "deadline_kind", &kind, error)
      || !read_time (&r, "reply_by", NULLABLE, &reply_by, error)
      || !read_complaint_status (&r, "status", &status, error)
      || !read_comments (&r, &salon_body, &salon_at, error)
      || !read_object (&r, "response", NULLABLE, &response, &response_scope, error)
      || !read_object (&r, "resolution", NULLABLE, &resolution, &resolution_scope, error))
    goto refused;

  if (response.object != NULL)
    {
      if (!read_response_action (&response, "action", &action, error))
        goto refused;
      if (action == SD_RESPONSE_NONE)
        {
          unknown (&response, "action", error);
          goto refused;
        }
      if (!read_cents_nullable (&response, "amount_cents", &response_amount, error)
          || !read_time (&response, "redo_start", NULLABLE, &redo_start, error))
        goto refused;
      if (action == SD_RESPONSE_REFUND && response_amount == 0)
        {
          fail (error, SD_JSON_ERROR_MISSING_FIELD, &response, "amount_cents",
                _("The field “%s” is missing"));
          goto refused;
        }
      if (action == SD_RESPONSE_OFFER_REDO && redo_start == 0)
        {
          fail (error, SD_JSON_ERROR_MISSING_FIELD, &response, "redo_start",
                _("The field “%s” is missing"));
          goto refused;
        }
    }
  if (resolution.object != NULL)
    {
      if (!read_outcome (&resolution, "outcome", &outcome, error))
        goto refused;
      if (outcome == SD_OUTCOME_NONE)
        {
          unknown (&resolution, "outcome", error);
          goto refused;
        }
      if (!read_cents_nullable (&resolution, "amount_cents", &outcome_amount, error)
          || !read_string (&resolution, "note", NULLABLE, &note, error)
          || !read_time (&resolution, "at", REQUIRED, &resolved_at, error))
        goto refused;
    }

  complaint = sd_complaint_new ();
  sd_complaint_set_id (complaint, id);
  sd_complaint_set_remote_id (complaint, remote_id);
  sd_complaint_set_version (complaint, version);
  sd_complaint_set_appointment_id (complaint, appointment_id);
  sd_complaint_set_opened_by (complaint, opened_by);
  sd_complaint_set_opened_at (complaint, opened_at);
  sd_complaint_set_reason (complaint, reason);
  sd_complaint_set_refund_requested_cents (complaint, requested);
  sd_complaint_set_deadline_kind (complaint, kind);
  sd_complaint_set_reply_by (complaint, reply_by);
  sd_complaint_set_status (complaint, status);
  sd_complaint_set_response_action (complaint, action);
  sd_complaint_set_response_amount_cents (complaint, response_amount);
  sd_complaint_set_response_redo_start (complaint, redo_start);
  if (action == SD_RESPONSE_CONTEST)
    {
      sd_complaint_set_response_body (complaint, salon_body);
      sd_complaint_set_responded_at (complaint, salon_at);
    }
  sd_complaint_set_outcome (complaint, outcome);
  sd_complaint_set_outcome_amount_cents (complaint, outcome_amount);
  sd_complaint_set_outcome_note (complaint, note);
  sd_complaint_set_resolved_at (complaint, resolved_at);

  give_refs (&found, refs);
  return g_steal_pointer (&complaint);

refused:
  sd_json_refs_clear (&found);
  if (refs != NULL)
    sd_json_refs_clear (refs);
  return NULL;
}

/* ---- Message, review, transaction ---- */

SdMessage *
sd_json_to_message (JsonNode *node, SdJsonRefs *refs, GError **error)
{
  SdJsonRefs found = { 0 };
  SdMessage *message;
  Reader r;
  const char *remote_id, *body;
  gint64 id, appointment_id, at;
  SdParty author;

  if (!top_reader (node, "message", &r, error))
    return NULL;

  if (!read_own_id (&r, "msg", &id, &remote_id, error)
      || !read_ref (&r, "appointment_id", REQUIRED, "apt", &found.appointment_id,
                    &appointment_id, error)
      || !read_party_of (&r, "author", PARTIES (SD_PARTY_CLIENT, SD_PARTY_SALON, SD_PARTY_SYSTEM),
                         &author, error)
      || !read_string (&r, "body", REQUIRED, &body, error)
      || !read_time (&r, "at", REQUIRED, &at, error))
    {
      sd_json_refs_clear (&found);
      sd_json_refs_clear (refs);
      return NULL;
    }

  message = sd_message_new ();
  sd_message_set_id (message, id);
  sd_message_set_remote_id (message, remote_id);
  sd_message_set_appointment_id (message, appointment_id);
  sd_message_set_author (message, author);
  sd_message_set_body (message, body);
  sd_message_set_at (message, at);
  give_refs (&found, refs);
  return message;
}

SdReview *
sd_json_to_review (JsonNode *node, SdJsonRefs *refs, GError **error)
{
  static const char *const criteria[] = {
    "punctuality", "service", "value", "cleanliness", "relationship",
  };
  g_autofree char *scores_scope = NULL;
  SdJsonRefs found = { 0 };
  SdReview *review;
  Reader r, scores;
  const char *remote_id, *comment;
  gint64 id, appointment_id, at, score[G_N_ELEMENTS (criteria)];
  gboolean ok;

  if (!top_reader (node, "review", &r, error))
    return NULL;

  ok = read_own_id (&r, "rev", &id, &remote_id, error)
       && read_ref (&r, "appointment_id", REQUIRED, "apt", &found.appointment_id,
                    &appointment_id, error)
       && read_object (&r, "scores", REQUIRED, &scores, &scores_scope, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (criteria); i++)
    ok = read_int (&scores, criteria[i], 1, 5, &score[i], error);
  ok = ok && read_string (&r, "comment", NULLABLE, &comment, error)
       && read_time (&r, "at", REQUIRED, &at, error);
  if (!ok)
    {
      sd_json_refs_clear (&found);
      sd_json_refs_clear (refs);
      return NULL;
    }

  review = sd_review_new ();
  sd_review_set_id (review, id);
  sd_review_set_remote_id (review, remote_id);
  sd_review_set_appointment_id (review, appointment_id);
  sd_review_set_punctuality (review, (int) score[0]);
  sd_review_set_service (review, (int) score[1]);
  sd_review_set_value (review, (int) score[2]);
  sd_review_set_cleanliness (review, (int) score[3]);
  sd_review_set_relationship (review, (int) score[4]);
  sd_review_set_comment (review, comment);
  sd_review_set_at (review, at);
  give_refs (&found, refs);
  return review;
}

SdTransaction *
sd_json_to_transaction (JsonNode *node, SdJsonRefs *refs, GError **error)
{
  SdJsonRefs found = { 0 };
  SdTransaction *transaction;
  Reader r;
  const char *remote_id, *currency;
  gint64 id, appointment_id, amount, at;
  SdTransactionKind kind;

  if (!top_reader (node, "transaction", &r, error))
    return NULL;

  /* A payout belongs to no appointment. */
  if (!read_own_id (&r, "txn", &id, &remote_id, error)
      || !read_ref (&r, "appointment_id", NULLABLE, "apt", &found.appointment_id,
                    &appointment_id, error)
      || !read_transaction_kind (&r, "kind", &kind, error)
      || !read_cents (&r, "amount_cents", &amount, error)
      || !read_currency (&r, "currency", &currency, error)
      || !read_time (&r, "at", REQUIRED, &at, error))
    {
      sd_json_refs_clear (&found);
      sd_json_refs_clear (refs);
      return NULL;
    }

  transaction = sd_transaction_new ();
  sd_transaction_set_id (transaction, id);
  sd_transaction_set_remote_id (transaction, remote_id);
  sd_transaction_set_appointment_id (transaction, appointment_id);
  sd_transaction_set_kind (transaction, kind);
  sd_transaction_set_amount_cents (transaction, amount);
  sd_transaction_set_currency (transaction, currency);
  sd_transaction_set_at (transaction, at);
  give_refs (&found, refs);
  return transaction;
}

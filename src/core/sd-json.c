/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-json.c — writing the marketplace's shapes, parsing whole documents, and the helpers
 * both directions share. Reading resources is in sd-json-parse.c. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "sd-appointment.h"
#include "sd-complaint.h"
#include "sd-history-entry.h"
#include "sd-json.h"
#include "sd-message.h"
#include "sd-review.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-time.h"
#include "sd-transaction.h"

G_DEFINE_QUARK (sd-json-error-quark, sd_json_error)

char *
sd_json_local_id (const char *prefix, gint64 id)
{
  g_return_val_if_fail (prefix != NULL, NULL);

  return g_strdup_printf ("%s_local_%" G_GINT64_FORMAT, prefix, id);
}

gboolean
sd_json_parse_local_id (const char *id, const char *prefix, gint64 *out)
{
  const char *digits;
  guint64 value;
  gsize prefix_len;

  g_return_val_if_fail (prefix != NULL, FALSE);

  if (id == NULL)
    return FALSE;
  prefix_len = strlen (prefix);
  if (strncmp (id, prefix, prefix_len) != 0 || !g_str_has_prefix (id + prefix_len, "_local_"))
    return FALSE;
  digits = id + prefix_len + strlen ("_local_");
  /* Digits only: g_ascii_string_to_unsigned alone would take "+12". */
  if (*digits == '\0')
    return FALSE;
  for (const char *q = digits; *q != '\0'; q++)
    if (!g_ascii_isdigit (*q))
      return FALSE;
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  if (out != NULL)
    *out = (gint64) value;
  return TRUE;
}

void
sd_json_refs_clear (SdJsonRefs *refs)
{
  if (refs == NULL)
    return;
  g_clear_pointer (&refs->appointment_id, g_free);
  g_clear_pointer (&refs->staff_id, g_free);
  g_clear_pointer (&refs->service_id, g_free);
  g_clear_pointer (&refs->client_id, g_free);
  g_clear_pointer (&refs->complaint_id, g_free);
}

char *
sd_json_to_string (JsonNode *node, gboolean pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/* ---- Whole documents ---- */

/* json-glib's parser recurses once per level: refuse deep nesting before it sees it. */
static gboolean
nesting_within (const char *data, gsize length, guint max)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

JsonNode *
sd_json_parse (const char *data, gssize length, GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;
  if (len > SD_JSON_MAX_DOCUMENT)
    {
      g_set_error (error, SD_JSON_ERROR, SD_JSON_ERROR_TOO_LARGE,
                   _("The document is larger than %d bytes"), SD_JSON_MAX_DOCUMENT);
      return NULL;
    }
  if (len > 0 && (memchr (data, '\0', len) != NULL || !g_utf8_validate (data, len, NULL)))
    {
      g_set_error (error, SD_JSON_ERROR, SD_JSON_ERROR_MALFORMED,
                   _("The document is not UTF-8 text"));
      return NULL;
    }
  if (!nesting_within (data, len, SD_JSON_MAX_DEPTH))
    {
      g_set_error (error, SD_JSON_ERROR, SD_JSON_ERROR_TOO_LARGE,
                   _("The document is nested more than %d levels deep"), SD_JSON_MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (len == 0 || !json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_set_error (error, SD_JSON_ERROR, SD_JSON_ERROR_MALFORMED,
                   _("The document is not valid JSON: %s"),
                   local_error != NULL ? local_error->message : _("it is empty"));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, SD_JSON_ERROR, SD_JSON_ERROR_MALFORMED,
                   _("The document is not valid JSON: %s"), _("it is empty"));
      return NULL;
    }
  return json_node_copy (root);
}

/* ---- Small writers ---- */

/* The resource's own id: remote when synced, else local. */
static void
put_id (JsonObject *object, const char *remote_id, const char *prefix, gint64 local_id)
{
  g_autofree char *local = NULL;

  if (remote_id != NULL)
    {
      json_object_set_string_member (object, "id", remote_id);
      return;
    }
  local = sd_json_local_id (prefix, local_id);
  json_object_set_string_member (object, "id", local);
}

/* A reference to another resource by its local id; 0 is null. */
static void
put_ref (JsonObject *object, const char *member, const char *prefix, gint64 local_id)
{
  g_autofree char *local = NULL;

  if (local_id == 0)
    {
      json_object_set_null_member (object, member);
      return;
    }
  local = sd_json_local_id (prefix, local_id);
  json_object_set_string_member (object, member, local);
}

static void
put_string_or_null (JsonObject *object, const char *member, const char *value)
{
  if (value == NULL)
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, value);
}

/* Instants: 0 ("not set") is null. */
static void
put_time (JsonObject *object, const char *member, gint64 instant, GTimeZone *tz)
{
  g_autofree char *text = NULL;

  if (instant == 0)
    {
      json_object_set_null_member (object, member);
      return;
    }
  text = sd_time_format_rfc3339 (instant, tz);
  json_object_set_string_member (object, member, text);
}

static JsonNode *
node_for (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* ---- Resources ---- */

static JsonObject *
cancellation_object (const SdCancellation *cancellation, GTimeZone *tz)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "by", sd_party_to_string (cancellation->by));
  json_object_set_string_member (object, "reason",
                                 sd_cancel_reason_to_string (cancellation->reason));
  put_string_or_null (object, "note", cancellation->note);
  json_object_set_string_member (object, "refund",
                                 sd_refund_choice_to_string (cancellation->refund));
  json_object_set_int_member (object, "refund_cents", cancellation->refund_cents);
  put_time (object, "at", cancellation->at, tz);
  return object;
}

JsonNode *
sd_json_from_appointment (SdAppointment *appointment, GTimeZone *tz)
{
  JsonObject *object, *service, *client, *payment;
  JsonArray *proposed;
  const SdCancellation *cancellation;
  const gint64 *starts;
  guint n_starts = 0;

  g_return_val_if_fail (SD_IS_APPOINTMENT (appointment), NULL);

  object = json_object_new ();
  put_id (object, sd_appointment_get_remote_id (appointment), "apt",
          sd_appointment_get_id (appointment));
  json_object_set_int_member (object, "version", sd_appointment_get_version (appointment));
  json_object_set_string_member (object, "status",
                                 sd_state_to_string (sd_appointment_get_state (appointment)));
  put_time (object, "start", sd_appointment_get_start (appointment), tz);
  put_time (object, "end", sd_appointment_get_end (appointment), tz);
  put_ref (object, "staff_id", "stf", sd_appointment_get_staff_id (appointment));

  service = json_object_new ();
  put_ref (service, "id", "svc", sd_appointment_get_service_id (appointment));
  put_string_or_null (service, "name", sd_appointment_get_service_name (appointment));
  json_object_set_int_member (service, "duration_min",
                              sd_appointment_get_duration_min (appointment));
  json_object_set_int_member (service, "price_cents", sd_appointment_get_price_cents (appointment));
  put_string_or_null (service, "currency", sd_appointment_get_currency (appointment));
  json_object_set_object_member (object, "service", service);

  client = json_object_new ();
  put_ref (client, "id", "cli", sd_appointment_get_client_id (appointment));
  put_string_or_null (client, "name", sd_appointment_get_client_name (appointment));
  put_string_or_null (client, "email", sd_appointment_get_client_email (appointment));
  /* The API hides the phone until the salon has accepted or answered "unavailable". */
  put_string_or_null (client, "phone",
                      sd_appointment_get_phone_revealed (appointment)
                        ? sd_appointment_get_client_phone (appointment) : NULL);
  json_object_set_object_member (object, "client", client);

  payment = json_object_new ();
  json_object_set_string_member (payment, "mode",
                                 sd_payment_mode_to_string (sd_appointment_get_payment_mode (appointment)));
  json_object_set_int_member (payment, "amount_cents",
                              sd_appointment_get_amount_cents (appointment));
  put_string_or_null (payment, "currency", sd_appointment_get_currency (appointment));
  json_object_set_int_member (payment, "refunded_cents",
                              sd_appointment_get_refunded_cents (appointment));
  json_object_set_object_member (object, "payment", payment);

  put_time (object, "created_at", sd_appointment_get_created_at (appointment), tz);
  put_time (object, "confirm_by", sd_appointment_get_confirm_by (appointment), tz);

  proposed = json_array_new ();
  starts = sd_appointment_get_proposed_starts (appointment, &n_starts);
  for (guint i = 0; i < n_starts; i++)
    {
      g_autofree char *text = sd_time_format_rfc3339 (starts[i], tz);

      json_array_add_string_element (proposed, text);
    }
  json_object_set_array_member (object, "proposed_starts", proposed);

  cancellation = sd_appointment_get_cancellation (appointment);
  if (cancellation != NULL)
    json_object_set_object_member (object, "cancellation", cancellation_object (cancellation, tz));
  else
    json_object_set_null_member (object, "cancellation");

  put_ref (object, "complaint_id", "cmp", sd_appointment_get_complaint_id (appointment));
  put_time (object, "checked_in_at", sd_appointment_get_checked_in_at (appointment), tz);
  put_time (object, "checked_out_at", sd_appointment_get_checked_out_at (appointment), tz);
  put_time (object, "updated_at", sd_appointment_get_updated_at (appointment), tz);
  return node_for (object);
}

/* The API's attachment entry for a file the salon attached. The desk keeps paths only;
 * the size and type are read from the file when it is there. */
static JsonObject *
attachment_object (const char *path, guint index)
{
  JsonObject *object = json_object_new ();
  g_autofree char *id = g_strdup_printf ("att_local_%u", index + 1);
  g_autofree char *filename = g_path_get_basename (path);
  g_autofree char *content_type = g_content_type_guess (filename, NULL, 0, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (content_type);
  GStatBuf st;

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "filename", filename);
  json_object_set_string_member (object, "content_type",
                                 mime != NULL ? mime : "application/octet-stream");
  json_object_set_int_member (object, "size", g_stat (path, &st) == 0 ? (gint64) st.st_size : 0);
  return object;
}

JsonNode *
sd_json_from_complaint (SdComplaint *complaint, GTimeZone *tz)
{
  JsonObject *object;
  JsonArray *comments;
  SdResponseAction action;
  SdOutcome outcome;

  g_return_val_if_fail (SD_IS_COMPLAINT (complaint), NULL);

  object = json_object_new ();
  put_id (object, sd_complaint_get_remote_id (complaint), "cmp", sd_complaint_get_id (complaint));
  json_object_set_int_member (object, "version", sd_complaint_get_version (complaint));
  put_ref (object, "appointment_id", "apt", sd_complaint_get_appointment_id (complaint));
  json_object_set_string_member (object, "opened_by",
                                 sd_party_to_string (sd_complaint_get_opened_by (complaint)));
  put_time (object, "opened_at", sd_complaint_get_opened_at (complaint), tz);
  put_string_or_null (object, "reason", sd_complaint_get_reason (complaint));
  json_object_set_int_member (object, "refund_requested_cents",
                              sd_complaint_get_refund_requested_cents (complaint));
  json_object_set_string_member (object, "deadline_kind",
                                 sd_deadline_kind_to_string (sd_complaint_get_deadline_kind (complaint)));
  put_time (object, "reply_by", sd_complaint_get_reply_by (complaint), tz);
  json_object_set_string_member (object, "status",
                                 sd_complaint_status_to_string (sd_complaint_get_status (complaint)));

  /* The desk keeps one comment of its own: the salon's side when it contested. */
  comments = json_array_new ();
  action = sd_complaint_get_response_action (complaint);
  if (action == SD_RESPONSE_CONTEST)
    {
      JsonObject *comment = json_object_new ();
      JsonArray *attachments = json_array_new ();
      const char *const *paths = sd_complaint_get_attachments (complaint);
      g_autofree char *comment_id = sd_json_local_id ("cmt", sd_complaint_get_id (complaint));

      json_object_set_string_member (comment, "id", comment_id);
      json_object_set_string_member (comment, "author", "salon");
      put_string_or_null (comment, "body", sd_complaint_get_response_body (complaint));
      put_time (comment, "at", sd_complaint_get_responded_at (complaint), tz);
      for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
        json_array_add_object_element (attachments, attachment_object (paths[i], i));
      json_object_set_array_member (comment, "attachments", attachments);
      json_array_add_object_element (comments, comment);
    }
  json_object_set_array_member (object, "comments", comments);

  if (action == SD_RESPONSE_NONE)
    json_object_set_null_member (object, "response");
  else
    {
      JsonObject *response = json_object_new ();

      json_object_set_string_member (response, "action", sd_response_action_to_string (action));
      if (action == SD_RESPONSE_REFUND)
        json_object_set_int_member (response, "amount_cents",
                                    sd_complaint_get_response_amount_cents (complaint));
      else
        json_object_set_null_member (response, "amount_cents");
      if (action == SD_RESPONSE_OFFER_REDO)
        put_time (response, "redo_start", sd_complaint_get_response_redo_start (complaint), tz);
      else
        json_object_set_null_member (response, "redo_start");
      json_object_set_object_member (object, "response", response);
    }

  outcome = sd_complaint_get_outcome (complaint);
  if (outcome == SD_OUTCOME_NONE)
    json_object_set_null_member (object, "resolution");
  else
    {
      JsonObject *resolution = json_object_new ();

      json_object_set_string_member (resolution, "outcome", sd_outcome_to_string (outcome));
      json_object_set_int_member (resolution, "amount_cents",
                                  sd_complaint_get_outcome_amount_cents (complaint));
      put_string_or_null (resolution, "note", sd_complaint_get_outcome_note (complaint));
      put_time (resolution, "at", sd_complaint_get_resolved_at (complaint), tz);
      json_object_set_object_member (object, "resolution", resolution);
    }
  return node_for (object);
}

JsonNode *
sd_json_from_message (SdMessage *message, GTimeZone *tz)
{
  JsonObject *object;

  g_return_val_if_fail (SD_IS_MESSAGE (message), NULL);

  object = json_object_new ();
  put_id (object, sd_message_get_remote_id (message), "msg", sd_message_get_id (message));
  put_ref (object, "appointment_id", "apt", sd_message_get_appointment_id (message));
  json_object_set_string_member (object, "author",
                                 sd_party_to_string (sd_message_get_author (message)));
  put_string_or_null (object, "body", sd_message_get_body (message));
  put_time (object, "at", sd_message_get_at (message), tz);
  return node_for (object);
}

JsonNode *
sd_json_from_review (SdReview *review, GTimeZone *tz)
{
  JsonObject *object, *scores;

  g_return_val_if_fail (SD_IS_REVIEW (review), NULL);

  object = json_object_new ();
  put_id (object, sd_review_get_remote_id (review), "rev", sd_review_get_id (review));
  put_ref (object, "appointment_id", "apt", sd_review_get_appointment_id (review));
  scores = json_object_new ();
  json_object_set_int_member (scores, "punctuality", sd_review_get_punctuality (review));
  json_object_set_int_member (scores, "service", sd_review_get_service (review));
  json_object_set_int_member (scores, "value", sd_review_get_value (review));
  json_object_set_int_member (scores, "cleanliness", sd_review_get_cleanliness (review));
  json_object_set_int_member (scores, "relationship", sd_review_get_relationship (review));
  json_object_set_object_member (object, "scores", scores);
  put_string_or_null (object, "comment", sd_review_get_comment (review));
  put_time (object, "at", sd_review_get_at (review), tz);
  return node_for (object);
}

JsonNode *
sd_json_from_transaction (SdTransaction *transaction, GTimeZone *tz)
{
  JsonObject *object;

  g_return_val_if_fail (SD_IS_TRANSACTION (transaction), NULL);

  object = json_object_new ();
  put_id (object, sd_transaction_get_remote_id (transaction), "txn",
          sd_transaction_get_id (transaction));
  put_ref (object, "appointment_id", "apt", sd_transaction_get_appointment_id (transaction));
  json_object_set_string_member (object, "kind",
                                 sd_transaction_kind_to_string (sd_transaction_get_kind (transaction)));
  json_object_set_int_member (object, "amount_cents", sd_transaction_get_amount_cents (transaction));
  put_string_or_null (object, "currency", sd_transaction_get_currency (transaction));
  put_time (object, "at", sd_transaction_get_at (transaction), tz);
  return node_for (object);
}

JsonNode *
sd_json_from_staff (SdStaff *staff)
{
  JsonObject *object;

  g_return_val_if_fail (SD_IS_STAFF (staff), NULL);

  object = json_object_new ();
  put_id (object, sd_staff_get_remote_id (staff), "stf", sd_staff_get_id (staff));
  put_string_or_null (object, "name", sd_staff_get_name (staff));
  return node_for (object);
}

JsonNode *
sd_json_from_service (SdService *service, const char *currency)
{
  JsonObject *object;
  const char *own_currency;

  g_return_val_if_fail (SD_IS_SERVICE (service), NULL);

  own_currency = sd_service_get_currency (service);
  object = json_object_new ();
  put_id (object, sd_service_get_remote_id (service), "svc", sd_service_get_id (service));
  put_string_or_null (object, "name", sd_service_get_name (service));
  json_object_set_int_member (object, "duration_min", sd_service_get_duration_min (service));
  json_object_set_int_member (object, "price_cents", sd_service_get_price_cents (service));
  put_string_or_null (object, "currency", own_currency != NULL ? own_currency : currency);
  return node_for (object);
}

/* The event's name: the action's wire name, or one of the store's own events ("create",
 * "expire", …) that are no action. */
static const char *
history_event (SdHistoryEntry *entry)
{
  SdAction action = sd_history_entry_get_action (entry);

  if (sd_history_entry_get_event (entry) != NULL)
    return sd_history_entry_get_event (entry);
  return action < SD_N_ACTIONS ? sd_action_to_string (action) : NULL;
}

JsonNode *
sd_json_from_history_entry (SdHistoryEntry *entry, GTimeZone *tz)
{
  JsonObject *object;

  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (entry), NULL);

  object = json_object_new ();
  put_id (object, NULL, "hst", sd_history_entry_get_id (entry));
  put_ref (object, "appointment_id", "apt", sd_history_entry_get_appointment_id (entry));
  put_time (object, "at", sd_history_entry_get_at (entry), tz);
  put_string_or_null (object, "action", history_event (entry));
  json_object_set_string_member (object, "by",
                                 sd_party_to_string (sd_history_entry_get_by (entry)));
  json_object_set_string_member (object, "from",
                                 sd_state_to_string (sd_history_entry_get_from_state (entry)));
  json_object_set_string_member (object, "to",
                                 sd_state_to_string (sd_history_entry_get_to_state (entry)));
  put_string_or_null (object, "detail", sd_history_entry_get_detail (entry));
  json_object_set_int_member (object, "amount_cents", sd_history_entry_get_amount_cents (entry));
  return node_for (object);
}

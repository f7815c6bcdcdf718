/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-routes-v1.c — the marketplace API (/v1/), as the desk uses it. Every rule is
 * asked of the store (sd_store_perform and friends), which asks the core; this file only
 * reads the request, checks the version, and records what changed. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-sandbox-server-private.h"
#include "sd-sandbox-routes.h"
#include "sd-complaint.h"
#include "sd-json.h"
#include "sd-policy-error.h"
#include "sd-refund.h"
#include "sd-salon.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-time.h"

#define DEFAULT_PAGE 100
#define MAX_PAGE 500

/* ---- Pull ---- */

/* Cursors are opaque to clients: URL-safe base64 of "seq:N". */
static char *
encode_cursor (gint64 seq)
{
  g_autofree char *plain = g_strdup_printf ("seq:%" G_GINT64_FORMAT, seq);
  char *text = g_base64_encode ((const guchar *) plain, strlen (plain));

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  g_strdelimit (text, "=", '\0');
  return text;
}

static gboolean
decode_cursor (const char *cursor, gint64 *seq, GError **error)
{
  g_autoptr (GString) text = g_string_new (cursor);
  g_autofree guchar *plain = NULL;
  g_autofree char *str = NULL;
  gsize len = 0;
  guint64 value = 0;

  g_strdelimit (text->str, "-", '+');
  g_strdelimit (text->str, "_", '/');
  while (text->len % 4 != 0)
    g_string_append_c (text, '=');
  plain = g_base64_decode (text->str, &len);
  str = g_strndup ((const char *) plain, len);
  if (len > 4 && g_str_has_prefix (str, "seq:") &&
      g_ascii_string_to_unsigned (str + 4, 10, 0, G_MAXINT64, &value, NULL))
    {
      *seq = (gint64) value;
      return TRUE;
    }
  g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
               _("“%s” is not a cursor of this feed."), cursor);
  return FALSE;
}

static JsonNode *
get_changes (SdSandboxRequest *req, GError **error)
{
  SdSandboxServer *self = req->server;
  const char *cursor = req->query != NULL ? g_hash_table_lookup (req->query, "cursor") : NULL;
  const char *limit_text = req->query != NULL ? g_hash_table_lookup (req->query, "limit") : NULL;
  guint64 limit = DEFAULT_PAGE;
  gint64 after = 0;
  gboolean has_more = FALSE;
  g_autoptr (GArray) changes = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *next = NULL;

  if (limit_text != NULL &&
      !g_ascii_string_to_unsigned (limit_text, 10, 1, MAX_PAGE, &limit, NULL))
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“limit” must be a number from 1 to %d."), MAX_PAGE);
      return NULL;
    }
  if (cursor != NULL && *cursor != '\0')
    {
      if (!decode_cursor (cursor, &after, error))
        return NULL;
      if (after < sd_sandbox_db_get_horizon (self->db, req->salon->id))
        {
          g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_GONE,
                       _("This cursor is older than the changes kept: pull again without a "
                         "cursor."));
          return NULL;
        }
    }

  changes = sd_sandbox_db_list_changes (self->db, req->salon->id, after, limit, &has_more,
                                        error);
  if (changes == NULL)
    return NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      SdSandboxChange *change = &g_array_index (changes, SdSandboxChange, i);
      JsonNode *data = sd_sandbox_change_data (self, req->salon, change->kind, change->id,
                                               error);

      if (data == NULL)
        return NULL;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, change->seq);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, change->kind);
      json_builder_set_member_name (builder, "data");
      json_builder_add_value (builder, data);
      json_builder_end_object (builder);
      after = change->seq;
    }
  json_builder_end_array (builder);
  next = encode_cursor (after);
  json_builder_set_member_name (builder, "next_cursor");
  json_builder_add_string_value (builder, next);
  json_builder_set_member_name (builder, "has_more");
  json_builder_add_boolean_value (builder, has_more);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
get_attachment (SdSandboxRequest *req, GError **error)
{
  g_autofree char *filename = NULL;
  gint64 id;

  if (!sd_sandbox_parse_id (req->args[0], "att", &id, error))
    return NULL;
  req->raw_body = sd_sandbox_db_get_attachment (req->server->db, req->salon->id, id, &filename,
                                                &req->raw_content_type, error);
  if (req->raw_body == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_NOT_FOUND,
                     _("No such attachment: “%s”."), req->args[0]);
      return NULL;
    }
  return json_node_new (JSON_NODE_NULL);
}

/* ---- Salon data ---- */

static JsonNode *
get_staff (SdSandboxRequest *req, GError **error)
{
  g_autoptr (GListModel) staff = sd_store_list_staff (req->salon->store, error);
  JsonArray *array;
  JsonNode *node;

  if (staff == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr (SdStaff) member = g_list_model_get_item (staff, i);
      JsonNode *item;

      if (!sd_staff_get_active (member))
        continue;
      item = sd_json_from_staff (member);
      sd_sandbox_publish_ids (item);
      json_array_add_element (array, item);
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
get_services (SdSandboxRequest *req, GError **error)
{
  g_autoptr (GListModel) services = sd_store_list_services (req->salon->store, error);
  SdSalon *salon = sd_store_get_salon (req->salon->store);
  JsonArray *array;
  JsonNode *node;

  if (services == NULL)
    return NULL;
  array = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr (SdService) service = g_list_model_get_item (services, i);
      JsonNode *item = sd_json_from_service (service, sd_salon_get_currency (salon));

      sd_sandbox_publish_ids (item);
      json_array_add_element (array, item);
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
post_appointment (SdSandboxRequest *req, GError **error)
{
  SdNewAppointment spec;
  JsonObject *client;
  g_autoptr (SdAppointment) created = NULL;
  const char *staff_id, *service_id;

  sd_new_appointment_init (&spec);
  spec.state = SD_STATE_CONFIRMED;
  spec.payment = SD_PAYMENT_AT_SALON;
  if (!sd_sandbox_get_time (req->json, "start", TRUE, &spec.start, error) ||
      (staff_id = sd_sandbox_get_string (req->json, "staff_id", TRUE, error)) == NULL ||
      !sd_sandbox_parse_id (staff_id, "stf", &spec.staff_id, error) ||
      (service_id = sd_sandbox_get_string (req->json, "service_id", TRUE, error)) == NULL ||
      !sd_sandbox_parse_id (service_id, "svc", &spec.service_id, error) ||
      (client = sd_sandbox_get_object (req->json, "client", TRUE, error)) == NULL ||
      !sd_sandbox_get_bool (req->json, "allow_overlap", &spec.allow_overlap, error) ||
      !sd_sandbox_read_client (client, &spec, error))
    return NULL;

  created = sd_store_create_appointment (req->salon->store, &spec, error);
  if (created == NULL ||
      !sd_sandbox_record_appointment (req->server, req->salon, NULL, created, error))
    return NULL;
  req->status = 201;
  return sd_sandbox_appointment_json (req->server, req->salon, created);
}

/* ---- Appointment actions ---- */

/* If-Match: "<version>" (quotes and a weak W/ are accepted). Absent: no check. */
static gboolean
check_version (SdSandboxRequest *req, SdAppointment *appointment, GError **error)
{
  const char *header = soup_message_headers_get_one (
    soup_server_message_get_request_headers (req->msg), "If-Match");
  g_autofree char *text = NULL;
  gint64 current = MAX (1, sd_sandbox_db_get_version (req->server->db, req->salon->id,
                                                      "appointment",
                                                      sd_appointment_get_id (appointment)));
  guint64 version = 0;

  if (header == NULL || g_str_equal (header, "*"))
    return TRUE;
  text = g_strdup (g_str_has_prefix (header, "W/") ? header + 2 : header);
  g_strstrip (text);
  if (text[0] == '"' && strlen (text) >= 2 && text[strlen (text) - 1] == '"')
    {
      text[strlen (text) - 1] = '\0';
      memmove (text, text + 1, strlen (text));
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &version, NULL))
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("If-Match must be a version such as \"3\"."));
      return FALSE;
    }
  if ((gint64) version == current)
    return TRUE;
  req->error_current = sd_sandbox_appointment_json (req->server, req->salon, appointment);
  g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_VERSION_CONFLICT,
               _("The appointment changed meanwhile: it is at version %lld, not %llu."),
               (long long) current, (unsigned long long) version);
  return FALSE;
}

/* Reads the members of the action's body into @request; @starts holds the proposed starts
 * it points to. */
static gboolean
read_action (SdSandboxRequest *req, SdAppointment *appointment, SdActionRequest *request,
             GArray *starts, GError **error)
{
  JsonObject *body = req->json;
  GError *local_error = NULL;
  const char *text;

  switch (request->action)
    {
    case SD_ACTION_ACCEPT:
      return sd_sandbox_get_bool (body, "allow_overlap", &request->allow_overlap, error);

    case SD_ACTION_DECLINE:
      request->text = sd_sandbox_get_string (body, "reason", FALSE, &local_error);
      break;

    case SD_ACTION_UNAVAILABLE:
      {
        JsonNode *node = json_object_get_member (body, "proposed_starts");
        JsonArray *array;

        if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
          {
            g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                         _("The member “%s” must be a list of times."), "proposed_starts");
            return FALSE;
          }
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array) && i < 8; i++)
          {
            JsonNode *item = json_array_get_element (array, i);
            gint64 start;

            if (!JSON_NODE_HOLDS_VALUE (item) ||
                json_node_get_value_type (item) != G_TYPE_STRING ||
                !sd_time_parse_rfc3339 (json_node_get_string (item), &start))
              {
                g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                             _("The member “%s” must be a list of times."), "proposed_starts");
                return FALSE;
              }
            g_array_append_val (starts, start);
          }
        /* How many are allowed (1 to 3) is the core's rule. */
        request->proposed_starts = (const gint64 *) starts->data;
        request->n_proposed_starts = starts->len;
        return TRUE;
      }

    case SD_ACTION_CANCEL:
      return sd_sandbox_read_cancel (req->server, req->salon, body, appointment, request,
                                     error);

    case SD_ACTION_RESCHEDULE:
      {
        gint64 end = 0;

        if (!sd_sandbox_get_time (body, "start", TRUE, &request->new_start, error) ||
            !sd_sandbox_get_time (body, "end", FALSE, &end, error) ||
            !sd_sandbox_get_bool (body, "allow_overlap", &request->allow_overlap, error))
          return FALSE;
        /* The duration is the service's: an "end" may be sent but must agree with it. */
        if (end != 0 && end != request->new_start + (gint64) sd_appointment_get_duration_min (appointment) * 60)
          {
            g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                         _("“end” must be the start plus the service's %d minutes."),
                         sd_appointment_get_duration_min (appointment));
            return FALSE;
          }
        text = sd_sandbox_get_string (body, "staff_id", FALSE, &local_error);
        if (text != NULL && !sd_sandbox_parse_id (text, "stf", &request->new_staff_id, error))
          return FALSE;
        break;
      }

    default:
      return TRUE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
appointment_action (SdSandboxRequest *req, GError **error)
{
  SdSandboxServer *self = req->server;
  SdActionRequest request;
  g_autoptr (SdAppointment) before = NULL;
  g_autoptr (SdAppointment) after = NULL;
  g_autoptr (GArray) starts = g_array_new (FALSE, TRUE, sizeof (gint64));
  GError *local_error = NULL;
  gint64 id;

  sd_action_request_init (&request, (SdAction) req->route->data);
  if (!sd_sandbox_parse_id (req->args[0], "apt", &id, error) ||
      (before = sd_store_get_appointment (req->salon->store, id, error)) == NULL ||
      !check_version (req, before, error) ||
      !read_action (req, before, &request, starts, error))
    return NULL;

  after = sd_store_perform (req->salon->store, id, &request, &local_error);
  /* The clock expires a request as soon as its deadline passes, so an answer that comes
   * later finds it expired; the API calls that "deadline_passed", as the core would have
   * a second earlier. */
  if (after == NULL && sd_appointment_get_state (before) == SD_STATE_EXPIRED &&
      (request.action == SD_ACTION_ACCEPT || request.action == SD_ACTION_DECLINE ||
       request.action == SD_ACTION_UNAVAILABLE) &&
      g_error_matches (local_error, SD_POLICY_ERROR, SD_POLICY_ERROR_INVALID_TRANSITION))
    {
      g_autofree char *deadline = sd_sandbox_format_time (req->salon,
                                                          sd_appointment_get_confirm_by (before));

      g_clear_error (&local_error);
      g_set_error (&local_error, SD_POLICY_ERROR, SD_POLICY_ERROR_DEADLINE_PASSED,
                   _("The request had to be answered by %s: it has expired."), deadline);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!sd_sandbox_record_appointment (self, req->salon, before, after, error) ||
      !sd_sandbox_system_message (self, req->salon, after, request.action, error))
    return NULL;
  return sd_sandbox_appointment_json (self, req->salon, after);
}

/* ---- Messages and complaints ---- */

static JsonNode *
post_message (SdSandboxRequest *req, GError **error)
{
  gint64 id;

  if (!sd_sandbox_parse_id (req->args[0], "apt", &id, error))
    return NULL;
  req->status = 201;
  return sd_sandbox_write_message (req->server, req->salon, id, SD_PARTY_SALON, req->json, error);
}

static JsonNode *
post_complaint (SdSandboxRequest *req, GError **error)
{
  req->status = 201;
  return sd_sandbox_open_complaint (req->server, req->salon, SD_PARTY_SALON, req->json, error);
}

static JsonNode *
respond_complaint (SdSandboxRequest *req, GError **error)
{
  SdComplaintResponse response = { 0 };
  const char *action;
  g_autoptr (SdComplaint) complaint = NULL;
  g_autoptr (SdComplaint) answered = NULL;
  g_autoptr (SdAppointment) before = NULL;
  g_autoptr (SdAppointment) after = NULL;
  GError *local_error = NULL;
  gint64 id;

  if (!sd_sandbox_parse_id (req->args[0], "cmp", &id, error) ||
      (complaint = sd_store_get_complaint (req->salon->store, id, error)) == NULL ||
      (action = sd_sandbox_get_string (req->json, "action", TRUE, error)) == NULL)
    return NULL;
  if (!sd_response_action_from_string (action, &response.action) ||
      response.action == SD_RESPONSE_NONE)
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“action” must be refund, offer_redo or contest."));
      return NULL;
    }
  if ((response.action == SD_RESPONSE_REFUND &&
       !sd_sandbox_get_int (req->json, "amount_cents", TRUE, &response.amount_cents, error)) ||
      (response.action == SD_RESPONSE_OFFER_REDO &&
       !sd_sandbox_get_time (req->json, "redo_start", TRUE, &response.redo_start, error)) ||
      (response.action == SD_RESPONSE_CONTEST &&
       (response.body = sd_sandbox_get_string (req->json, "body", TRUE, error)) == NULL))
    return NULL;

  before = sd_store_get_appointment (req->salon->store,
                                     sd_complaint_get_appointment_id (complaint), error);
  if (before == NULL)
    return NULL;
  answered = sd_store_respond_complaint (req->salon->store, id, &response, &local_error);
  /* As with requests: the clock marks an unanswered complaint missed once reply_by has
   * passed, and the API calls an answer after that "deadline_passed". */
  if (answered == NULL && sd_complaint_get_status (complaint) == SD_COMPLAINT_MISSED &&
      g_error_matches (local_error, SD_POLICY_ERROR, SD_POLICY_ERROR_INVALID_TRANSITION))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, SD_POLICY_ERROR, SD_POLICY_ERROR_DEADLINE_PASSED,
                   _("Too late: the deadline to answer this complaint has passed."));
    }
  if (answered == NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  after = sd_store_get_appointment (req->salon->store, sd_appointment_get_id (before), error);
  if (after == NULL || !sd_sandbox_record_complaint (req->server, req->salon, answered, error))
    return NULL;
  if (sd_appointment_get_state (after) != sd_appointment_get_state (before) ||
      sd_appointment_get_refunded_cents (after) != sd_appointment_get_refunded_cents (before))
    if (!sd_sandbox_record_appointment (req->server, req->salon, before, after, error))
      return NULL;
  return sd_sandbox_complaint_json (req->server, req->salon, answered);
}

const SdSandboxRoute sd_sandbox_v1_routes[] = {
  { "GET", "/v1/changes", 0, get_changes, 0 },
  { "GET", "/v1/attachments/*", SD_ROUTE_RAW, get_attachment, 0 },
  { "GET", "/v1/staff", 0, get_staff, 0 },
  { "GET", "/v1/services", 0, get_services, 0 },
  { "POST", "/v1/appointments", SD_ROUTE_MUTATION, post_appointment, 0 },
  { "POST", "/v1/appointments/*/confirm", SD_ROUTE_MUTATION, appointment_action, SD_ACTION_ACCEPT },
  { "POST", "/v1/appointments/*/decline", SD_ROUTE_MUTATION, appointment_action, SD_ACTION_DECLINE },
  { "POST", "/v1/appointments/*/unavailable", SD_ROUTE_MUTATION, appointment_action, SD_ACTION_UNAVAILABLE },
  { "POST", "/v1/appointments/*/cancel", SD_ROUTE_MUTATION, appointment_action, SD_ACTION_CANCEL },
  { "POST", "/v1/appointments/*/reschedule", SD_ROUTE_MUTATION, appointment_action, SD_ACTION_RESCHEDULE },
  { "POST", "/v1/appointments/*/check-in", SD_ROUTE_MUTATION, appointment_action, SD_ACTION_CHECK_IN },
  { "POST", "/v1/appointments/*/check-out", SD_ROUTE_MUTATION, appointment_action, SD_ACTION_CHECK_OUT },
  { "POST", "/v1/appointments/*/no-show", SD_ROUTE_MUTATION, appointment_action, SD_ACTION_NO_SHOW },
  { "POST", "/v1/appointments/*/messages", SD_ROUTE_MUTATION, post_message, 0 },
  { "POST", "/v1/complaints", SD_ROUTE_MUTATION, post_complaint, 0 },
  { "POST", "/v1/complaints/*/comments", SD_ROUTE_MUTATION | SD_ROUTE_MULTIPART, sd_sandbox_post_comment, 0 },
  { "POST", "/v1/complaints/*/respond", SD_ROUTE_MUTATION, respond_complaint, 0 },
};
const guint sd_sandbox_n_v1_routes = G_N_ELEMENTS (sd_sandbox_v1_routes);

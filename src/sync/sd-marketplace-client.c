/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-marketplace-client.c — HTTP to the marketplace; see the header for the rules. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "sd-json.h"
#include "sd-marketplace-client.h"
#include "sd-marketplace-client-private.h"
#include "sd-service.h"
#include "sd-staff.h"

G_DEFINE_FINAL_TYPE (SdMarketplaceClient, sd_marketplace_client, G_TYPE_OBJECT)

#define DEFAULT_TIMEOUT_S 30
/* Cursors are short; a longer one is not what the API promises. */
#define MAX_CURSOR_LENGTH 1024

static void
sd_marketplace_client_finalize (GObject *object)
{
  SdMarketplaceClient *self = SD_MARKETPLACE_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->token);
  G_OBJECT_CLASS (sd_marketplace_client_parent_class)->finalize (object);
}

static void
sd_marketplace_client_class_init (SdMarketplaceClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sd_marketplace_client_finalize;
}

static void
sd_marketplace_client_init (SdMarketplaceClient *self)
{
  self->session = soup_session_new_with_options ("timeout", DEFAULT_TIMEOUT_S,
                                                 "user-agent", "salon-desk/" PACKAGE_VERSION,
                                                 NULL);
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
sd_marketplace_url_is_loopback (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri != NULL && host_is_loopback (g_uri_get_host (uri));
}

SdMarketplaceClient *
sd_marketplace_client_new (const char *base_url, const char *token, GError **error)
{
  g_autoptr(SdMarketplaceClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  gsize len;

  g_return_val_if_fail (base_url != NULL, NULL);

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_INSECURE,
                   _("“%s” is not a marketplace address (https://…)."), base_url);
      return NULL;
    }
  self = g_object_new (SD_TYPE_MARKETPLACE_CLIENT, NULL);
  self->loopback = host_is_loopback (g_uri_get_host (uri));
  if (g_strcmp0 (scheme, "http") == 0 && !self->loopback)
    {
      g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_INSECURE,
                   _("The marketplace must be reached over https://; plain http:// is only "
                     "for a sandbox on this computer."));
      return NULL;
    }
  self->base_url = g_strdup (base_url);
  len = strlen (self->base_url);
  while (len > 0 && self->base_url[len - 1] == '/')
    self->base_url[--len] = '\0';
  self->token = g_strdup (token);
  return g_steal_pointer (&self);
}

const char *
sd_marketplace_client_get_base_url (SdMarketplaceClient *self)
{
  g_return_val_if_fail (SD_IS_MARKETPLACE_CLIENT (self), NULL);
  return self->base_url;
}

void
sd_marketplace_client_set_insecure_loopback (SdMarketplaceClient *self, gboolean insecure)
{
  g_return_if_fail (SD_IS_MARKETPLACE_CLIENT (self));
  self->insecure_loopback = insecure;
}

void
sd_marketplace_client_set_timeout (SdMarketplaceClient *self, guint seconds)
{
  g_return_if_fail (SD_IS_MARKETPLACE_CLIENT (self));
  g_object_set (self->session, "timeout", seconds, NULL);
}

/* ---- One request ---- */

static gboolean
on_accept_certificate (SoupMessage *msg, GTlsCertificate *certificate,
                       GTlsCertificateFlags errors, SdMarketplaceClient *self)
{
  /* Only a sandbox on this computer may present a certificate nobody vouches for. */
  return self->loopback && self->insecure_loopback;
}

static void
set_malformed (GError **error, const GError *cause)
{
  g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_MALFORMED,
               _("The marketplace’s answer is malformed (%s); nothing of it was applied."),
               cause != NULL ? cause->message : _("unexpected content"));
}

void
mc_set_malformed_text (GError **error, const char *what)
{
  g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_MALFORMED,
               _("The marketplace’s answer is malformed (%s); nothing of it was applied."),
               what);
}

/* The API's {"error","message"}; the message is the marketplace's own words. */
void
mc_set_status_error (guint status, GBytes *body, GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  const char *message = NULL;
  g_autofree char *text = NULL;
  SdSyncError code;

  if (body != NULL)
    root = sd_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *m = json_object_get_member (json_node_get_object (root), "message");

      if (m != NULL && JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_STRING)
        message = json_node_get_string (m);
    }

  switch (status)
    {
    case 400: code = SD_SYNC_ERROR_BAD_REQUEST; break;
    case 401: code = SD_SYNC_ERROR_UNAUTHORIZED; break;
    case 404: code = SD_SYNC_ERROR_NOT_FOUND; break;
    case 409: code = SD_SYNC_ERROR_CONFLICT; break;
    case 410: code = SD_SYNC_ERROR_CURSOR_EXPIRED; break;
    case 413: code = SD_SYNC_ERROR_TOO_LARGE; break;
    case 423: code = SD_SYNC_ERROR_LOCKED; break;
    case 429: code = SD_SYNC_ERROR_RATE_LIMITED; break;
    default:
      code = status >= 500 ? SD_SYNC_ERROR_SERVER : SD_SYNC_ERROR_REFUSED;
      break;
    }
  if (code == SD_SYNC_ERROR_UNAUTHORIZED)
    text = g_strdup (_("The marketplace did not accept the salon’s token. Connect again with a "
                       "valid token."));
  else if (message != NULL && *message != '\0')
    text = g_strdup (message);
  else if (code == SD_SYNC_ERROR_SERVER)
    text = g_strdup_printf (_("The marketplace is having trouble (HTTP %u); it will be tried "
                              "again."), status);
  else
    text = g_strdup_printf (_("The marketplace answered HTTP %u."), status);
  g_set_error_literal (error, SD_SYNC_ERROR, code, text);
}

static gint64
parse_retry_after (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "Retry-After");
  g_autofree char *text = value != NULL ? g_strstrip (g_strdup (value)) : NULL;
  guint64 seconds;

  /* Only the delay-seconds form: the HTTP-date form would need the wall clock. */
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &seconds, NULL))
    return -1;
  return (gint64) seconds;
}

/* The token, Accept and the keys every request carries. */
void
mc_set_headers (SdMarketplaceClient *self, SoupMessage *msg, const char *accept,
                const char *idempotency_key, gint64 if_match)
{
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  if (self->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (headers, "Authorization", auth);
    }
  soup_message_headers_replace (headers, "Accept", accept);
  if (idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", idempotency_key);
  if (if_match > 0)
    {
      g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", if_match);
      soup_message_headers_replace (headers, "If-Match", etag);
    }
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (on_accept_certificate), self);
}

/* A request that did not get an answer, as an SD_SYNC_ERROR (or cancelled). */
void
mc_set_transport_error (SoupMessage *msg, GError *local_error, GError **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (local_error));
  else if (local_error->domain == G_TLS_ERROR ||
           soup_message_get_tls_peer_certificate_errors (msg) != 0)
    g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_TLS,
                 _("The marketplace’s certificate was refused (%s). Nothing was sent."),
                 local_error->message);
  else
    g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_NETWORK,
                 _("The marketplace cannot be reached (%s)."), local_error->message);
}

/* Sends @msg; returns the body of a 2xx answer, or NULL with the mapped error (and the body
 * of a failed answer in *@error_body). */
GBytes *
mc_exchange (SdMarketplaceClient *self, SoupMessage *msg, gint64 *retry_after_out,
             GBytes **error_body, guint *status_out, GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) answer = NULL;
  guint status;

  if (retry_after_out != NULL)
    *retry_after_out = -1;
  answer = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
  if (answer == NULL)
    {
      mc_set_transport_error (msg, local_error, error);
      return NULL;
    }
  status = soup_message_get_status (msg);
  if (status_out != NULL)
    *status_out = status;
  if (retry_after_out != NULL)
    *retry_after_out = parse_retry_after (msg);
  if (status >= 200 && status < 300)
    return g_steal_pointer (&answer);
  mc_set_status_error (status, answer, error);
  if (error_body != NULL)
    *error_body = g_steal_pointer (&answer);
  return NULL;
}

/* A JSON request: @body (may be NULL) to @path; see mc_exchange(). */
static GBytes *
send_request (SdMarketplaceClient *self, const char *method, const char *path,
              const char *body, const char *idempotency_key, gint64 if_match,
              gint64 *retry_after_out, GBytes **error_body, guint *status_out,
              GCancellable *cancellable, GError **error)
{
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);

  if (retry_after_out != NULL)
    *retry_after_out = -1;
  if (msg == NULL)
    {
      g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_BAD_REQUEST,
                   _("“%s” is not a valid marketplace address."), url);
      return NULL;
    }
  mc_set_headers (self, msg, "application/json", idempotency_key, if_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  return mc_exchange (self, msg, retry_after_out, error_body, status_out, cancellable, error);
}

JsonNode *
mc_parse_answer (GBytes *bytes, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root = sd_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  &local_error);

  if (root == NULL)
    set_malformed (error, local_error);
  return root;
}

/* ---- Strict member readers for the shapes sd-json does not cover ---- */

gboolean
mc_member_string (JsonObject *obj, const char *member, gsize max, const char **out, GError **error)
{
  JsonNode *node = json_object_get_member (obj, member);
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      (text = json_node_get_string (node)) == NULL || *text == '\0' || strlen (text) > max ||
      !g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is not a valid string"), member);
      mc_set_malformed_text (error, what);
      return FALSE;
    }
  *out = text;
  return TRUE;
}

gboolean
mc_member_int (JsonObject *obj, const char *member, gint64 min, gint64 max, gint64 *out,
               GError **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is not a valid number"), member);
      mc_set_malformed_text (error, what);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static JsonArray *
root_array (JsonNode *root, GError **error)
{
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      mc_set_malformed_text (error, _("a list was expected"));
      return NULL;
    }
  return json_node_get_array (root);
}

JsonObject *
mc_element_object (JsonArray *array, guint i, GError **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mc_set_malformed_text (error, _("an element of a list is not an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* ---- Endpoints ---- */

GPtrArray *
sd_marketplace_client_get_changes (SdMarketplaceClient *self, const char *cursor, guint limit,
                                   char **next_cursor_out, gboolean *has_more_out,
                                   GCancellable *cancellable, GError **error)
{
  g_autoptr(GString) path = g_string_new ("/v1/changes?limit=");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  JsonObject *obj;
  JsonNode *list, *more;
  JsonArray *array;
  const char *next;

  g_return_val_if_fail (SD_IS_MARKETPLACE_CLIENT (self), NULL);

  g_string_append_printf (path, "%u", CLAMP (limit, 1, 500));
  if (cursor != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);
      g_string_append_printf (path, "&cursor=%s", escaped);
    }
  bytes = send_request (self, "GET", path->str, NULL, NULL, 0, NULL, NULL, NULL, cancellable,
                        error);
  if (bytes == NULL || (root = mc_parse_answer (bytes, error)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      mc_set_malformed_text (error, _("the page of changes is not an object"));
      return NULL;
    }
  obj = json_node_get_object (root);
  list = json_object_get_member (obj, "changes");
  more = json_object_get_member (obj, "has_more");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      mc_set_malformed_text (error, _("“changes” is not a list"));
      return NULL;
    }
  if (more == NULL || !JSON_NODE_HOLDS_VALUE (more) ||
      json_node_get_value_type (more) != G_TYPE_BOOLEAN)
    {
      mc_set_malformed_text (error, _("“has_more” is not true or false"));
      return NULL;
    }
  if (!mc_member_string (obj, "next_cursor", MAX_CURSOR_LENGTH, &next, error))
    return NULL;

  array = json_node_get_array (list);
  if (json_array_get_length (array) > 500)
    {
      mc_set_malformed_text (error, _("the page holds more changes than asked for"));
      return NULL;
    }
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_remote_change_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local_error = NULL;
      JsonObject *change = mc_element_object (array, i, error);
      JsonNode *data;
      const char *kind;
      gint64 seq;
      SdRemoteChange *parsed;

      if (change == NULL ||
          !mc_member_int (change, "seq", 0, G_MAXINT64, &seq, error) ||
          !mc_member_string (change, "kind", 32, &kind, error))
        return NULL;
      data = json_object_get_member (change, "data");
      parsed = sd_remote_change_parse (kind, data, &local_error);
      if (parsed == NULL)
        {
          set_malformed (error, local_error);
          return NULL;
        }
      parsed->seq = seq;
      g_ptr_array_add (changes, parsed);
    }
  if (next_cursor_out != NULL)
    *next_cursor_out = g_strdup (next);
  if (has_more_out != NULL)
    *has_more_out = json_node_get_boolean (more);
  return g_steal_pointer (&changes);
}

GPtrArray *
sd_marketplace_client_get_staff (SdMarketplaceClient *self, GCancellable *cancellable,
                                 GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  g_return_val_if_fail (SD_IS_MARKETPLACE_CLIENT (self), NULL);

  bytes = send_request (self, "GET", "/v1/staff", NULL, NULL, 0, NULL, NULL, NULL, cancellable,
                        error);
  if (bytes == NULL || (root = mc_parse_answer (bytes, error)) == NULL ||
      (array = root_array (root, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = mc_element_object (array, i, error);
      const char *id, *name;
      SdStaff *staff;

      if (obj == NULL || !mc_member_string (obj, "id", MAX_ID_LENGTH, &id, error) ||
          !mc_member_string (obj, "name", SD_JSON_MAX_STRING, &name, error))
        return NULL;
      staff = sd_staff_new ();
      sd_staff_set_remote_id (staff, id);
      sd_staff_set_name (staff, name);
      g_ptr_array_add (list, staff);
    }
  return g_steal_pointer (&list);
}

GPtrArray *
sd_marketplace_client_get_services (SdMarketplaceClient *self, GCancellable *cancellable,
                                    GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  g_return_val_if_fail (SD_IS_MARKETPLACE_CLIENT (self), NULL);

  bytes = send_request (self, "GET", "/v1/services", NULL, NULL, 0, NULL, NULL, NULL,
                        cancellable, error);
  if (bytes == NULL || (root = mc_parse_answer (bytes, error)) == NULL ||
      (array = root_array (root, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = mc_element_object (array, i, error);
      const char *id, *name, *currency;
      gint64 duration, price;
      SdService *service;

      if (obj == NULL || !mc_member_string (obj, "id", MAX_ID_LENGTH, &id, error) ||
          !mc_member_string (obj, "name", SD_JSON_MAX_STRING, &name, error) ||
          !mc_member_int (obj, "duration_min", 1, 720, &duration, error) ||
          !mc_member_int (obj, "price_cents", 0, G_MAXINT64, &price, error) ||
          !mc_member_string (obj, "currency", 3, &currency, error))
        return NULL;
      service = sd_service_new ();
      sd_service_set_remote_id (service, id);
      sd_service_set_name (service, name);
      sd_service_set_duration_min (service, (int) duration);
      sd_service_set_price_cents (service, price);
      sd_service_set_currency (service, currency);
      g_ptr_array_add (list, service);
    }
  return g_steal_pointer (&list);
}

gboolean
sd_marketplace_client_post (SdMarketplaceClient *self, const char *path, const char *body,
                            const char *idempotency_key, gint64 if_match,
                            const char *answer_kind, SdRemoteChange **answer_out,
                            SdRemoteChange **current_out,
                            gint64 *retry_after_out, GCancellable *cancellable, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) error_body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  SdRemoteChange *change;

  g_return_val_if_fail (SD_IS_MARKETPLACE_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL && idempotency_key != NULL, FALSE);

  if (answer_out != NULL)
    *answer_out = NULL;
  if (current_out != NULL)
    *current_out = NULL;
  bytes = send_request (self, "POST", path, body != NULL ? body : "{}", idempotency_key,
                        if_match, retry_after_out, &error_body, NULL, cancellable, &local_error);
  if (bytes == NULL)
    {
      /* 409: the resource as it now is, for the conflict to be shown. */
      if (g_error_matches (local_error, SD_SYNC_ERROR, SD_SYNC_ERROR_CONFLICT) &&
          error_body != NULL && current_out != NULL && answer_kind != NULL)
        {
          g_autoptr(JsonNode) err_root = sd_json_parse (g_bytes_get_data (error_body, NULL),
                                                        g_bytes_get_size (error_body), NULL);
          if (err_root != NULL && JSON_NODE_HOLDS_OBJECT (err_root))
            *current_out = sd_remote_change_parse (answer_kind,
                                                   json_object_get_member (
                                                     json_node_get_object (err_root), "current"),
                                                   NULL);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (answer_kind == NULL)
    return TRUE;
  if ((root = mc_parse_answer (bytes, error)) == NULL)
    return FALSE;
  change = sd_remote_change_parse (answer_kind, root, &local_error);
  if (change == NULL)
    {
      set_malformed (error, local_error);
      return FALSE;
    }
  if (answer_out != NULL)
    *answer_out = change;
  else
    sd_remote_change_free (change);
  return TRUE;
}

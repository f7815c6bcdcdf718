/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-request.c — reading the members of a request's JSON body strictly (a missing
 * required member or one of the wrong type is a 400 that names it), and the mapping of
 * every error to its HTTP status and API code. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-sandbox-server-private.h"
#include "sd-json.h"
#include "sd-policy-error.h"
#include "sd-time.h"

static JsonNode *
member (JsonObject *obj, const char *name, gboolean required, GError **error)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;
  if (required)
    g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                 _("The member “%s” is required."), name);
  return NULL;
}

static void
wrong_type (const char *name, const char *type, GError **error)
{
  g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
               _("The member “%s” must be %s."), name, type);
}

const char *
sd_sandbox_get_string (JsonObject *obj, const char *name, gboolean required, GError **error)
{
  JsonNode *node = member (obj, name, required, error);
  const char *text;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      wrong_type (name, _("a string"), error);
      return NULL;
    }
  text = json_node_get_string (node);
  if (strlen (text) > SD_JSON_MAX_STRING)
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("The member “%s” is too long."), name);
      return NULL;
    }
  return text;
}

gboolean
sd_sandbox_get_int (JsonObject *obj, const char *name, gboolean required, gint64 *out,
                    GError **error)
{
  JsonNode *node = member (obj, name, required, error);

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      wrong_type (name, _("an integer"), error);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
sd_sandbox_get_bool (JsonObject *obj, const char *name, gboolean *out, GError **error)
{
  JsonNode *node = member (obj, name, FALSE, error);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      wrong_type (name, _("true or false"), error);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
sd_sandbox_get_time (JsonObject *obj, const char *name, gboolean required, gint64 *out,
                     GError **error)
{
  GError *local_error = NULL;
  const char *text = sd_sandbox_get_string (obj, name, required, &local_error);

  if (text == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return !required;
    }
  if (!sd_time_parse_rfc3339 (text, out))
    {
      wrong_type (name, _("an RFC 3339 time with an offset"), error);
      return FALSE;
    }
  return TRUE;
}

JsonObject *
sd_sandbox_get_object (JsonObject *obj, const char *name, gboolean required, GError **error)
{
  JsonNode *node = member (obj, name, required, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (name, _("an object"), error);
      return NULL;
    }
  return json_node_get_object (node);
}

guint
sd_sandbox_error_status (const GError *error, const char **code_out)
{
  static const struct { guint status; const char *code; } sandbox_codes[] = {
    [SD_SANDBOX_ERROR_BAD_REQUEST] = { 400, "bad_request" },
    [SD_SANDBOX_ERROR_UNAUTHORIZED] = { 401, "unauthorized" },
    [SD_SANDBOX_ERROR_NOT_FOUND] = { 404, "not_found" },
    [SD_SANDBOX_ERROR_METHOD] = { 405, "method_not_allowed" },
    [SD_SANDBOX_ERROR_VERSION_CONFLICT] = { 409, "version_conflict" },
    [SD_SANDBOX_ERROR_GONE] = { 410, "cursor_expired" },
    [SD_SANDBOX_ERROR_TOO_LARGE] = { 413, "too_large" },
    [SD_SANDBOX_ERROR_RATE_LIMITED] = { 429, "rate_limited" },
    [SD_SANDBOX_ERROR_UNAVAILABLE] = { 503, "unavailable" },
  };

  if (error->domain == SD_SANDBOX_ERROR && (guint) error->code < G_N_ELEMENTS (sandbox_codes))
    {
      *code_out = sandbox_codes[error->code].code;
      return sandbox_codes[error->code].status;
    }
  if (error->domain == SD_POLICY_ERROR)
    {
      *code_out = sd_policy_error_code (error->code);
      switch ((SdPolicyError) error->code)
        {
        case SD_POLICY_ERROR_LOCKED:
          return 423;
        case SD_POLICY_ERROR_NOT_FOUND:
          return 404;
        default:
          return 422;
        }
    }
  /* Bodies over the size limit never reach the parser (413 before), so its TOO_LARGE is
   * only ever nesting too deep: malformed for the API. */
  if (error->domain == SD_JSON_ERROR)
    {
      *code_out = "bad_request";
      return 400;
    }
  if (error->domain == SD_STORE_ERROR && error->code == SD_STORE_ERROR_NOT_FOUND)
    {
      *code_out = "not_found";
      return 404;
    }
  *code_out = "internal";
  return 500;
}

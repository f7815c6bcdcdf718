/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-request.c — reading the members of a request's JSON body strictly: a missing
 * required member or one of the wrong type is a 400 that names it. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-sandbox-server-private.h"
#include "sd-json.h"
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cli-sync.c — `salon-desk-cli sync`: one pull and push with the marketplace. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-cli.h"
#include "sd-secret.h"
#include "sd-store-sync.h"
#include "sd-sync-engine.h"
#include "sd-time.h"

gboolean
sd_cli_cmd_sync (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SdSyncEngine) engine = NULL;
  g_autoptr(GError) local_error = NULL;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      N_("The marketplace's address (remembered for next time)"), "URL" },
    { NULL }
  };
  gboolean ok;

  context = sd_cli_context_new (cli, NULL,
                                _("Fetch the marketplace's changes, then send unsent actions. "
                                  "The token comes from SALON_DESK_TOKEN or the keyring."),
                                entries);
  if (!sd_cli_parse (cli, context, &argc, &argv, 0, error)
      || !sd_cli_open_store (cli, FALSE, error))
    return FALSE;

  if (url == NULL)
    url = sd_store_get_meta (cli->store, SD_STORE_META_URL, NULL);
  if (url == NULL)
    return sd_cli_usage_error (error, _("No marketplace address yet: give --url URL."));

  token = g_strdup (g_getenv ("SALON_DESK_TOKEN"));
  if (token == NULL || *token == '\0')
    {
      g_clear_pointer (&token, g_free);
      token = sd_secret_lookup_token (url, NULL, &local_error);
      if (token == NULL)
        {
          if (local_error != NULL)
            return sd_cli_usage_error (error, _("The keyring cannot be read (%s): set "
                                                "SALON_DESK_TOKEN instead."),
                                       local_error->message);
          return sd_cli_usage_error (error, _("No token for %s: set SALON_DESK_TOKEN or "
                                              "connect from the app first."), url);
        }
    }
  if (!sd_store_set_meta (cli->store, SD_STORE_META_URL, url, error))
    return FALSE;

  engine = sd_sync_engine_new (cli->store, url, token);
  ok = sd_sync_engine_sync_once (engine, NULL, error);

  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_boolean_member (object, "ok", ok);
      json_object_set_int_member (object, "pending", sd_sync_engine_get_pending (engine));
      json_node_take_object (node, object);
      if (ok)
        sd_cli_print_json (node);
      else
        json_node_unref (node);
    }
  else if (ok)
    g_print (_("Synchronised with %s; %u actions still to send.\n"), url,
             sd_sync_engine_get_pending (engine));
  return ok;
}

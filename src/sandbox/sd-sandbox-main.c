/* SPDX-License-Identifier: GPL-3.0-or-later */
/* salon-desk-sandbox: the sandbox marketplace server. Its first line on stdout is
 * "URL TOKEN", printed once it listens; SIGTERM or SIGINT stop it cleanly (exit 0). */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>
#include <glib-unix.h>

#include "sd-sandbox-server.h"

static gboolean
on_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdSandboxServer) server = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autofree char *db = NULL;
  g_autofree char *token = NULL;
  int port = 0, seed = 0;
  gboolean no_sandbox = FALSE;
  double simulate = 0, rate_limit = 0;
  SdSandboxOptions options;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      N_("Port to listen on at 127.0.0.1 (0 or none: a free port)"), N_("N") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The sandbox database; each salon's data is kept beside it "
         "(default: a temporary folder, removed on exit)"), N_("FILE") },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token,
      N_("Bearer token of the first salon (default: the one in the database, or a new "
         "random one)"), N_("TOKEN") },
    { "no-sandbox-endpoints", 0, 0, G_OPTION_ARG_NONE, &no_sandbox,
      N_("Serve only the marketplace API (/v1/), without the /sandbox/ extras"), NULL },
    { "simulate", 0, 0, G_OPTION_ARG_DOUBLE, &simulate,
      N_("Simulate client activity (bookings, cancellations, messages, complaints, "
         "reviews) at RATE a minute"), N_("RATE") },
    { "rate-limit", 0, 0, G_OPTION_ARG_DOUBLE, &rate_limit,
      N_("Answer 429 with Retry-After past N requests a second per salon (default: no "
         "limit)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
      N_("Seed for injected faults and the simulation, to repeat a run (default: random)"),
      N_("N") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("The sandbox booking marketplace: a real HTTP server with "
                                  "the marketplace API (docs/api.md), for demos, development "
                                  "and tests.\n\nThe first line printed is “URL TOKEN” once "
                                  "it listens. SIGTERM or SIGINT stop it cleanly."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (port < 0 || port > 65535 || simulate < 0 || rate_limit < 0 || argc > 1)
    {
      g_printerr (_("Invalid arguments: see --help.\n"));
      return 2;
    }

  sd_sandbox_options_init (&options);
  options.db_path = db;
  options.token = token;
  options.sandbox_endpoints = !no_sandbox;
  options.simulate_per_min = simulate;
  options.rate_limit = rate_limit;
  options.seed = (guint32) seed;

  loop = g_main_loop_new (NULL, FALSE);
  server = sd_sandbox_server_new (&options, &error);
  if (server == NULL || !sd_sandbox_server_listen (server, (guint) port, &error))
    {
      g_printerr (_("salon-desk-sandbox: %s\n"), error->message);
      return 1;
    }
  g_unix_signal_add (SIGTERM, on_signal, loop);
  g_unix_signal_add (SIGINT, on_signal, loop);

  printf ("%s %s\n", sd_sandbox_server_get_url (server), sd_sandbox_server_get_token (server));
  fflush (stdout);

  g_main_loop_run (loop);
  sd_sandbox_server_shutdown (server);
  return EXIT_SUCCESS;
}

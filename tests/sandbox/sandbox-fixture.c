/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "sandbox-fixture.h"

/* How long a test waits for the server to start or stop before it fails. */
#define WAIT_SECONDS 20

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
launch (SandboxServer *server, const char *const *args)
{
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;
  g_auto (GStrv) parts = NULL;

  g_ptr_array_add (argv, (char *) SD_SANDBOX_BIN);
  g_ptr_array_add (argv, (char *) "--port=0");
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, server->db);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata,
                                                  &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  parts = g_strsplit (line, " ", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_true (g_str_has_prefix (parts[0], "http://127.0.0.1:"));
  g_free (server->url);
  g_free (server->token);
  server->url = g_strdup (parts[0]);
  server->token = g_strdup (parts[1]);
}

SandboxServer *
sandbox_server_start (const char *const *args)
{
  SandboxServer *server = g_new0 (SandboxServer, 1);
  g_autoptr (GError) error = NULL;

  server->dir = g_dir_make_tmp ("sd-sandbox-test-XXXXXX", &error);
  g_assert_no_error (error);
  server->db = g_build_filename (server->dir, "sandbox.sqlite", NULL);
  /* No proxy: the tests talk to 127.0.0.1 only. */
  server->session = soup_session_new_with_options ("timeout", WAIT_SECONDS,
                                                   "proxy-resolver", NULL, NULL);
  launch (server, args);
  return server;
}

void
sandbox_server_restart (SandboxServer *server, const char *const *args)
{
  g_assert_null (server->process);
  launch (server, args);
}

static void
on_waited (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

int
sandbox_server_stop (SandboxServer *server)
{
  gboolean done = FALSE, timed_out = FALSE;
  guint timeout;
  int status = -1;

  if (server->process == NULL)
    return -1;
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait_async (server->process, NULL, on_waited, &done);
  timeout = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);
  while (!done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  if (!done)
    {
      g_subprocess_force_exit (server->process);
      g_subprocess_wait (server->process, NULL, NULL);
    }
  else if (g_subprocess_get_if_exited (server->process))
    status = g_subprocess_get_exit_status (server->process);
  g_clear_object (&server->process);
  return status;
}

void
sandbox_server_free (SandboxServer *server)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (server == NULL)
    return;
  sandbox_server_stop (server);
  dir = g_dir_open (server->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (server->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (server->dir);
  g_clear_object (&server->session);
  g_free (server->dir);
  g_free (server->db);
  g_free (server->url);
  g_free (server->token);
  g_free (server);
}

SandboxResponse *
sandbox_send (SandboxServer *server, SoupMessage *msg)
{
  SandboxResponse *response = g_new0 (SandboxResponse, 1);
  const char *retry_after;

  response->body = soup_session_send_and_read (server->session, msg, NULL, &response->error);
  if (response->body == NULL)
    return response;
  response->status = soup_message_get_status (msg);
  retry_after = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                              "Retry-After");
  response->retry_after = g_strdup (retry_after);
  response->json = json_from_string (g_bytes_get_size (response->body) > 0
                                     ? g_bytes_get_data (response->body, NULL) : "", NULL);
  return response;
}

SandboxResponse *
sandbox_request (SandboxServer *server, const char *method, const char *path,
                 const char *token, const char *key, const char *if_match, const char *json)
{
  g_autofree char *uri = g_strconcat (server->url, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, uri);
  SoupMessageHeaders *headers;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", key);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (json != NULL)
    {
      g_autoptr (GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  return sandbox_send (server, msg);
}

void
sandbox_response_free (SandboxResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_clear_error (&response->error);
  g_free (response->retry_after);
  g_free (response);
}

const char *
sandbox_json_string (SandboxResponse *response, const char *member)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_object_get_string_member_with_default (json_node_get_object (response->json),
                                                     member, NULL);
}

gint64
sandbox_json_int (SandboxResponse *response, const char *member)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_object_get_int_member_with_default (json_node_get_object (response->json),
                                                  member, -1);
}

char *
sandbox_key (void)
{
  return g_uuid_string_random ();
}

char *
sandbox_book (SandboxServer *server, const char *token, const char *start,
              const char *payment_mode, gboolean instant)
{
  g_autofree char *key = sandbox_key ();
  g_autofree char *body = g_strdup_printf (
    "{\"start\":\"%s\",\"service\":{\"name\":\"Cut & blow-dry\",\"duration_min\":45,"
    "\"price_cents\":4500,\"currency\":\"EUR\"},\"client\":{\"name\":\"Anna Rossi\","
    "\"email\":\"anna@example.com\",\"phone\":\"+31 6 1234 5678\"},"
    "\"payment_mode\":\"%s\",\"instant\":%s}",
    start, payment_mode, instant ? "true" : "false");
  g_autoptr (SandboxResponse) r = sandbox_request (server, "POST", "/sandbox/bookings", token,
                                                   key, NULL, body);

  g_assert_cmpuint (r->status, ==, 201);
  return g_strdup (sandbox_json_string (r, "id"));
}

void
sandbox_set_clock (SandboxServer *server, const char *now)
{
  g_autofree char *key = sandbox_key ();
  g_autofree char *body = g_strdup_printf ("{\"now\":\"%s\"}", now);
  g_autoptr (SandboxResponse) r = sandbox_request (server, "POST", "/sandbox/clock",
                                                   server->token, key, NULL, body);

  g_assert_cmpuint (r->status, ==, 200);
}

JsonArray *
sandbox_pull_all (SandboxServer *server, const char *token, guint limit)
{
  JsonArray *all = json_array_new ();
  g_autofree char *cursor = NULL;

  /* Bounded: no test makes more than this many pages. */
  for (guint page = 0; page < 10000; page++)
    {
      g_autofree char *path = cursor != NULL
        ? g_strdup_printf ("/v1/changes?limit=%u&cursor=%s", limit, cursor)
        : g_strdup_printf ("/v1/changes?limit=%u", limit);
      g_autoptr (SandboxResponse) r = sandbox_request (server, "GET", path, token, NULL, NULL,
                                                       NULL);
      JsonObject *obj;
      JsonArray *changes;

      g_assert_cmpuint (r->status, ==, 200);
      obj = json_node_get_object (r->json);
      changes = json_object_get_array_member (obj, "changes");
      g_assert_cmpuint (json_array_get_length (changes), <=, limit);
      for (guint i = 0; i < json_array_get_length (changes); i++)
        json_array_add_element (all, json_node_copy (json_array_get_element (changes, i)));
      g_free (cursor);
      cursor = g_strdup (json_object_get_string_member (obj, "next_cursor"));
      if (!json_object_get_boolean_member (obj, "has_more"))
        return all;
    }
  g_assert_not_reached ();
}

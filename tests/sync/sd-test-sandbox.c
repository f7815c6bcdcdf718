/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include <sqlite3.h>

#include "sd-clock.h"
#include "sd-test-sandbox.h"

const char *
sd_test_sandbox_binary (void)
{
  const char *path = g_getenv ("SD_SANDBOX");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return path;
}

typedef struct
{
  GMainLoop *loop;
  char *line;
} ReadLine;

static void
on_line (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ReadLine *r = user_data;

  r->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                       NULL, NULL);
  g_main_loop_quit (r->loop);
}

static gboolean
on_timeout (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

SdTestSandbox *
sd_test_sandbox_start (const char *db_path, guint port, const char *token)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GSource) timeout = NULL;
  SdTestSandbox *sandbox = g_new0 (SdTestSandbox, 1);
  ReadLine r = { 0 };
  char **parts;

  g_ptr_array_add (argv, g_strdup (sd_test_sandbox_binary ()));
  g_ptr_array_add (argv, g_strdup ("--port"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", port));
  if (db_path != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--db"));
      g_ptr_array_add (argv, g_strdup (db_path));
    }
  if (token != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--token"));
      g_ptr_array_add (argv, g_strdup (token));
    }
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* A test that aborts must not leave its server running. */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  sandbox->process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata,
                                                   &error);
  g_assert_no_error (error);

  /* The first line, within 20 s: a sandbox that does not start fails the test. */
  g_main_context_push_thread_default (context);
  loop = g_main_loop_new (context, FALSE);
  r.loop = loop;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sandbox->process));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, on_line, &r);
  timeout = g_timeout_source_new_seconds (20);
  g_source_set_callback (timeout, on_timeout, loop, NULL);
  g_source_attach (timeout, context);
  g_main_loop_run (loop);
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);
  g_assert_nonnull (r.line);

  parts = g_strsplit (g_strstrip (r.line), " ", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  sandbox->url = g_strdup (parts[0]);
  sandbox->token = g_strdup (parts[1]);
  g_strfreev (parts);
  g_free (r.line);
  sandbox->port = (guint) g_ascii_strtoull (strrchr (sandbox->url, ':') + 1, NULL, 10);
  sandbox->session = soup_session_new_with_options ("timeout", 60, NULL);
  return sandbox;
}

void
sd_test_sandbox_stop (SdTestSandbox *sandbox)
{
  if (sandbox->process == NULL)
    return;
  g_subprocess_send_signal (sandbox->process, SIGTERM);
  g_subprocess_wait (sandbox->process, NULL, NULL);
  g_clear_object (&sandbox->process);
}

void
sd_test_sandbox_free (SdTestSandbox *sandbox)
{
  if (sandbox == NULL)
    return;
  sd_test_sandbox_stop (sandbox);
  g_clear_object (&sandbox->session);
  g_free (sandbox->url);
  g_free (sandbox->token);
  g_free (sandbox);
}

JsonNode *
sd_test_sandbox_request (SdTestSandbox *sandbox, const char *method, const char *path,
                         const char *body, guint *status_out)
{
  g_autofree char *url = g_strconcat (sandbox->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autofree char *auth = g_strconcat ("Bearer ", sandbox->token, NULL);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_headers_replace (headers, "Authorization", auth);
  if (g_strcmp0 (method, "POST") == 0)
    {
      g_autofree char *key = g_uuid_string_random ();
      g_autoptr(GBytes) bytes = g_bytes_new (body != NULL ? body : "{}",
                                             strlen (body != NULL ? body : "{}"));

      soup_message_headers_replace (headers, "Idempotency-Key", key);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  answer = soup_session_send_and_read (sandbox->session, msg, NULL, &error);
  g_assert_no_error (error);
  if (status_out != NULL)
    *status_out = soup_message_get_status (msg);
  if (g_bytes_get_size (answer) == 0)
    return NULL;
  return json_from_string (g_bytes_get_data (answer, NULL), NULL);
}

JsonNode *
sd_test_sandbox_post (SdTestSandbox *sandbox, const char *path, const char *body)
{
  guint status = 0;
  JsonNode *root = sd_test_sandbox_request (sandbox, "POST", path, body, &status);

  if (status < 200 || status >= 300)
    {
      g_autofree char *text = root != NULL ? json_to_string (root, FALSE) : NULL;
      g_error ("POST %s %s -> %u %s", path, body, status, text);
    }
  return root;
}

GHashTable *
sd_test_sandbox_resources (SdTestSandbox *sandbox, const char *kind)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) json_node_unref);
  g_autofree char *cursor = NULL;

  for (guint page = 0; page < 100000; page++)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonObject *obj;
      JsonArray *changes;
      guint status = 0;

      if (cursor != NULL)
        {
          g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);
          path = g_strdup_printf ("/v1/changes?limit=500&cursor=%s", escaped);
        }
      else
        path = g_strdup ("/v1/changes?limit=500");
      root = sd_test_sandbox_request (sandbox, "GET", path, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      obj = json_node_get_object (root);
      changes = json_object_get_array_member (obj, "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          JsonNode *data = json_object_get_member (change, "data");

          if (g_strcmp0 (json_object_get_string_member (change, "kind"), kind) != 0)
            continue;
          g_hash_table_replace (table,
                                g_strdup (json_object_get_string_member (
                                  json_node_get_object (data), "id")),
                                json_node_copy (data));
        }
      g_free (cursor);
      cursor = g_strdup (json_object_get_string_member (obj, "next_cursor"));
      if (!json_object_get_boolean_member (obj, "has_more"))
        break;
    }
  return table;
}

SdStore *
sd_test_desk_new (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(SdClock) clock = sd_clock_new_system ();
  g_autoptr(GError) error = NULL;
  SdStore *store = sd_store_open (path, clock, &error);

  g_assert_no_error (error);
  g_assert_true (sd_store_init_salon (store, "Salon Test", "Europe/Amsterdam", "EUR", &error));
  g_assert_no_error (error);
  return store;
}

char *
sd_test_rfc3339 (gint64 instant)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (instant);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S+00:00");
}

void
sd_test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        sd_test_rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* One integer from the desk's database, read beside the store's connection. */
gint64
sd_test_db_int (SdStore *store, const char *sql, const char *arg)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (sd_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
sd_test_db_text (SdStore *store, const char *sql, const char *arg)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (sd_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}


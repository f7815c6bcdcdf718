/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sync engine against a real sandbox marketplace on 127.0.0.1: pulling, walk-ins seen
 * by a second desk, conflicts, refusals, 401, offline then online, 410, kill -9. */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "sd-clock.h"
#include "sd-history-entry.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-store-sync.h"
#include "sd-sync-engine.h"
#include "sd-test-sandbox.h"

typedef struct
{
  char *dir;
  SdTestSandbox *sandbox;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("sd-sync-XXXXXX", &error);
  g_assert_no_error (error);
  f->sandbox = sd_test_sandbox_start (NULL, 0, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sd_test_sandbox_free (f->sandbox);
  sd_test_rm_rf (f->dir);
  g_free (f->dir);
}

static SdSyncEngine *
engine_new (Fixture *f, SdStore *store)
{
  SdSyncEngine *engine = sd_sync_engine_new (store, f->sandbox->url, f->sandbox->token);
  g_autoptr(SdBackoff) backoff = sd_backoff_new (5, 50);

  sd_sync_engine_set_backoff (engine, backoff);
  sd_sync_engine_set_max_attempts (engine, 20);
  return engine;
}

static void
sync_ok (SdSyncEngine *engine)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = sd_sync_engine_sync_once (engine, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

#define db_int sd_test_db_int
#define db_text sd_test_db_text

static gint64
local_id_of (SdStore *store, const char *table, const char *remote_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE remote_id = ?", table);

  return db_int (store, sql, remote_id);
}

/* A start on a whole hour, @hours from now (in the future for the rules). */
static gint64
hour_from_now (gint64 hours)
{
  g_autoptr(SdClock) clock = sd_clock_new_system ();
  gint64 now = sd_clock_get_now (clock);

  return now - now % 3600 + hours * 3600;
}

/* A client's request on the marketplace; returns its remote id. */
static char *
client_books (Fixture *f, const char *staff, gint64 start, const char *client)
{
  g_autofree char *when = sd_test_rfc3339 (start);
  g_autofree char *body = g_strdup_printf (
    "{\"start\":\"%s\",\"staff_id\":\"%s\",\"service\":{\"name\":\"Cut & blow-dry\","
    "\"duration_min\":45,\"price_cents\":4500,\"currency\":\"EUR\"},\"client\":{\"name\":\"%s\","
    "\"email\":\"%s@example.com\",\"phone\":\"+39 333 000\"},\"payment_mode\":\"prepaid\"}",
    when, staff, client, client);
  g_autoptr(JsonNode) answer = sd_test_sandbox_post (f->sandbox, "/sandbox/bookings", body);

  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "id"));
}

static SdAppointment *
walk_in (SdStore *store, const char *staff_remote, gint64 start, const char *client,
         GError **error)
{
  g_autofree char *email = NULL;
  SdNewAppointment spec;

  sd_new_appointment_init (&spec);
  spec.start = start;
  spec.staff_id = local_id_of (store, "staff", staff_remote);
  spec.service_id = local_id_of (store, "services", "svc_1");
  spec.client_name = client;
  spec.client_email = email = g_strdup_printf ("%s@example.com", client);
  spec.state = SD_STATE_CONFIRMED;
  g_assert_cmpint (spec.staff_id, >, 0);
  g_assert_cmpint (spec.service_id, >, 0);
  return sd_store_create_appointment (store, &spec, error);
}

static SdAppointment *
perform (SdStore *store, const char *remote_id, SdAction action, const char *text)
{
  g_autoptr(GError) error = NULL;
  SdActionRequest req;
  SdAppointment *a;

  sd_action_request_init (&req, action);
  req.text = text;
  a = sd_store_perform (store, local_id_of (store, "appointments", remote_id), &req, &error);
  g_assert_no_error (error);
  return a;
}

static const char *
remote_status (Fixture *f, const char *remote_id)
{
  g_autoptr(GHashTable) all = sd_test_sandbox_resources (f->sandbox, "appointment");
  JsonNode *node = g_hash_table_lookup (all, remote_id);

  g_assert_nonnull (node);
  return g_intern_string (json_object_get_string_member (json_node_get_object (node), "status"));
}

/* ---- Tests ---- */

static void
test_pull (Fixture *f, gconstpointer data)
{
  g_autoptr(SdStore) desk = sd_test_desk_new (f->dir, "desk.db");
  g_autoptr(SdSyncEngine) engine = engine_new (f, desk);
  g_autofree char *a1 = client_books (f, "stf_1", hour_from_now (48), "Anna");
  g_autofree char *a2 = client_books (f, "stf_2", hour_from_now (49), "Bram");
  g_autofree char *cursor = NULL;

  sync_ok (engine);
  /* The marketplace's staff and services, mapped to local rows. */
  g_assert_cmpint (local_id_of (desk, "staff", "stf_1"), >, 0);
  g_assert_cmpint (local_id_of (desk, "services", "svc_1"), >, 0);
  /* The requests, with their versions and states, once each. */
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM appointments", NULL), ==, 2);
  g_assert_cmpstr (db_text (desk, "SELECT state FROM appointments WHERE remote_id = ?", a1), ==,
                   "requested");
  g_assert_cmpint (db_int (desk, "SELECT version FROM appointments WHERE remote_id = ?", a2), ==,
                   1);
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM transactions", NULL), >, 0);
  cursor = sd_store_get_meta (desk, SD_STORE_META_CURSOR, NULL);
  g_assert_nonnull (cursor);
  g_assert_cmpint (sd_sync_engine_get_state (engine), ==, SD_SYNC_STATE_IDLE);
  g_assert_cmpint (sd_sync_engine_get_last_sync (engine), >, 0);

  /* A second pass changes nothing. */
  sync_ok (engine);
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM appointments", NULL), ==, 2);
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM history", NULL), ==, 2);
}

static void
test_two_desks (Fixture *f, gconstpointer data)
{
  g_autoptr(SdStore) desk_a = sd_test_desk_new (f->dir, "a.db");
  g_autoptr(SdStore) desk_b = sd_test_desk_new (f->dir, "b.db");
  g_autoptr(SdSyncEngine) sync_a = engine_new (f, desk_a);
  g_autoptr(SdSyncEngine) sync_b = engine_new (f, desk_b);
  g_autoptr(SdAppointment) booked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *message = NULL;
  g_autoptr(SdAppointment) b_side = NULL;

  sync_ok (sync_a);
  sync_ok (sync_b);
  booked = walk_in (desk_a, "stf_2", hour_from_now (30), "Walk-in Wim", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_store_sync_count_unsent (desk_a, NULL), ==, 1);

  sync_ok (sync_a);
  g_assert_cmpuint (sd_sync_engine_get_pending (sync_a), ==, 0);
  remote = db_text (desk_a, "SELECT remote_id FROM appointments WHERE id = ?",
                    g_strdup_printf ("%" G_GINT64_FORMAT, sd_appointment_get_id (booked)));
  g_assert_nonnull (remote);
  g_assert_true (g_str_has_prefix (remote, "apt_"));
  g_assert_cmpstr (remote_status (f, remote), ==, "confirmed");

  /* The other desk sees it, once, under the same id. */
  sync_ok (sync_b);
  g_assert_cmpint (db_int (desk_b, "SELECT count(*) FROM appointments WHERE remote_id = ?",
                           remote), ==, 1);
  g_assert_cmpint (db_int (desk_b, "SELECT count(*) FROM appointments", NULL), ==, 1);

  /* Desk B messages the client; desk A sees the message, and only once. */
  b_side = perform (desk_b, remote, SD_ACTION_MESSAGE, "See you at the salon");
  sync_ok (sync_b);
  sync_ok (sync_a);
  g_assert_cmpint (db_int (desk_a, "SELECT count(*) FROM messages WHERE body = ?",
                           "See you at the salon"), ==, 1);
  g_assert_cmpint (db_int (desk_b, "SELECT count(*) FROM messages WHERE body = ?",
                           "See you at the salon"), ==, 1);
  message = db_text (desk_b, "SELECT remote_id FROM messages WHERE body = ?",
                     "See you at the salon");
  g_assert_nonnull (message);
  /* Pulling again does not double it. */
  sync_ok (sync_b);
  g_assert_cmpint (db_int (desk_b, "SELECT count(*) FROM messages WHERE body = ?",
                           "See you at the salon"), ==, 1);
}

static gboolean
history_has (SdStore *store, gint64 appointment_id, const char *needle)
{
  g_autoptr(GPtrArray) history = sd_store_list_history (store, appointment_id, NULL);

  g_assert_nonnull (history);
  for (guint i = 0; i < history->len; i++)
    {
      const char *detail = sd_history_entry_get_detail (g_ptr_array_index (history, i));
      if (detail != NULL && strstr (detail, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr(SdStore) desk = sd_test_desk_new (f->dir, "desk.db");
  g_autoptr(SdSyncEngine) engine = engine_new (f, desk);
  g_autofree char *remote = client_books (f, "stf_1", hour_from_now (72), "Carla");
  g_autofree char *path = g_strdup_printf ("/sandbox/appointments/%s/client-cancel", remote);
  g_autoptr(JsonNode) cancelled = NULL;
  g_autoptr(SdAppointment) confirmed = NULL;
  g_autofree char *outbox_state = NULL;
  gint64 id;

  sync_ok (engine);
  /* The desk confirms while the client cancels on the marketplace. */
  confirmed = perform (desk, remote, SD_ACTION_ACCEPT, NULL);
  g_assert_cmpint (sd_appointment_get_state (confirmed), ==, SD_STATE_CONFIRMED);
  cancelled = sd_test_sandbox_post (f->sandbox, path, "{\"reason\":\"client_request\"}");

  sync_ok (engine);
  id = local_id_of (desk, "appointments", remote);
  /* Nothing overwritten: the marketplace keeps the cancellation, the desk shows it, and the
   * history says what happened to the confirmation. */
  g_assert_cmpstr (remote_status (f, remote), ==, "cancelled");
  g_assert_cmpstr (db_text (desk, "SELECT state FROM appointments WHERE remote_id = ?", remote),
                   ==, "cancelled");
  g_assert_true (history_has (desk, id, "The client cancelled this appointment at"));
  g_assert_true (history_has (desk, id, "your confirmation was not sent"));
  outbox_state = db_text (desk, "SELECT state FROM outbox WHERE action = 'confirm'", NULL);
  g_assert_cmpstr (outbox_state, ==, "failed");
  g_assert_cmpuint (sd_sync_engine_get_pending (engine), ==, 0);
}

static void
test_overlap_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(SdStore) desk_a = sd_test_desk_new (f->dir, "a.db");
  g_autoptr(SdStore) desk_b = sd_test_desk_new (f->dir, "b.db");
  g_autoptr(SdSyncEngine) sync_a = engine_new (f, desk_a);
  g_autoptr(SdSyncEngine) sync_b = engine_new (f, desk_b);
  g_autoptr(SdAppointment) mine = NULL;
  g_autoptr(SdAppointment) theirs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = hour_from_now (50);
  g_autofree char *state = NULL;

  sync_ok (sync_a);
  sync_ok (sync_b);
  /* Both desks book the same slot of the same stylist; B sends first. */
  mine = walk_in (desk_a, "stf_3", start, "Dirk", &error);
  g_assert_no_error (error);
  theirs = walk_in (desk_b, "stf_3", start, "Eva", &error);
  g_assert_no_error (error);
  sync_ok (sync_b);

  /* A's booking is refused (422 overlap): rolled back, with the reason in its history, and
   * never sent again. */
  sync_ok (sync_a);
  state = db_text (desk_a, "SELECT state FROM appointments WHERE id = ?",
                   g_strdup_printf ("%" G_GINT64_FORMAT, sd_appointment_get_id (mine)));
  g_assert_cmpstr (state, ==, "cancelled");
  g_assert_true (history_has (desk_a, sd_appointment_get_id (mine), "The marketplace refused: "));
  g_assert_cmpint (db_int (desk_a, "SELECT attempts FROM outbox WHERE appointment_id = ?",
                           g_strdup_printf ("%" G_GINT64_FORMAT, sd_appointment_get_id (mine))),
                   ==, 1);
  g_assert_cmpuint (sd_sync_engine_get_pending (sync_a), ==, 0);
  /* Eva's booking arrived at desk A through the feed. */
  g_assert_cmpint (db_int (desk_a, "SELECT count(*) FROM appointments a JOIN clients c ON"
                                   " c.id = a.client_id WHERE c.name = ?", "Eva"), ==, 1);
}

static void
test_unauthorized (Fixture *f, gconstpointer data)
{
  g_autoptr(SdStore) desk = sd_test_desk_new (f->dir, "desk.db");
  g_autoptr(SdSyncEngine) engine = sd_sync_engine_new (desk, f->sandbox->url, "sk_wrong");
  g_autoptr(GError) error = NULL;

  g_assert_false (sd_sync_engine_sync_once (engine, NULL, &error));
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_UNAUTHORIZED);
  g_assert_cmpint (sd_sync_engine_get_state (engine), ==, SD_SYNC_STATE_UNAUTHORIZED);
  g_assert_nonnull (sd_sync_engine_get_last_error (engine));
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM staff WHERE remote_id IS NOT NULL", NULL),
                   ==, 0);
}

static void
test_offline (Fixture *f, gconstpointer data)
{
  g_autofree char *sandbox_db = g_build_filename (f->dir, "sandbox.db", NULL);
  g_autoptr(SdStore) desk = sd_test_desk_new (f->dir, "desk.db");
  g_autoptr(SdSyncEngine) engine = NULL;
  g_autoptr(SdAppointment) booked = NULL;
  g_autoptr(SdAppointment) messaged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *token = g_strdup ("sk_test_offline_token");
  g_autoptr(GHashTable) messages = NULL;
  guint port;

  /* A sandbox with its own file, so it can be stopped and started again. */
  sd_test_sandbox_free (f->sandbox);
  f->sandbox = sd_test_sandbox_start (sandbox_db, 0, token);
  port = f->sandbox->port;
  engine = engine_new (f, desk);
  sd_sync_engine_set_max_attempts (engine, 2);
  remote = client_books (f, "stf_1", hour_from_now (40), "Fleur");
  sync_ok (engine);

  sd_test_sandbox_stop (f->sandbox);
  /* Offline: the desk keeps working and counts what waits. */
  perform (desk, remote, SD_ACTION_ACCEPT, NULL);
  messaged = perform (desk, remote, SD_ACTION_MESSAGE, "We are expecting you");
  booked = walk_in (desk, "stf_2", hour_from_now (41), "Gijs", &error);
  g_assert_no_error (error);
  g_assert_false (sd_sync_engine_sync_once (engine, NULL, &error));
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpint (sd_sync_engine_get_state (engine), ==, SD_SYNC_STATE_OFFLINE);
  g_assert_cmpuint (sd_sync_engine_get_pending (engine), ==, 3);

  /* Back on the same file and port: everything goes, once. */
  sd_test_sandbox_free (f->sandbox);
  f->sandbox = sd_test_sandbox_start (sandbox_db, port, token);
  sync_ok (engine);
  g_assert_cmpuint (sd_sync_engine_get_pending (engine), ==, 0);
  g_assert_cmpint (sd_sync_engine_get_state (engine), ==, SD_SYNC_STATE_IDLE);
  g_assert_cmpstr (remote_status (f, remote), ==, "confirmed");
  messages = sd_test_sandbox_resources (f->sandbox, "message");
  {
    GHashTableIter iter;
    gpointer value;
    guint n = 0;

    g_hash_table_iter_init (&iter, messages);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (g_strcmp0 (json_object_get_string_member (json_node_get_object (value), "body"),
                     "We are expecting you") == 0)
        n++;
    g_assert_cmpuint (n, ==, 1);
  }
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM appointments WHERE remote_id IS NULL",
                           NULL), ==, 0);
}

static void
test_cursor_expired (Fixture *f, gconstpointer data)
{
  g_autoptr(SdStore) desk = sd_test_desk_new (f->dir, "desk.db");
  g_autoptr(SdSyncEngine) engine = engine_new (f, desk);
  g_autofree char *first = client_books (f, "stf_1", hour_from_now (60), "Hanna");
  g_autofree char *second = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SdAppointment) local = NULL;
  g_autoptr(JsonNode) compacted = NULL;

  sync_ok (engine);
  /* An unsent action, then the feed forgets the desk's place. */
  local = perform (desk, first, SD_ACTION_MESSAGE, "Kept across the resync");
  second = client_books (f, "stf_2", hour_from_now (61), "Ivo");
  path = g_strdup_printf ("{\"appointment_id\":\"%s\",\"body\":\"Running late\"}", first);
  sd_test_sandbox_post (f->sandbox, "/sandbox/messages", path);
  compacted = sd_test_sandbox_post (f->sandbox, "/sandbox/compact", "{}");

  sync_ok (engine);
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM messages WHERE body = ?", "Running late"),
                   ==, 1);
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM appointments WHERE remote_id = ?",
                           second), ==, 1);
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM appointments", NULL), ==, 2);
  /* The unsent message survived the resync and was sent. */
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM outbox WHERE action = 'message'"
                                 " AND state = 'sent'", NULL), ==, 1);
}

/* ---- Automatic mode (the app's path: passes in a worker thread) ---- */

typedef struct
{
  GMainLoop *loop;
  gboolean (*done) (SdSyncEngine *engine);
} Wait;

static void
on_status (SdSyncEngine *engine, Wait *wait)
{
  if (wait->done (engine))
    g_main_loop_quit (wait->loop);
}

static gboolean
wait_timeout (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
wait_for (SdSyncEngine *engine, gboolean (*done) (SdSyncEngine *))
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, done };
  gulong handler = g_signal_connect (engine, "status-changed", G_CALLBACK (on_status), &wait);
  guint timeout = g_timeout_add_seconds (20, wait_timeout, loop);

  if (!done (engine))
    g_main_loop_run (loop);
  g_signal_handler_disconnect (engine, handler);
  g_source_remove (timeout);
  g_assert_true (done (engine));
}

static gboolean
synced_and_idle (SdSyncEngine *engine)
{
  return sd_sync_engine_get_state (engine) == SD_SYNC_STATE_IDLE &&
         sd_sync_engine_get_last_sync (engine) > 0 && sd_sync_engine_get_pending (engine) == 0;
}

static void
test_automatic (Fixture *f, gconstpointer data)
{
  g_autoptr(SdStore) desk = sd_test_desk_new (f->dir, "desk.db");
  g_autoptr(SdSyncEngine) engine = engine_new (f, desk);
  g_autoptr(SdAppointment) booked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *remote = client_books (f, "stf_1", hour_from_now (90), "Jet");

  sd_sync_engine_start (engine);
  wait_for (engine, synced_and_idle);
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM appointments WHERE remote_id = ?",
                           remote), ==, 1);

  /* A local action: counted at once, then sent without anyone asking. */
  booked = walk_in (desk, "stf_2", hour_from_now (91), "Koen", &error);
  g_assert_no_error (error);
  sd_sync_engine_local_change (engine);
  g_assert_cmpuint (sd_sync_engine_get_pending (engine), ==, 1);
  wait_for (engine, synced_and_idle);
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM appointments WHERE remote_id IS NULL",
                           NULL), ==, 0);
  sd_sync_engine_stop (engine);
}

/* ---- kill -9 ---- */

static const char *self_exe;

static int
child_sync (const char *db, const char *url, const char *token)
{
  g_autoptr(SdClock) clock = sd_clock_new_system ();
  g_autoptr(SdStore) store = sd_store_open (db, clock, NULL);
  g_autoptr(SdSyncEngine) engine = NULL;

  if (store == NULL)
    return 2;
  engine = sd_sync_engine_new (store, url, token);
  g_print ("syncing\n");
  return sd_sync_engine_sync_once (engine, NULL, NULL) ? 0 : 1;
}

static void
test_kill_9 (Fixture *f, gconstpointer data)
{
  g_autoptr(SdStore) desk = sd_test_desk_new (f->dir, "desk.db");
  g_autoptr(SdSyncEngine) engine = engine_new (f, desk);
  g_autoptr(SdAppointment) booked = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autofree char *key_before = NULL;
  g_autofree char *key_after = NULL;
  g_autofree char *id_text = NULL;
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  sync_ok (engine);
  booked = walk_in (desk, "stf_1", hour_from_now (80), "Killed Kees", &error);
  g_assert_no_error (error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, sd_appointment_get_id (booked));
  key_before = db_text (desk, "SELECT idempotency_key FROM outbox WHERE appointment_id = ?",
                        id_text);

  /* Every answer takes 1.5 s: the child is killed while its booking is on the wire (the
   * sandbox commits it and then answers into a closed socket). */
  sd_test_sandbox_post (f->sandbox, "/sandbox/faults", "{\"delay_ms\":1500}");
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, self_exe, "--child-sync",
                            sd_store_get_path (desk), f->sandbox->url, f->sandbox->token, NULL);
  g_assert_no_error (error);
  g_usleep (G_USEC_PER_SEC * 4);
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, NULL);
  g_assert_false (g_subprocess_get_if_exited (child));
  sd_test_sandbox_post (f->sandbox, "/sandbox/faults", "{\"delay_ms\":0}");

  /* Restarted: nothing lost, nothing sent twice, the same key. */
  key_after = db_text (desk, "SELECT idempotency_key FROM outbox WHERE appointment_id = ?",
                       id_text);
  g_assert_cmpstr (key_before, ==, key_after);
  sync_ok (engine);
  g_assert_cmpuint (sd_sync_engine_get_pending (engine), ==, 0);
  all = sd_test_sandbox_resources (f->sandbox, "appointment");
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JsonObject *client = json_object_get_object_member (json_node_get_object (value), "client");
      if (g_strcmp0 (json_object_get_string_member (client, "name"), "Killed Kees") == 0)
        n++;
    }
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (db_int (desk, "SELECT count(*) FROM appointments", NULL), ==, 1);
  g_assert_nonnull (db_text (desk, "SELECT remote_id FROM appointments WHERE id = ?", id_text));
}

int
main (int argc, char **argv)
{
  if (argc == 5 && g_strcmp0 (argv[1], "--child-sync") == 0)
    return child_sync (argv[2], argv[3], argv[4]);

  g_test_init (&argc, &argv, NULL);
  if (sd_test_sandbox_binary () == NULL)
    {
      g_print ("1..0 # SKIP the sandbox server is not built\n");
      return 0;
    }
  self_exe = g_file_read_link ("/proc/self/exe", NULL);

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/sync/sandbox/pull", test_pull);
  ADD ("/sync/sandbox/two-desks", test_two_desks);
  ADD ("/sync/sandbox/conflict", test_conflict);
  ADD ("/sync/sandbox/overlap-refused", test_overlap_refused);
  ADD ("/sync/sandbox/unauthorized", test_unauthorized);
  ADD ("/sync/sandbox/offline", test_offline);
  ADD ("/sync/sandbox/cursor-expired", test_cursor_expired);
  ADD ("/sync/sandbox/kill-9", test_kill_9);
  ADD ("/sync/sandbox/automatic", test_automatic);
#undef ADD
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exactly once under faults: 1,000 desk actions (confirmations, messages, walk-in bookings)
 * sent to a sandbox that answers 20 % of requests with 503 and loses 10 % of its answers
 * after committing. Afterwards the sandbox holds each effect exactly once, and the desk —
 * and a second desk that pulls from scratch — agree with it. */

#include "config.h"

#include "sd-clock.h"
#include "sd-store-sync.h"
#include "sd-sync-engine.h"
#include "sd-test-sandbox.h"

#define N_REQUESTS 300
#define N_MESSAGES 400
#define N_WALK_INS 300
#define MAX_PASSES 40

static gint64
base_hour (void)
{
  g_autoptr(SdClock) clock = sd_clock_new_system ();
  gint64 now = sd_clock_get_now (clock);

  return now - now % 3600;
}

static SdSyncEngine *
engine_new (SdTestSandbox *sandbox, SdStore *store)
{
  SdSyncEngine *engine = sd_sync_engine_new (store, sandbox->url, sandbox->token);
  g_autoptr(SdBackoff) backoff = sd_backoff_new (1, 10);

  sd_sync_engine_set_backoff (engine, backoff);
  sd_sync_engine_set_max_attempts (engine, 12);
  return engine;
}

static guint
count_where (GHashTable *resources, const char *member, const char *value)
{
  GHashTableIter iter;
  gpointer node;
  guint n = 0;

  g_hash_table_iter_init (&iter, resources);
  while (g_hash_table_iter_next (&iter, NULL, &node))
    if (g_strcmp0 (json_object_get_string_member (json_node_get_object (node), member),
                   value) == 0)
      n++;
  return n;
}

/* Every appointment of the sandbox is in @desk with the same state and version. */
static void
assert_desk_agrees (SdStore *desk, GHashTable *appointments)
{
  GHashTableIter iter;
  gpointer key, node;

  g_assert_cmpint (sd_test_db_int (desk, "SELECT count(*) FROM appointments", NULL), ==,
                   g_hash_table_size (appointments));
  g_hash_table_iter_init (&iter, appointments);
  while (g_hash_table_iter_next (&iter, &key, &node))
    {
      JsonObject *obj = json_node_get_object (node);
      g_autofree char *state = sd_test_db_text (desk, "SELECT state FROM appointments"
                                                      " WHERE remote_id = ?", key);

      g_assert_cmpstr (state, ==, json_object_get_string_member (obj, "status"));
      g_assert_cmpint (sd_test_db_int (desk, "SELECT version FROM appointments"
                                             " WHERE remote_id = ?", key), ==,
                       json_object_get_int_member (obj, "version"));
    }
}

static void
test_exactly_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sd-sync-faults-XXXXXX", &error);
  g_autoptr(SdTestSandbox) sandbox = sd_test_sandbox_start (NULL, 0, NULL);
  g_autoptr(SdStore) desk = sd_test_desk_new (dir, "desk.db");
  g_autoptr(SdStore) fresh = sd_test_desk_new (dir, "fresh.db");
  g_autoptr(SdSyncEngine) engine = engine_new (sandbox, desk);
  g_autoptr(SdSyncEngine) fresh_engine = engine_new (sandbox, fresh);
  g_autoptr(GHashTable) appointments = NULL;
  g_autoptr(GHashTable) messages = NULL;
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_free);
  gint64 base = base_hour ();
  guint passes = 0;

  g_assert_no_error (error);
  g_assert_true (sd_sync_engine_sync_once (engine, NULL, &error));
  g_assert_no_error (error);

  /* Clients' requests, then the desk learns of them. */
  for (guint i = 0; i < N_REQUESTS; i++)
    {
      g_autofree char *start = sd_test_rfc3339 (base + (48 + i) * 3600);
      g_autofree char *body = g_strdup_printf (
        "{\"start\":\"%s\",\"staff_id\":\"stf_%u\",\"service\":{\"name\":\"Cut\","
        "\"duration_min\":45,\"price_cents\":4500,\"currency\":\"EUR\"},\"client\":{\"name\":"
        "\"Client %03u\",\"email\":\"c%03u@example.com\",\"phone\":null},"
        "\"payment_mode\":\"at_salon\"}", start, 1 + i % 3, i, i);
      g_autoptr(JsonNode) answer = sd_test_sandbox_post (sandbox, "/sandbox/bookings", body);

      g_ptr_array_add (requests, g_strdup (json_object_get_string_member (
        json_node_get_object (answer), "id")));
    }
  g_assert_true (sd_sync_engine_sync_once (engine, NULL, &error));
  g_assert_no_error (error);

  /* 1,000 actions at the desk. */
  for (guint i = 0; i < N_REQUESTS; i++)
    {
      g_autoptr(SdAppointment) a = NULL;
      SdActionRequest req;

      sd_action_request_init (&req, SD_ACTION_ACCEPT);
      a = sd_store_perform (desk, sd_test_db_int (desk, "SELECT id FROM appointments WHERE"
                                                        " remote_id = ?",
                                                  g_ptr_array_index (requests, i)),
                            &req, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_MESSAGES; i++)
    {
      g_autoptr(SdAppointment) a = NULL;
      g_autofree char *text = g_strdup_printf ("Message %03u", i);
      SdActionRequest req;

      sd_action_request_init (&req, SD_ACTION_MESSAGE);
      req.text = text;
      a = sd_store_perform (desk, sd_test_db_int (desk, "SELECT id FROM appointments WHERE"
                                                        " remote_id = ?",
                                                  g_ptr_array_index (requests, i % N_REQUESTS)),
                            &req, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_WALK_INS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Walk-in %03u", i);
      g_autofree char *staff = g_strdup_printf ("stf_%u", 1 + i % 3);
      g_autoptr(SdAppointment) a = NULL;
      SdNewAppointment spec;

      sd_new_appointment_init (&spec);
      spec.start = base + (24 * 30 + i) * 3600;
      spec.staff_id = sd_test_db_int (desk, "SELECT id FROM staff WHERE remote_id = ?", staff);
      spec.service_id = sd_test_db_int (desk, "SELECT id FROM services WHERE remote_id = ?",
                                        "svc_1");
      spec.client_name = name;
      a = sd_store_create_appointment (desk, &spec, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (sd_store_sync_count_unsent (desk, NULL), ==,
                    N_REQUESTS + N_MESSAGES + N_WALK_INS);

  /* Faults on: passes until everything is sent (a pass may stop on a run of failures). */
  g_clear_pointer (&messages, g_hash_table_unref);
  json_node_unref (sd_test_sandbox_post (sandbox, "/sandbox/faults",
                                         "{\"fail_rate\":0.2,\"drop_after_commit_rate\":0.1,"
                                         "\"delay_ms\":0}"));
  while (sd_store_sync_count_unsent (desk, NULL) > 0 && passes++ < MAX_PASSES)
    {
      g_autoptr(GError) pass_error = NULL;

      if (!sd_sync_engine_sync_once (engine, NULL, &pass_error))
        g_assert_true (sd_sync_error_is_retryable (pass_error));
    }
  g_test_message ("sent in %u passes", passes);
  g_assert_cmpuint (sd_store_sync_count_unsent (desk, NULL), ==, 0);
  g_assert_cmpint (sd_test_db_int (desk, "SELECT count(*) FROM outbox WHERE state = 'failed'",
                                   NULL), ==, 0);
  json_node_unref (sd_test_sandbox_post (sandbox, "/sandbox/faults",
                                         "{\"fail_rate\":0,\"drop_after_commit_rate\":0}"));
  g_assert_true (sd_sync_engine_sync_once (engine, NULL, &error));
  g_assert_no_error (error);

  /* Each effect exactly once on the marketplace. */
  appointments = sd_test_sandbox_resources (sandbox, "appointment");
  messages = sd_test_sandbox_resources (sandbox, "message");
  g_assert_cmpuint (g_hash_table_size (appointments), ==, N_REQUESTS + N_WALK_INS);
  g_assert_cmpuint (count_where (appointments, "status", "confirmed"), ==,
                    N_REQUESTS + N_WALK_INS);
  for (guint i = 0; i < N_MESSAGES; i++)
    {
      g_autofree char *text = g_strdup_printf ("Message %03u", i);
      g_assert_cmpuint (count_where (messages, "body", text), ==, 1);
    }
  {
    GHashTableIter iter;
    gpointer node;
    g_autoptr(GHashTable) walk_ins = g_hash_table_new (g_str_hash, g_str_equal);

    g_hash_table_iter_init (&iter, appointments);
    while (g_hash_table_iter_next (&iter, NULL, &node))
      {
        JsonObject *client = json_object_get_object_member (json_node_get_object (node),
                                                            "client");
        const char *name = json_object_get_string_member (client, "name");

        if (g_str_has_prefix (name, "Walk-in "))
          g_assert_true (g_hash_table_add (walk_ins, (gpointer) name));
      }
    g_assert_cmpuint (g_hash_table_size (walk_ins), ==, N_WALK_INS);
  }

  /* The desk agrees, and so does a desk that pulls everything from scratch. */
  assert_desk_agrees (desk, appointments);
  g_assert_cmpint (sd_test_db_int (desk, "SELECT count(*) FROM messages WHERE body LIKE"
                                         " 'Message %' AND remote_id IS NOT NULL", NULL), ==,
                   N_MESSAGES);
  g_assert_cmpint (sd_test_db_int (desk, "SELECT count(*) FROM messages WHERE body LIKE"
                                         " 'Message %'", NULL), ==, N_MESSAGES);
  g_assert_true (sd_sync_engine_sync_once (fresh_engine, NULL, &error));
  g_assert_no_error (error);
  assert_desk_agrees (fresh, appointments);
  g_assert_cmpint (sd_test_db_int (fresh, "SELECT count(*) FROM messages WHERE body LIKE"
                                          " 'Message %'", NULL), ==, N_MESSAGES);

  g_clear_object (&engine);
  g_clear_object (&fresh_engine);
  g_clear_object (&desk);
  g_clear_object (&fresh);
  sd_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (sd_test_sandbox_binary () == NULL)
    {
      g_print ("1..0 # SKIP the sandbox server is not built\n");
      return 0;
    }
  g_test_add_func ("/sync/faults/exactly-once", test_exactly_once);
  return g_test_run ();
}

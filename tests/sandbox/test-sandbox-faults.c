/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Injected faults: random 503s and answers lost after the commit. A client that retries
 * with the same Idempotency-Key gets each effect exactly once. */

#include "config.h"

#include "sandbox-fixture.h"

#define N_APPOINTMENTS 100
#define MAX_TRIES 40

typedef struct
{
  guint unavailable;   /* 503 answers */
  guint lost;          /* no answer at all */
} Retries;

/* Sends until an answer that is not a 5xx or a lost connection, always with one key. */
static SandboxResponse *
send_with_retries (SandboxServer *server, const char *path, const char *body, Retries *retries)
{
  g_autofree char *key = sandbox_key ();

  for (guint attempt = 0; attempt < MAX_TRIES; attempt++)
    {
      SandboxResponse *r = sandbox_request (server, "POST", path, server->token, key, NULL,
                                            body);

      if (r->status != 0 && r->status < 500)
        return r;
      if (r->status == 0)
        retries->lost++;
      else
        retries->unavailable++;
      sandbox_response_free (r);
    }
  g_assert_not_reached ();
}

static void
test_exactly_once (void)
{
  const char *args[] = { "--seed=7", NULL };
  g_autoptr (SandboxServer) server = sandbox_server_start (args);
  g_autofree char *key = sandbox_key ();
  g_autofree char *key_off = sandbox_key ();
  g_autoptr (SandboxResponse) faults = NULL;
  g_autoptr (SandboxResponse) off = NULL;
  g_autoptr (JsonArray) changes = NULL;
  g_autoptr (GHashTable) appointments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);
  g_autoptr (GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  char *ids[N_APPOINTMENTS];
  Retries retries = { 0 };

  faults = sandbox_request (server, "POST", "/sandbox/faults", server->token, key, NULL,
                            "{\"fail_rate\":0.2,\"drop_after_commit_rate\":0.15}");
  g_assert_cmpuint (faults->status, ==, 200);

  /* 100 walk-ins (each staff member every 3 hours, never overlapping) and a message on each:
   * 200 actions. */
  for (guint i = 0; i < N_APPOINTMENTS; i++)
    {
      g_autofree char *body = g_strdup_printf (
        "{\"start\":\"2030-02-%02uT%02u:00:00Z\",\"staff_id\":\"stf_%u\",\"service_id\":\"svc_1\","
        "\"client\":{\"name\":\"Client %u\",\"email\":null,\"phone\":\"+39 333 %u\"}}",
        1 + i / 24, (i % 8) * 3, 1 + (i / 8) % 3, i, i);
      g_autoptr (SandboxResponse) r = send_with_retries (server, "/v1/appointments", body,
                                                         &retries);

      g_assert_cmpuint (r->status, ==, 201);
      g_assert_cmpstr (sandbox_json_string (r, "status"), ==, "confirmed");
      ids[i] = g_strdup (sandbox_json_string (r, "id"));
    }
  for (guint i = 0; i < N_APPOINTMENTS; i++)
    {
      g_autofree char *path = g_strdup_printf ("/v1/appointments/%s/messages", ids[i]);
      g_autofree char *body = g_strdup_printf ("{\"body\":\"message %u\"}", i);
      g_autoptr (SandboxResponse) r = send_with_retries (server, path, body, &retries);

      g_assert_cmpuint (r->status, ==, 201);
      g_free (ids[i]);
    }
  g_test_message ("retried after %u 503s and %u lost answers", retries.unavailable,
                  retries.lost);
  g_assert_cmpuint (retries.unavailable, >, 0);
  g_assert_cmpuint (retries.lost, >, 0);

  off = sandbox_request (server, "POST", "/sandbox/faults", server->token, key_off, NULL,
                         "{\"fail_rate\":0,\"drop_after_commit_rate\":0}");
  g_assert_cmpuint (off->status, ==, 200);

  changes = sandbox_pull_all (server, server->token, 500);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      const char *kind = json_object_get_string_member (change, "kind");
      JsonObject *data = json_object_get_object_member (change, "data");

      if (g_str_equal (kind, "appointment"))
        {
          /* Created once: one change per appointment, at version 1. */
          g_assert_false (g_hash_table_contains (appointments,
                                                 json_object_get_string_member (data, "id")));
          g_hash_table_add (appointments, g_strdup (json_object_get_string_member (data, "id")));
          g_assert_cmpint (json_object_get_int_member (data, "version"), ==, 1);
        }
      else if (g_str_equal (kind, "message"))
        {
          const char *body = json_object_get_string_member (data, "body");

          g_assert_false (g_hash_table_contains (messages, body));
          g_hash_table_add (messages, g_strdup (body));
        }
    }
  g_assert_cmpuint (g_hash_table_size (appointments), ==, N_APPOINTMENTS);
  g_assert_cmpuint (g_hash_table_size (messages), ==, N_APPOINTMENTS);
}

static void
test_delay (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autofree char *key = sandbox_key ();
  g_autofree char *key2 = sandbox_key ();
  g_autoptr (SandboxResponse) set = sandbox_request (server, "POST", "/sandbox/faults",
                                                     server->token, key, NULL,
                                                     "{\"delay_ms\":100}");
  g_autoptr (SandboxResponse) slow = sandbox_request (server, "GET", "/v1/staff", server->token,
                                                      NULL, NULL, NULL);
  g_autoptr (SandboxResponse) bad = sandbox_request (server, "POST", "/sandbox/faults",
                                                     server->token, key2, NULL,
                                                     "{\"fail_rate\":1.5}");

  g_assert_cmpuint (set->status, ==, 200);
  g_assert_cmpint (sandbox_json_int (set, "delay_ms"), ==, 100);
  g_assert_cmpuint (slow->status, ==, 200);
  g_assert_cmpuint (bad->status, ==, 400);
  g_assert_cmpint (sandbox_server_stop (server), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sandbox/faults/exactly-once", test_exactly_once);
  g_test_add_func ("/sandbox/faults/delay", test_delay);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sandbox's HTTP conventions against the real binary: auth, salons kept apart,
 * idempotency, malformed and oversized bodies, rate limiting, and a clean stop. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sandbox-fixture.h"

#define BOOKING \
  "{\"start\":\"2030-01-15T10:00:00+01:00\",\"service\":{\"name\":\"Colour\"," \
  "\"duration_min\":90,\"price_cents\":8500},\"client\":{\"name\":\"Luca Bianchi\"}," \
  "\"payment_mode\":\"prepaid\"}"

static guint
count_kind (JsonArray *changes, const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (changes); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (changes, i),
                                                    "kind"), kind))
      n++;
  return n;
}

static void
test_auth (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autoptr (SandboxResponse) none = sandbox_request (server, "GET", "/v1/staff", NULL, NULL,
                                                      NULL, NULL);
  g_autoptr (SandboxResponse) wrong = sandbox_request (server, "GET", "/v1/staff", "sk_test_nope",
                                                       NULL, NULL, NULL);
  g_autoptr (SandboxResponse) ok = sandbox_request (server, "GET", "/v1/staff", server->token,
                                                    NULL, NULL, NULL);
  g_autoptr (SandboxResponse) services = sandbox_request (server, "GET", "/v1/services",
                                                          server->token, NULL, NULL, NULL);
  g_autoptr (SandboxResponse) unknown = sandbox_request (server, "GET", "/v1/nothing",
                                                         server->token, NULL, NULL, NULL);

  g_assert_cmpuint (none->status, ==, 401);
  g_assert_cmpstr (sandbox_json_string (none, "error"), ==, "unauthorized");
  g_assert_nonnull (sandbox_json_string (none, "message"));
  g_assert_cmpuint (wrong->status, ==, 401);
  g_assert_cmpuint (ok->status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (ok->json));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (ok->json)), ==, 3);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (
    json_array_get_object_element (json_node_get_array (ok->json), 0), "id"), "stf_"));
  g_assert_cmpuint (services->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (services->json)), >=, 3);
  g_assert_cmpuint (unknown->status, ==, 404);
  g_assert_cmpint (sandbox_server_stop (server), ==, 0);
}

static void
test_cross_salon (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autofree char *key = sandbox_key ();
  g_autoptr (SandboxResponse) salon = sandbox_request (
    server, "POST", "/sandbox/salons", NULL, key, NULL,
    "{\"name\":\"Other\",\"timezone\":\"Europe/Rome\",\"currency\":\"EUR\"}");
  const char *other;
  g_autofree char *id = sandbox_book (server, server->token, "2030-01-15T10:00:00+01:00",
                                      "prepaid", FALSE);
  g_autofree char *path = g_strdup_printf ("/v1/appointments/%s/confirm", id);
  g_autofree char *key2 = sandbox_key ();
  g_autoptr (SandboxResponse) confirm = NULL;
  g_autoptr (SandboxResponse) staff = NULL;
  g_autoptr (JsonArray) mine = NULL;
  g_autoptr (JsonArray) theirs = NULL;

  g_assert_cmpuint (salon->status, ==, 201);
  other = sandbox_json_string (salon, "token");
  g_assert_nonnull (other);
  g_assert_cmpstr (other, !=, server->token);

  confirm = sandbox_request (server, "POST", path, other, key2, NULL, NULL);
  g_assert_cmpuint (confirm->status, ==, 404);
  g_assert_cmpstr (sandbox_json_string (confirm, "error"), ==, "not_found");

  /* Each salon begins with its own three staff members and sees only its own feed. */
  staff = sandbox_request (server, "GET", "/v1/staff", other, NULL, NULL, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (staff->json)), ==, 3);
  mine = sandbox_pull_all (server, server->token, 100);
  theirs = sandbox_pull_all (server, other, 100);
  g_assert_cmpuint (count_kind (mine, "appointment"), ==, 1);
  g_assert_cmpuint (json_array_get_length (theirs), ==, 0);
}

static void
test_idempotent_replay (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autofree char *key = sandbox_key ();
  g_autoptr (SandboxResponse) first = sandbox_request (server, "POST", "/sandbox/bookings",
                                                       server->token, key, NULL, BOOKING);
  g_autoptr (SandboxResponse) again = sandbox_request (server, "POST", "/sandbox/bookings",
                                                       server->token, key, NULL, BOOKING);
  g_autoptr (SandboxResponse) elsewhere = sandbox_request (server, "POST", "/v1/appointments",
                                                           server->token, key, NULL, "{}");
  g_autoptr (SandboxResponse) missing = sandbox_request (server, "POST", "/sandbox/bookings",
                                                         server->token, NULL, NULL, BOOKING);
  g_autoptr (JsonArray) changes = NULL;

  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpuint (again->status, ==, 201);
  g_assert_true (g_bytes_equal (first->body, again->body));

  g_assert_cmpuint (elsewhere->status, ==, 400);
  g_assert_cmpuint (missing->status, ==, 400);
  g_assert_cmpstr (sandbox_json_string (missing, "error"), ==, "bad_request");

  /* One booking, one appointment: the replay and the refused requests changed nothing. */
  changes = sandbox_pull_all (server, server->token, 100);
  g_assert_cmpuint (count_kind (changes, "appointment"), ==, 1);
  g_assert_cmpuint (count_kind (changes, "transaction"), ==, 2); /* charge + commission */
}

static void
test_malformed (void)
{
  static const char *const bodies[] = {
    "{\"start\":", "[1,2]", "not json", "{\"start\":12,\"service\":{}}",
    "{\"start\":\"2030-01-15 10:00\",\"service\":{\"name\":\"x\",\"duration_min\":30,"
    "\"price_cents\":100},\"client\":{\"name\":\"x\"}}",
  };
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autoptr (JsonArray) changes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *key = sandbox_key ();
      g_autoptr (SandboxResponse) r = sandbox_request (server, "POST", "/sandbox/bookings",
                                                       server->token, key, NULL, bodies[i]);

      g_assert_cmpuint (r->status, ==, 400);
      g_assert_cmpstr (sandbox_json_string (r, "error"), ==, "bad_request");
      g_assert_cmpuint (strlen (sandbox_json_string (r, "message")), >, 0);
    }
  changes = sandbox_pull_all (server, server->token, 100);
  g_assert_cmpuint (json_array_get_length (changes), ==, 0);
}

static void
test_too_large (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autoptr (GString) big = g_string_new ("{\"client\":{\"name\":\"");
  g_autofree char *key = sandbox_key ();
  g_autoptr (SandboxResponse) r = NULL;

  while (big->len < 1024 * 1024 + 10)
    g_string_append (big, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  g_string_append (big, "\"}}");
  r = sandbox_request (server, "POST", "/sandbox/bookings", server->token, key, NULL, big->str);
  g_assert_cmpuint (r->status, ==, 413);
  g_assert_cmpstr (sandbox_json_string (r, "error"), ==, "too_large");
}

static void
test_rate_limit (void)
{
  const char *args[] = { "--rate-limit=2", NULL };
  g_autoptr (SandboxServer) server = sandbox_server_start (args);
  guint limited = 0, ok = 0;

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr (SandboxResponse) r = sandbox_request (server, "GET", "/v1/staff", server->token,
                                                       NULL, NULL, NULL);

      if (r->status == 429)
        {
          limited++;
          g_assert_nonnull (r->retry_after);
          g_assert_cmpint (atoi (r->retry_after), >=, 1);
          g_assert_cmpstr (sandbox_json_string (r, "error"), ==, "rate_limited");
        }
      else
        {
          g_assert_cmpuint (r->status, ==, 200);
          ok++;
        }
    }
  g_assert_cmpuint (ok, >=, 2);
  g_assert_cmpuint (limited, >=, 1);
}

static void
test_no_sandbox_endpoints (void)
{
  const char *args[] = { "--no-sandbox-endpoints", NULL };
  g_autoptr (SandboxServer) server = sandbox_server_start (args);
  g_autofree char *key = sandbox_key ();
  g_autoptr (SandboxResponse) r = sandbox_request (server, "POST", "/sandbox/bookings",
                                                   server->token, key, NULL, BOOKING);
  g_autoptr (SandboxResponse) v1 = sandbox_request (server, "GET", "/v1/staff", server->token,
                                                    NULL, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 404);
  g_assert_cmpuint (v1->status, ==, 200);
}

/* SIGTERM stops it with exit 0; on restart the same token works and everything committed
 * before is there, with new ids continuing after the old ones. */
static void
test_sigterm_restart (void)
{
  const char *args[] = { "--token=sk_test_fixed", NULL };
  g_autoptr (SandboxServer) server = sandbox_server_start (args);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (JsonArray) before = NULL;
  g_autoptr (JsonArray) after = NULL;

  g_assert_cmpstr (server->token, ==, "sk_test_fixed");
  first = sandbox_book (server, server->token, "2030-01-15T10:00:00+01:00", "prepaid", FALSE);
  before = sandbox_pull_all (server, server->token, 100);
  g_assert_cmpint (sandbox_server_stop (server), ==, 0);

  sandbox_server_restart (server, NULL);
  g_assert_cmpstr (server->token, ==, "sk_test_fixed");
  after = sandbox_pull_all (server, server->token, 100);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
  second = sandbox_book (server, server->token, "2030-01-15T12:00:00+01:00", "prepaid", FALSE);
  g_assert_cmpstr (first, ==, "apt_1");
  g_assert_cmpstr (second, ==, "apt_2");
  g_assert_cmpint (sandbox_server_stop (server), ==, 0);
}

/* Demo data lands in the feed at once; --simulate keeps adding client activity. */
static void
test_seed_and_simulate (void)
{
  const char *args[] = { "--simulate=1200", "--seed=3", NULL };
  g_autoptr (SandboxServer) server = sandbox_server_start (args);
  g_autofree char *key = sandbox_key ();
  g_autoptr (SandboxResponse) seed = sandbox_request (server, "POST", "/sandbox/seed",
                                                      server->token, key, NULL,
                                                      "{\"appointments\":40,\"seed\":5}");
  g_autoptr (JsonArray) seeded = NULL;
  guint n_seeded;
  gboolean grew = FALSE;

  g_assert_cmpuint (seed->status, ==, 200);
  seeded = sandbox_pull_all (server, server->token, 500);
  n_seeded = count_kind (seeded, "appointment");
  g_assert_cmpuint (n_seeded, >=, 40);

  /* Bounded: 100 polls of 50 ms. */
  for (guint i = 0; i < 100 && !grew; i++)
    {
      g_autoptr (JsonArray) now = NULL;

      g_usleep (50 * 1000);
      now = sandbox_pull_all (server, server->token, 500);
      grew = json_array_get_length (now) > json_array_get_length (seeded);
    }
  g_assert_true (grew);
  g_assert_cmpint (sandbox_server_stop (server), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sandbox/http/auth", test_auth);
  g_test_add_func ("/sandbox/http/cross-salon", test_cross_salon);
  g_test_add_func ("/sandbox/http/idempotent-replay", test_idempotent_replay);
  g_test_add_func ("/sandbox/http/malformed", test_malformed);
  g_test_add_func ("/sandbox/http/too-large", test_too_large);
  g_test_add_func ("/sandbox/http/rate-limit", test_rate_limit);
  g_test_add_func ("/sandbox/http/no-sandbox-endpoints", test_no_sandbox_endpoints);
  g_test_add_func ("/sandbox/http/sigterm-restart", test_sigterm_restart);
  g_test_add_func ("/sandbox/http/seed-and-simulate", test_seed_and_simulate);
  return g_test_run ();
}

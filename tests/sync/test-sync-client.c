/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client and the engine against a tiny marketplace in this process (a SoupServer in its
 * own thread) that answers exactly what each test wants: malformed pages are refused with
 * nothing applied; 404/413/422/423 roll back and are never retried; 429 waits for
 * Retry-After; 5xx are retried with the same Idempotency-Key; 401 stops the pass. */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "sd-history-entry.h"
#include "sd-marketplace-client.h"
#include "sd-store-sync.h"
#include "sd-sync-engine.h"
#include "sd-test-sandbox.h"

#define APPOINTMENT(id, status) \
  "{\"id\":\"" id "\",\"version\":1,\"status\":\"" status "\",\"start\":\"2030-12-01T10:00:00+01:00\"," \
  "\"end\":\"2030-12-01T10:45:00+01:00\",\"staff_id\":\"stf_1\",\"service\":{\"id\":\"svc_1\"," \
  "\"name\":\"Cut\",\"duration_min\":45,\"price_cents\":4500,\"currency\":\"EUR\"},\"client\":" \
  "{\"id\":\"cli_1\",\"name\":\"Anna\",\"email\":null,\"phone\":null},\"payment\":{\"mode\":" \
  "\"at_salon\",\"amount_cents\":4500,\"currency\":\"EUR\",\"refunded_cents\":0},\"created_at\":" \
  "\"2030-11-23T10:00:00+01:00\",\"confirm_by\":null,\"proposed_starts\":[],\"cancellation\":null," \
  "\"complaint_id\":null,\"checked_in_at\":null,\"checked_out_at\":null," \
  "\"updated_at\":\"2030-11-23T10:00:00+01:00\"}"

#define PAGE(changes) "{\"changes\":[" changes "],\"next_cursor\":\"c1\",\"has_more\":false}"

typedef struct
{
  guint status;
  char *body;
  char *retry_after;
} Answer;

typedef struct
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  char *url;
  GMutex lock;
  GCond ready;
  /* What POSTs and GET /v1/changes answer; the last POST answer repeats. */
  GQueue posts;
  char *changes;
  guint n_posts;
  GPtrArray *keys;
  GPtrArray *if_match;
  GTlsCertificate *certificate;  /* NULL: plain http */
} Stub;

static void
answer (SoupServerMessage *msg, guint status, const char *body, const char *retry_after)
{
  soup_server_message_set_status (msg, status, NULL);
  if (retry_after != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Retry-After", retry_after);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

static void
on_request (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer user_data)
{
  Stub *stub = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&stub->lock);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (g_strcmp0 (path, "/v1/staff") == 0)
    answer (msg, 200, "[{\"id\":\"stf_1\",\"name\":\"Giulia\"}]", NULL);
  else if (g_strcmp0 (path, "/v1/services") == 0)
    answer (msg, 200, "[{\"id\":\"svc_1\",\"name\":\"Cut\",\"duration_min\":45,"
                      "\"price_cents\":4500,\"currency\":\"EUR\"}]", NULL);
  else if (g_strcmp0 (path, "/v1/changes") == 0)
    answer (msg, 200, stub->changes != NULL ? stub->changes : PAGE (""), NULL);
  else
    {
      Answer *a = g_queue_get_length (&stub->posts) > 1 ? g_queue_pop_head (&stub->posts)
                                                        : g_queue_peek_head (&stub->posts);
      stub->n_posts++;
      g_ptr_array_add (stub->keys, g_strdup (soup_message_headers_get_one (headers,
                                                                          "Idempotency-Key")));
      g_ptr_array_add (stub->if_match, g_strdup (soup_message_headers_get_one (headers,
                                                                              "If-Match")));
      answer (msg, a->status, a->body, a->retry_after);
      if (g_queue_peek_head (&stub->posts) != a)
        {
          g_free (a->body);
          g_free (a->retry_after);
          g_free (a);
        }
    }
}

static gpointer
stub_thread (gpointer data)
{
  Stub *stub = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (stub->context);
  stub->server = soup_server_new ("tls-certificate", stub->certificate, NULL);
  soup_server_add_handler (stub->server, NULL, on_request, stub, NULL);
  soup_server_listen_local (stub->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY |
                            (stub->certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0), &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (stub->server);
  g_mutex_lock (&stub->lock);
  stub->url = g_strdup_printf ("%s://127.0.0.1:%d", stub->certificate != NULL ? "https" : "http",
                               g_uri_get_port (uris->data));
  g_cond_signal (&stub->ready);
  g_mutex_unlock (&stub->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (stub->loop);
  soup_server_disconnect (stub->server);
  g_clear_object (&stub->server);
  g_main_context_pop_thread_default (stub->context);
  return NULL;
}

static Stub *
stub_start_with (GTlsCertificate *certificate)
{
  Stub *stub = g_new0 (Stub, 1);

  stub->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  g_mutex_init (&stub->lock);
  g_cond_init (&stub->ready);
  g_queue_init (&stub->posts);
  stub->keys = g_ptr_array_new_with_free_func (g_free);
  stub->if_match = g_ptr_array_new_with_free_func (g_free);
  stub->context = g_main_context_new ();
  stub->loop = g_main_loop_new (stub->context, FALSE);
  g_mutex_lock (&stub->lock);
  stub->thread = g_thread_new ("stub", stub_thread, stub);
  while (stub->url == NULL)
    g_cond_wait (&stub->ready, &stub->lock);
  g_mutex_unlock (&stub->lock);
  return stub;
}

static Stub *
stub_start (void)
{
  return stub_start_with (NULL);
}

static void
stub_post_answers (Stub *stub, guint status, const char *body, const char *retry_after)
{
  Answer *a = g_new0 (Answer, 1);

  a->status = status;
  a->body = g_strdup (body);
  a->retry_after = g_strdup (retry_after);
  g_mutex_lock (&stub->lock);
  g_queue_push_tail (&stub->posts, a);
  g_mutex_unlock (&stub->lock);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
stub_free (Stub *stub)
{
  Answer *a;

  g_main_context_invoke (stub->context, quit_loop, stub->loop);
  g_thread_join (stub->thread);
  while ((a = g_queue_pop_head (&stub->posts)) != NULL)
    {
      g_free (a->body);
      g_free (a->retry_after);
      g_free (a);
    }
  g_ptr_array_unref (stub->keys);
  g_ptr_array_unref (stub->if_match);
  g_main_loop_unref (stub->loop);
  g_main_context_unref (stub->context);
  g_free (stub->changes);
  g_free (stub->url);
  g_clear_object (&stub->certificate);
  g_mutex_clear (&stub->lock);
  g_cond_clear (&stub->ready);
  g_free (stub);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stub, stub_free)

typedef struct
{
  char *dir;
  Stub *stub;
  SdStore *desk;
  SdSyncEngine *engine;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdBackoff) backoff = sd_backoff_new (1, 5);

  f->dir = g_dir_make_tmp ("sd-sync-client-XXXXXX", &error);
  g_assert_no_error (error);
  f->stub = stub_start ();
  f->desk = sd_test_desk_new (f->dir, "desk.db");
  f->engine = sd_sync_engine_new (f->desk, f->stub->url, "sk_test");
  sd_sync_engine_set_backoff (f->engine, backoff);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->engine);
  g_clear_object (&f->desk);
  stub_free (f->stub);
  sd_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* ---- Malformed pages ---- */

static const struct
{
  const char *name;
  const char *page;
} malformed[] = {
  { "wrong type", PAGE ("{\"seq\":1,\"kind\":\"appointment\",\"data\":{\"id\":\"apt_1\","
                        "\"version\":\"3\"}}") },
  { "missing field", "{\"changes\":[],\"has_more\":false}" },
  { "truncated", "{\"changes\":[{\"seq\":1,\"kind\":\"appoint" },
  { "not json", "<html>502 Bad Gateway</html>" },
  { "changes not a list", "{\"changes\":{},\"next_cursor\":\"c1\",\"has_more\":false}" },
  { "has_more a string", "{\"changes\":[],\"next_cursor\":\"c1\",\"has_more\":\"no\"}" },
  { "unknown kind", PAGE ("{\"seq\":1,\"kind\":\"coupon\",\"data\":{}}") },
  { "unknown state", PAGE ("{\"seq\":1,\"kind\":\"appointment\",\"data\":"
                           APPOINTMENT ("apt_1", "teleported") "}") },
  /* A good change, then a bad one: the page is refused whole. */
  { "one bad of two", PAGE ("{\"seq\":1,\"kind\":\"appointment\",\"data\":"
                            APPOINTMENT ("apt_1", "requested") "},"
                            "{\"seq\":2,\"kind\":\"message\",\"data\":{\"id\":\"msg_1\"}}") },
};

static void
test_malformed (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *cursor = NULL;

      g_test_message ("%s", malformed[i].name);
      g_mutex_lock (&f->stub->lock);
      g_free (f->stub->changes);
      f->stub->changes = g_strdup (malformed[i].page);
      g_mutex_unlock (&f->stub->lock);

      g_assert_false (sd_sync_engine_sync_once (f->engine, NULL, &error));
      g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, "nothing of it was applied"));
      g_assert_cmpint (sd_sync_engine_get_state (f->engine), ==, SD_SYNC_STATE_ERROR);
      g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM appointments", NULL), ==,
                       0);
      cursor = sd_store_get_meta (f->desk, SD_STORE_META_CURSOR, NULL);
      g_assert_null (cursor);
    }
}

static void
test_huge_string (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strnfill (20000, 'x');

  g_mutex_lock (&f->stub->lock);
  {
    g_autofree char *quoted = g_strdup_printf ("\"%s\"", name);
    g_autoptr(GString) p = g_string_new (PAGE ("{\"seq\":1,\"kind\":\"appointment\",\"data\":"
                                               APPOINTMENT ("apt_1", "requested") "}"));
    g_string_replace (p, "\"Anna\"", quoted, 1);
    f->stub->changes = g_string_free (g_steal_pointer (&p), FALSE);
  }
  g_mutex_unlock (&f->stub->lock);
  g_assert_false (sd_sync_engine_sync_once (f->engine, NULL, &error));
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_MALFORMED);
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM appointments", NULL), ==, 0);
}

static void
test_good_page (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  f->stub->changes = g_strdup (PAGE ("{\"seq\":1,\"kind\":\"appointment\",\"data\":"
                                     APPOINTMENT ("apt_1", "requested") "}"));
  g_assert_true (sd_sync_engine_sync_once (f->engine, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM appointments", NULL), ==, 1);
  cursor = sd_store_get_meta (f->desk, SD_STORE_META_CURSOR, NULL);
  g_assert_cmpstr (cursor, ==, "c1");
}

/* ---- Statuses of a POST ---- */

static gint64
book_walk_in (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) a = NULL;
  SdNewAppointment spec;

  /* Staff and services first, so the booking names the marketplace's ids. */
  g_assert_true (sd_sync_engine_sync_once (f->engine, NULL, &error));
  g_assert_no_error (error);
  sd_new_appointment_init (&spec);
  spec.start = sd_clock_get_now (sd_store_get_clock (f->desk)) + 7 * 86400;
  spec.start -= spec.start % 3600;
  spec.staff_id = sd_test_db_int (f->desk, "SELECT id FROM staff WHERE remote_id = 'stf_1'",
                                  NULL);
  spec.service_id = sd_test_db_int (f->desk, "SELECT id FROM services WHERE remote_id ="
                                             " 'svc_1'", NULL);
  spec.client_name = "Anna";
  a = sd_store_create_appointment (f->desk, &spec, &error);
  g_assert_no_error (error);
  return sd_appointment_get_id (a);
}

static gboolean
history_has (SdStore *store, gint64 id, const char *needle)
{
  g_autoptr(GPtrArray) history = sd_store_list_history (store, id, NULL);

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      const char *detail = sd_history_entry_get_detail (g_ptr_array_index (history, i));
      if (detail != NULL && strstr (detail, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  guint status = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *id_text = NULL;
  gint64 id;

  stub_post_answers (f->stub, status, "{\"error\":\"validation\",\"message\":\"Not today\"}",
                     NULL);
  id = book_walk_in (f);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_true (sd_sync_engine_sync_once (f->engine, NULL, &error));
  g_assert_no_error (error);
  /* Never retried; rolled back; the history says why. */
  g_assert_cmpuint (f->stub->n_posts, ==, 1);
  state = sd_test_db_text (f->desk, "SELECT state FROM appointments WHERE id = ?", id_text);
  g_assert_cmpstr (state, ==, "cancelled");
  g_assert_true (history_has (f->desk, id, "The marketplace refused: Not today"));
  g_assert_cmpuint (sd_sync_engine_get_pending (f->engine), ==, 0);
  /* A second pass sends nothing. */
  g_assert_true (sd_sync_engine_sync_once (f->engine, NULL, &error));
  g_assert_cmpuint (f->stub->n_posts, ==, 1);
}

static void
test_retried (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *id_text = NULL;
  gint64 id;

  stub_post_answers (f->stub, 503, "{\"error\":\"unavailable\",\"message\":\"Later\"}", NULL);
  stub_post_answers (f->stub, 502, "", NULL);
  stub_post_answers (f->stub, 429, "{\"error\":\"rate_limited\",\"message\":\"Slow down\"}",
                     "1");
  stub_post_answers (f->stub, 201, APPOINTMENT ("apt_7", "confirmed"), NULL);
  id = book_walk_in (f);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_true (sd_sync_engine_sync_once (f->engine, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->stub->n_posts, ==, 4);
  /* The same key every time, so the marketplace applies it once. */
  for (guint i = 1; i < f->stub->keys->len; i++)
    g_assert_cmpstr (g_ptr_array_index (f->stub->keys, i), ==,
                     g_ptr_array_index (f->stub->keys, 0));
  g_assert_nonnull (g_ptr_array_index (f->stub->keys, 0));
  remote = sd_test_db_text (f->desk, "SELECT remote_id FROM appointments WHERE id = ?", id_text);
  g_assert_cmpstr (remote, ==, "apt_7");
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT attempts FROM outbox", NULL), ==, 4);
}

static void
test_unauthorized (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  stub_post_answers (f->stub, 401, "{\"error\":\"unauthorized\",\"message\":\"no\"}", NULL);
  book_walk_in (f);
  g_assert_false (sd_sync_engine_sync_once (f->engine, NULL, &error));
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (f->stub->n_posts, ==, 1);
  g_assert_cmpint (sd_sync_engine_get_state (f->engine), ==, SD_SYNC_STATE_UNAUTHORIZED);
  /* Kept, to be sent once the token is fixed. */
  g_assert_cmpuint (sd_sync_engine_get_pending (f->engine), ==, 1);
}

static void
test_malformed_answer (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  stub_post_answers (f->stub, 201, "{\"id\":\"apt_7\",\"version\":", NULL);
  book_walk_in (f);
  g_assert_false (sd_sync_engine_sync_once (f->engine, NULL, &error));
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_MALFORMED);
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM appointments"
                                            " WHERE remote_id IS NOT NULL", NULL), ==, 0);
  g_assert_cmpuint (sd_sync_engine_get_pending (f->engine), ==, 1);
}

/* ---- TLS ---- */

static void
test_tls (void)
{
  g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "sync", "loopback-cert.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_file (pem, &error);
  g_autoptr(Stub) stub = NULL;
  g_autoptr(SdMarketplaceClient) client = NULL;
  g_autoptr(GPtrArray) staff = NULL;

  g_assert_no_error (error);
  stub = stub_start_with (certificate);
  client = sd_marketplace_client_new (stub->url, "sk_test", &error);
  g_assert_no_error (error);

  /* A certificate nobody vouches for is refused… */
  staff = sd_marketplace_client_get_staff (client, NULL, &error);
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_TLS);
  g_assert_null (staff);
  g_clear_error (&error);

  /* …unless the user allowed it for a sandbox on this computer. */
  sd_marketplace_client_set_insecure_loopback (client, TRUE);
  staff = sd_marketplace_client_get_staff (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 1);
}

/* ---- URLs ---- */

static void
test_urls (void)
{
  static const struct { const char *url; gboolean ok; } cases[] = {
    { "https://market.example.com", TRUE },
    { "http://127.0.0.1:8765", TRUE },
    { "http://[::1]:8765/", TRUE },
    { "http://localhost:8765", TRUE },
    { "http://market.example.com", FALSE },
    { "http://10.0.0.1:8765", FALSE },
    { "ftp://market.example.com", FALSE },
    { "not a url", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SdMarketplaceClient) client = sd_marketplace_client_new (cases[i].url, "t",
                                                                         &error);
      g_test_message ("%s", cases[i].url);
      if (cases[i].ok)
        {
          g_assert_no_error (error);
          g_assert_nonnull (client);
        }
      else
        {
          g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_INSECURE);
          g_assert_null (client);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn, data) \
  g_test_add (path, Fixture, data, fixture_set_up, fn, fixture_tear_down)
  ADD ("/sync/client/malformed", test_malformed, NULL);
  ADD ("/sync/client/huge-string", test_huge_string, NULL);
  ADD ("/sync/client/good-page", test_good_page, NULL);
  ADD ("/sync/client/refused-404", test_refused, GUINT_TO_POINTER (404));
  ADD ("/sync/client/refused-413", test_refused, GUINT_TO_POINTER (413));
  ADD ("/sync/client/refused-422", test_refused, GUINT_TO_POINTER (422));
  ADD ("/sync/client/refused-423", test_refused, GUINT_TO_POINTER (423));
  ADD ("/sync/client/retried-5xx-429", test_retried, NULL);
  ADD ("/sync/client/unauthorized", test_unauthorized, NULL);
  ADD ("/sync/client/malformed-answer", test_malformed_answer, NULL);
#undef ADD
  g_test_add_func ("/sync/client/urls", test_urls);
  g_test_add_func ("/sync/client/tls", test_tls);
  return g_test_run ();
}

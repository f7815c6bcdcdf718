/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Complaint files both ways, against the real sandbox: a contest with a photo reaches the
 * marketplace as one multipart comment holding the exact bytes, once, even when answers are
 * lost after the commit, and comes back in the pulled comments thread; the photo downloads
 * back byte for byte; an oversized file is
 * refused at the desk, by the marketplace (413, the history says why) and on download, and
 * so is a download that is not a picture or a PDF. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sd-clock.h"
#include "sd-marketplace-client.h"
#include "sd-policy-error.h"
#include "sd-store-sync.h"
#include "sd-sync-engine.h"
#include "sd-test-sandbox.h"

#define MAX_PASSES 40
#define CONTEST_BODY "She arrived at 10:40 for a 10:00 cut; our door camera shows it."

/* A whole 1×1 PNG. */
static const guint8 png_1x1[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
  0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
  0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
  0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

typedef struct
{
  char *dir;
  SdTestSandbox *sandbox;
  SdStore *desk;
  SdSyncEngine *engine;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdBackoff) backoff = sd_backoff_new (1, 10);

  f->dir = g_dir_make_tmp ("sd-sync-attachments-XXXXXX", &error);
  g_assert_no_error (error);
  f->sandbox = sd_test_sandbox_start (NULL, 0, NULL);
  f->desk = sd_test_desk_new (f->dir, "desk.db");
  f->engine = sd_sync_engine_new (f->desk, f->sandbox->url, f->sandbox->token);
  sd_sync_engine_set_backoff (f->engine, backoff);
  sd_sync_engine_set_max_attempts (f->engine, 12);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->engine);
  g_clear_object (&f->desk);
  g_clear_pointer (&f->sandbox, sd_test_sandbox_free);
  sd_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
sync_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_sync_engine_sync_once (f->engine, NULL, &error));
  g_assert_no_error (error);
}

/* A prepaid booking the client complains about; returns the complaint's remote id and sets
 * *@local_out to the desk's id for it, once pulled. */
static char *
open_complaint (Fixture *f, guint n, gint64 *local_out)
{
  g_autoptr(SdClock) clock = sd_clock_new_system ();
  gint64 now = sd_clock_get_now (clock);
  g_autofree char *start = sd_test_rfc3339(now - now % 3600 + (24 + n) * 3600);
  g_autofree char *booking = NULL;
  g_autofree char *complaint = NULL;
  g_autoptr(JsonNode) apt = NULL;
  g_autoptr(JsonNode) cmp = NULL;
  char *id;

  booking = g_strdup_printf (
    "{\"start\":\"%s\",\"staff_id\":\"stf_1\",\"service\":{\"name\":\"Cut\","
    "\"duration_min\":45,\"price_cents\":4500,\"currency\":\"EUR\"},\"client\":{\"name\":"
    "\"Client %u\",\"email\":\"c%u@example.com\",\"phone\":null},"
    "\"payment_mode\":\"prepaid\",\"instant\":true}", start, n, n);
  apt = sd_test_sandbox_post (f->sandbox, "/sandbox/bookings", booking);
  complaint = g_strdup_printf (
    "{\"appointment_id\":\"%s\",\"reason\":\"The cut was late.\","
    "\"refund_requested_cents\":1000,\"deadline_kind\":\"hours_24\"}",
    json_object_get_string_member (json_node_get_object (apt), "id"));
  cmp = sd_test_sandbox_post (f->sandbox, "/sandbox/complaints", complaint);
  id = g_strdup (json_object_get_string_member (json_node_get_object (cmp), "id"));
  sync_ok (f);
  *local_out = sd_test_db_int (f->desk, "SELECT id FROM complaints WHERE remote_id = ?", id);
  g_assert_cmpint (*local_out, >, 0);
  return id;
}

static char *
write_file (Fixture *f, const char *name, gsize size)
{
  g_autofree guint8 *data = g_malloc0 (MAX (size, sizeof png_1x1));
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  memcpy (data, png_1x1, sizeof png_1x1);
  g_assert_true (g_file_set_contents (path, (const char *) data, MAX (size, sizeof png_1x1),
                                      &error));
  g_assert_no_error (error);
  return path;
}

static SdComplaint *
contest (Fixture *f, gint64 complaint, const char *path, GError **error)
{
  const char *files[] = { path, NULL };
  SdComplaintResponse response = { .action = SD_RESPONSE_CONTEST };

  response.body = CONTEST_BODY;
  response.attachments = files;
  return sd_store_respond_complaint (f->desk, complaint, &response, error);
}

/* The complaint's comments on the marketplace that carry files. */
static JsonArray *
comments_with_files (Fixture *f, const char *complaint, guint *n_out)
{
  g_autoptr(GHashTable) complaints = sd_test_sandbox_resources (f->sandbox, "complaint");
  JsonNode *node = g_hash_table_lookup (complaints, complaint);
  JsonArray *comments, *found = json_array_new ();

  g_assert_nonnull (node);
  comments = json_object_get_array_member (json_node_get_object (node), "comments");
  for (guint i = 0; i < json_array_get_length (comments); i++)
    {
      JsonObject *c = json_array_get_object_element (comments, i);

      if (json_array_get_length (json_object_get_array_member (c, "attachments")) > 0)
        json_array_add_object_element (found, json_object_ref (c));
    }
  *n_out = json_array_get_length (found);
  return found;
}

static void
test_exactly_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 local = 0;
  g_autofree char *remote = open_complaint (f, 1, &local);
  g_autofree char *photo = write_file (f, "door camera.png", 0);
  g_autoptr(SdComplaint) answered = contest (f, local, photo, &error);
  g_autoptr(JsonArray) found = NULL;
  g_autoptr(SdMarketplaceClient) client = NULL;
  g_autoptr(GBytes) capped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *contents = NULL;
  JsonObject *comment, *att;
  gsize len = 0;
  guint n = 0, passes = 0;

  g_assert_no_error (error);
  g_assert_nonnull (answered);
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM outbox WHERE action = 'comment'"
                                            " AND state = 'pending'", NULL), ==, 1);

  /* Lost answers and 503s: the same key again, until everything went. */
  json_node_unref (sd_test_sandbox_post (f->sandbox, "/sandbox/faults",
                                         "{\"fail_rate\":0.3,\"drop_after_commit_rate\":0.5,"
                                         "\"delay_ms\":0}"));
  while (sd_store_sync_count_unsent (f->desk, NULL) > 0 && passes++ < MAX_PASSES)
    {
      g_autoptr(GError) pass_error = NULL;

      if (!sd_sync_engine_sync_once (f->engine, NULL, &pass_error))
        g_assert_true (sd_sync_error_is_retryable (pass_error));
    }
  g_test_message ("sent in %u passes", passes);
  json_node_unref (sd_test_sandbox_post (f->sandbox, "/sandbox/faults",
                                         "{\"fail_rate\":0,\"drop_after_commit_rate\":0}"));
  g_assert_cmpuint (sd_store_sync_count_unsent (f->desk, NULL), ==, 0);
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM outbox WHERE action = 'comment'"
                                            " AND state = 'sent'", NULL), ==, 1);
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM outbox WHERE"
                                            " state = 'failed'", NULL), ==, 0);

  /* Once on the marketplace, with the file's name, type and size. */
  found = comments_with_files (f, remote, &n);
  g_assert_cmpuint (n, ==, 1);
  comment = json_array_get_object_element (found, 0);
  g_assert_cmpstr (json_object_get_string_member (comment, "author"), ==, "salon");
  g_assert_cmpstr (json_object_get_string_member (comment, "body"), ==, CONTEST_BODY);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (comment,
                                                                         "attachments")), ==, 1);
  att = json_array_get_object_element (json_object_get_array_member (comment, "attachments"), 0);
  g_assert_cmpstr (json_object_get_string_member (att, "filename"), ==, "door camera.png");
  g_assert_cmpstr (json_object_get_string_member (att, "content_type"), ==, "image/png");
  g_assert_cmpint (json_object_get_int_member (att, "size"), ==, sizeof png_1x1);

  /* Pulled back, the desk keeps the marketplace's comments thread with the file's name. */
  sync_ok (f);
  {
    g_autoptr(GPtrArray) thread = sd_store_list_complaint_comments (f->desk, local, &error);
    SdComplaintComment *last;

    g_assert_no_error (error);
    g_assert_cmpuint (thread->len, >=, 1);
    last = g_ptr_array_index (thread, thread->len - 1);
    g_assert_cmpint (last->author, ==, SD_PARTY_SALON);
    g_assert_cmpstr (last->body, ==, CONTEST_BODY);
    g_assert_cmpuint (g_strv_length (last->attachment_names), ==, 1);
    g_assert_cmpstr (last->attachment_names[0], ==, "door camera.png");
  }

  /* Whatever the faults hit this time, the request repeated with its key (as after a lost
   * answer) is answered with the same comment and changes nothing. */
  client = sd_marketplace_client_new (f->sandbox->url, f->sandbox->token, &error);
  g_assert_no_error (error);
  {
    g_autofree char *key = sd_test_db_text (f->desk, "SELECT idempotency_key FROM outbox"
                                                     " WHERE action = 'comment'", NULL);
    g_autofree char *comments_path = g_strdup_printf ("/v1/complaints/%s/comments", remote);
    g_autofree char *comment_id = NULL;
    g_autoptr(GBytes) bytes = g_bytes_new_static (png_1x1, sizeof png_1x1);
    g_autoptr(JsonArray) still = NULL;
    SdCommentFile file = { "door camera.png", "image/png", bytes };

    g_assert_true (sd_marketplace_client_post_comment (client, comments_path, CONTEST_BODY,
                                                       &file, 1, key, &comment_id, NULL, NULL,
                                                       &error));
    g_assert_no_error (error);
    g_assert_cmpstr (comment_id, ==, json_object_get_string_member (comment, "id"));
    still = comments_with_files (f, remote, &n);
    g_assert_cmpuint (n, ==, 1);
  }

  /* Back down: the same bytes, in the complaint's folder beside the database. */
  path = sd_sync_engine_download_attachment (f->engine, local,
                                             json_object_get_string_member (att, "id"),
                                             json_object_get_string_member (att, "filename"),
                                             NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, f->dir));
  g_assert_nonnull (strstr (path, G_DIR_SEPARATOR_S "attachments" G_DIR_SEPARATOR_S));
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, png_1x1, sizeof png_1x1);
  /* Twice: the same file, listed once. */
  again = sd_sync_engine_download_attachment (f->engine, local,
                                              json_object_get_string_member (att, "id"),
                                              json_object_get_string_member (att, "filename"),
                                              NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, path);
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM complaint_attachments"
                                            " WHERE path = ?", path), ==, 1);

  /* Past the cap, the download stops and nothing is kept. */
  capped = sd_marketplace_client_get_attachment (client,
                                                 json_object_get_string_member (att, "id"),
                                                 sizeof png_1x1 - 1, NULL, NULL, &error);
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_TOO_LARGE);
  g_assert_null (capped);
  g_clear_error (&error);
  /* Someone else's id or one that does not exist. */
  g_assert_null (sd_sync_engine_download_attachment (f->engine, local, "att_999999", "x.png",
                                                     NULL, &error));
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_NOT_FOUND);
}

static void
test_oversized (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 local = 0;
  g_autofree char *remote = open_complaint (f, 2, &local);
  g_autofree char *huge = write_file (f, "huge.png", SD_MARKETPLACE_MAX_ATTACHMENT + 1);
  g_autofree char *small = write_file (f, "small.png", 0);
  g_autofree char *copy = NULL;
  g_autofree char *history = NULL;
  g_autoptr(SdComplaint) answered = NULL;
  g_autoptr(JsonArray) found = NULL;
  guint n = 0;

  /* At the desk: refused before anything is written. */
  g_assert_null (contest (f, local, huge, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM outbox WHERE action = 'comment'",
                                   NULL), ==, 0);

  /* A copy that grew past the limit after it was attached: the marketplace answers 413; the
   * comment is not sent again and the appointment's history says why. */
  answered = contest (f, local, small, &error);
  g_assert_no_error (error);
  copy = sd_test_db_text (f->desk, "SELECT path FROM complaint_attachments"
                                   " ORDER BY id DESC LIMIT 1", NULL);
  g_assert_nonnull (copy);
  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_assert_cmpint (g_rename (huge, copy), ==, 0);
  sync_ok (f);
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM outbox WHERE action = 'comment'"
                                            " AND state = 'failed'", NULL), ==, 1);
  g_assert_cmpuint (sd_store_sync_count_unsent (f->desk, NULL), ==, 0);
  history = sd_test_db_text (f->desk, "SELECT detail FROM history WHERE event = 'refused'"
                                      " ORDER BY id DESC LIMIT 1", NULL);
  g_assert_nonnull (history);
  g_assert_nonnull (strstr (history, "10 MB"));
  found = comments_with_files (f, remote, &n);
  g_assert_cmpuint (n, ==, 0);
  /* The contest itself went. */
  g_assert_cmpint (sd_test_db_int (f->desk, "SELECT count(*) FROM outbox WHERE action = 'respond'"
                                            " AND state = 'sent'", NULL), ==, 1);
}

/* A server that is not the marketplace: a web page and an oversized file where attachments
 * should be. It runs its own main context in a thread, since downloads block. */
typedef struct
{
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  GThread *thread;
  char *url;
} FakeServer;

static void
on_fake_request (SoupServer *server, SoupServerMessage *msg, const char *path,
                 GHashTable *query, gpointer data)
{
  if (g_str_has_suffix (path, "/att_page"))
    soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                      "<html>login</html>", 18);
  else
    {
      gsize size = SD_MARKETPLACE_MAX_ATTACHMENT + 1;
      guint8 *huge = g_malloc0 (size);

      memcpy (huge, png_1x1, sizeof png_1x1);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_TAKE, (char *) huge,
                                        size);
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

static gpointer
fake_server_run (gpointer data)
{
  FakeServer *fake = data;

  g_main_context_push_thread_default (fake->context);
  g_main_loop_run (fake->loop);
  g_main_context_pop_thread_default (fake->context);
  return NULL;
}

static void
fake_server_start (FakeServer *fake)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->context = g_main_context_new ();
  fake->loop = g_main_loop_new (fake->context, FALSE);
  g_main_context_push_thread_default (fake->context);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, on_fake_request, NULL, NULL);
  g_assert_true (soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  g_main_context_pop_thread_default (fake->context);
  uris = soup_server_get_uris (fake->server);
  fake->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  fake->thread = g_thread_new ("fake-server", fake_server_run, fake);
}

/* In the server's thread: its connections are closed where they were made. */
static gboolean
fake_server_quit (gpointer data)
{
  FakeServer *fake = data;

  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  g_main_loop_quit (fake->loop);
  return G_SOURCE_REMOVE;
}

static void
fake_server_stop (FakeServer *fake)
{
  g_main_context_invoke (fake->context, fake_server_quit, fake);
  g_thread_join (fake->thread);
  g_main_context_push_thread_default (fake->context);
  while (g_main_context_iteration (fake->context, FALSE))
    ;
  g_main_context_pop_thread_default (fake->context);
  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
  g_free (fake->url);
}

static void
test_download_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sd-sync-attachments-XXXXXX", &error);
  g_autoptr(SdStore) desk = sd_test_desk_new (dir, "desk.db");
  g_autoptr(SdSyncEngine) engine = NULL;
  g_autofree char *folder = g_build_filename (dir, "attachments", NULL);
  FakeServer fake = { 0 };

  g_assert_no_error (error);
  fake_server_start (&fake);
  engine = sd_sync_engine_new (desk, fake.url, "sk_test");

  /* Not a picture or a PDF, whatever the link says. */
  g_assert_null (sd_sync_engine_download_attachment (engine, 1, "att_page", "photo.png", NULL,
                                                     &error));
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_MALFORMED);
  g_clear_error (&error);
  /* One byte past 10 MiB: refused from its announced length. */
  g_assert_null (sd_sync_engine_download_attachment (engine, 1, "att_huge", "huge.png", NULL,
                                                     &error));
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_TOO_LARGE);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  g_clear_object (&engine);
  fake_server_stop (&fake);
  g_clear_object (&desk);
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
  g_test_add ("/sync/attachments/exactly-once", Fixture, NULL, fixture_set_up,
              test_exactly_once, fixture_tear_down);
  g_test_add ("/sync/attachments/oversized", Fixture, NULL, fixture_set_up, test_oversized,
              fixture_tear_down);
  g_test_add_func ("/sync/attachments/download-refused", test_download_refused);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The core's rules as the sandbox answers them over HTTP: versions (409), refusals (422,
 * 423), deadlines with a moved clock, complaints with attachments, and the changes feed
 * with its cursors (paging, 410). */

#include "config.h"

#include <string.h>

#include "sandbox-fixture.h"

/* Thursday 2030-01-10 09:00 in Amsterdam. */
#define T0 "2030-01-10T08:00:00Z"

static SandboxResponse *
act (SandboxServer *server, const char *id, const char *action, const char *if_match,
     const char *body)
{
  g_autofree char *path = g_strdup_printf ("/v1/appointments/%s/%s", id, action);
  g_autofree char *key = sandbox_key ();

  return sandbox_request (server, "POST", path, server->token, key, if_match,
                          body != NULL ? body : "{}");
}

static JsonObject *
obj (SandboxResponse *r)
{
  g_assert_nonnull (r->json);
  return json_node_get_object (r->json);
}

static void
assert_error (SandboxResponse *r, guint status, const char *code)
{
  g_assert_cmpuint (r->status, ==, status);
  g_assert_cmpstr (sandbox_json_string (r, "error"), ==, code);
  g_assert_nonnull (sandbox_json_string (r, "message"));
}

static void
test_version_conflict (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autofree char *id = NULL;
  g_autoptr (SandboxResponse) confirmed = NULL;
  g_autoptr (SandboxResponse) stale = NULL;
  g_autoptr (SandboxResponse) bad = NULL;
  JsonObject *current;

  sandbox_set_clock (server, T0);
  id = sandbox_book (server, server->token, "2030-01-15T10:00:00+01:00", "prepaid", FALSE);
  confirmed = act (server, id, "confirm", "\"1\"", NULL);
  g_assert_cmpuint (confirmed->status, ==, 200);
  g_assert_cmpint (sandbox_json_int (confirmed, "version"), ==, 2);
  g_assert_cmpstr (sandbox_json_string (confirmed, "status"), ==, "confirmed");
  /* Confirming reveals the client's phone. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj (confirmed),
                                                                                 "client"),
                                                  "phone"), ==, "+31 6 1234 5678");

  stale = act (server, id, "reschedule", "\"1\"", "{\"start\":\"2030-01-16T10:00:00+01:00\"}");
  assert_error (stale, 409, "version_conflict");
  current = json_object_get_object_member (obj (stale), "current");
  g_assert_nonnull (current);
  g_assert_cmpint (json_object_get_int_member (current, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (current, "status"), ==, "confirmed");

  bad = act (server, id, "reschedule", "\"two\"", "{\"start\":\"2030-01-16T10:00:00+01:00\"}");
  assert_error (bad, 400, "bad_request");
}

static void
test_invalid_transition (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autofree char *id = NULL;
  g_autoptr (SandboxResponse) checkout = NULL;
  g_autoptr (SandboxResponse) unknown = NULL;

  sandbox_set_clock (server, T0);
  id = sandbox_book (server, server->token, "2030-01-15T10:00:00+01:00", "prepaid", FALSE);
  checkout = act (server, id, "check-out", NULL, NULL);
  assert_error (checkout, 422, "invalid_transition");
  unknown = act (server, "apt_999", "confirm", NULL, NULL);
  assert_error (unknown, 404, "not_found");
}

/* A walk-in on a busy staff member: 422 overlap, unless the desk chose to double-book. */
static void
test_overlap (void)
{
  static const char *const bodies[] = {
    "{\"start\":\"2030-01-15T10:00:00+01:00\",\"staff_id\":\"stf_1\",\"service_id\":\"svc_1\","
    "\"client\":{\"name\":\"Walk-in\"}}",
    "{\"start\":\"2030-01-15T10:30:00+01:00\",\"staff_id\":\"stf_1\",\"service_id\":\"svc_1\","
    "\"client\":{\"name\":\"Phone\"}}",
    "{\"start\":\"2030-01-15T10:30:00+01:00\",\"staff_id\":\"stf_1\",\"service_id\":\"svc_1\","
    "\"client\":{\"name\":\"Phone\"},\"allow_overlap\":true}",
    "{\"start\":\"2030-01-15T10:45:00+01:00\",\"staff_id\":\"stf_1\",\"service_id\":\"svc_3\","
    "\"client\":{\"name\":\"Back to back\"}}",
  };
  static const guint expected[] = { 201, 422, 201, 422 };
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);

  sandbox_set_clock (server, T0);
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *key = sandbox_key ();
      g_autoptr (SandboxResponse) r = sandbox_request (server, "POST", "/v1/appointments",
                                                       server->token, key, NULL, bodies[i]);

      g_assert_cmpuint (r->status, ==, expected[i]);
      if (r->status == 201)
        {
          g_assert_cmpstr (sandbox_json_string (r, "status"), ==, "confirmed");
          g_assert_cmpstr (json_object_get_string_member (
            json_object_get_object_member (obj (r), "payment"), "mode"), ==, "at_salon");
        }
      else
        assert_error (r, 422, "overlap");
    }
}

/* A request is answered until confirm_by itself; one second later it has expired. */
static void
test_deadline (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autofree char *on_time = NULL;
  g_autofree char *late = NULL;
  g_autoptr (SandboxResponse) ok = NULL;
  g_autoptr (SandboxResponse) refused = NULL;
  g_autoptr (JsonArray) changes = NULL;
  const char *last_status = NULL;

  sandbox_set_clock (server, T0);
  on_time = sandbox_book (server, server->token, "2030-01-15T10:00:00+01:00", "prepaid", FALSE);
  late = sandbox_book (server, server->token, "2030-01-15T12:00:00+01:00", "prepaid", FALSE);

  sandbox_set_clock (server, "2030-01-11T08:00:00Z");
  ok = act (server, on_time, "confirm", NULL, NULL);
  g_assert_cmpuint (ok->status, ==, 200);

  sandbox_set_clock (server, "2030-01-11T08:00:01Z");
  refused = act (server, late, "confirm", NULL, NULL);
  assert_error (refused, 422, "deadline_passed");

  /* The feed tells the desk that it expired. */
  changes = sandbox_pull_all (server, server->token, 500);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *data = json_object_get_object_member (change, "data");

      if (g_str_equal (json_object_get_string_member (change, "kind"), "appointment") &&
          g_str_equal (json_object_get_string_member (data, "id"), late))
        last_status = json_object_get_string_member (data, "status");
    }
  g_assert_cmpstr (last_status, ==, "expired");
}

static void
test_refund_rules (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autofree char *early = NULL;
  g_autofree char *late = NULL;
  g_autoptr (SandboxResponse) forced = NULL;
  g_autoptr (SandboxResponse) full = NULL;
  g_autoptr (SandboxResponse) kept = NULL;
  g_autoptr (JsonArray) changes = NULL;
  guint refunds = 0;

  sandbox_set_clock (server, T0);
  early = sandbox_book (server, server->token, "2030-01-15T10:00:00+01:00", "prepaid", TRUE);
  late = sandbox_book (server, server->token, "2030-01-10T18:00:00+01:00", "prepaid", TRUE);

  /* The salon cancels a prepaid appointment: always a full refund. */
  forced = act (server, early, "cancel", NULL,
                "{\"by\":\"salon\",\"reason\":\"illness\",\"refund\":\"none\"}");
  assert_error (forced, 422, "validation");
  full = act (server, early, "cancel", NULL,
              "{\"by\":\"salon\",\"reason\":\"illness\",\"note\":\"Called her\",\"refund\":\"full\"}");
  g_assert_cmpuint (full->status, ==, 200);
  g_assert_cmpstr (sandbox_json_string (full, "status"), ==, "cancelled");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (obj (full),
                                                                              "payment"),
                                               "refunded_cents"), ==, 4500);

  /* The client cancels late (9 h before): the salon may keep the payment. */
  kept = act (server, late, "cancel", NULL,
              "{\"by\":\"client\",\"reason\":\"client_request\",\"refund\":\"none\"}");
  g_assert_cmpuint (kept->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (obj (kept),
                                                                              "payment"),
                                               "refunded_cents"), ==, 0);

  changes = sandbox_pull_all (server, server->token, 500);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *data = json_object_get_object_member (change, "data");

      if (g_str_equal (json_object_get_string_member (change, "kind"), "transaction") &&
          g_str_equal (json_object_get_string_member (data, "kind"), "refund"))
        {
          g_assert_cmpint (json_object_get_int_member (data, "amount_cents"), ==, 4500);
          g_assert_cmpstr (json_object_get_string_member (data, "appointment_id"), ==, early);
          refunds++;
        }
    }
  g_assert_cmpuint (refunds, ==, 1);
}

static SandboxResponse *
post_comment (SandboxServer *server, const char *token, const char *complaint_id,
              const char *body, const char *filename, GBytes *file)
{
  g_autofree char *uri = g_strdup_printf ("%s/v1/complaints/%s/comments", server->url,
                                          complaint_id);
  g_autoptr (SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr (SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  SoupMessageHeaders *headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  g_autoptr (GBytes) encoded = NULL;
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *key = sandbox_key ();
  SandboxResponse *r;

  soup_multipart_append_form_string (multipart, "body", body);
  if (file != NULL)
    soup_multipart_append_form_file (multipart, "attachment", filename, "image/png", file);
  soup_multipart_to_message (multipart, headers, &encoded);
  soup_message_set_request_body_from_bytes (msg,
                                            soup_message_headers_get_one (headers, "Content-Type"),
                                            encoded);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", key);
  r = sandbox_send (server, msg);
  soup_message_headers_unref (headers);
  return r;
}

static GBytes *
png_of_size (gsize size)
{
  guchar *data = g_malloc0 (size);

  memcpy (data, "\x89PNG\r\n\x1a\n", 8);
  for (gsize i = 8; i < size; i++)
    data[i] = (guchar) (i * 7);
  return g_bytes_new_take (data, size);
}

/* A completed appointment, a client's complaint: the appointment is locked (423) until the
 * marketplace resolves it; the salon answers with comments and files. */
static void
test_complaint (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autofree char *id = NULL;
  g_autofree char *key = sandbox_key ();
  g_autofree char *key2 = sandbox_key ();
  g_autofree char *key3 = sandbox_key ();
  g_autofree char *key4 = sandbox_key ();
  g_autofree char *body = NULL;
  g_autofree char *salon_key = sandbox_key ();
  g_autoptr (SandboxResponse) early = NULL;
  g_autoptr (SandboxResponse) in = NULL;
  g_autoptr (SandboxResponse) out = NULL;
  g_autoptr (SandboxResponse) complaint = NULL;
  g_autoptr (SandboxResponse) locked = NULL;
  g_autoptr (SandboxResponse) locked2 = NULL;
  g_autoptr (SandboxResponse) comment = NULL;
  g_autoptr (SandboxResponse) huge = NULL;
  g_autoptr (SandboxResponse) text_file = NULL;
  g_autoptr (SandboxResponse) file = NULL;
  g_autoptr (SandboxResponse) other_salon = NULL;
  g_autoptr (SandboxResponse) other_file = NULL;
  g_autoptr (SandboxResponse) contest = NULL;
  g_autoptr (SandboxResponse) resolved = NULL;
  g_autoptr (SandboxResponse) review = NULL;
  g_autoptr (SandboxResponse) review2 = NULL;
  g_autoptr (GBytes) png = png_of_size (2048);
  g_autoptr (GBytes) big_png = png_of_size (10 * 1024 * 1024 + 1);
  g_autoptr (GBytes) not_image = g_bytes_new_static ("hello, world", 12);
  const char *complaint_id, *attachment_id;
  JsonArray *attachments;
  g_autofree char *path = NULL;
  g_autofree char *resolve_path = NULL;
  g_autofree char *respond_path = NULL;

  sandbox_set_clock (server, T0);
  id = sandbox_book (server, server->token, "2030-01-10T10:00:00+01:00", "prepaid", TRUE);
  early = act (server, id, "check-in", NULL, NULL);
  assert_error (early, 422, "too_early");
  /* Check-in opens 15 minutes before the start. */
  sandbox_set_clock (server, "2030-01-10T08:50:00Z");
  in = act (server, id, "check-in", NULL, NULL);
  g_assert_cmpuint (in->status, ==, 200);
  out = act (server, id, "check-out", NULL, NULL);
  g_assert_cmpuint (out->status, ==, 200);
  g_assert_cmpstr (sandbox_json_string (out, "status"), ==, "completed");

  body = g_strdup_printf ("{\"appointment_id\":\"%s\",\"reason\":\"Uneven cut\","
                          "\"refund_requested_cents\":2000,\"deadline_kind\":\"hours_24\"}", id);
  complaint = sandbox_request (server, "POST", "/sandbox/complaints", server->token, key, NULL,
                               body);
  g_assert_cmpuint (complaint->status, ==, 201);
  complaint_id = sandbox_json_string (complaint, "id");
  g_assert_true (g_str_has_prefix (complaint_id, "cmp_"));
  g_assert_cmpstr (sandbox_json_string (complaint, "status"), ==, "awaiting_reply");
  g_assert_cmpstr (sandbox_json_string (complaint, "reply_by"), ==, "2030-01-11T09:50:00+01:00");

  locked = act (server, id, "cancel", NULL, "{\"by\":\"salon\",\"reason\":\"other\"}");
  assert_error (locked, 423, "locked");
  locked2 = act (server, id, "check-in", NULL, NULL);
  assert_error (locked2, 423, "locked");

  huge = post_comment (server, server->token, complaint_id, "Photos", "big.png", big_png);
  assert_error (huge, 413, "too_large");
  text_file = post_comment (server, server->token, complaint_id, "A note", "note.png", not_image);
  assert_error (text_file, 422, "validation");
  comment = post_comment (server, server->token, complaint_id, "Here is the photo", "cut.png",
                          png);
  g_assert_cmpuint (comment->status, ==, 201);
  g_assert_cmpstr (sandbox_json_string (comment, "author"), ==, "salon");
  attachments = json_object_get_array_member (obj (comment), "attachments");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 1);
  attachment_id = json_object_get_string_member (json_array_get_object_element (attachments, 0),
                                                 "id");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachments, 0),
                                                  "content_type"), ==, "image/png");

  path = g_strdup_printf ("/v1/attachments/%s", attachment_id);
  file = sandbox_request (server, "GET", path, server->token, NULL, NULL, NULL);
  g_assert_cmpuint (file->status, ==, 200);
  g_assert_true (g_bytes_equal (file->body, png));

  other_salon = sandbox_request (server, "POST", "/sandbox/salons", NULL, salon_key, NULL,
                                 "{\"name\":\"Other\"}");
  g_assert_cmpuint (other_salon->status, ==, 201);
  other_file = sandbox_request (server, "GET", path, sandbox_json_string (other_salon, "token"),
                                NULL, NULL, NULL);
  assert_error (other_file, 404, "not_found");

  respond_path = g_strdup_printf ("/v1/complaints/%s/respond", complaint_id);
  contest = sandbox_request (server, "POST", respond_path, server->token, key2, NULL,
                             "{\"action\":\"contest\",\"body\":\"The client asked for it\"}");
  g_assert_cmpuint (contest->status, ==, 200);
  g_assert_cmpstr (sandbox_json_string (contest, "status"), ==, "under_review");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (contest),
                                                                         "comments")), ==, 1);

  resolve_path = g_strdup_printf ("/sandbox/complaints/%s/resolve", complaint_id);
  resolved = sandbox_request (server, "POST", resolve_path, server->token, key3, NULL,
                              "{\"outcome\":\"refund_partial\",\"amount_cents\":1000,"
                              "\"note\":\"Half the colour\"}");
  g_assert_cmpuint (resolved->status, ==, 200);
  g_assert_cmpstr (sandbox_json_string (resolved, "status"), ==, "resolved");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj (resolved),
                                                                                 "resolution"),
                                                  "outcome"), ==, "refund_partial");

  /* Unlocked again: completed, and the client may now review it, once. */
  g_free (body);
  body = g_strdup_printf ("{\"appointment_id\":\"%s\",\"scores\":{\"punctuality\":5,"
                          "\"service\":3,\"value\":4,\"cleanliness\":5,\"relationship\":4},"
                          "\"comment\":\"Fixed in the end\"}", id);
  review = sandbox_request (server, "POST", "/sandbox/reviews", server->token, key4, NULL, body);
  g_assert_cmpuint (review->status, ==, 201);
  g_clear_pointer (&key4, g_free);
  key4 = sandbox_key ();
  review2 = sandbox_request (server, "POST", "/sandbox/reviews", server->token, key4, NULL, body);
  assert_error (review2, 422, "validation");
}

/* Pages of 2 cover every change exactly once, in order; after a compaction the old cursor
 * is gone (410) and a pull from the beginning still gives every resource. */
static void
test_changes_feed (void)
{
  g_autoptr (SandboxServer) server = sandbox_server_start (NULL);
  g_autoptr (JsonArray) all = NULL;
  g_autoptr (JsonArray) after = NULL;
  g_autoptr (SandboxResponse) first_page = NULL;
  g_autoptr (SandboxResponse) compact = NULL;
  g_autoptr (SandboxResponse) gone = NULL;
  g_autoptr (SandboxResponse) garbage = NULL;
  g_autoptr (SandboxResponse) bad_limit = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = sandbox_key ();
  gint64 last_seq = 0;

  sandbox_set_clock (server, T0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *start = g_strdup_printf ("2030-01-15T1%u:00:00+01:00", i);
      g_autofree char *id = sandbox_book (server, server->token, start, "at_salon", FALSE);
      g_autoptr (SandboxResponse) r = act (server, id, "confirm", NULL, NULL);

      g_assert_cmpuint (r->status, ==, 200);
    }
  /* Per booking: the appointment and the commission; per confirmation: the appointment and
   * a system message. */
  all = sandbox_pull_all (server, server->token, 2);
  g_assert_cmpuint (json_array_get_length (all), ==, 12);
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      gint64 seq = json_object_get_int_member (json_array_get_object_element (all, i), "seq");

      g_assert_cmpint (seq, >, last_seq);
      last_seq = seq;
    }

  first_page = sandbox_request (server, "GET", "/v1/changes?limit=2", server->token, NULL, NULL,
                                NULL);
  g_assert_true (json_object_get_boolean_member (obj (first_page), "has_more"));
  cursor = g_strdup (sandbox_json_string (first_page, "next_cursor"));

  compact = sandbox_request (server, "POST", "/sandbox/compact", server->token, key, NULL, "{}");
  g_assert_cmpuint (compact->status, ==, 200);
  path = g_strdup_printf ("/v1/changes?cursor=%s", cursor);
  gone = sandbox_request (server, "GET", path, server->token, NULL, NULL, NULL);
  assert_error (gone, 410, "cursor_expired");

  /* From the beginning: each resource once, as it is now (3 appointments, 3 commissions,
   * 3 messages). */
  after = sandbox_pull_all (server, server->token, 500);
  g_assert_cmpuint (json_array_get_length (after), ==, 9);

  garbage = sandbox_request (server, "GET", "/v1/changes?cursor=%25%25", server->token, NULL,
                             NULL, NULL);
  assert_error (garbage, 400, "bad_request");
  bad_limit = sandbox_request (server, "GET", "/v1/changes?limit=501", server->token, NULL,
                               NULL, NULL);
  assert_error (bad_limit, 400, "bad_request");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sandbox/rules/version-conflict", test_version_conflict);
  g_test_add_func ("/sandbox/rules/invalid-transition", test_invalid_transition);
  g_test_add_func ("/sandbox/rules/overlap", test_overlap);
  g_test_add_func ("/sandbox/rules/deadline", test_deadline);
  g_test_add_func ("/sandbox/rules/refund", test_refund_rules);
  g_test_add_func ("/sandbox/rules/complaint", test_complaint);
  g_test_add_func ("/sandbox/rules/changes-feed", test_changes_feed);
  return g_test_run ();
}

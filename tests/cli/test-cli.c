/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c — runs the real salon-desk-cli (path in $SALON_DESK_CLI) on a temporary
 * database, the way a script would: exit codes, what it prints, and that refused or
 * malformed commands leave the database as it was. The salon is in Europe/Amsterdam. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sd-appointment.h"
#include "sd-json.h"
#include "sd-time.h"

/* Monday 2026-11-23 14:30 in Amsterdam is the usual start; "now" is three days before. */
#define NOW0 "2026-11-20T09:00:00+01:00"
#define START "2026-11-23 14:30"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *r)
{
  g_free (r->out);
  g_free (r->err);
  g_free (r);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* Runs salon-desk-cli --db DB [--now NOW] ARGS…; @now may be NULL. */
static Result *
run_argv (Fixture *f, const char *now, const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  Result *r = g_new0 (Result, 1);
  const char *cli = g_getenv ("SALON_DESK_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  if (now != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--now");
      g_ptr_array_add (argv, (gpointer) now);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char *const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  /* A crash (a critical is fatal in the tests' environment) is never a valid answer. */
  if (!g_subprocess_get_if_exited (proc))
    g_error ("salon-desk-cli died: %s", r->err);
  r->status = g_subprocess_get_exit_status (proc);
  return r;
}

#define run(f, now, ...) run_argv ((f), (now), (const char *const[]) { __VA_ARGS__, NULL })

/* Runs and checks the exit status; on a surprise, says what the CLI said. */
#define expect(status_, f, now, ...)                                                   \
  ({                                                                                  \
    Result *r_ = run ((f), (now), __VA_ARGS__);                                       \
    if (r_->status != (status_))                                                      \
      g_error ("%s:%d: exit %d, expected %d\nstdout: %s\nstderr: %s", __FILE__,        \
               __LINE__, r_->status, (status_), r_->out, r_->err);                    \
    r_;                                                                               \
  })

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Result) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL;

  f->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "salon.sqlite", NULL);

  a = expect (0, f, NULL, "init", "--salon-name", "Salone Bella", "--timezone",
              "Europe/Amsterdam", "--currency", "EUR");
  b = expect (0, f, NULL, "staff", "add", "Marco");
  c = expect (0, f, NULL, "staff", "add", "Giulia");
  d = expect (0, f, NULL, "service", "add", "--name", "Cut & blow-dry", "--duration", "45",
              "--price", "45");
  e = expect (0, f, NULL, "service", "add", "--name", "Colour", "--duration", "90", "--price",
              "80.50");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Books an appointment and returns its local id. */
static gint64
book (Fixture *f, const char *now, const char *start, const char *staff, const char *payment,
      const char *status, const char *client)
{
  g_autoptr(Result) r = expect (0, f, now, "--json", "add", "--start", start, "--service",
                                "Cut & blow-dry", "--staff", staff, "--client-name", client,
                                "--client-phone", "+39 333 1234567", "--client-email",
                                "client@example.com", "--payment", payment, "--status", status);
  g_autoptr(JsonNode) node = parse_json (r->out);
  gint64 id = 0;

  g_assert_true (sd_json_parse_local_id (json_object_get_string_member (json_node_get_object (node),
                                                                        "id"), "apt", &id));
  return id;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* The appointment as `show --json` gives it (the "appointment" member). */
static JsonNode *
show (Fixture *f, const char *now, gint64 id)
{
  g_autofree char *text = id_text (id);
  g_autoptr(Result) r = expect (0, f, now, "--json", "show", text);
  g_autoptr(JsonNode) root = parse_json (r->out);

  return json_node_copy (json_object_get_member (json_node_get_object (root), "appointment"));
}

static const char *
status_of (JsonNode *appointment)
{
  return json_object_get_string_member (json_node_get_object (appointment), "status");
}

/* Byte-identical, also in length (the database may hold NULs). */
static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (mapped);
}

/* ---- Tests ---- */

static void
test_setup_lists (Fixture *f, gconstpointer data)
{
  g_autoptr(Result) staff = expect (0, f, NULL, "--json", "staff", "list");
  g_autoptr(Result) services = expect (0, f, NULL, "service", "list");
  g_autoptr(JsonNode) node = parse_json (staff->out);
  JsonArray *array = json_node_get_array (node);

  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  /* By name, in the API's {"id","name"} shape. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "name"),
                   ==, "Giulia");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                                  "id"), "stf_local_"));
  g_assert_nonnull (strstr (services->out, "€80.50"));
  g_assert_nonnull (strstr (services->out, "Cut & blow-dry  45"));
}

static void
test_add_overlap (Fixture *f, gconstpointer data)
{
  g_autoptr(Result) refused = NULL, allowed = NULL, other_staff = NULL, list = NULL;

  book (f, NOW0, START, "Marco", "at_salon", "confirmed", "Anna Rossi");
  /* 14:30-15:15 and 15:00-15:45 for the same stylist: a double booking. */
  refused = expect (2, f, NOW0, "add", "--start", "2026-11-23 15:00", "--service", "1",
                    "--staff", "marco", "--client-name", "Jan de Vries");
  g_assert_nonnull (strstr (refused->err, "refused (overlap)"));
  g_assert_cmpstr (refused->out, ==, "");
  other_staff = expect (0, f, NOW0, "add", "--start", "2026-11-23 15:00", "--service", "1",
                        "--staff", "Giulia", "--client-name", "Jan de Vries");
  allowed = expect (0, f, NOW0, "add", "--start", "2026-11-23 15:00", "--service", "1",
                    "--staff", "Marco", "--client-name", "Jan de Vries", "--allow-overlap");
  /* Touching ranges do not overlap: 15:15 right after 14:30-15:15 (Giulia's 15:00 is hers). */
  list = expect (0, f, NOW0, "list", "--staff", "Marco");
  g_assert_nonnull (strstr (list->out, "Anna Rossi"));
  g_assert_nonnull (strstr (list->out, "Jan de Vries"));
}

static void
test_accept (Fixture *f, gconstpointer data)
{
  gint64 id = book (f, NOW0, START, "Marco", "prepaid", "requested", "Anna Rossi");
  g_autofree char *text = id_text (id);
  g_autoptr(JsonNode) before = show (f, NOW0, id);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(Result) r = NULL, again = NULL;

  g_assert_cmpstr (status_of (before), ==, "requested");
  /* The API hides the phone of a request. */
  g_assert_true (json_object_get_null_member (json_object_get_object_member (json_node_get_object (before),
                                                                              "client"), "phone"));
  r = expect (0, f, "2026-11-20T10:00:00+01:00", "accept", text);
  g_assert_nonnull (strstr (r->out, "Confirmed"));
  after = show (f, "2026-11-20T10:00:00+01:00", id);
  g_assert_cmpstr (status_of (after), ==, "confirmed");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (after),
                                                                                  "client"), "phone"),
                   ==, "+39 333 1234567");
  again = expect (2, f, "2026-11-20T10:00:00+01:00", "accept", text);
  g_assert_nonnull (strstr (again->err, "invalid_transition"));
}

/* cancel-options --json for @id by @by at @now. */
static JsonObject *
options (Fixture *f, const char *now, gint64 id, const char *by, JsonNode **keep)
{
  g_autofree char *text = id_text (id);
  g_autoptr(Result) r = expect (0, f, now, "--json", "cancel-options", text, "--by", by);

  *keep = parse_json (r->out);
  return json_node_get_object (*keep);
}

static void
test_cancel_options (Fixture *f, gconstpointer data)
{
  gint64 at_salon = book (f, NOW0, START, "Marco", "at_salon", "confirmed", "Anna Rossi");
  gint64 prepaid = book (f, NOW0, START, "Giulia", "prepaid", "confirmed", "Jan de Vries");
  g_autoptr(JsonNode) n1 = NULL, n2 = NULL, n3 = NULL, n4 = NULL;
  g_autofree char *prepaid_text = id_text (prepaid);
  g_autoptr(Result) words = NULL, words_exact = NULL;
  JsonObject *o;

  /* Paid at the salon: nothing to refund, whoever cancels. */
  o = options (f, "2026-11-23T10:00:00+01:00", at_salon, "client", &n1);
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "nothing_to_refund");
  g_assert_false (json_object_get_boolean_member (o, "choice"));

  /* Prepaid, the salon cancels: always full, even late. */
  o = options (f, "2026-11-23T10:00:00+01:00", prepaid, "salon", &n2);
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "forced_full");
  g_assert_false (json_object_get_boolean_member (o, "choice"));
  g_assert_cmpint (json_object_get_int_member (o, "amount_cents"), ==, 4500);

  /* Prepaid, the client, exactly 24 h before: still free, full refund automatically. */
  o = options (f, "2026-11-22T14:30:00+01:00", prepaid, "client", &n3);
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "forced_full");
  g_assert_false (json_object_get_boolean_member (o, "late"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "options")), ==, 1);

  /* One second less: late, the salon chooses. */
  o = options (f, "2026-11-22T14:30:01+01:00", prepaid, "client", &n4);
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "choice");
  g_assert_true (json_object_get_boolean_member (o, "choice"));
  g_assert_true (json_object_get_boolean_member (o, "late"));
  g_assert_cmpint (json_object_get_int_member (o, "amount_cents"), ==, 4500);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "options")), ==, 2);

  /* And in plain words. */
  words = expect (0, f, "2026-11-22T14:30:01+01:00", "cancel-options", prepaid_text, "--by",
                  "client");
  g_assert_nonnull (strstr (words->out, "The salon chooses"));
  g_assert_nonnull (strstr (words->out, "--refund none"));
  g_assert_nonnull (strstr (words->out, "€45.00"));
  words_exact = expect (0, f, "2026-11-22T14:30:00+01:00", "cancel-options", prepaid_text, "--by",
                        "client");
  g_assert_nonnull (strstr (words_exact->out, "There is no choice to make"));
}

static JsonObject *
cancellation_of (JsonNode *appointment)
{
  return json_object_get_object_member (json_node_get_object (appointment), "cancellation");
}

static void
test_cancel_refunds (Fixture *f, gconstpointer data)
{
  const char *late = "2026-11-23T10:00:00+01:00";
  gint64 salon = book (f, NOW0, START, "Marco", "prepaid", "confirmed", "Anna Rossi");
  gint64 keep = book (f, NOW0, START, "Giulia", "prepaid", "confirmed", "Jan de Vries");
  gint64 full = book (f, NOW0, "2026-11-23 16:00", "Marco", "prepaid", "confirmed", "Zoë Müller");
  gint64 early = book (f, NOW0, "2026-11-23 16:00", "Giulia", "prepaid", "confirmed", "Ada King");
  g_autofree char *salon_t = id_text (salon), *keep_t = id_text (keep);
  g_autofree char *full_t = id_text (full), *early_t = id_text (early);
  g_autoptr(Result) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL;
  g_autoptr(JsonNode) a1 = NULL, a2 = NULL, a3 = NULL, a4 = NULL;

  /* The salon may not keep a prepaid payment. */
  r1 = expect (2, f, late, "cancel", salon_t, "--by", "salon", "--reason", "illness", "--refund",
               "none");
  r2 = expect (0, f, late, "cancel", salon_t, "--by", "salon", "--reason", "illness");
  a1 = show (f, late, salon);
  g_assert_cmpstr (status_of (a1), ==, "cancelled");
  g_assert_cmpstr (json_object_get_string_member (cancellation_of (a1), "refund"), ==, "full");
  g_assert_cmpint (json_object_get_int_member (cancellation_of (a1), "refund_cents"), ==, 4500);

  /* A late client cancellation: the salon must say, then keeps the payment… */
  r3 = expect (1, f, late, "cancel", keep_t, "--by", "client", "--reason", "client_request");
  g_assert_nonnull (strstr (r3->err, "--refund"));
  r4 = expect (0, f, late, "cancel", keep_t, "--by", "client", "--reason", "client_request",
               "--refund", "none", "--note", "called at 10");
  a2 = show (f, late, keep);
  g_assert_cmpstr (json_object_get_string_member (cancellation_of (a2), "refund"), ==, "none");
  g_assert_cmpint (json_object_get_int_member (cancellation_of (a2), "refund_cents"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (cancellation_of (a2), "note"), ==, "called at 10");

  /* … or refunds in full. */
  r5 = expect (0, f, late, "cancel", full_t, "--by", "client", "--reason", "client_request",
               "--refund", "full");
  a3 = show (f, late, full);
  g_assert_cmpint (json_object_get_int_member (cancellation_of (a3), "refund_cents"), ==, 4500);

  /* In time: full, without asking. */
  r6 = expect (0, f, NOW0, "cancel", early_t, "--by", "client", "--reason", "other");
  a4 = show (f, NOW0, early);
  g_assert_cmpint (json_object_get_int_member (cancellation_of (a4), "refund_cents"), ==, 4500);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (a4),
                                                                              "payment"),
                                               "refunded_cents"), ==, 4500);
}

static void
test_undo_cancel (Fixture *f, gconstpointer data)
{
  gint64 id = book (f, NOW0, START, "Marco", "prepaid", "confirmed", "Anna Rossi");
  g_autofree char *text = id_text (id);
  g_autoptr(Result) r1 = NULL, r2 = NULL, r3 = NULL;
  g_autoptr(JsonNode) a = NULL;

  r1 = expect (0, f, NOW0, "cancel", text, "--by", "salon", "--reason", "staff_unavailable");
  r2 = expect (0, f, "2026-11-20T09:00:05+01:00", "undo-cancel", text);
  a = show (f, "2026-11-20T09:00:05+01:00", id);
  g_assert_cmpstr (status_of (a), ==, "confirmed");
  g_assert_true (json_object_get_null_member (json_node_get_object (a), "cancellation"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (a),
                                                                              "payment"),
                                               "refunded_cents"), ==, 0);
  /* Nothing to undo any more. */
  r3 = expect (2, f, "2026-11-20T09:00:06+01:00", "undo-cancel", text);
}

static void
test_check_in_out_no_show (Fixture *f, gconstpointer data)
{
  gint64 id = book (f, NOW0, START, "Marco", "at_salon", "confirmed", "Anna Rossi");
  gint64 absent = book (f, NOW0, START, "Giulia", "at_salon", "confirmed", "Jan de Vries");
  g_autofree char *text = id_text (id), *absent_t = id_text (absent);
  g_autoptr(Result) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL;
  g_autoptr(JsonNode) a = NULL, b = NULL;

  /* Check-in opens 15 minutes before the start, not a second earlier. */
  r1 = expect (2, f, "2026-11-23T14:14:59+01:00", "check-in", text);
  g_assert_nonnull (strstr (r1->err, "refused (too_early)"));
  g_assert_cmpstr (r1->out, ==, "");
  r2 = expect (0, f, "2026-11-23T14:15:00+01:00", "check-in", text);
  r3 = expect (0, f, "2026-11-23T15:20:00+01:00", "check-out", text);
  a = show (f, "2026-11-23T15:20:00+01:00", id);
  g_assert_cmpstr (status_of (a), ==, "completed");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (a), "checked_in_at"), ==,
                   "2026-11-23T14:15:00+01:00");

  /* No-show from start + 15 minutes. */
  r4 = expect (2, f, "2026-11-23T14:44:59+01:00", "no-show", absent_t);
  r5 = expect (0, f, "2026-11-23T14:45:00+01:00", "no-show", absent_t);
  b = show (f, "2026-11-23T14:45:00+01:00", absent);
  g_assert_cmpstr (status_of (b), ==, "no_show");
}

static void
test_complaint_locks (Fixture *f, gconstpointer data)
{
  const char *now = "2026-11-23T16:00:00+01:00";
  gint64 id = book (f, NOW0, START, "Marco", "prepaid", "confirmed", "Anna Rossi");
  g_autofree char *text = id_text (id);
  g_autoptr(Result) in = NULL, out = NULL, open = NULL, over = NULL, refund = NULL;
  g_autoptr(JsonNode) disputed = NULL, after = NULL, complaint = NULL;
  g_autoptr(GBytes) before_bytes = NULL, after_bytes = NULL;
  const char *const *modifying[] = {
    (const char *const[]) { "accept", text, NULL },
    (const char *const[]) { "decline", text, "--reason", "x", NULL },
    (const char *const[]) { "unavailable", text, "--propose", "2026-11-30 10:00", NULL },
    (const char *const[]) { "cancel", text, "--by", "salon", "--reason", "illness", NULL },
    (const char *const[]) { "cancel", text, "--by", "client", "--reason", "other", NULL },
    (const char *const[]) { "undo-cancel", text, NULL },
    (const char *const[]) { "check-in", text, NULL },
    (const char *const[]) { "check-out", text, NULL },
    (const char *const[]) { "no-show", text, NULL },
    (const char *const[]) { "reschedule", text, "--start", "2026-11-30 10:00", NULL },
    (const char *const[]) { "complaint", "open", text, "--reason", "again", NULL },
  };
  const char *cid;
  gint64 complaint_id;
  g_autofree char *cid_text = NULL;

  in = expect (0, f, "2026-11-23T14:30:00+01:00", "check-in", text);
  out = expect (0, f, "2026-11-23T15:15:00+01:00", "check-out", text);
  open = expect (0, f, now, "--json", "complaint", "open", text, "--reason", "Uneven cut",
                 "--refund-requested", "2000", "--by", "client", "--deadline", "hours_24");
  complaint = parse_json (open->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (complaint), "reply_by"), ==,
                   "2026-11-24T16:00:00+01:00");
  cid = json_object_get_string_member (json_node_get_object (complaint), "id");
  g_assert_true (sd_json_parse_local_id (cid, "cmp", &complaint_id));
  cid_text = id_text (complaint_id);

  disputed = show (f, now, id);
  g_assert_cmpstr (status_of (disputed), ==, "disputed");

  /* Every change is refused as "locked", and leaves the file as it was. */
  before_bytes = file_bytes (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (modifying); i++)
    {
      g_autoptr(Result) r = run_argv (f, now, modifying[i]);

      g_test_message ("%s", modifying[i][0]);
      g_assert_cmpint (r->status, ==, 2);
      g_assert_nonnull (strstr (r->err, "refused (locked)"));
      g_assert_cmpstr (r->out, ==, "");
    }
  after_bytes = file_bytes (f->db);
  g_assert_true (g_bytes_equal (before_bytes, after_bytes));

  /* More than was paid cannot be refunded; what was paid can. */
  over = expect (2, f, now, "complaint", "respond", cid_text, "--refund", "4501");
  g_assert_nonnull (strstr (over->err, "refused (validation)"));
  refund = expect (0, f, now, "complaint", "respond", cid_text, "--refund", "4500");
  after = show (f, now, id);
  g_assert_cmpstr (status_of (after), ==, "completed");
}

static void
test_search_inbox (Fixture *f, gconstpointer data)
{
  gint64 first = book (f, NOW0, "2026-11-25 10:00", "Marco", "prepaid", "requested", "Anna Rossi");
  gint64 later;
  gint64 done = book (f, NOW0, "2026-11-20 09:10", "Giulia", "prepaid", "confirmed", "Carla Verdi");
  g_autofree char *done_t = id_text (done);
  g_autoptr(Result) in = NULL, out = NULL, open = NULL, inbox = NULL, search = NULL, none = NULL;
  g_autoptr(JsonNode) items = NULL;
  JsonArray *array;
  gint64 id;

  in = expect (0, f, "2026-11-20T09:10:00+01:00", "check-in", done_t);
  out = expect (0, f, "2026-11-20T09:20:00+01:00", "check-out", done_t);
  open = expect (0, f, "2026-11-20T09:30:00+01:00", "complaint", "open", done_t, "--reason",
                 "Too short", "--by", "client");
  later = book (f, "2026-11-20T10:00:00+01:00", "2026-11-25 11:00", "Marco", "prepaid",
                "requested", "Bruno Bianchi");

  /* Deadlines: first 09:00 + 24 h, the complaint 09:30 + 24 h, later 10:00 + 24 h. */
  inbox = expect (0, f, "2026-11-20T10:05:00+01:00", "--json", "inbox");
  items = parse_json (inbox->out);
  array = json_node_get_array (items);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_true (sd_json_parse_local_id (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                                        "appointment_id"), "apt", &id));
  g_assert_cmpint (id, ==, first);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "kind"),
                   ==, "complaint");
  g_assert_true (sd_json_parse_local_id (json_object_get_string_member (json_array_get_object_element (array, 2),
                                                                        "appointment_id"), "apt", &id));
  g_assert_cmpint (id, ==, later);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "deadline"),
                   ==, "2026-11-21T09:00:00+01:00");

  search = expect (0, f, NOW0, "search", "ann ross");
  g_assert_nonnull (strstr (search->out, "Anna Rossi"));
  g_assert_null (strstr (search->out, "Bruno"));
  none = expect (0, f, NOW0, "search", "nobody");
  g_assert_nonnull (strstr (none->out, "No appointments"));
}

/* Every member of the API's appointment, with its type. */
static void
check_appointment_shape (JsonObject *o)
{
  static const char *const strings[] = { "id", "status", "start", "end", "staff_id",
                                         "created_at", "updated_at" };
  static const char *const nullable[] = { "confirm_by", "cancellation", "complaint_id",
                                          "checked_in_at", "checked_out_at" };
  JsonObject *service, *client, *payment;
  gint64 instant;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, strings[i])), ==,
                     G_TYPE_STRING);
  for (guint i = 0; i < G_N_ELEMENTS (nullable); i++)
    g_assert_true (json_object_has_member (o, nullable[i]));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "version")), ==,
                   G_TYPE_INT64);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "proposed_starts")));
  /* Times with the salon's offset that day. */
  g_assert_true (sd_time_parse_rfc3339 (json_object_get_string_member (o, "start"), &instant));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (o, "start"), "+01:00"));

  service = json_object_get_object_member (o, "service");
  g_assert_nonnull (service);
  g_assert_cmpstr (json_object_get_string_member (service, "name"), ==, "Cut & blow-dry");
  g_assert_cmpint (json_object_get_int_member (service, "duration_min"), ==, 45);
  g_assert_cmpint (json_object_get_int_member (service, "price_cents"), ==, 4500);
  g_assert_cmpstr (json_object_get_string_member (service, "currency"), ==, "EUR");
  g_assert_true (json_object_has_member (service, "id"));

  client = json_object_get_object_member (o, "client");
  g_assert_nonnull (client);
  g_assert_true (json_object_has_member (client, "id"));
  g_assert_true (json_object_has_member (client, "name"));
  g_assert_true (json_object_has_member (client, "email"));
  g_assert_true (json_object_has_member (client, "phone"));

  payment = json_object_get_object_member (o, "payment");
  g_assert_nonnull (payment);
  g_assert_nonnull (json_object_get_string_member (payment, "mode"));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (payment, "amount_cents")), ==,
                   G_TYPE_INT64);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (payment, "refunded_cents")), ==,
                   G_TYPE_INT64);
  g_assert_cmpstr (json_object_get_string_member (payment, "currency"), ==, "EUR");
}

static void
test_json_output (Fixture *f, gconstpointer data)
{
  g_autoptr(Result) list = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  book (f, NOW0, START, "Marco", "prepaid", "requested", "Anna Rossi");
  book (f, NOW0, "2026-11-23 16:00", "Giulia", "at_salon", "confirmed", "Jan de Vries");
  list = expect (0, f, NOW0, "--json", "list", "--from", "2026-11-23", "--to", "2026-11-23");
  root = parse_json (list->out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(SdAppointment) back = NULL;

      check_appointment_shape (json_node_get_object (element));
      /* And the desk's own strict reader takes it back. */
      back = sd_json_to_appointment (element, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpstr (status_of (json_array_get_element (array, 0)), ==, "requested");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "confirm_by"), ==, "2026-11-21T09:00:00+01:00");
}

static void
test_dst (Fixture *f, gconstpointer data)
{
  const char *now = "2026-03-27T09:00:00+01:00";
  gint64 spring = book (f, now, "2026-03-29 10:00", "Marco", "at_salon", "confirmed", "A");
  gint64 gap = book (f, now, "2026-03-29 02:30", "Giulia", "at_salon", "confirmed", "B");
  gint64 autumn = book (f, now, "2026-10-25 02:30", "Marco", "at_salon", "confirmed", "C");
  g_autoptr(JsonNode) s = show (f, now, spring), g = show (f, now, gap), a = show (f, now, autumn);
  g_autoptr(Result) day = NULL;

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (s), "start"), ==,
                   "2026-03-29T10:00:00+02:00");
  /* 02:30 does not exist that night: the first valid instant after it. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (g), "start"), ==,
                   "2026-03-29T03:00:00+02:00");
  /* 02:30 happens twice in October: the first one. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (a), "start"), ==,
                   "2026-10-25T02:30:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (a), "end"), ==,
                   "2026-10-25T02:15:00+01:00");
  /* The 23-hour day holds both of its appointments. */
  day = expect (0, f, now, "list", "--from", "2026-03-29", "--to", "2026-03-29");
  g_assert_nonnull (strstr (day->out, "2026-03-29 10:00"));
  g_assert_nonnull (strstr (day->out, "2026-03-29 03:00"));
  g_assert_null (strstr (day->out, "2026-10-25"));
}

static void
test_backup_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(Result) backup = NULL, temp = NULL, restore = NULL, staff = NULL, random = NULL;
  g_autoptr(Result) missing = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autofree char *junk = g_build_filename (f->dir, "random.bin", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  char bytes[8192];
  char *path;

  backup = expect (0, f, NOW0, "--json", "backup");
  node = parse_json (backup->out);
  path = (char *) json_object_get_string_member (json_node_get_object (node), "backup");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  temp = expect (0, f, NOW0, "staff", "add", "Temporary");
  restore = expect (0, f, NULL, "restore", path);
  staff = expect (0, f, NULL, "staff", "list");
  g_assert_null (strstr (staff->out, "Temporary"));
  g_assert_nonnull (strstr (staff->out, "Marco"));

  /* Random bytes are no backup: refused as a storage error, the database untouched. */
  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (junk, bytes, sizeof bytes, NULL));
  before = file_bytes (f->db);
  random = expect (3, f, NULL, "restore", junk);
  g_assert_cmpstr (random->out, ==, "");
  missing = expect (1, f, NULL, "restore", "/nonexistent/backup.sqlite");
  after = file_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_malformed (Fixture *f, gconstpointer data)
{
  const char *const *cases[] = {
    (const char *const[]) { "frobnicate", NULL },
    (const char *const[]) { "list", "--bogus", NULL },
    (const char *const[]) { "add", "--service", "1", "--staff", "1", "--client-name", "X", NULL },
    (const char *const[]) { "add", "--start", "2026-13-45", "--service", "1", "--staff", "1",
                            "--client-name", "X", NULL },
    (const char *const[]) { "add", "--start", "2026-11-23 14:30", "--service", "1", "--staff",
                            "Nobody", "--client-name", "X", NULL },
    (const char *const[]) { "add", "--start", "2026-11-23 14:30", "--service", "1", "--staff",
                            "1", "--client-name", "X", "--payment", "cash", NULL },
    (const char *const[]) { "service", "add", "--name", "X", "--duration", "30", "--price",
                            "12.345", NULL },
    (const char *const[]) { "service", "add", "--name", "X", "--duration", "30", "--price",
                            "-5", NULL },
    (const char *const[]) { "list", "--state", "on_hold", NULL },
    (const char *const[]) { "demo-data", "--appointments", "-5", NULL },
    (const char *const[]) { "complaints", "--since-days", "-1", NULL },
    (const char *const[]) { "accept", NULL },
    (const char *const[]) { "accept", "abc", NULL },
    (const char *const[]) { "cancel", "1", "--by", "nobody", "--reason", "illness", NULL },
    (const char *const[]) { "cancel", "1", "--by", "salon", "--reason", "bored", NULL },
    (const char *const[]) { "unavailable", "1", "--propose", "2026-11-30 10:00", "--propose",
                            "2026-11-30 11:00", "--propose", "2026-11-30 12:00", "--propose",
                            "2026-11-30 13:00", NULL },
    (const char *const[]) { "complaint", "respond", "1", NULL },
    (const char *const[]) { "complaint", "open", "1", "--reason", "x", "--refund-requested",
                            "12.50", NULL },
  };
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(Result) count_before = NULL, count_after = NULL, bad_now = NULL;

  book (f, NOW0, START, "Marco", "prepaid", "requested", "Anna Rossi");
  count_before = expect (0, f, NOW0, "--json", "list");
  before = file_bytes (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) r = run_argv (f, NOW0, cases[i]);

      g_test_message ("case %u: %s", i, cases[i][0]);
      g_assert_cmpint (r->status, ==, 1);
      g_assert_cmpstr (r->out, ==, "");
      g_assert_cmpstr (r->err, !=, "");
    }
  bad_now = expect (1, f, "yesterday", "list");
  after = file_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
  count_after = expect (0, f, NOW0, "--json", "list");
  g_assert_cmpstr (count_before->out, ==, count_after->out);
}

static void
test_no_database (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "typo.sqlite", NULL);
  Fixture typo = { f->dir, missing };
  g_autoptr(Result) r = NULL, help = NULL;

  /* A typo in --db is a storage error that creates nothing. */
  r = expect (3, &typo, NULL, "list");
  g_assert_cmpstr (r->out, ==, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  help = expect (0, &typo, NULL, "help");
  g_assert_nonnull (strstr (help->out, "cancel-options"));
}

static void
test_show_history (Fixture *f, gconstpointer data)
{
  gint64 id = book (f, NOW0, START, "Marco", "prepaid", "requested", "Anna Rossi");
  g_autofree char *text = id_text (id);
  g_autoptr(Result) accept = NULL, human = NULL, json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *history;

  accept = expect (0, f, NOW0, "accept", text);
  human = expect (0, f, NOW0, "show", text);
  g_assert_nonnull (strstr (human->out, "Confirmed"));
  g_assert_nonnull (strstr (human->out, "Awaiting confirmation → Confirmed"));
  g_assert_nonnull (strstr (human->out, "Europe/Amsterdam"));
  g_assert_nonnull (strstr (human->out, "€45.00"));
  json = expect (0, f, NOW0, "show", text, "--json");
  root = parse_json (json->out);
  history = json_object_get_array_member (json_node_get_object (root), "history");
  g_assert_cmpuint (json_array_get_length (history), >=, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 1),
                                                  "to"), ==, "confirmed");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/cli/setup/lists", test_setup_lists);
  ADD ("/cli/add/overlap", test_add_overlap);
  ADD ("/cli/accept", test_accept);
  ADD ("/cli/show/history", test_show_history);
  ADD ("/cli/cancel-options/boundaries", test_cancel_options);
  ADD ("/cli/cancel/refunds", test_cancel_refunds);
  ADD ("/cli/cancel/undo", test_undo_cancel);
  ADD ("/cli/check-in-out-no-show", test_check_in_out_no_show);
  ADD ("/cli/complaint/locks", test_complaint_locks);
  ADD ("/cli/search-inbox", test_search_inbox);
  ADD ("/cli/json/api-shape", test_json_output);
  ADD ("/cli/dst", test_dst);
  ADD ("/cli/backup-restore", test_backup_restore);
  ADD ("/cli/malformed", test_malformed);
  ADD ("/cli/no-database", test_no_database);
#undef ADD

  return g_test_run ();
}

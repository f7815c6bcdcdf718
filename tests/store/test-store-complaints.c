/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Answering complaints: refund, redo and contest, each validated; attachments by content
 * and size; the deadline at its second and one past; the complaints list; reputation. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "sd-policy-error.h"
#include "sd-store-sync.h"
#include "store-fixture.h"

typedef struct
{
  Fixture f;
  gint64 appointment;
  gint64 complaint;
  gint64 opened;
} ComplaintFixture;

/* A prepaid cut (30.00) done this morning; the client complains at 12:00. */
static void
complaint_set_up (ComplaintFixture *cf, gconstpointer data)
{
  Fixture *f = &cf->f;
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  SdActionRequest r;

  fixture_set_up (f, data);
  start = fixture_at (f, 23, 10, 0);
  a = fixture_book (f, start, f->staff[0], f->cut, SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID,
                    "Anna Rossi");
  cf->appointment = sd_appointment_get_id (a);
  sd_action_request_init (&r, SD_ACTION_CHECK_IN);
  g_object_unref (sd_store_perform (f->store, cf->appointment, &r, &error));
  g_assert_no_error (error);
  sd_clock_set_now (f->clock, start + 1800);
  sd_action_request_init (&r, SD_ACTION_CHECK_OUT);
  g_object_unref (sd_store_perform (f->store, cf->appointment, &r, &error));
  g_assert_no_error (error);

  cf->opened = fixture_at (f, 23, 12, 0);
  sd_clock_set_now (f->clock, cf->opened);
  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.by = SD_PARTY_CLIENT;
  r.text = "The colour is not what we agreed";
  r.refund_requested_cents = 3000;
  r.deadline_kind = SD_DEADLINE_HOURS_24;
  g_clear_object (&a);
  a = sd_store_perform (f->store, cf->appointment, &r, &error);
  g_assert_no_error (error);
  cf->complaint = sd_appointment_get_complaint_id (a);
  g_assert_cmpint (cf->complaint, >, 0);
}

static void
complaint_tear_down (ComplaintFixture *cf, gconstpointer data)
{
  fixture_tear_down (&cf->f, data);
}

static gint64
rows (Fixture *f)
{
  return fixture_count (f, "SELECT (SELECT count(*) FROM history) * 1000000"
                           " + (SELECT count(*) FROM outbox) * 1000"
                           " + (SELECT count(*) FROM complaint_attachments)");
}

static void
assert_refused (ComplaintFixture *cf, const SdComplaintResponse *response, GQuark domain, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdComplaint) cm = NULL;
  gint64 before = rows (&cf->f);

  g_assert_null (sd_store_respond_complaint (cf->f.store, cf->complaint, response, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpint (rows (&cf->f), ==, before);
  cm = sd_store_get_complaint (cf->f.store, cf->complaint, NULL);
  g_assert_cmpint (sd_complaint_get_status (cm), ==, SD_COMPLAINT_AWAITING_REPLY);
}

static JsonObject *
last_payload (Fixture *f, JsonParser *parser, const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT payload FROM outbox WHERE action = '%s'"
                                          " ORDER BY id DESC LIMIT 1", action);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 0),
                                             -1, NULL));
  sqlite3_finalize (stmt);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_refund (ComplaintFixture *cf, gconstpointer data)
{
  Fixture *f = &cf->f;
  g_autoptr(SdComplaint) cm = NULL;
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  SdComplaintResponse response = { .action = SD_RESPONSE_REFUND };
  JsonObject *payload;

  response.amount_cents = 0;
  assert_refused (cf, &response, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  response.amount_cents = 3001;
  assert_refused (cf, &response, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  response.action = SD_RESPONSE_NONE;
  assert_refused (cf, &response, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);

  /* 24 h: one second past the deadline it is too late; at the deadline it is not. */
  response.action = SD_RESPONSE_REFUND;
  response.amount_cents = 1000;
  sd_clock_set_now (f->clock, cf->opened + 24 * 3600 + 1);
  assert_refused (cf, &response, SD_POLICY_ERROR, SD_POLICY_ERROR_DEADLINE_PASSED);
  sd_clock_set_now (f->clock, cf->opened + 24 * 3600);
  cm = sd_store_respond_complaint (f->store, cf->complaint, &response, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_complaint_get_status (cm), ==, SD_COMPLAINT_RESOLVED);
  g_assert_cmpint (sd_complaint_get_response_action (cm), ==, SD_RESPONSE_REFUND);
  g_assert_cmpint (sd_complaint_get_response_amount_cents (cm), ==, 1000);
  g_assert_cmpint (sd_complaint_get_outcome (cm), ==, SD_OUTCOME_REFUND_PARTIAL);
  g_assert_cmpint (sd_complaint_get_responded_at (cm), ==, cf->opened + 24 * 3600);

  /* The appointment is unlocked and the money is on it. */
  a = sd_store_get_appointment (f->store, cf->appointment, NULL);
  g_assert_cmpint (sd_appointment_get_state (a), ==, SD_STATE_COMPLETED);
  g_assert_cmpint (sd_appointment_get_refunded_cents (a), ==, 1000);
  payload = last_payload (f, parser, "respond");
  g_assert_cmpstr (json_object_get_string_member (payload, "action"), ==, "refund");
  g_assert_cmpint (json_object_get_int_member (payload, "amount_cents"), ==, 1000);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM outbox WHERE action = 'respond'"
                                     " AND endpoint = '/v1/complaints/{complaint}/respond'"), ==, 1);

  /* Answered: a second answer is refused. */
  g_clear_object (&cm);
  g_assert_null (sd_store_respond_complaint (f->store, cf->complaint, &response, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_INVALID_TRANSITION);
}

static void
test_redo (ComplaintFixture *cf, gconstpointer data)
{
  Fixture *f = &cf->f;
  g_autoptr(SdComplaint) cm = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  SdComplaintResponse response = { .action = SD_RESPONSE_OFFER_REDO };
  JsonObject *payload;

  g_object_unref (fixture_book (f, fixture_at (f, 25, 10, 0), f->staff[0], f->colour,
                                SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Busy Slot"));
  response.redo_start = f->now - 3600;
  assert_refused (cf, &response, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  response.redo_start = fixture_at (f, 25, 11, 0);
  assert_refused (cf, &response, SD_POLICY_ERROR, SD_POLICY_ERROR_OVERLAP);

  response.redo_start = fixture_at (f, 25, 11, 30);
  cm = sd_store_respond_complaint (f->store, cf->complaint, &response, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_complaint_get_status (cm), ==, SD_COMPLAINT_UNDER_REVIEW);
  g_assert_cmpint (sd_complaint_get_response_redo_start (cm), ==, fixture_at (f, 25, 11, 30));
  payload = last_payload (f, parser, "respond");
  g_assert_cmpstr (json_object_get_string_member (payload, "action"), ==, "offer_redo");
  g_assert_cmpstr (json_object_get_string_member (payload, "redo_start"), ==,
                   "2026-11-25T11:30:00+01:00");
}

static char *
write_file (Fixture *f, const char *name, const char *head, gsize head_len, goffset size)
{
  char *path = g_build_filename (f->dir, name, NULL);
  FILE *fp = fopen (path, "wb");

  g_assert_nonnull (fp);
  g_assert_cmpuint (fwrite (head, 1, head_len, fp), ==, head_len);
  fclose (fp);
  /* The rest is a hole: a big file without writing megabytes. */
  if (size > (goffset) head_len)
    g_assert_cmpint (truncate (path, size), ==, 0);
  return path;
}

static void
test_contest_attachments (ComplaintFixture *cf, gconstpointer data)
{
  Fixture *f = &cf->f;
  static const char png[] = "\x89PNG\r\n\x1a\n....IHDR";
  static const char jpeg[] = "\xff\xd8\xff\xe0..JFIF";
  static const char pdf[] = "%PDF-1.7\n%...";
  g_autofree char *png_path = write_file (f, "photo.png", png, sizeof png - 1, 0);
  g_autofree char *jpeg_path = write_file (f, "photo.jpg", jpeg, sizeof jpeg - 1, 0);
  g_autofree char *pdf_path = write_file (f, "receipt.pdf", pdf, sizeof pdf - 1, 10 * 1024 * 1024);
  g_autofree char *fake_path = write_file (f, "virus.png", "MZ\x90\x00", 4, 0);
  g_autofree char *huge_path = write_file (f, "huge.pdf", pdf, sizeof pdf - 1,
                                           10 * 1024 * 1024 + 1);
  g_autofree char *missing_path = g_build_filename (f->dir, "missing.png", NULL);
  const char *good[] = { png_path, jpeg_path, pdf_path, png_path, NULL };
  const char *fake[] = { png_path, fake_path, NULL };
  const char *huge[] = { huge_path, NULL };
  const char *missing[] = { missing_path, NULL };
  g_autoptr(SdComplaint) cm = NULL;
  g_autoptr(SdComplaint) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *const *files;
  JsonArray *sent;
  SdComplaintResponse response = { .action = SD_RESPONSE_CONTEST };

  response.body = "  ";
  assert_refused (cf, &response, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  response.body = "The client chose this colour from our chart; photo attached.";
  response.attachments = fake;
  assert_refused (cf, &response, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  response.attachments = huge;
  assert_refused (cf, &response, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  response.attachments = missing;
  assert_refused (cf, &response, SD_STORE_ERROR, SD_STORE_ERROR_IO);

  response.attachments = good;
  cm = sd_store_respond_complaint (f->store, cf->complaint, &response, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_complaint_get_status (cm), ==, SD_COMPLAINT_UNDER_REVIEW);
  g_assert_cmpstr (sd_complaint_get_response_body (cm), ==, response.body);
  files = sd_complaint_get_attachments (cm);
  g_assert_cmpuint (g_strv_length ((char **) files), ==, 4);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GBytes) copy = fixture_read_file (files[i]);
      g_autoptr(GBytes) original = fixture_read_file (good[i]);
      g_autofree char *dir = g_path_get_dirname (files[i]);
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, cf->complaint);
      g_autofree char *leaf = g_path_get_basename (dir);

      g_assert_true (g_bytes_equal (copy, original));
      g_assert_cmpstr (leaf, ==, expected);
    }
  /* Two files with one name both survive. */
  g_assert_cmpstr (files[0], !=, files[3]);

  /* The sync engine gets the answer and a comment carrying the files. */
  g_assert_cmpstr (json_object_get_string_member (last_payload (f, parser, "respond"), "action"),
                   ==, "contest");
  sent = json_object_get_array_member (last_payload (f, parser, "comment"), "attachments");
  g_assert_cmpuint (json_array_get_length (sent), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sent, 1),
                                                  "content_type"), ==, "image/jpeg");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sent, 2),
                                                  "content_type"), ==, "application/pdf");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (sent, 2), "size"),
                   ==, 10 * 1024 * 1024);

  /* Round trip. */
  fixture_reopen (f);
  reread = sd_store_get_complaint (f->store, cf->complaint, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv ((char **) sd_complaint_get_attachments (reread), (char **) files);
  g_assert_cmpint (sd_complaint_get_opened_at (reread), ==, cf->opened);
  g_assert_cmpint (sd_complaint_get_reply_by (reread), ==, cf->opened + 24 * 3600);
  g_assert_cmpint (sd_complaint_get_deadline_kind (reread), ==, SD_DEADLINE_HOURS_24);
  g_assert_cmpint (sd_complaint_get_refund_requested_cents (reread), ==, 3000);
  g_assert_cmpint (sd_complaint_get_responded_at (reread), ==, sd_complaint_get_responded_at (cm));
  g_assert_cmpstr (sd_complaint_get_service_name (reread), ==, "Cut");
  g_assert_cmpint (sd_complaint_get_appointment_start (reread), ==, fixture_at (f, 23, 10, 0));

  g_unlink (png_path);
  g_unlink (jpeg_path);
  g_unlink (pdf_path);
  g_unlink (fake_path);
  g_unlink (huge_path);
}

static void
test_list (ComplaintFixture *cf, gconstpointer data)
{
  Fixture *f = &cf->f;
  g_autoptr(SdAppointment) b = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  SdComplaintResponse response = { .action = SD_RESPONSE_CONTEST, .body = "No." };
  SdActionRequest r;

  /* A second complaint, opened two hours later on a 2-business-day deadline. */
  sd_clock_set_now (f->clock, fixture_at (f, 23, 13, 0));
  b = fixture_book (f, fixture_at (f, 23, 13, 0), f->staff[1], f->cut, SD_STATE_CONFIRMED,
                    SD_PAYMENT_PREPAID, "Daan Jansen");
  sd_action_request_init (&r, SD_ACTION_CHECK_IN);
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (b), &r, &error));
  sd_clock_set_now (f->clock, fixture_at (f, 23, 14, 0));
  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.by = SD_PARTY_CLIENT;
  r.text = "Rude";
  r.deadline_kind = SD_DEADLINE_BUSINESS_DAYS_2;
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (b), &r, &error));
  g_assert_no_error (error);

  all = sd_store_list_complaints (f->store, FALSE, 0, &error);
  g_assert_cmpuint (all->len, ==, 2);
  /* Most urgent first: the 24 h one is due Tuesday 12:00, the other Wednesday 14:00. */
  g_assert_cmpint (sd_complaint_get_id (g_ptr_array_index (all, 0)), ==, cf->complaint);
  g_assert_cmpint (sd_complaint_get_reply_by (g_ptr_array_index (all, 1)), ==,
                   fixture_at (f, 25, 14, 0));

  recent = sd_store_list_complaints (f->store, FALSE, fixture_at (f, 23, 13, 0), &error);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpstr (sd_complaint_get_client_name (g_ptr_array_index (recent, 0)), ==, "Daan Jansen");

  g_object_unref (sd_store_respond_complaint (f->store, cf->complaint, &response, &error));
  g_assert_no_error (error);
  {
    SdActionRequest resolve;
    sd_action_request_init (&resolve, SD_ACTION_RESOLVE_COMPLAINT);
    resolve.outcome = SD_OUTCOME_NO_REFUND;
    g_object_unref (sd_store_perform (f->store, cf->appointment, &resolve, &error));
    g_assert_no_error (error);
  }
  open = sd_store_list_complaints (f->store, TRUE, 0, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpstr (sd_complaint_get_reason (g_ptr_array_index (open, 0)), ==, "Rude");
}

static void
test_reputation (ComplaintFixture *cf, gconstpointer data)
{
  Fixture *f = &cf->f;
  g_autoptr(SdAppointment) r1 = NULL;
  g_autoptr(SdAppointment) r2 = NULL;
  g_autoptr(SdAppointment) r3 = NULL;
  g_autoptr(SdAppointment) c1 = NULL;
  g_autoptr(SdReview) review = sd_review_new ();
  g_autoptr(GError) error = NULL;
  SdReputation rep;
  SdActionRequest r;

  sd_clock_set_now (f->clock, fixture_at (f, 23, 12, 30));
  r1 = fixture_book (f, fixture_at (f, 24, 10, 0), f->staff[1], f->cut, SD_STATE_REQUESTED,
                     SD_PAYMENT_PREPAID, "One");
  r2 = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[1], f->cut, SD_STATE_REQUESTED,
                     SD_PAYMENT_PREPAID, "Two");
  r3 = fixture_book (f, fixture_at (f, 24, 12, 0), f->staff[1], f->cut, SD_STATE_REQUESTED,
                     SD_PAYMENT_PREPAID, "Three");
  c1 = fixture_book (f, fixture_at (f, 24, 14, 0), f->staff[2], f->cut, SD_STATE_CONFIRMED,
                     SD_PAYMENT_AT_SALON, "Four");
  sd_clock_set_now (f->clock, fixture_at (f, 23, 13, 30));
  sd_action_request_init (&r, SD_ACTION_ACCEPT);
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (r1), &r, &error));
  sd_action_request_init (&r, SD_ACTION_DECLINE);
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (r2), &r, &error));
  sd_action_request_init (&r, SD_ACTION_CANCEL);
  r.by = SD_PARTY_SALON;
  r.reason = SD_CANCEL_REASON_ILLNESS;
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (c1), &r, &error));
  g_assert_no_error (error);
  sd_clock_set_now (f->clock, fixture_at (f, 25, 12, 0));
  g_assert_cmpuint (sd_store_apply_deadlines (f->store, &error), ==, 2);  /* r3 + complaint */

  sd_review_set_appointment_id (review, cf->appointment);
  sd_review_set_punctuality (review, 4);
  sd_review_set_service (review, 2);
  sd_review_set_value (review, 3);
  sd_review_set_cleanliness (review, 5);
  sd_review_set_relationship (review, 1);
  sd_review_set_at (review, fixture_at (f, 23, 18, 0));
  g_assert_true (sd_store_save_review (f->store, review, &error));

  g_assert_true (sd_store_get_reputation (f->store, fixture_at (f, 23, 0, 0),
                                          fixture_at (f, 25, 0, 0), &rep, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rep.requests_total, ==, 3);
  g_assert_cmpuint (rep.requests_declined, ==, 1);
  g_assert_cmpuint (rep.requests_expired, ==, 1);
  g_assert_cmpuint (rep.salon_cancellations, ==, 1);
  g_assert_cmpuint (rep.complaints_total, ==, 1);
  g_assert_cmpuint (rep.complaints_lost, ==, 1);
  g_assert_cmpuint (rep.n_reviews, ==, 1);
  g_assert_cmpfloat (rep.rating_avg[1], ==, 2.0);
  /* Two requests answered an hour after they came in. */
  g_assert_cmpuint (rep.responses, ==, 2);
  g_assert_cmpfloat (rep.mean_response_seconds, ==, 3600.0);
  g_assert_cmpfloat (rep.decline_rate, >, 0.33);
  g_assert_cmpfloat (rep.decline_rate, <, 0.34);
}

/* The check a view runs as soon as a file is chosen is the one the answer makes. */
static void
test_check_attachment (ComplaintFixture *cf, gconstpointer data)
{
  Fixture *f = &cf->f;
  static const char png[] = "\x89PNG\r\n\x1a\n....IHDR";
  g_autofree char *png_path = write_file (f, "photo.png", png, sizeof png - 1, 0);
  g_autofree char *text_path = write_file (f, "notes.png", "just text", 9, 0);
  g_autofree char *huge_path = write_file (f, "huge.png", png, sizeof png - 1,
                                           10 * 1024 * 1024 + 1);
  g_autoptr(GError) error = NULL;
  const char *type = NULL;
  goffset size = 0;

  g_assert_true (sd_store_check_attachment (png_path, &type, &size, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "image/png");
  g_assert_cmpint (size, ==, sizeof png - 1);

  g_assert_false (sd_store_check_attachment (text_path, &type, NULL, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "notes.png"));
  g_clear_error (&error);
  g_assert_false (sd_store_check_attachment (huge_path, NULL, NULL, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "huge.png"));
  g_clear_error (&error);
  /* A folder is not a file to send. */
  g_assert_false (sd_store_check_attachment (f->dir, NULL, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO);
}

/* Free slots for a redo: opening hours (Tue–Sat 09:00–19:00), closing days, now, and the
 * staff member's own bookings, back to back allowed. */
static void
test_free_slots (ComplaintFixture *cf, gconstpointer data)
{
  Fixture *f = &cf->f;
  g_autoptr(SdAppointment) busy = NULL;
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GError) error = NULL;
  GDate closed;

  busy = fixture_book (f, fixture_at (f, 24, 10, 0), f->staff[0], f->cut, SD_STATE_CONFIRMED,
                       SD_PAYMENT_AT_SALON, "Bea Bianchi");
  g_date_set_dmy (&closed, 25, 11, 2026);
  sd_salon_add_closing_day (sd_store_get_salon (f->store), &closed);
  sd_salon_set_hours (sd_store_get_salon (f->store), G_DATE_MONDAY, 0, 0);
  sd_salon_set_hours (sd_store_get_salon (f->store), G_DATE_TUESDAY, 9 * 60, 19 * 60);
  g_assert_true (sd_store_save_salon (f->store, &error));
  g_assert_no_error (error);

  /* Monday (today) closed; Tuesday has 20 half hours less the busy one; Wednesday is a
   * closing day. */
  slots = sd_store_list_free_slots (f->store, f->staff[0], 1800, f->now,
                                    fixture_at (f, 26, 0, 0), 1800, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 19);
  g_assert_cmpint (g_array_index (slots, gint64, 0), ==, fixture_at (f, 24, 9, 0));
  g_assert_cmpint (g_array_index (slots, gint64, 1), ==, fixture_at (f, 24, 9, 30));
  g_assert_cmpint (g_array_index (slots, gint64, 2), ==, fixture_at (f, 24, 10, 30));
  g_assert_cmpint (g_array_index (slots, gint64, 18), ==, fixture_at (f, 24, 18, 30));

  /* Another stylist is free at 10:00; a limit stops early. */
  first = sd_store_list_free_slots (f->store, f->staff[1], 1800, f->now,
                                    fixture_at (f, 26, 0, 0), 1800, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 3);
  g_assert_cmpint (g_array_index (first, gint64, 2), ==, fixture_at (f, 24, 10, 0));
  g_clear_pointer (&first, g_array_unref);

  /* Nothing before now: at Tuesday 18:10 only 18:30 remains. */
  sd_clock_set_now (f->clock, fixture_at (f, 24, 18, 10));
  first = sd_store_list_free_slots (f->store, f->staff[0], 1800, f->now,
                                    fixture_at (f, 26, 0, 0), 1800, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpint (g_array_index (first, gint64, 0), ==, fixture_at (f, 24, 18, 30));
}

/* A file written by the first Salon Desk (schema version 1, no comments table) opens,
 * migrates to version 2 and keeps its complaints. */
static void
test_migrate_v1 (ComplaintFixture *cf, gconstpointer data)
{
  Fixture *f = &cf->f;
  g_autoptr(SdComplaint) cm = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE complaint_comments; PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture_reopen (f);
  g_assert_cmpint (sd_store_schema_version (), ==, 2);
  g_assert_cmpint (fixture_count (f, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM sqlite_master"
                                     " WHERE name = 'complaint_comments'"), ==, 1);
  cm = sd_store_get_complaint (f->store, cf->complaint, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sd_complaint_get_reason (cm), ==, "The colour is not what we agreed");
  comments = sd_store_list_complaint_comments (f->store, cf->complaint, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 0);
}

static void
apply_complaint_json (Fixture *f, const char *json, guint expect_applied)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (
    (GDestroyNotify) sd_remote_change_free);
  g_autoptr(GError) error = NULL;
  SdRemoteChange *change;
  guint applied = 0;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  change = sd_remote_change_parse ("complaint", json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  g_ptr_array_add (changes, change);
  g_assert_true (sd_store_apply_changes (f->store, changes, NULL, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied, ==, expect_applied);
}

#define COMPLAINT_JSON(version, comments) \
  "{\"id\":\"cmp_r1\",\"version\":" version ",\"appointment_id\":\"apt_r1\"," \
  "\"opened_by\":\"client\",\"opened_at\":\"2026-11-23T12:00:00+01:00\"," \
  "\"reason\":\"The colour is not what we agreed\",\"refund_requested_cents\":3000," \
  "\"deadline_kind\":\"hours_24\",\"reply_by\":\"2026-11-24T12:00:00+01:00\"," \
  "\"status\":\"awaiting_reply\",\"comments\":[" comments "]," \
  "\"response\":null,\"resolution\":null}"
#define CLIENT_COMMENT \
  "{\"id\":\"cmt_1\",\"author\":\"client\",\"body\":\"Here is a photo.\"," \
  "\"at\":\"2026-11-23T12:05:00+01:00\",\"attachments\":[{\"id\":\"att_1\"," \
  "\"filename\":\"photo.jpg\",\"content_type\":\"image/jpeg\",\"size\":1234}]}"
#define STAFF_COMMENT \
  "{\"id\":\"cmt_2\",\"author\":\"staff\",\"body\":\"We are looking into it.\"," \
  "\"at\":\"2026-11-23T13:00:00+01:00\",\"attachments\":[]}"
#define SALON_COMMENT \
  "{\"id\":\"cmt_3\",\"author\":\"salon\",\"body\":\"She chose it from the chart.\"," \
  "\"at\":\"2026-11-23T14:00:00+01:00\",\"attachments\":[]}"

/* The marketplace's comments thread is kept with the complaint; a newer version replaces
 * it, an older one changes nothing. */
static void
test_pulled_comments (ComplaintFixture *cf, gconstpointer data)
{
  Fixture *f = &cf->f;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  SdComplaintComment *first, *second;
  g_autofree char *sql = g_strdup_printf ("UPDATE appointments SET remote_id = 'apt_r1'"
                                          " WHERE id = %lld", (long long) cf->appointment);

  g_assert_cmpint (sqlite3_exec (f->store->db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  apply_complaint_json (f, COMPLAINT_JSON ("1", CLIENT_COMMENT "," STAFF_COMMENT), 1);
  comments = sd_store_list_complaint_comments (f->store, cf->complaint, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 2);
  first = g_ptr_array_index (comments, 0);
  second = g_ptr_array_index (comments, 1);
  g_assert_cmpint (first->author, ==, SD_PARTY_CLIENT);
  g_assert_cmpstr (first->body, ==, "Here is a photo.");
  g_assert_cmpint (first->at, ==, fixture_at (f, 23, 12, 5));
  g_assert_cmpuint (g_strv_length (first->attachment_names), ==, 1);
  g_assert_cmpstr (first->attachment_names[0], ==, "photo.jpg");
  g_assert_cmpint (second->author, ==, SD_PARTY_STAFF);
  g_assert_cmpuint (g_strv_length (second->attachment_names), ==, 0);
  g_clear_pointer (&comments, g_ptr_array_unref);

  apply_complaint_json (f, COMPLAINT_JSON ("2", CLIENT_COMMENT "," STAFF_COMMENT ","
                                           SALON_COMMENT), 1);
  apply_complaint_json (f, COMPLAINT_JSON ("1", CLIENT_COMMENT), 0);
  comments = sd_store_list_complaint_comments (f->store, cf->complaint, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 3);
  g_assert_cmpint (((SdComplaintComment *) g_ptr_array_index (comments, 2))->author, ==,
                   SD_PARTY_SALON);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM complaints"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/complaints/" path, ComplaintFixture, NULL, complaint_set_up, func, \
              complaint_tear_down)
  ADD ("refund", test_refund);
  ADD ("redo", test_redo);
  ADD ("contest-attachments", test_contest_attachments);
  ADD ("list", test_list);
  ADD ("reputation", test_reputation);
  ADD ("check-attachment", test_check_attachment);
  ADD ("free-slots", test_free_slots);
  ADD ("migrate-v1", test_migrate_v1);
  ADD ("pulled-comments", test_pulled_comments);
#undef ADD

  return g_test_run ();
}

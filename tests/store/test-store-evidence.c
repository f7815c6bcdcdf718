/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The evidence pack reads what the marketplace staff need (appointment, check-in/out, the
 * policy in force, the complaint and its files, the timeline, the chat) in the salon's zone;
 * new resolutions are listed once; a complaint the client withdrew costs no reputation. */

#include "config.h"

#include "sd-evidence-pack.h"
#include "sd-policy-error.h"
#include "sd-store-notices.h"
#include "store-fixture.h"

/* A prepaid cut (30.00) on Tuesday 24 November at 10:00 Amsterdam (09:00 UTC) with stylist
 * @staff: checked in at 10:02, out at 10:31; a chat; the client complains at 12:00; the
 * salon contests with a photo at 13:00. Returns the appointment id. */
static gint64
make_disputed (Fixture *f, const char *client, guint staff)
{
  static const char png[] = "\x89PNG\r\n\x1a\n....IHDR";
  g_autoptr (SdAppointment) a = NULL;
  g_autoptr (SdAppointment) b = NULL;
  g_autoptr (SdMessage) message = sd_message_new ();
  g_autoptr (SdComplaint) answered = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *photo = g_build_filename (f->dir, "photo-of-the-cut.png", NULL);
  const char *files[] = { photo, NULL };
  SdComplaintResponse response = { 0 };
  gint64 start = fixture_at (f, 24, 10, 0);
  gint64 id;
  SdActionRequest r;

  sd_clock_set_now (f->clock, f->now);
  a = fixture_book (f, start, f->staff[staff], f->cut, SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID,
                    client);
  id = sd_appointment_get_id (a);

  sd_message_set_appointment_id (message, id);
  sd_message_set_author (message, SD_PARTY_CLIENT);
  sd_message_set_body (message, "I will be two minutes late, sorry!");
  sd_message_set_at (message, start - 600);
  g_assert_true (sd_store_add_message (f->store, message, &error));
  g_assert_no_error (error);

  sd_clock_set_now (f->clock, start + 120);
  sd_action_request_init (&r, SD_ACTION_CHECK_IN);
  g_object_unref (sd_store_perform (f->store, id, &r, &error));
  g_assert_no_error (error);
  sd_clock_set_now (f->clock, start + 31 * 60);
  sd_action_request_init (&r, SD_ACTION_CHECK_OUT);
  g_object_unref (sd_store_perform (f->store, id, &r, &error));
  g_assert_no_error (error);

  sd_clock_set_now (f->clock, fixture_at (f, 24, 12, 0));
  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.by = SD_PARTY_CLIENT;
  r.text = "The cut is uneven";
  r.refund_requested_cents = 3000;
  r.deadline_kind = SD_DEADLINE_HOURS_24;
  b = sd_store_perform (f->store, id, &r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_appointment_get_state (b), ==, SD_STATE_DISPUTED);

  g_assert_true (g_file_set_contents (photo, png, sizeof png - 1, &error));
  sd_clock_set_now (f->clock, fixture_at (f, 24, 13, 0));
  response.action = SD_RESPONSE_CONTEST;
  response.body = "Photo taken at check-out shows an even cut";
  response.attachments = files;
  answered = sd_store_respond_complaint (f->store, sd_appointment_get_complaint_id (b),
                                         &response, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_complaint_get_status (answered), ==, SD_COMPLAINT_UNDER_REVIEW);
  return id;
}

static SdAppointment *
resolve (Fixture *f, gint64 id, SdOutcome outcome, gint64 amount, const char *note, gint64 at)
{
  g_autoptr (GError) error = NULL;
  SdAppointment *a;
  SdActionRequest r;

  sd_clock_set_now (f->clock, at);
  sd_action_request_init (&r, SD_ACTION_RESOLVE_COMPLAINT);
  r.outcome = outcome;
  r.outcome_amount_cents = amount;
  r.text = note;
  a = sd_store_perform (f->store, id, &r, &error);
  g_assert_no_error (error);
  return a;
}

static const char *
find_section (SdEvidencePack *pack, const char *title)
{
  for (guint i = 0; i < sd_evidence_pack_get_n_sections (pack); i++)
    if (g_strcmp0 (sd_evidence_pack_get_section_title (pack, i), title) == 0)
      {
        g_autofree char *joined = g_strjoinv ("\n", (char **) sd_evidence_pack_get_section_lines (pack, i));
        /* Kept on the pack so the caller gets a plain pointer. */
        g_object_set_data_full (G_OBJECT (pack), title, g_steal_pointer (&joined), g_free);
        return g_object_get_data (G_OBJECT (pack), title);
      }
  g_error ("No section “%s”", title);
  return NULL;
}

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” not found in:\n%s", (needle), (haystack)); \
  } G_STMT_END

static void
test_sections (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = make_disputed (f, "Anna Rossi", 0);
  g_autoptr (SdEvidencePack) pack = sd_evidence_pack_gather (f->store, id, &error);
  g_autofree char *text = NULL;
  const char *s;

  g_assert_no_error (error);
  g_assert_cmpstr (sd_evidence_pack_get_title (pack), ==, "Evidence pack — Anna Rossi");
  assert_contains (sd_evidence_pack_get_subtitle (pack), "Salon Aurora");
  assert_contains (sd_evidence_pack_get_subtitle (pack), "Tue 24 Nov 2026, 13:00");

  s = find_section (pack, "Appointment");
  assert_contains (s, "Client: Anna Rossi");
  assert_contains (s, "Service: Cut, 30 min, with Giulia");
  /* The salon's wall time (Amsterdam), though the process runs in UTC. */
  assert_contains (s, "When: Tuesday 24 November 2026, 10:00–10:30");
  assert_contains (s, "Price: €30.00, prepaid online (€30.00 paid)");
  assert_contains (s, "State: Disputed (was Completed)");

  s = find_section (pack, "Check-in and check-out");
  assert_contains (s, "Checked in: Tue 24 Nov 2026, 10:02");
  assert_contains (s, "Checked out: Tue 24 Nov 2026, 10:31");

  s = find_section (pack, "Cancellation policy in force");
  assert_contains (s, "Free cancellation up to 24 h before the start");
  assert_contains (s, "contested within 24 h");

  s = find_section (pack, "Complaint");
  assert_contains (s, "Opened by the client on Tue 24 Nov 2026, 12:00");
  assert_contains (s, "Reasons: The cut is uneven");
  assert_contains (s, "Refund asked for: €30.00");
  assert_contains (s, "Reply due by: Wed 25 Nov 2026, 12:00");
  assert_contains (s, "Status: Under review by the marketplace");
  assert_contains (s, "The salon’s side: Photo taken at check-out shows an even cut");

  s = find_section (pack, "Attachments");
  assert_contains (s, "photo-of-the-cut.png (picture, 16 bytes)");

  s = find_section (pack, "Timeline");
  assert_contains (s, "Tue 24 Nov 2026, 10:02 — Checked in, by the salon");
  assert_contains (s, "Tue 24 Nov 2026, 12:00 — Complaint opened, by the client · €30.00: "
                      "“The cut is uneven”");
  assert_contains (s, "Replied to the complaint");
  /* Messages are read in the chat section, not repeated in the timeline. */
  assert_contains (s, "1 chat message: see “Chat with the client”.");
  g_assert_null (strstr (s, "two minutes late"));

  s = find_section (pack, "Chat with the client");
  assert_contains (s, "Tue 24 Nov 2026, 09:50 — Client: I will be two minutes late, sorry!");

  /* The whole pack as text, sections in order. */
  text = sd_evidence_pack_to_text (pack);
  g_assert_true (g_str_has_prefix (text, "Evidence pack — Anna Rossi\n"));
  g_assert_true (strstr (text, "\nTimeline\n") < strstr (text, "\nChat with the client\n"));
}

/* The policy is the salon's settings, not a constant. */
static void
test_policy_follows_settings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = make_disputed (f, "Anna Rossi", 0);
  SdSalonSettings settings = *sd_salon_get_settings (sd_store_get_salon (f->store));
  g_autoptr (SdEvidencePack) pack = NULL;

  settings.free_cancel_hours = 48;
  settings.contest_hours = 12;
  sd_salon_set_settings (sd_store_get_salon (f->store), &settings);
  g_assert_true (sd_store_save_salon (f->store, &error));
  pack = sd_evidence_pack_gather (f->store, id, &error);
  g_assert_no_error (error);
  assert_contains (find_section (pack, "Cancellation policy in force"),
                   "Free cancellation up to 48 h before the start");
  assert_contains (find_section (pack, "Cancellation policy in force"),
                   "contested within 12 h");
}

static void
test_without_complaint (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdAppointment) a = fixture_book (f, fixture_at (f, 24, 10, 0), f->staff[1],
                                              f->colour, SD_STATE_CONFIRMED,
                                              SD_PAYMENT_AT_SALON, "Zoë Müller");
  g_autoptr (SdEvidencePack) pack = sd_evidence_pack_gather (f->store, sd_appointment_get_id (a),
                                                             &error);
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  assert_contains (find_section (pack, "Check-in and check-out"), "Checked in: never");
  assert_contains (find_section (pack, "Complaint"), "No complaint has been opened");
  assert_contains (find_section (pack, "Attachments"), "No files were attached.");
  assert_contains (find_section (pack, "Chat with the client"), "No messages were exchanged.");
  assert_contains (find_section (pack, "Cancellation policy in force"), "paid at the salon");
  /* A file name safe anywhere: no accents, spaces or slashes. */
  name = sd_evidence_pack_suggest_filename (pack);
  g_assert_cmpstr (name, ==, "evidence-zoe-muller-2026-11-24.pdf");
}

static void
test_unknown (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdEvidencePack) pack = sd_evidence_pack_gather (f->store, 4242, &error);

  g_assert_null (pack);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
}

static void
test_resolution_in_timeline (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = make_disputed (f, "Anna Rossi", 0);
  g_autoptr (SdAppointment) a = resolve (f, id, SD_OUTCOME_REFUND_PARTIAL, 2000,
                                         "Half the cut was redone by another salon",
                                         fixture_at (f, 25, 16, 0));
  g_autoptr (SdEvidencePack) pack = sd_evidence_pack_gather (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sd_appointment_get_state (a), ==, SD_STATE_COMPLETED);
  assert_contains (find_section (pack, "Complaint"),
                   "Outcome (Wed 25 Nov 2026, 16:00): Refunded €20.00");
  assert_contains (find_section (pack, "Complaint"),
                   "Note from the marketplace staff: Half the cut was redone by another salon");
  assert_contains (find_section (pack, "Timeline"),
                   "Wed 25 Nov 2026, 16:00 — Complaint resolved: Refunded €20.00, by the "
                   "marketplace staff");
  /* The outcome's wire name never shows. */
  g_assert_null (strstr (find_section (pack, "Timeline"), "refund_partial"));
}

static void
test_outcome_words (void)
{
  const struct { SdOutcome outcome; gint64 amount; const char *words; } cases[] = {
    { SD_OUTCOME_REFUND_FULL, 3000, "Refunded in full: €30.00" },
    { SD_OUTCOME_REFUND_PARTIAL, 2000, "Refunded €20.00" },
    { SD_OUTCOME_NO_REFUND, 0, "No refund: the salon’s side was upheld" },
    { SD_OUTCOME_REDO, 0, "A free redo of the service" },
    { SD_OUTCOME_WITHDRAWN_HELPED, 0, "Withdrawn: the client was helped" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = sd_evidence_describe_outcome (cases[i].outcome, cases[i].amount,
                                                             "EUR");
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

/* ---- Resolution notices ---- */

static guint
count_new (Fixture *f, gint64 *first_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = sd_store_list_new_resolutions (f->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  if (first_id != NULL)
    *first_id = list->len > 0 ? sd_complaint_get_id (g_ptr_array_index (list, 0)) : 0;
  return list->len;
}

static void
mark_all (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = sd_store_list_new_resolutions (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      g_assert_true (sd_store_mark_resolution_announced (f->store, g_ptr_array_index (list, i),
                                                         &error));
      g_assert_no_error (error);
    }
}

static void
test_new_resolutions (Fixture *f, gconstpointer data)
{
  gint64 anna = make_disputed (f, "Anna Rossi", 0);
  gint64 bea = make_disputed (f, "Bea Visser", 1);
  g_autoptr (SdAppointment) a = NULL;
  g_autoptr (SdAppointment) b = NULL;
  g_autoptr (SdComplaint) complaint = NULL;
  g_autoptr (GError) error = NULL;
  gint64 first = 0;

  /* Nothing resolved yet. */
  g_assert_cmpuint (count_new (f, NULL), ==, 0);

  a = resolve (f, anna, SD_OUTCOME_REFUND_PARTIAL, 2000, NULL, fixture_at (f, 25, 16, 0));
  g_assert_cmpuint (count_new (f, &first), ==, 1);
  g_assert_cmpint (first, ==, sd_appointment_get_complaint_id (a));
  /* Listing alone does not announce it: a notice that failed is tried again. */
  g_assert_cmpuint (count_new (f, NULL), ==, 1);

  mark_all (f);
  g_assert_cmpuint (count_new (f, NULL), ==, 0);
  /* The mark survives reopening the database. */
  fixture_reopen (f);
  g_assert_cmpuint (count_new (f, NULL), ==, 0);

  b = resolve (f, bea, SD_OUTCOME_WITHDRAWN_HELPED, 0, NULL, fixture_at (f, 26, 9, 0));
  g_assert_cmpuint (count_new (f, &first), ==, 1);
  g_assert_cmpint (first, ==, sd_appointment_get_complaint_id (b));

  /* Marking an older one again never moves the mark back. */
  complaint = sd_store_get_complaint (f->store, sd_appointment_get_complaint_id (a), &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_mark_resolution_announced (f->store, complaint, &error));
  g_assert_cmpuint (count_new (f, NULL), ==, 1);
  mark_all (f);
  g_assert_cmpuint (count_new (f, NULL), ==, 0);
}

/* Two resolved in the same second are both listed, in order, and marked one by one. */
static void
test_same_second (Fixture *f, gconstpointer data)
{
  gint64 anna = make_disputed (f, "Anna Rossi", 0);
  gint64 bea = make_disputed (f, "Bea Visser", 1);
  gint64 at = fixture_at (f, 25, 16, 0);
  g_autoptr (SdAppointment) a = NULL;
  g_autoptr (SdAppointment) b = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (count_new (f, NULL), ==, 0);
  a = resolve (f, anna, SD_OUTCOME_NO_REFUND, 0, NULL, at);
  b = resolve (f, bea, SD_OUTCOME_REDO, 0, NULL, at);
  list = sd_store_list_new_resolutions (f->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (sd_store_mark_resolution_announced (f->store, g_ptr_array_index (list, 0),
                                                     &error));
  g_assert_cmpuint (count_new (f, NULL), ==, 1);
}

/* The first start does not announce what was resolved before the desk ever looked. */
static void
test_first_start_quiet (Fixture *f, gconstpointer data)
{
  gint64 anna = make_disputed (f, "Anna Rossi", 0);
  gint64 bea = make_disputed (f, "Bea Visser", 1);
  g_autoptr (SdAppointment) a = resolve (f, anna, SD_OUTCOME_REFUND_FULL, 0, NULL,
                                         fixture_at (f, 25, 16, 0));
  g_autoptr (SdAppointment) b = NULL;

  g_assert_cmpuint (count_new (f, NULL), ==, 0);
  b = resolve (f, bea, SD_OUTCOME_NO_REFUND, 0, NULL, fixture_at (f, 25, 17, 0));
  g_assert_cmpuint (count_new (f, NULL), ==, 1);
}

/* The salon's own refund closes the complaint too, but is no news to the desk. */
static void
test_own_refund_not_news (Fixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = fixture_book (f, fixture_at (f, 23, 11, 0), f->staff[2], f->cut,
                                              SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID, "Carla");
  g_autoptr (SdAppointment) b = NULL;
  g_autoptr (SdComplaint) c = NULL;
  g_autoptr (GError) error = NULL;
  SdComplaintResponse response = { .action = SD_RESPONSE_REFUND, .amount_cents = 3000 };
  SdActionRequest r;

  g_assert_cmpuint (count_new (f, NULL), ==, 0);
  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.by = SD_PARTY_CLIENT;
  r.text = "Never called back";
  b = sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);
  c = sd_store_respond_complaint (f->store, sd_appointment_get_complaint_id (b), &response,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_complaint_get_status (c), ==, SD_COMPLAINT_RESOLVED);
  g_assert_cmpuint (count_new (f, NULL), ==, 0);
}

/* ---- Reputation ---- */

/* A complaint the salon missed counts as lost, unless the client withdraws it saying they
 * were helped: then the effect is reverted. */
static void
test_withdrawn_reverts_reputation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 start = fixture_at (f, 23, 11, 0);
  SdReputation before, after;
  gint64 ids[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (SdAppointment) a = fixture_book (f, start + i * 3600, f->staff[2], f->cut,
                                                  SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID,
                                                  i == 0 ? "Dana" : "Eva");
      g_autoptr (SdAppointment) b = NULL;
      SdActionRequest r;

      sd_clock_set_now (f->clock, f->now);
      sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
      r.by = SD_PARTY_CLIENT;
      r.text = "Rude on the phone";
      r.deadline_kind = SD_DEADLINE_HOURS_24;
      b = sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error);
      g_assert_no_error (error);
      ids[i] = sd_appointment_get_id (b);
    }
  /* Nobody answered: both missed, both lost. */
  sd_clock_set_now (f->clock, f->now + 24 * 3600 + 1);
  g_assert_cmpuint (sd_store_apply_deadlines (f->store, &error), ==, 2);
  g_assert_true (sd_store_get_reputation (f->store, f->now - 86400, f->now + 86400, &before,
                                          &error));
  g_assert_cmpuint (before.complaints_lost, ==, 2);

  g_object_unref (resolve (f, ids[0], SD_OUTCOME_WITHDRAWN_HELPED, 0, NULL, f->now + 2 * 86400));
  g_object_unref (resolve (f, ids[1], SD_OUTCOME_REFUND_FULL, 0, NULL, f->now + 2 * 86400));
  g_assert_true (sd_store_get_reputation (f->store, f->now - 86400, f->now + 86400, &after,
                                          &error));
  g_assert_no_error (error);
  /* Only the refunded one still counts. */
  g_assert_cmpuint (after.complaints_lost, ==, 1);
  g_assert_cmpuint (after.complaints_open, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/store/evidence/" name, Fixture, NULL, fixture_set_up, fn, \
                                  fixture_tear_down)
  ADD ("sections", test_sections);
  ADD ("policy-follows-settings", test_policy_follows_settings);
  ADD ("without-complaint", test_without_complaint);
  ADD ("unknown", test_unknown);
  ADD ("resolution-in-timeline", test_resolution_in_timeline);
  g_test_add_func ("/store/evidence/outcome-words", test_outcome_words);
  ADD ("new-resolutions", test_new_resolutions);
  ADD ("same-second", test_same_second);
  ADD ("first-start-quiet", test_first_start_quiet);
  ADD ("own-refund-not-news", test_own_refund_not_news);
  ADD ("withdrawn-reverts-reputation", test_withdrawn_reverts_reputation);
#undef ADD
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every action: what the desk sees afterwards, and that state, history and outbox are
 * written together or not at all (a refused rule, a full disk). */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sd-policy-error.h"
#include "store-fixture.h"

typedef struct
{
  gint64 history, outbox, messages, complaints, appointments;
} Counts;

static Counts
counts (Fixture *f)
{
  return (Counts) {
    fixture_count (f, "SELECT count(*) FROM history"),
    fixture_count (f, "SELECT count(*) FROM outbox"),
    fixture_count (f, "SELECT count(*) FROM messages"),
    fixture_count (f, "SELECT count(*) FROM complaints"),
    fixture_count (f, "SELECT count(*) FROM appointments"),
  };
}

static void
assert_counts_equal (Counts a, Counts b)
{
  g_assert_cmpint (a.history, ==, b.history);
  g_assert_cmpint (a.outbox, ==, b.outbox);
  g_assert_cmpint (a.messages, ==, b.messages);
  g_assert_cmpint (a.complaints, ==, b.complaints);
  g_assert_cmpint (a.appointments, ==, b.appointments);
}

static SdAppointment *
perform (Fixture *f, gint64 id, const SdActionRequest *request)
{
  g_autoptr(GError) error = NULL;
  SdAppointment *a = sd_store_perform (f->store, id, request, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

/* The action is refused with @code and nothing at all is written. */
static void
assert_refused (Fixture *f, gint64 id, const SdActionRequest *request, GQuark domain, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) before = sd_store_get_appointment (f->store, id, NULL);
  g_autoptr(SdAppointment) after = NULL;
  Counts c = counts (f);

  g_assert_null (sd_store_perform (f->store, id, request, &error));
  g_assert_error (error, domain, code);
  assert_counts_equal (c, counts (f));
  after = sd_store_get_appointment (f->store, id, NULL);
  g_assert_cmpint (sd_appointment_get_state (after), ==, sd_appointment_get_state (before));
  g_assert_cmpint (sd_appointment_get_start (after), ==, sd_appointment_get_start (before));
  g_assert_cmpint (sd_appointment_get_updated_at (after), ==,
                   sd_appointment_get_updated_at (before));
}

/* The newest outbox row (any state). */
static SdOutboxEntry *
last_outbox (Fixture *f)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  sd_clock_advance (f->clock, 3600);
  list = sd_store_list_outbox (f->store, 0, &error);
  sd_clock_advance (f->clock, -3600);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >, 0);
  return g_object_ref (g_ptr_array_index (list, list->len - 1));
}

static JsonObject *
payload_of (SdOutboxEntry *entry, JsonParser *parser)
{
  g_assert_true (json_parser_load_from_data (parser, sd_outbox_entry_get_payload (entry), -1,
                                             NULL));
  return json_node_get_object (json_parser_get_root (parser));
}

static SdHistoryEntry *
last_history (Fixture *f, gint64 id)
{
  g_autoptr(GPtrArray) list = sd_store_list_history (f->store, id, NULL);

  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, >, 0);
  return g_object_ref (g_ptr_array_index (list, list->len - 1));
}

static void
test_accept (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) req = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                               SD_STATE_REQUESTED, SD_PAYMENT_PREPAID,
                                               "Anna Rossi");
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(SdOutboxEntry) entry = NULL;
  g_autoptr(SdHistoryEntry) h = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  SdActionRequest r;

  /* A request hides the phone and is not sent back to the marketplace. */
  g_assert_cmpint (sd_appointment_get_state (req), ==, SD_STATE_REQUESTED);
  g_assert_null (sd_appointment_get_client_phone (req));
  g_assert_false (sd_appointment_get_phone_revealed (req));
  g_assert_cmpint (sd_appointment_get_confirm_by (req), ==, f->now + 24 * 3600);
  g_assert_cmpuint (sd_store_count_outbox (f->store, NULL), ==, 0);

  sd_action_request_init (&r, SD_ACTION_ACCEPT);
  a = perform (f, sd_appointment_get_id (req), &r);
  g_assert_cmpint (sd_appointment_get_state (a), ==, SD_STATE_CONFIRMED);
  g_assert_true (sd_appointment_get_phone_revealed (a));
  g_assert_cmpstr (sd_appointment_get_client_phone (a), !=, NULL);
  g_assert_cmpint (sd_appointment_get_updated_at (a), ==, f->now);

  messages = sd_store_list_messages (f->store, sd_appointment_get_id (a), NULL);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpint (sd_message_get_author (g_ptr_array_index (messages, 0)), ==, SD_PARTY_SYSTEM);
  g_assert_cmpstr (sd_message_get_body (g_ptr_array_index (messages, 0)), ==,
                   "The salon confirmed the appointment.");

  h = last_history (f, sd_appointment_get_id (a));
  g_assert_cmpstr (sd_history_entry_get_event (h), ==, "accept");
  g_assert_cmpint (sd_history_entry_get_action (h), ==, SD_ACTION_ACCEPT);
  g_assert_cmpint (sd_history_entry_get_from_state (h), ==, SD_STATE_REQUESTED);
  g_assert_cmpint (sd_history_entry_get_to_state (h), ==, SD_STATE_CONFIRMED);
  g_assert_cmpint (sd_history_entry_get_at (h), ==, f->now);

  entry = last_outbox (f);
  g_assert_cmpstr (sd_outbox_entry_get_action (entry), ==, "confirm");
  g_assert_cmpstr (sd_outbox_entry_get_endpoint (entry), ==, "/v1/appointments/{appointment}/confirm");
  g_assert_cmpstr (sd_outbox_entry_get_method (entry), ==, "POST");
  g_assert_true (g_uuid_string_is_valid (sd_outbox_entry_get_idempotency_key (entry)));
  g_assert_cmpint (sd_outbox_entry_get_appointment_id (entry), ==, sd_appointment_get_id (a));
  g_assert_cmpint (sd_outbox_entry_get_attempts (entry), ==, 0);
  g_assert_cmpstr (sd_outbox_entry_get_state (entry), ==, "pending");
  g_assert_cmpint (json_object_get_size (payload_of (entry, parser)), ==, 0);

  /* Accepting twice is not in the table. */
  assert_refused (f, sd_appointment_get_id (a), &r, SD_POLICY_ERROR,
                  SD_POLICY_ERROR_INVALID_TRANSITION);
}

static void
test_accept_late (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) req = fixture_book (f, fixture_at (f, 26, 11, 0), f->staff[0], f->cut,
                                               SD_STATE_REQUESTED, SD_PAYMENT_PREPAID,
                                               "Anna Rossi");
  g_autoptr(SdAppointment) a = NULL;
  SdActionRequest r;

  sd_action_request_init (&r, SD_ACTION_ACCEPT);
  /* At the deadline itself it may still be answered; one second later it may not. */
  sd_clock_set_now (f->clock, sd_appointment_get_confirm_by (req) + 1);
  assert_refused (f, sd_appointment_get_id (req), &r, SD_POLICY_ERROR,
                  SD_POLICY_ERROR_DEADLINE_PASSED);
  sd_clock_set_now (f->clock, sd_appointment_get_confirm_by (req));
  a = perform (f, sd_appointment_get_id (req), &r);
  g_assert_cmpint (sd_appointment_get_state (a), ==, SD_STATE_CONFIRMED);
}

static void
test_unavailable (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) req = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                               SD_STATE_REQUESTED, SD_PAYMENT_PREPAID,
                                               "Anna Rossi");
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(SdOutboxEntry) entry = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 starts[4] = { fixture_at (f, 24, 14, 0), fixture_at (f, 25, 9, 30),
                       fixture_at (f, 25, 10, 0), fixture_at (f, 25, 11, 0) };
  gint64 past[1] = { f->now - 3600 };
  const gint64 *got;
  JsonArray *proposed;
  guint n = 0;
  SdActionRequest r;

  sd_action_request_init (&r, SD_ACTION_UNAVAILABLE);
  assert_refused (f, sd_appointment_get_id (req), &r, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  r.proposed_starts = starts;
  r.n_proposed_starts = 4;
  assert_refused (f, sd_appointment_get_id (req), &r, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  r.proposed_starts = past;
  r.n_proposed_starts = 1;
  assert_refused (f, sd_appointment_get_id (req), &r, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);

  r.proposed_starts = starts;
  r.n_proposed_starts = 2;
  a = perform (f, sd_appointment_get_id (req), &r);
  /* Not a decline: still a request, but now the desk can call the client. */
  g_assert_cmpint (sd_appointment_get_state (a), ==, SD_STATE_REQUESTED);
  g_assert_true (sd_appointment_get_phone_revealed (a));
  g_assert_nonnull (sd_appointment_get_client_phone (a));
  got = sd_appointment_get_proposed_starts (a, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (got[0], ==, starts[0]);
  g_assert_cmpint (got[1], ==, starts[1]);

  entry = last_outbox (f);
  g_assert_cmpstr (sd_outbox_entry_get_action (entry), ==, "unavailable");
  proposed = json_object_get_array_member (payload_of (entry, parser), "proposed_starts");
  g_assert_cmpuint (json_array_get_length (proposed), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (proposed, 0), ==, "2026-11-24T14:00:00+01:00");
}

/* Three proposals is the most, and all three are kept, in order; answering again
 * replaces them. */
static void
test_unavailable_three (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) req = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                               SD_STATE_REQUESTED, SD_PAYMENT_PREPAID,
                                               "Anna Rossi");
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(SdAppointment) again = NULL;
  gint64 starts[3] = { fixture_at (f, 24, 14, 0), fixture_at (f, 25, 9, 30),
                       fixture_at (f, 25, 10, 0) };
  const gint64 *got;
  guint n = 0;
  SdActionRequest r;

  sd_action_request_init (&r, SD_ACTION_UNAVAILABLE);
  r.proposed_starts = starts;
  r.n_proposed_starts = 3;
  a = perform (f, sd_appointment_get_id (req), &r);
  g_assert_cmpint (sd_appointment_get_state (a), ==, SD_STATE_REQUESTED);
  g_assert_true (sd_appointment_get_phone_revealed (a));
  got = sd_appointment_get_proposed_starts (a, &n);
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (got[i], ==, starts[i]);

  r.n_proposed_starts = 1;
  r.proposed_starts = &starts[2];
  again = perform (f, sd_appointment_get_id (req), &r);
  got = sd_appointment_get_proposed_starts (again, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (got[0], ==, starts[2]);
}

static void
test_decline (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) req = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                               SD_STATE_REQUESTED, SD_PAYMENT_PREPAID,
                                               "Anna Rossi");
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(SdOutboxEntry) entry = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  SdActionRequest r;

  sd_action_request_init (&r, SD_ACTION_DECLINE);
  r.text = "Fully booked that day";
  a = perform (f, sd_appointment_get_id (req), &r);
  g_assert_cmpint (sd_appointment_get_state (a), ==, SD_STATE_DECLINED);
  entry = last_outbox (f);
  g_assert_cmpstr (sd_outbox_entry_get_action (entry), ==, "decline");
  g_assert_cmpstr (json_object_get_string_member (payload_of (entry, parser), "reason"), ==,
                   "Fully booked that day");
}

static void
test_reschedule (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) a = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                             SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Anna Rossi");
  g_autoptr(SdAppointment) b = fixture_book (f, fixture_at (f, 24, 12, 0), f->staff[0], f->cut,
                                             SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Daan Jansen");
  g_autoptr(SdAppointment) moved = NULL;
  g_autoptr(SdAppointment) other = NULL;
  g_autoptr(SdOutboxEntry) entry = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *payload;
  SdActionRequest r;

  sd_action_request_init (&r, SD_ACTION_RESCHEDULE);
  r.new_start = fixture_at (f, 24, 12, 15);
  assert_refused (f, sd_appointment_get_id (a), &r, SD_POLICY_ERROR, SD_POLICY_ERROR_OVERLAP);
  r.new_start = f->now - 60;
  assert_refused (f, sd_appointment_get_id (a), &r, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);

  /* Back to back is not an overlap: ranges are half-open. */
  r.new_start = fixture_at (f, 24, 12, 30);
  moved = perform (f, sd_appointment_get_id (a), &r);
  g_assert_cmpint (sd_appointment_get_start (moved), ==, fixture_at (f, 24, 12, 30));
  g_assert_cmpint (sd_appointment_get_end (moved), ==, fixture_at (f, 24, 13, 0));
  g_assert_cmpint (sd_appointment_get_state (moved), ==, SD_STATE_CONFIRMED);
  entry = last_outbox (f);
  payload = payload_of (entry, parser);
  g_assert_cmpstr (json_object_get_string_member (payload, "start"), ==, "2026-11-24T12:30:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (payload, "end"), ==, "2026-11-24T13:00:00+01:00");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (payload, "staff_id"), "stf_"));

  /* To another stylist, and into an overlap when the user insists. */
  r.new_start = fixture_at (f, 24, 12, 0);
  r.new_staff_id = f->staff[1];
  g_clear_object (&moved);
  moved = perform (f, sd_appointment_get_id (a), &r);
  g_assert_cmpint (sd_appointment_get_staff_id (moved), ==, f->staff[1]);
  g_assert_cmpstr (sd_appointment_get_staff_name (moved), ==, "Sanne");
  r.new_staff_id = f->staff[0];
  r.allow_overlap = TRUE;
  g_clear_object (&moved);
  moved = perform (f, sd_appointment_get_id (a), &r);
  g_assert_cmpint (sd_appointment_get_staff_id (moved), ==, f->staff[0]);
  other = sd_store_get_appointment (f->store, sd_appointment_get_id (b), NULL);
  g_assert_cmpint (sd_appointment_get_start (other), ==, sd_appointment_get_start (moved));
}

static void
test_cancel_refunds (Fixture *f, gconstpointer data)
{
  /* Tuesday 11:00 is 25 h away: inside the free-cancellation window. */
  g_autoptr(SdAppointment) early = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                                 SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID, "Anna Rossi");
  g_autoptr(SdAppointment) late = fixture_book (f, fixture_at (f, 23, 12, 0), f->staff[0], f->cut,
                                                SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID, "Daan Jansen");
  g_autoptr(SdAppointment) salon = fixture_book (f, fixture_at (f, 23, 13, 0), f->staff[0], f->colour,
                                                 SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID, "Léa Moreau");
  g_autoptr(SdAppointment) req = fixture_book (f, fixture_at (f, 23, 16, 0), f->staff[0], f->cut,
                                               SD_STATE_REQUESTED, SD_PAYMENT_PREPAID, "Marco Ricci");
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(SdOutboxEntry) entry = NULL;
  g_autoptr(GPtrArray) ready = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const SdCancellation *c;
  JsonObject *payload;
  guint pending;
  SdActionRequest r;

  /* Client, inside the window: a full refund, no choice. */
  sd_action_request_init (&r, SD_ACTION_CANCEL);
  r.by = SD_PARTY_CLIENT;
  r.reason = SD_CANCEL_REASON_CLIENT_REQUEST;
  r.refund = SD_REFUND_CHOICE_NONE;
  assert_refused (f, sd_appointment_get_id (early), &r, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  r.refund = SD_REFUND_CHOICE_FULL;
  r.text = "Called the desk";
  pending = sd_store_count_outbox (f->store, NULL);
  a = perform (f, sd_appointment_get_id (early), &r);
  g_assert_cmpint (sd_appointment_get_state (a), ==, SD_STATE_CANCELLED);
  g_assert_cmpint (sd_appointment_get_refunded_cents (a), ==, 3000);
  g_assert_cmpint (sd_appointment_get_refundable_cents (a), ==, 0);
  c = sd_appointment_get_cancellation (a);
  g_assert_nonnull (c);
  g_assert_cmpint (c->by, ==, SD_PARTY_CLIENT);
  g_assert_cmpint (c->reason, ==, SD_CANCEL_REASON_CLIENT_REQUEST);
  g_assert_cmpint (c->refund, ==, SD_REFUND_CHOICE_FULL);
  g_assert_cmpint (c->refund_cents, ==, 3000);
  g_assert_cmpint (c->at, ==, f->now);
  g_assert_cmpstr (c->note, ==, "Called the desk");

  /* Held back for the undo window, then ready to send. */
  g_assert_cmpuint (sd_store_count_outbox (f->store, NULL), ==, pending + 1);
  ready = sd_store_list_outbox (f->store, 0, NULL);
  for (guint i = 0; i < ready->len; i++)
    g_assert_cmpstr (sd_outbox_entry_get_action (g_ptr_array_index (ready, i)), !=, "cancel");
  entry = last_outbox (f);
  payload = payload_of (entry, parser);
  g_assert_cmpstr (json_object_get_string_member (payload, "by"), ==, "client");
  g_assert_cmpstr (json_object_get_string_member (payload, "reason"), ==, "client_request");
  g_assert_cmpstr (json_object_get_string_member (payload, "refund"), ==, "full");
  g_assert_cmpstr (json_object_get_string_member (payload, "note"), ==, "Called the desk");

  /* Client, late: the salon may keep the payment. */
  r.refund = SD_REFUND_CHOICE_NONE;
  r.text = NULL;
  g_clear_object (&a);
  a = perform (f, sd_appointment_get_id (late), &r);
  g_assert_cmpint (sd_appointment_get_refunded_cents (a), ==, 0);
  g_assert_cmpint (sd_appointment_get_cancellation (a)->refund, ==, SD_REFUND_CHOICE_NONE);

  /* The salon cancels: always a full refund. */
  r.by = SD_PARTY_SALON;
  r.reason = SD_CANCEL_REASON_ILLNESS;
  assert_refused (f, sd_appointment_get_id (salon), &r, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  r.refund = SD_REFUND_CHOICE_FULL;
  g_clear_object (&a);
  a = perform (f, sd_appointment_get_id (salon), &r);
  g_assert_cmpint (sd_appointment_get_refunded_cents (a), ==, 7500);

  /* The salon declines a request; it does not cancel it. */
  assert_refused (f, sd_appointment_get_id (req), &r, SD_POLICY_ERROR,
                  SD_POLICY_ERROR_INVALID_TRANSITION);
}

static void
assert_same_appointment (SdAppointment *a, SdAppointment *b)
{
  g_assert_cmpint (sd_appointment_get_state (a), ==, sd_appointment_get_state (b));
  g_assert_cmpint (sd_appointment_get_start (a), ==, sd_appointment_get_start (b));
  g_assert_cmpint (sd_appointment_get_end (a), ==, sd_appointment_get_end (b));
  g_assert_cmpint (sd_appointment_get_staff_id (a), ==, sd_appointment_get_staff_id (b));
  g_assert_cmpint (sd_appointment_get_refunded_cents (a), ==, sd_appointment_get_refunded_cents (b));
  g_assert_cmpint (sd_appointment_get_updated_at (a), ==, sd_appointment_get_updated_at (b));
  g_assert_cmpint (sd_appointment_get_version (a), ==, sd_appointment_get_version (b));
  g_assert_true (sd_appointment_get_cancellation (a) == NULL &&
                 sd_appointment_get_cancellation (b) == NULL);
  g_assert_cmpint (sd_appointment_get_phone_revealed (a), ==, sd_appointment_get_phone_revealed (b));
  g_assert_cmpstr (sd_appointment_get_client_name (a), ==, sd_appointment_get_client_name (b));
}

static void
test_undo_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) before = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                                  SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID,
                                                  "Anna Rossi");
  g_autoptr(SdAppointment) cancelled = NULL;
  g_autoptr(SdAppointment) restored = NULL;
  g_autoptr(SdAppointment) again = NULL;
  g_autoptr(SdOutboxEntry) entry = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 id = sd_appointment_get_id (before);
  Counts c;
  SdActionRequest r, undo;

  sd_clock_advance (f->clock, 120);
  sd_action_request_init (&r, SD_ACTION_CANCEL);
  r.by = SD_PARTY_SALON;
  r.reason = SD_CANCEL_REASON_STAFF_UNAVAILABLE;
  r.refund = SD_REFUND_CHOICE_FULL;
  c = counts (f);
  cancelled = perform (f, id, &r);
  g_assert_cmpint (sd_appointment_get_refunded_cents (cancelled), ==, 3000);

  sd_clock_advance (f->clock, 5);
  sd_action_request_init (&undo, SD_ACTION_UNDO_CANCEL);
  restored = perform (f, id, &undo);
  assert_same_appointment (before, restored);
  /* The marketplace never hears of it; the timeline keeps both events. */
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM outbox"), ==, c.outbox);
  history = sd_store_list_history (f->store, id, NULL);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (sd_history_entry_get_event (g_ptr_array_index (history, 1)), ==, "cancel");
  g_assert_cmpstr (sd_history_entry_get_event (g_ptr_array_index (history, 2)), ==, "undo_cancel");

  /* Once the cancellation is on its way, it is too late. */
  again = perform (f, id, &r);
  g_clear_object (&again);
  sd_clock_advance (f->clock, 60);
  entry = last_outbox (f);
  g_assert_cmpstr (sd_outbox_entry_get_action (entry), ==, "cancel");
  g_assert_true (sd_store_outbox_begin_send (f->store, sd_outbox_entry_get_id (entry), NULL));
  assert_refused (f, id, &undo, SD_POLICY_ERROR, SD_POLICY_ERROR_DEADLINE_PASSED);
  g_assert_true (sd_store_outbox_mark_sent (f->store, sd_outbox_entry_get_id (entry), NULL));
  g_assert_cmpuint (sd_store_count_outbox (f->store, NULL), ==, c.outbox);
}

static void
test_check_in_out (Fixture *f, gconstpointer data)
{
  gint64 start = fixture_at (f, 23, 14, 0);
  g_autoptr(SdAppointment) a = fixture_book (f, start, f->staff[0], f->cut, SD_STATE_CONFIRMED,
                                             SD_PAYMENT_AT_SALON, "Anna Rossi");
  g_autoptr(SdAppointment) in = NULL;
  g_autoptr(SdAppointment) out = NULL;
  g_autoptr(SdOutboxEntry) entry = NULL;
  SdActionRequest r;

  sd_action_request_init (&r, SD_ACTION_CHECK_IN);
  sd_clock_set_now (f->clock, start - 15 * 60 - 1);
  assert_refused (f, sd_appointment_get_id (a), &r, SD_POLICY_ERROR, SD_POLICY_ERROR_TOO_EARLY);
  sd_clock_set_now (f->clock, start - 15 * 60);
  in = perform (f, sd_appointment_get_id (a), &r);
  g_assert_cmpint (sd_appointment_get_state (in), ==, SD_STATE_IN_PROGRESS);
  g_assert_cmpint (sd_appointment_get_checked_in_at (in), ==, start - 15 * 60);
  g_assert_cmpint (sd_appointment_get_checked_out_at (in), ==, 0);
  g_assert_false (sd_appointment_get_review_requested (in));
  entry = last_outbox (f);
  g_assert_cmpstr (sd_outbox_entry_get_endpoint (entry), ==, "/v1/appointments/{appointment}/check-in");

  sd_clock_set_now (f->clock, start + 35 * 60);
  sd_action_request_init (&r, SD_ACTION_CHECK_OUT);
  out = perform (f, sd_appointment_get_id (a), &r);
  g_assert_cmpint (sd_appointment_get_state (out), ==, SD_STATE_COMPLETED);
  g_assert_cmpint (sd_appointment_get_checked_out_at (out), ==, start + 35 * 60);
  g_assert_true (sd_appointment_get_review_requested (out));
  g_clear_object (&entry);
  entry = last_outbox (f);
  g_assert_cmpstr (sd_outbox_entry_get_action (entry), ==, "check-out");

  /* A completed appointment cannot be rescheduled or cancelled. */
  sd_action_request_init (&r, SD_ACTION_RESCHEDULE);
  r.new_start = start + 86400;
  assert_refused (f, sd_appointment_get_id (a), &r, SD_POLICY_ERROR,
                  SD_POLICY_ERROR_INVALID_TRANSITION);
}

static void
test_no_show (Fixture *f, gconstpointer data)
{
  gint64 start = fixture_at (f, 23, 14, 0);
  g_autoptr(SdAppointment) a = fixture_book (f, start, f->staff[0], f->cut, SD_STATE_CONFIRMED,
                                             SD_PAYMENT_AT_SALON, "Anna Rossi");
  g_autoptr(SdAppointment) b = NULL;
  SdActionRequest r;

  sd_action_request_init (&r, SD_ACTION_NO_SHOW);
  sd_clock_set_now (f->clock, start + 15 * 60 - 1);
  assert_refused (f, sd_appointment_get_id (a), &r, SD_POLICY_ERROR, SD_POLICY_ERROR_TOO_EARLY);
  sd_clock_set_now (f->clock, start + 15 * 60);
  b = perform (f, sd_appointment_get_id (a), &r);
  g_assert_cmpint (sd_appointment_get_state (b), ==, SD_STATE_NO_SHOW);
}

static void
test_complaint_locks (Fixture *f, gconstpointer data)
{
  gint64 start = fixture_at (f, 23, 14, 0);
  g_autoptr(SdAppointment) a = fixture_book (f, start, f->staff[0], f->cut, SD_STATE_CONFIRMED,
                                             SD_PAYMENT_PREPAID, "Anna Rossi");
  g_autoptr(SdAppointment) b = NULL;
  g_autoptr(SdComplaint) cm = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = sd_appointment_get_id (a);
  gint64 opened;
  Counts c;
  SdActionRequest r;

  sd_clock_set_now (f->clock, start);
  sd_action_request_init (&r, SD_ACTION_CHECK_IN);
  g_object_unref (perform (f, id, &r));
  sd_clock_set_now (f->clock, start + 1800);
  sd_action_request_init (&r, SD_ACTION_CHECK_OUT);
  g_object_unref (perform (f, id, &r));

  sd_clock_set_now (f->clock, start + 7200);
  opened = start + 7200;
  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.by = SD_PARTY_CLIENT;
  r.refund_requested_cents = 99999;
  r.text = "The fringe is crooked";
  assert_refused (f, id, &r, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  r.refund_requested_cents = 1000;
  r.deadline_kind = SD_DEADLINE_HOURS_24;
  c = counts (f);
  b = perform (f, id, &r);
  g_assert_cmpint (sd_appointment_get_state (b), ==, SD_STATE_DISPUTED);
  g_assert_cmpint (sd_appointment_get_state_before_dispute (b), ==, SD_STATE_COMPLETED);
  g_assert_cmpint (sd_appointment_get_complaint_id (b), !=, 0);
  /* The client opened it on the marketplace: nothing to send. */
  g_assert_cmpint (counts (f).outbox, ==, c.outbox);
  cm = sd_store_get_complaint (f->store, sd_appointment_get_complaint_id (b), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_complaint_get_status (cm), ==, SD_COMPLAINT_AWAITING_REPLY);
  g_assert_cmpint (sd_complaint_get_reply_by (cm), ==, opened + 24 * 3600);
  g_assert_cmpint (sd_complaint_get_opened_by (cm), ==, SD_PARTY_CLIENT);
  g_assert_cmpstr (sd_complaint_get_reason (cm), ==, "The fringe is crooked");
  g_assert_cmpstr (sd_complaint_get_client_name (cm), ==, "Anna Rossi");

  /* Locked while disputed; messages still go through. */
  sd_action_request_init (&r, SD_ACTION_CHECK_OUT);
  assert_refused (f, id, &r, SD_POLICY_ERROR, SD_POLICY_ERROR_LOCKED);
  sd_action_request_init (&r, SD_ACTION_MESSAGE);
  r.text = "We are sorry, we will call you.";
  g_clear_object (&b);
  b = perform (f, id, &r);
  g_assert_cmpint (sd_appointment_get_state (b), ==, SD_STATE_DISPUTED);
  {
    g_autoptr(SdOutboxEntry) entry = last_outbox (f);
    g_assert_cmpstr (sd_outbox_entry_get_endpoint (entry), ==,
                     "/v1/appointments/{appointment}/messages");
  }

  /* The marketplace staff resolve it: back to completed, money back. */
  sd_action_request_init (&r, SD_ACTION_RESOLVE_COMPLAINT);
  r.outcome = SD_OUTCOME_REFUND_PARTIAL;
  r.outcome_amount_cents = 1000;
  g_clear_object (&b);
  b = perform (f, id, &r);
  g_assert_cmpint (sd_appointment_get_state (b), ==, SD_STATE_COMPLETED);
  g_assert_cmpint (sd_appointment_get_refunded_cents (b), ==, 1000);
  g_clear_object (&cm);
  cm = sd_store_get_complaint (f->store, sd_appointment_get_complaint_id (b), NULL);
  g_assert_cmpint (sd_complaint_get_status (cm), ==, SD_COMPLAINT_RESOLVED);
  g_assert_cmpint (sd_complaint_get_outcome (cm), ==, SD_OUTCOME_REFUND_PARTIAL);
  g_assert_cmpint (sd_complaint_get_outcome_amount_cents (cm), ==, 1000);
}

static void
test_salon_contests_no_show (Fixture *f, gconstpointer data)
{
  gint64 start = fixture_at (f, 23, 14, 0);
  g_autoptr(SdAppointment) a = fixture_book (f, start, f->staff[0], f->cut, SD_STATE_CONFIRMED,
                                             SD_PAYMENT_PREPAID, "Anna Rossi");
  g_autoptr(SdAppointment) b = NULL;
  g_autoptr(SdOutboxEntry) entry = NULL;
  g_autoptr(SdComplaint) cm = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *payload;
  SdActionRequest r;

  sd_clock_set_now (f->clock, start + 3600);
  sd_action_request_init (&r, SD_ACTION_NO_SHOW);
  g_object_unref (perform (f, sd_appointment_get_id (a), &r));

  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.text = "The client was here; the marketplace marked a no-show by mistake";
  /* Contesting is allowed within 24 h of the no-show, not one second more. */
  sd_clock_set_now (f->clock, start + 3600 + 24 * 3600 + 1);
  assert_refused (f, sd_appointment_get_id (a), &r, SD_POLICY_ERROR,
                  SD_POLICY_ERROR_DEADLINE_PASSED);
  sd_clock_set_now (f->clock, start + 3600 + 24 * 3600);
  b = perform (f, sd_appointment_get_id (a), &r);
  g_assert_cmpint (sd_appointment_get_state (b), ==, SD_STATE_DISPUTED);
  cm = sd_store_get_complaint (f->store, sd_appointment_get_complaint_id (b), NULL);
  g_assert_cmpint (sd_complaint_get_status (cm), ==, SD_COMPLAINT_UNDER_REVIEW);
  g_assert_cmpint (sd_complaint_get_reply_by (cm), ==, 0);
  entry = last_outbox (f);
  g_assert_cmpstr (sd_outbox_entry_get_endpoint (entry), ==, "/v1/complaints");
  payload = payload_of (entry, parser);
  g_assert_cmpstr (json_object_get_string_member (payload, "reason"), ==, r.text);
  g_assert_cmpint (json_object_get_int_member (payload, "refund_requested_cents"), ==, 0);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (payload, "appointment_id"),
                                   "apt_"));
}

static void
test_disk_full (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) a = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                             SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Anna Rossi");
  g_autoptr(SdAppointment) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (60000, 'x');
  g_autofree char *limit = NULL;
  Counts c = counts (f);
  SdActionRequest r;

  /* Room for the message row but not for the history and outbox rows that repeat it. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           fixture_count (f, "PRAGMA page_count") + 20);
  g_assert_cmpint (sqlite3_exec (f->store->db, limit, NULL, NULL, NULL), ==, SQLITE_OK);
  sd_action_request_init (&r, SD_ACTION_MESSAGE);
  r.text = text;
  g_assert_null (sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_FULL);
  assert_counts_equal (c, counts (f));

  /* Space freed: the same change goes through. */
  g_assert_cmpint (sqlite3_exec (f->store->db, "PRAGMA max_page_count = 1073741823", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  b = perform (f, sd_appointment_get_id (a), &r);
  g_assert_cmpint (counts (f).messages, ==, c.messages + 1);
  g_assert_cmpint (counts (f).history, ==, c.history + 1);
  g_assert_cmpint (counts (f).outbox, ==, c.outbox + 1);
}

static void
test_create_overlap (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) a = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->colour,
                                             SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Anna Rossi");
  g_autoptr(SdOutboxEntry) entry = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  SdNewAppointment specs[2];
  gint64 ids[2] = { 0, 0 };
  Counts c;
  JsonObject *payload;

  entry = last_outbox (f);
  g_assert_cmpstr (sd_outbox_entry_get_action (entry), ==, "create");
  g_assert_cmpstr (sd_outbox_entry_get_endpoint (entry), ==, "/v1/appointments");
  payload = payload_of (entry, parser);
  g_assert_cmpstr (json_object_get_string_member (payload, "start"), ==, "2026-11-24T11:00:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (payload, "client"),
                                                  "name"), ==, "Anna Rossi");
  g_assert_false (json_object_get_boolean_member (payload, "allow_overlap"));

  /* A batch is all or nothing: the second one overlaps the first of the batch. */
  for (guint i = 0; i < 2; i++)
    {
      sd_new_appointment_init (&specs[i]);
      specs[i].start = fixture_at (f, 25, 11, 0) + i * 600;
      specs[i].staff_id = f->staff[1];
      specs[i].service_id = f->cut;
      specs[i].client_name = "Walk-in";
    }
  c = counts (f);
  g_assert_false (sd_store_create_appointments (f->store, specs, 2, ids, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_OVERLAP);
  assert_counts_equal (c, counts (f));
  g_clear_error (&error);
  specs[1].start = fixture_at (f, 25, 11, 30);
  g_assert_true (sd_store_create_appointments (f->store, specs, 2, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ids[0], >, 0);
  g_assert_cmpint (ids[1], >, ids[0]);
  g_assert_cmpint (counts (f).appointments, ==, c.appointments + 2);

  /* Unknown staff or service, no name, the past: refused. */
  specs[0].start = fixture_at (f, 26, 11, 0);
  specs[0].staff_id = 999;
  g_assert_false (sd_store_create_appointments (f->store, specs, 1, NULL, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  specs[0].staff_id = f->staff[0];
  specs[0].client_name = " ";
  g_assert_false (sd_store_create_appointments (f->store, specs, 1, NULL, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  g_clear_error (&error);
  specs[0].client_name = "Late";
  specs[0].start = f->now - 3600;
  g_assert_false (sd_store_create_appointments (f->store, specs, 1, NULL, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/perform/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-and-overlap", test_create_overlap);
  ADD ("accept", test_accept);
  ADD ("accept-at-deadline", test_accept_late);
  ADD ("unavailable", test_unavailable);
  ADD ("unavailable-three", test_unavailable_three);
  ADD ("decline", test_decline);
  ADD ("reschedule", test_reschedule);
  ADD ("cancel-refunds", test_cancel_refunds);
  ADD ("undo-cancel", test_undo_cancel);
  ADD ("check-in-out", test_check_in_out);
  ADD ("no-show", test_no_show);
  ADD ("complaint-locks", test_complaint_locks);
  ADD ("salon-contests-no-show", test_salon_contests_no_show);
  ADD ("disk-full", test_disk_full);
#undef ADD

  return g_test_run ();
}

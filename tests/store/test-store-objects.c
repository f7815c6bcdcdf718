/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Round trips: every object the store keeps reads back the same after the database was
 * closed and opened again. */

#include "config.h"

#include "store-fixture.h"

/* Every readable property of @a equals @b's. */
static void
assert_objects_equal (gpointer a, gpointer b)
{
  g_autofree GParamSpec **specs = NULL;
  guint n = 0;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      gboolean same;

      g_value_init (&va, specs[i]->value_type);
      g_value_init (&vb, specs[i]->value_type);
      g_object_get_property (a, specs[i]->name, &va);
      g_object_get_property (b, specs[i]->name, &vb);
      if (specs[i]->value_type == G_TYPE_STRV)
        {
          const char *const *sa = g_value_get_boxed (&va), *const *sb = g_value_get_boxed (&vb);
          same = (sa == NULL && sb == NULL) ||
                 (sa != NULL && sb != NULL && g_strv_equal (sa, sb));
        }
      else
        same = g_param_values_cmp (specs[i], &va, &vb) == 0;
      if (!same)
        {
          g_autofree char *ca = g_strdup_value_contents (&va);
          g_autofree char *cb = g_strdup_value_contents (&vb);
          g_error ("%s.%s: %s != %s", G_OBJECT_TYPE_NAME (a), specs[i]->name, ca, cb);
        }
    }
}

static void
assert_lists_equal (GPtrArray *a, GPtrArray *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_objects_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i));
}

static void
assert_appointments_equal (SdAppointment *a, SdAppointment *b)
{
  const SdCancellation *ca = sd_appointment_get_cancellation (a);
  const SdCancellation *cb = sd_appointment_get_cancellation (b);
  const gint64 *pa, *pb;
  guint na = 0, nb = 0;

  assert_objects_equal (a, b);
#define SAME(getter) g_assert_cmpint (sd_appointment_get_##getter (a), ==, sd_appointment_get_##getter (b))
#define SAME_STR(getter) g_assert_cmpstr (sd_appointment_get_##getter (a), ==, sd_appointment_get_##getter (b))
  SAME (id); SAME (version); SAME (state); SAME (start); SAME (end); SAME (staff_id);
  SAME (service_id); SAME (price_cents); SAME (client_id); SAME (phone_revealed);
  SAME (payment_mode); SAME (amount_cents); SAME (refunded_cents); SAME (created_at);
  SAME (confirm_by); SAME (updated_at); SAME (checked_in_at); SAME (checked_out_at);
  SAME (complaint_id); SAME (review_requested);
  SAME_STR (remote_id); SAME_STR (staff_name); SAME_STR (service_name); SAME_STR (currency);
  SAME_STR (client_name); SAME_STR (client_email); SAME_STR (client_phone);
  if (sd_appointment_get_state (a) == SD_STATE_DISPUTED)
    SAME (state_before_dispute);
#undef SAME
#undef SAME_STR
  g_assert_true ((ca == NULL) == (cb == NULL));
  if (ca != NULL)
    {
      g_assert_cmpint (ca->by, ==, cb->by);
      g_assert_cmpint (ca->reason, ==, cb->reason);
      g_assert_cmpstr (ca->note, ==, cb->note);
      g_assert_cmpint (ca->refund, ==, cb->refund);
      g_assert_cmpint (ca->refund_cents, ==, cb->refund_cents);
      g_assert_cmpint (ca->at, ==, cb->at);
    }
  pa = sd_appointment_get_proposed_starts (a, &na);
  pb = sd_appointment_get_proposed_starts (b, &nb);
  g_assert_cmpmem (pa, na * sizeof (gint64), pb, nb * sizeof (gint64));
}

static void
test_appointments (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) req = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                               SD_STATE_REQUESTED, SD_PAYMENT_PREPAID, "Anna Rossi");
  g_autoptr(SdAppointment) conf = fixture_book (f, fixture_at (f, 23, 15, 0), f->staff[1],
                                                f->colour, SD_STATE_CONFIRMED,
                                                SD_PAYMENT_AT_SALON, "Daan Jansen");
  g_autoptr(SdAppointment) canc = fixture_book (f, fixture_at (f, 25, 11, 0), f->staff[2], f->cut,
                                                SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID,
                                                "Léa Moreau");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) history_before = NULL;
  g_autoptr(GPtrArray) history_after = NULL;
  g_autoptr(GPtrArray) outbox_before = NULL;
  g_autoptr(GPtrArray) outbox_after = NULL;
  g_autoptr(GPtrArray) inbox_before = NULL;
  g_autoptr(GPtrArray) inbox_after = NULL;
  g_autoptr(SdClient) client_before = NULL;
  g_autoptr(SdClient) client_after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 starts[3] = { fixture_at (f, 24, 15, 0), fixture_at (f, 24, 16, 0),
                       fixture_at (f, 25, 9, 0) };
  SdActionRequest r;
  SdQuery q;

  sd_action_request_init (&r, SD_ACTION_UNAVAILABLE);
  r.proposed_starts = starts;
  r.n_proposed_starts = 3;
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (req), &r, &error));
  g_assert_no_error (error);
  sd_action_request_init (&r, SD_ACTION_CANCEL);
  r.by = SD_PARTY_CLIENT;
  r.reason = SD_CANCEL_REASON_OTHER;
  r.text = "Moving house";
  r.refund = SD_REFUND_CHOICE_FULL;
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (canc), &r, &error));
  g_assert_no_error (error);
  sd_clock_set_now (f->clock, fixture_at (f, 23, 15, 0));
  sd_action_request_init (&r, SD_ACTION_CHECK_IN);
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (conf), &r, &error));
  g_assert_no_error (error);

  sd_query_init (&q, fixture_at (f, 23, 0, 0), fixture_at (f, 26, 0, 0));
  before = sd_store_list_appointments (f->store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 3);
  history_before = sd_store_list_history (f->store, sd_appointment_get_id (canc), &error);
  sd_clock_advance (f->clock, 3600);
  outbox_before = sd_store_list_outbox (f->store, 0, &error);
  inbox_before = sd_store_list_inbox (f->store, &error);
  client_before = sd_store_get_client (f->store, sd_appointment_get_client_id (req), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sd_client_get_phone (client_before), !=, NULL);
  g_assert_cmpstr (sd_client_get_email (client_before), ==, "anna.rossi@example.com");

  fixture_reopen (f);
  after = sd_store_list_appointments (f->store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(SdAppointment) one = NULL;

      assert_appointments_equal (g_ptr_array_index (before, i), g_ptr_array_index (after, i));
      one = sd_store_get_appointment (f->store,
                                      sd_appointment_get_id (g_ptr_array_index (before, i)), &error);
      g_assert_no_error (error);
      assert_appointments_equal (g_ptr_array_index (before, i), one);
    }
  history_after = sd_store_list_history (f->store, sd_appointment_get_id (canc), &error);
  assert_lists_equal (history_before, history_after);
  g_assert_cmpuint (history_after->len, ==, 2);
  g_assert_cmpstr (sd_history_entry_get_detail (g_ptr_array_index (history_after, 1)), ==,
                   "Moving house");
  g_assert_cmpint (sd_history_entry_get_amount_cents (g_ptr_array_index (history_after, 1)), ==,
                   3000);
  outbox_after = sd_store_list_outbox (f->store, 0, &error);
  assert_lists_equal (outbox_before, outbox_after);
  inbox_after = sd_store_list_inbox (f->store, &error);
  assert_lists_equal (inbox_before, inbox_after);
  client_after = sd_store_get_client (f->store, sd_appointment_get_client_id (req), &error);
  assert_objects_equal (client_before, client_after);

  g_assert_null (sd_store_get_appointment (f->store, 4242, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
}

static void
test_activity (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) a = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                             SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID, "Anna Rossi");
  g_autoptr(SdMessage) message = sd_message_new ();
  g_autoptr(SdReview) review = sd_review_new ();
  g_autoptr(SdTransaction) charge = sd_transaction_new ();
  g_autoptr(SdTransaction) payout = sd_transaction_new ();
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) money = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = sd_appointment_get_id (a);

  sd_message_set_remote_id (message, "msg_1");
  sd_message_set_appointment_id (message, id);
  sd_message_set_author (message, SD_PARTY_CLIENT);
  sd_message_set_body (message, "Can I bring my dog? 🐕");
  sd_message_set_at (message, f->now - 60);
  g_assert_true (sd_store_add_message (f->store, message, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sd_message_get_id (message), >, 0);

  sd_review_set_remote_id (review, "rev_1");
  sd_review_set_appointment_id (review, id);
  sd_review_set_punctuality (review, 5);
  sd_review_set_service (review, 4);
  sd_review_set_value (review, 3);
  sd_review_set_cleanliness (review, 5);
  sd_review_set_relationship (review, 2);
  sd_review_set_comment (review, "Good, but chatty");
  sd_review_set_at (review, f->now);
  g_assert_true (sd_store_save_review (f->store, review, &error));
  g_assert_no_error (error);

  sd_transaction_set_remote_id (charge, "trx_1");
  sd_transaction_set_appointment_id (charge, id);
  sd_transaction_set_kind (charge, SD_TRANSACTION_CHARGE);
  sd_transaction_set_amount_cents (charge, 3000);
  sd_transaction_set_currency (charge, "EUR");
  sd_transaction_set_at (charge, f->now - 100);
  g_assert_true (sd_store_add_transaction (f->store, charge, &error));
  sd_transaction_set_kind (payout, SD_TRANSACTION_PAYOUT);
  sd_transaction_set_amount_cents (payout, 2700);
  sd_transaction_set_currency (payout, "EUR");
  sd_transaction_set_at (payout, f->now);
  g_assert_true (sd_store_add_transaction (f->store, payout, &error));
  g_assert_no_error (error);

  fixture_reopen (f);
  messages = sd_store_list_messages (f->store, id, &error);
  g_assert_cmpuint (messages->len, ==, 1);
  assert_objects_equal (message, g_ptr_array_index (messages, 0));
  reviews = sd_store_list_reviews (f->store, f->now, f->now + 1, &error);
  g_assert_cmpuint (reviews->len, ==, 1);
  assert_objects_equal (review, g_ptr_array_index (reviews, 0));
  money = sd_store_list_transactions (f->store, f->now - 100, f->now + 1, &error);
  g_assert_cmpuint (money->len, ==, 2);
  assert_objects_equal (charge, g_ptr_array_index (money, 0));
  assert_objects_equal (payout, g_ptr_array_index (money, 1));
  g_assert_no_error (error);

  /* The chat is on the timeline too. */
  list = sd_store_list_history (f->store, id, &error);
  g_assert_cmpstr (sd_history_entry_get_event (g_ptr_array_index (list, list->len - 1)), ==,
                   "message");

  /* A newer copy of the review replaces it; a score of 6 stars is refused. */
  sd_review_set_reported (review, TRUE);
  sd_review_set_comment (review, "Edited");
  g_assert_true (sd_store_save_review (f->store, review, &error));
  g_clear_pointer (&reviews, g_ptr_array_unref);
  reviews = sd_store_list_reviews (f->store, 0, G_MAXINT64, &error);
  g_assert_cmpuint (reviews->len, ==, 1);
  assert_objects_equal (review, g_ptr_array_index (reviews, 0));
  sd_review_set_value (review, 6);
  g_assert_false (sd_store_save_review (f->store, review, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/objects/appointments", Fixture, NULL, fixture_set_up, test_appointments,
              fixture_tear_down);
  g_test_add ("/store/objects/activity", Fixture, NULL, fixture_set_up, test_activity,
              fixture_tear_down);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reputation dashboard's figures from a small, made-up history. */

#include "config.h"

#include "sd-reputation.h"

static void
test_empty (void)
{
  SdReputation r;

  sd_reputation_init (&r);
  sd_reputation_finish (&r);
  g_assert_cmpfloat (r.cancellation_rate, ==, 0.0);
  g_assert_cmpfloat (r.decline_rate, ==, 0.0);
  g_assert_cmpfloat (r.expiry_rate, ==, 0.0);
  g_assert_cmpfloat (r.mean_response_seconds, ==, 0.0);
  for (guint i = 0; i < SD_REPUTATION_N_CRITERIA; i++)
    g_assert_cmpfloat (r.rating_avg[i], ==, 0.0);
}

static void
test_history (void)
{
  static const int reviews[3][SD_REPUTATION_N_CRITERIA] = {
    { 5, 4, 3, 5, 5 },
    { 4, 4, 2, 5, 3 },
    { 3, 5, 4, 5, 4 },
  };
  SdReputation r;

  sd_reputation_init (&r);

  /* Ten requests: 7 accepted after 1 h each, 2 declined after 30 min, 1 expired. */
  for (int i = 0; i < 7; i++)
    sd_reputation_add_request (&r, SD_STATE_CONFIRMED, 3600);
  for (int i = 0; i < 2; i++)
    sd_reputation_add_request (&r, SD_STATE_DECLINED, 1800);
  sd_reputation_add_request (&r, SD_STATE_EXPIRED, -1);

  /* Eight bookings: one cancelled by the salon, two by clients. */
  sd_reputation_add_booking (&r, SD_PARTY_SALON);
  sd_reputation_add_booking (&r, SD_PARTY_CLIENT);
  sd_reputation_add_booking (&r, SD_PARTY_CLIENT);
  for (int i = 0; i < 5; i++)
    sd_reputation_add_booking (&r, SD_PARTY_SYSTEM);

  /* Six complaints. */
  sd_reputation_add_complaint (&r, SD_COMPLAINT_AWAITING_REPLY, SD_OUTCOME_NONE, FALSE);
  sd_reputation_add_complaint (&r, SD_COMPLAINT_UNDER_REVIEW, SD_OUTCOME_NONE, TRUE);
  /* Missed: lost. */
  sd_reputation_add_complaint (&r, SD_COMPLAINT_MISSED, SD_OUTCOME_NONE, FALSE);
  /* Refunded within the deadline: not lost. */
  sd_reputation_add_complaint (&r, SD_COMPLAINT_RESOLVED, SD_OUTCOME_REFUND_FULL, TRUE);
  /* The claim stood after the salon let the deadline pass: lost. */
  sd_reputation_add_complaint (&r, SD_COMPLAINT_RESOLVED, SD_OUTCOME_REFUND_PARTIAL, FALSE);
  /* The client was helped: reverted, never lost, even after a missed deadline. */
  sd_reputation_add_complaint (&r, SD_COMPLAINT_RESOLVED, SD_OUTCOME_WITHDRAWN_HELPED, FALSE);
  sd_reputation_add_complaint (&r, SD_COMPLAINT_MISSED, SD_OUTCOME_WITHDRAWN_HELPED, FALSE);
  /* The salon won: not lost. */
  sd_reputation_add_complaint (&r, SD_COMPLAINT_RESOLVED, SD_OUTCOME_NO_REFUND, FALSE);
  /* Two complaint replies, 2 h and 4 h. */
  sd_reputation_add_response (&r, 2 * 3600);
  sd_reputation_add_response (&r, 4 * 3600);

  for (guint i = 0; i < G_N_ELEMENTS (reviews); i++)
    sd_reputation_add_review (&r, reviews[i]);

  sd_reputation_finish (&r);

  g_assert_cmpuint (r.requests_total, ==, 10);
  g_assert_cmpuint (r.requests_declined, ==, 2);
  g_assert_cmpuint (r.requests_expired, ==, 1);
  g_assert_cmpfloat_with_epsilon (r.decline_rate, 0.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.expiry_rate, 0.1, 1e-9);

  g_assert_cmpuint (r.bookings_total, ==, 8);
  g_assert_cmpuint (r.salon_cancellations, ==, 1);
  g_assert_cmpuint (r.client_cancellations, ==, 2);
  /* Only the salon's own cancellations count against it. */
  g_assert_cmpfloat_with_epsilon (r.cancellation_rate, 0.125, 1e-9);

  g_assert_cmpuint (r.complaints_total, ==, 8);
  g_assert_cmpuint (r.complaints_open, ==, 2);
  g_assert_cmpuint (r.complaints_lost, ==, 2);

  /* (7 × 3600 + 2 × 1800 + 7200 + 14400) / 11 */
  g_assert_cmpuint (r.responses, ==, 11);
  g_assert_cmpfloat_with_epsilon (r.mean_response_seconds, 50400.0 / 11, 1e-6);

  g_assert_cmpuint (r.n_reviews, ==, 3);
  g_assert_cmpfloat_with_epsilon (r.rating_avg[0], 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.rating_avg[1], 13.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.rating_avg[2], 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.rating_avg[3], 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.rating_avg[4], 4.0, 1e-9);
}

static void
test_rates_bounded (void)
{
  SdReputation r;

  /* Counts filled in directly by a store that got them out of step still give rates. */
  sd_reputation_init (&r);
  r.bookings_total = 2;
  r.salon_cancellations = 5;
  r.requests_total = 1;
  r.requests_declined = 3;
  sd_reputation_finish (&r);
  g_assert_cmpfloat (r.cancellation_rate, ==, 1.0);
  g_assert_cmpfloat (r.decline_rate, ==, 1.0);
}

static void
test_labels (void)
{
  g_assert_cmpstr (sd_reputation_criterion_label (0), ==, "Punctuality");
  g_assert_cmpstr (sd_reputation_criterion_label (1), ==, "Service");
  g_assert_cmpstr (sd_reputation_criterion_label (2), ==, "Value for money");
  g_assert_cmpstr (sd_reputation_criterion_label (3), ==, "Cleanliness");
  g_assert_cmpstr (sd_reputation_criterion_label (4), ==, "Relationship");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/reputation/empty", test_empty);
  g_test_add_func ("/core/reputation/history", test_history);
  g_test_add_func ("/core/reputation/rates-bounded", test_rates_bounded);
  g_test_add_func ("/core/reputation/labels", test_labels);

  return g_test_run ();
}

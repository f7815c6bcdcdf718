/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPEC §2's refund rule: every branch, and the free window's edge to the second. */

#include "config.h"

#include "sd-appointment.h"
#include "sd-policy-error.h"
#include "sd-refund.h"
#include "sd-salon.h"

#define HOUR 3600
#define WINDOW (24 * HOUR)
#define START G_GINT64_CONSTANT (1795424400)

static SdRefundDecision
decide (SdPaymentMode mode, SdParty by, gint64 now, gint64 refundable)
{
  SdRefundDecision d;

  sd_refund_decide (mode, by, START, now, WINDOW, refundable, &d);
  return d;
}

static gint64
resolve_ok (const SdRefundDecision *d, SdRefundChoice choice)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = -1;

  g_assert_true (sd_refund_resolve (d, choice, &cents, &error));
  g_assert_no_error (error);
  return cents;
}

static void
resolve_refused (const SdRefundDecision *d, SdRefundChoice choice)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = -1;

  g_assert_false (sd_refund_resolve (d, choice, &cents, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  g_assert_cmpint (cents, ==, -1);
}

static void
test_at_salon (void)
{
  const SdParty parties[] = { SD_PARTY_SALON, SD_PARTY_CLIENT };

  for (guint i = 0; i < G_N_ELEMENTS (parties); i++)
    {
      SdRefundDecision early = decide (SD_PAYMENT_AT_SALON, parties[i], START - 3 * WINDOW, 4500);
      SdRefundDecision late = decide (SD_PAYMENT_AT_SALON, parties[i], START - 60, 4500);

      g_assert_cmpint (early.rule, ==, SD_REFUND_RULE_NOTHING_TO_REFUND);
      g_assert_false (early.late);
      g_assert_cmpint (late.rule, ==, SD_REFUND_RULE_NOTHING_TO_REFUND);
      g_assert_true (late.late);
      g_assert_cmpint (resolve_ok (&late, SD_REFUND_CHOICE_NONE), ==, 0);
      resolve_refused (&late, SD_REFUND_CHOICE_FULL);
    }
}

static void
test_salon_cancels (void)
{
  /* Always full, inside or outside the window, even after the start. */
  const gint64 nows[] = { START - 3 * WINDOW, START - WINDOW, START - WINDOW + 1, START - 1,
                          START + HOUR };

  for (guint i = 0; i < G_N_ELEMENTS (nows); i++)
    {
      SdRefundDecision d = decide (SD_PAYMENT_PREPAID, SD_PARTY_SALON, nows[i], 4500);

      g_assert_cmpint (d.rule, ==, SD_REFUND_RULE_FORCED_FULL);
      g_assert_cmpint (d.full_amount_cents, ==, 4500);
      g_assert_cmpint (resolve_ok (&d, SD_REFUND_CHOICE_FULL), ==, 4500);
      resolve_refused (&d, SD_REFUND_CHOICE_NONE);
    }
}

static void
test_client_inside_window (void)
{
  /* Exactly 24 h before the start is still inside the free window. */
  SdRefundDecision edge = decide (SD_PAYMENT_PREPAID, SD_PARTY_CLIENT, START - WINDOW, 4500);
  SdRefundDecision early = decide (SD_PAYMENT_PREPAID, SD_PARTY_CLIENT, START - 10 * WINDOW, 4500);

  g_assert_cmpint (edge.rule, ==, SD_REFUND_RULE_FORCED_FULL);
  g_assert_false (edge.late);
  g_assert_cmpint (early.rule, ==, SD_REFUND_RULE_FORCED_FULL);
  g_assert_cmpint (resolve_ok (&edge, SD_REFUND_CHOICE_FULL), ==, 4500);
  resolve_refused (&edge, SD_REFUND_CHOICE_NONE);
}

static void
test_client_late (void)
{
  /* One second less than 24 h before the start is late: the salon chooses. */
  const gint64 nows[] = { START - WINDOW + 1, START - HOUR, START, START + HOUR };

  for (guint i = 0; i < G_N_ELEMENTS (nows); i++)
    {
      SdRefundDecision d = decide (SD_PAYMENT_PREPAID, SD_PARTY_CLIENT, nows[i], 4500);

      g_assert_cmpint (d.rule, ==, SD_REFUND_RULE_CHOICE);
      g_assert_true (d.late);
      g_assert_cmpint (resolve_ok (&d, SD_REFUND_CHOICE_FULL), ==, 4500);
      g_assert_cmpint (resolve_ok (&d, SD_REFUND_CHOICE_NONE), ==, 0);
    }
}

static void
test_partly_refunded (void)
{
  /* A full refund pays back what is left, and nothing left means nothing to refund. */
  SdRefundDecision part = decide (SD_PAYMENT_PREPAID, SD_PARTY_SALON, START - HOUR, 1500);
  SdRefundDecision none = decide (SD_PAYMENT_PREPAID, SD_PARTY_SALON, START - HOUR, 0);

  g_assert_cmpint (resolve_ok (&part, SD_REFUND_CHOICE_FULL), ==, 1500);
  g_assert_cmpint (none.rule, ==, SD_REFUND_RULE_NOTHING_TO_REFUND);
  resolve_refused (&none, SD_REFUND_CHOICE_FULL);
}

static void
test_other_window (void)
{
  /* The window is the salon's setting, e.g. 48 h. */
  SdRefundDecision d;

  sd_refund_decide (SD_PAYMENT_PREPAID, SD_PARTY_CLIENT, START, START - 48 * HOUR,
                    48 * HOUR, 4500, &d);
  g_assert_cmpint (d.rule, ==, SD_REFUND_RULE_FORCED_FULL);
  sd_refund_decide (SD_PAYMENT_PREPAID, SD_PARTY_CLIENT, START, START - 48 * HOUR + 1,
                    48 * HOUR, 4500, &d);
  g_assert_cmpint (d.rule, ==, SD_REFUND_RULE_CHOICE);
}

static void
test_for_appointment (void)
{
  g_autoptr(SdAppointment) a = sd_appointment_new ();
  g_autoptr(SdSalon) salon = sd_salon_new ("S", "Europe/Amsterdam", "EUR");
  SdSalonSettings settings = *sd_salon_get_settings (salon);
  SdRefundDecision d;

  sd_appointment_set_payment_mode (a, SD_PAYMENT_PREPAID);
  sd_appointment_set_start (a, START);
  sd_appointment_set_amount_cents (a, 4500);
  sd_appointment_set_refunded_cents (a, 500);

  /* The spec's 24 h without a salon, … */
  sd_refund_decide_for_appointment (a, SD_PARTY_CLIENT, NULL, START - WINDOW, &d);
  g_assert_cmpint (d.rule, ==, SD_REFUND_RULE_FORCED_FULL);
  g_assert_cmpint (d.full_amount_cents, ==, 4000);
  sd_refund_decide_for_appointment (a, SD_PARTY_CLIENT, NULL, START - WINDOW + 1, &d);
  g_assert_cmpint (d.rule, ==, SD_REFUND_RULE_CHOICE);

  /* … the salon's own window with one. */
  settings.free_cancel_hours = 2;
  sd_salon_set_settings (salon, &settings);
  sd_refund_decide_for_appointment (a, SD_PARTY_CLIENT, salon, START - 2 * HOUR, &d);
  g_assert_cmpint (d.rule, ==, SD_REFUND_RULE_FORCED_FULL);
  sd_refund_decide_for_appointment (a, SD_PARTY_CLIENT, salon, START - 2 * HOUR + 1, &d);
  g_assert_cmpint (d.rule, ==, SD_REFUND_RULE_CHOICE);

  sd_appointment_set_payment_mode (a, SD_PAYMENT_AT_SALON);
  sd_refund_decide_for_appointment (a, SD_PARTY_SALON, salon, START - 2 * HOUR, &d);
  g_assert_cmpint (d.rule, ==, SD_REFUND_RULE_NOTHING_TO_REFUND);
}

static void
assert_describe (const SdRefundDecision *d, SdParty by, SdRefundChoice choice, const char *want)
{
  g_autofree char *got = sd_refund_describe (d, by, choice, "EUR");

  g_assert_cmpstr (got, ==, want);
}

static void
test_describe (void)
{
  SdRefundDecision d;

  d = decide (SD_PAYMENT_AT_SALON, SD_PARTY_CLIENT, START - HOUR, 4500);
  assert_describe (&d, SD_PARTY_CLIENT, SD_REFUND_CHOICE_NONE,
                   "Paid at the salon: nothing to refund. The client is only notified.");
  d = decide (SD_PAYMENT_PREPAID, SD_PARTY_SALON, START - HOUR, 4500);
  assert_describe (&d, SD_PARTY_SALON, SD_REFUND_CHOICE_FULL,
                   "Prepaid, cancelled by the salon: the client is refunded in full (€45.00).");
  d = decide (SD_PAYMENT_PREPAID, SD_PARTY_CLIENT, START - WINDOW, 4500);
  assert_describe (&d, SD_PARTY_CLIENT, SD_REFUND_CHOICE_FULL,
                   "Prepaid, cancelled by the client at least 24 h before: the client is "
                   "refunded in full (€45.00), automatically.");
  d = decide (SD_PAYMENT_PREPAID, SD_PARTY_CLIENT, START - HOUR, 4500);
  assert_describe (&d, SD_PARTY_CLIENT, SD_REFUND_CHOICE_FULL,
                   "Prepaid, cancelled by the client less than 24 h before: you chose to "
                   "refund in full (€45.00), which cancels the whole order.");
  assert_describe (&d, SD_PARTY_CLIENT, SD_REFUND_CHOICE_NONE,
                   "Prepaid, cancelled by the client less than 24 h before: you chose to keep "
                   "the payment (€45.00); nothing is refunded.");
  d = decide (SD_PAYMENT_PREPAID, SD_PARTY_CLIENT, START - HOUR, 0);
  assert_describe (&d, SD_PARTY_CLIENT, SD_REFUND_CHOICE_NONE,
                   "Prepaid, but already refunded: nothing left to refund.");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/refund/at-salon", test_at_salon);
  g_test_add_func ("/core/refund/salon-cancels", test_salon_cancels);
  g_test_add_func ("/core/refund/client-inside-window", test_client_inside_window);
  g_test_add_func ("/core/refund/client-late", test_client_late);
  g_test_add_func ("/core/refund/partly-refunded", test_partly_refunded);
  g_test_add_func ("/core/refund/other-window", test_other_window);
  g_test_add_func ("/core/refund/for-appointment", test_for_appointment);
  g_test_add_func ("/core/refund/describe", test_describe);

  return g_test_run ();
}

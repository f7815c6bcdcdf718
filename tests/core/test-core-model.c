/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The core's value objects: wire names, the salon's settings and calendar, the clock, the
 * appointment's copies, the policy error codes. */

#include "config.h"

#include "sd-appointment.h"
#include "sd-clock.h"
#include "sd-policy-error.h"
#include "sd-salon.h"
#include "sd-types.h"

#define HOUR 3600

/* Each enum's names round-trip, and the wire names are the API's. */
#define CHECK_NAMES(prefix, Type, n, ...)                                      \
  G_STMT_START {                                                               \
    static const char *const want[] = { __VA_ARGS__ };                         \
    G_STATIC_ASSERT (G_N_ELEMENTS (want) == n);                                \
    for (guint i = 0; i < n; i++)                                              \
      {                                                                        \
        Type back = (Type) 99;                                                 \
        g_assert_cmpstr (prefix##_to_string ((Type) i), ==, want[i]);          \
        g_assert_true (prefix##_from_string (want[i], &back));                 \
        g_assert_cmpint (back, ==, i);                                         \
      }                                                                        \
    {                                                                          \
      Type untouched = (Type) 1;                                               \
      g_assert_false (prefix##_from_string ("nonsense", &untouched));          \
      g_assert_false (prefix##_from_string (NULL, &untouched));                \
      g_assert_false (prefix##_from_string ("", &untouched));                  \
      g_assert_cmpint (untouched, ==, 1);                                      \
    }                                                                          \
  } G_STMT_END

static void
test_wire_names (void)
{
  CHECK_NAMES (sd_state, SdState, SD_N_STATES, "requested", "confirmed", "in_progress",
               "completed", "cancelled", "declined", "expired", "no_show", "disputed");
  CHECK_NAMES (sd_action, SdAction, SD_N_ACTIONS, "accept", "decline", "unavailable",
               "reschedule", "cancel", "undo_cancel", "check_in", "check_out", "no_show",
               "expire", "open_complaint", "resolve_complaint", "message");
  CHECK_NAMES (sd_payment_mode, SdPaymentMode, 2, "prepaid", "at_salon");
  CHECK_NAMES (sd_party, SdParty, 4, "salon", "client", "staff", "system");
  CHECK_NAMES (sd_cancel_reason, SdCancelReason, 5, "illness", "staff_unavailable",
               "double_booking", "client_request", "other");
  CHECK_NAMES (sd_refund_choice, SdRefundChoice, 2, "none", "full");
  CHECK_NAMES (sd_deadline_kind, SdDeadlineKind, 2, "hours_24", "business_days_2");
  CHECK_NAMES (sd_complaint_status, SdComplaintStatus, 4, "awaiting_reply", "under_review",
               "resolved", "missed");
  CHECK_NAMES (sd_response_action, SdResponseAction, 4, "none", "refund", "offer_redo",
               "contest");
  CHECK_NAMES (sd_outcome, SdOutcome, 6, "none", "refund_full", "refund_partial", "no_refund",
               "redo", "withdrawn_helped");
  CHECK_NAMES (sd_transaction_kind, SdTransactionKind, 4, "charge", "refund", "commission",
               "payout");

  /* Case matters on the wire. */
  {
    SdState s = SD_STATE_CONFIRMED;

    g_assert_false (sd_state_from_string ("Requested", &s));
    g_assert_cmpint (s, ==, SD_STATE_CONFIRMED);
  }
}

static void
test_labels (void)
{
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Every state has its own words (never colour alone). */
  for (SdState s = 0; s < SD_N_STATES; s++)
    {
      const char *label = sd_state_get_label (s);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);
    }
  g_assert_cmpstr (sd_state_get_label (SD_STATE_REQUESTED), ==, "Awaiting confirmation");
  g_assert_cmpstr (sd_state_get_label (SD_STATE_DISPUTED), ==, "Disputed");
  for (SdCancelReason r = 0; r <= SD_CANCEL_REASON_OTHER; r++)
    g_assert_nonnull (sd_cancel_reason_get_label (r));
  g_assert_cmpstr (sd_cancel_reason_get_label (SD_CANCEL_REASON_DOUBLE_BOOKING), ==,
                   "Double booking");
  g_hash_table_unref (seen);
}

static void
test_active_states (void)
{
  g_assert_true (sd_state_is_active (SD_STATE_REQUESTED));
  g_assert_true (sd_state_is_active (SD_STATE_CONFIRMED));
  g_assert_true (sd_state_is_active (SD_STATE_IN_PROGRESS));
  g_assert_true (sd_state_is_active (SD_STATE_COMPLETED));
  g_assert_true (sd_state_is_active (SD_STATE_DISPUTED));
  g_assert_false (sd_state_is_active (SD_STATE_CANCELLED));
  g_assert_false (sd_state_is_active (SD_STATE_DECLINED));
  g_assert_false (sd_state_is_active (SD_STATE_EXPIRED));
  g_assert_false (sd_state_is_active (SD_STATE_NO_SHOW));
}

static void
test_policy_error_codes (void)
{
  static const char *const codes[] = {
    "invalid_transition", "locked", "deadline_passed", "too_early", "overlap", "validation",
    "not_found",
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_assert_cmpstr (sd_policy_error_code ((SdPolicyError) i), ==, codes[i]);
  g_assert_cmpstr (g_quark_to_string (SD_POLICY_ERROR), ==, "sd-policy-error-quark");
}

static void
test_salon_defaults (void)
{
  g_autoptr(SdSalon) salon = sd_salon_new ("Salon Bella", "Europe/Amsterdam", "EUR");
  const SdSalonSettings *s = sd_salon_get_settings (salon);
  int open_min = -1, close_min = -1;

  g_assert_cmpstr (sd_salon_get_name (salon), ==, "Salon Bella");
  g_assert_cmpstr (sd_salon_get_tzid (salon), ==, "Europe/Amsterdam");
  g_assert_cmpstr (sd_salon_get_currency (salon), ==, "EUR");
  g_assert_cmpstr (g_time_zone_get_identifier (sd_salon_get_timezone (salon)), ==,
                   "Europe/Amsterdam");

  /* SPEC.md's numbers. */
  g_assert_cmpint (s->confirm_hours, ==, 24);
  g_assert_cmpint (s->free_cancel_hours, ==, 24);
  g_assert_cmpint (s->checkin_early_min, ==, 15);
  g_assert_cmpint (s->no_show_grace_min, ==, 15);
  g_assert_cmpint (s->contest_hours, ==, 24);
  g_assert_cmpint (s->complaint_hours, ==, 24);
  g_assert_cmpint (s->claim_business_days, ==, 2);
  g_assert_cmpint (s->redo_business_days, ==, 7);
  g_assert_cmpint (s->undo_seconds, ==, 10);

  /* Tuesday to Saturday, 09:00–19:00. */
  g_assert_false (sd_salon_is_open_on (salon, G_DATE_MONDAY));
  g_assert_false (sd_salon_is_open_on (salon, G_DATE_SUNDAY));
  for (GDateWeekday d = G_DATE_TUESDAY; d <= G_DATE_SATURDAY; d++)
    {
      g_assert_true (sd_salon_is_open_on (salon, d));
      sd_salon_get_hours (salon, d, &open_min, &close_min);
      g_assert_cmpint (open_min, ==, 9 * 60);
      g_assert_cmpint (close_min, ==, 19 * 60);
    }
}

static void
count_changed (SdSalon *salon, guint *count)
{
  (*count)++;
}

static void
test_salon_setters (void)
{
  g_autoptr(SdSalon) salon = sd_salon_new (NULL, NULL, NULL);
  SdSalonSettings settings;
  guint changed = 0;
  int open_min, close_min;

  /* Missing values fall back to sensible ones. */
  g_assert_cmpstr (sd_salon_get_name (salon), ==, "");
  g_assert_cmpstr (sd_salon_get_tzid (salon), ==, "UTC");
  g_assert_cmpstr (sd_salon_get_currency (salon), ==, "EUR");

  g_signal_connect (salon, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_true (sd_salon_set_tzid (salon, "Europe/Rome"));
  g_assert_cmpuint (changed, ==, 1);
  /* An unknown zone is refused and the old one kept. */
  g_assert_false (sd_salon_set_tzid (salon, "Mars/Olympus_Mons"));
  g_assert_cmpstr (sd_salon_get_tzid (salon), ==, "Europe/Rome");
  g_assert_cmpuint (changed, ==, 1);

  sd_salon_set_name (salon, "Da Marco");
  sd_salon_set_name (salon, "Da Marco"); /* unchanged: no signal */
  g_assert_cmpuint (changed, ==, 2);
  sd_salon_set_currency (salon, "CHF");
  g_assert_cmpstr (sd_salon_get_currency (salon), ==, "CHF");
  g_assert_cmpuint (changed, ==, 3);

  sd_salon_settings_init (&settings);
  settings.confirm_hours = 12;
  sd_salon_set_settings (salon, &settings);
  g_assert_cmpint (sd_salon_get_settings (salon)->confirm_hours, ==, 12);
  g_assert_cmpuint (changed, ==, 4);

  sd_salon_set_hours (salon, G_DATE_MONDAY, 10 * 60, 14 * 60);
  g_assert_true (sd_salon_is_open_on (salon, G_DATE_MONDAY));
  sd_salon_get_hours (salon, G_DATE_MONDAY, &open_min, &close_min);
  g_assert_cmpint (open_min, ==, 600);
  g_assert_cmpint (close_min, ==, 840);
  sd_salon_set_hours (salon, G_DATE_SATURDAY, 0, 0);
  g_assert_false (sd_salon_is_open_on (salon, G_DATE_SATURDAY));
  g_assert_cmpuint (changed, ==, 6);
}

static void
set_date (GDate *date, int y, int m, int d)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static void
test_salon_closing_days (void)
{
  g_autoptr(SdSalon) salon = sd_salon_new ("S", "Europe/Amsterdam", "EUR");
  g_auto(GStrv) days = NULL;
  GDate christmas, boxing, new_year, monday, saturday;

  set_date (&christmas, 2026, 12, 25);
  set_date (&boxing, 2026, 12, 26);
  set_date (&new_year, 2027, 1, 1);
  set_date (&monday, 2026, 11, 23);
  set_date (&saturday, 2026, 11, 28);

  sd_salon_add_closing_day (salon, &new_year);
  sd_salon_add_closing_day (salon, &christmas);
  sd_salon_add_closing_day (salon, &boxing);
  sd_salon_add_closing_day (salon, &christmas); /* twice: once */
  days = sd_salon_dup_closing_days (salon);
  g_assert_cmpuint (g_strv_length (days), ==, 3);
  g_assert_cmpstr (days[0], ==, "2026-12-25");
  g_assert_cmpstr (days[1], ==, "2026-12-26");
  g_assert_cmpstr (days[2], ==, "2027-01-01");

  g_assert_true (sd_salon_is_closing_day (salon, &christmas));
  g_assert_false (sd_salon_is_closing_day (salon, &monday));
  sd_salon_remove_closing_day (salon, &boxing);
  sd_salon_remove_closing_day (salon, &boxing);
  g_assert_false (sd_salon_is_closing_day (salon, &boxing));

  /* Business days: not Saturday, Sunday or a closing day. Monday is one even though this
   * salon is closed on Mondays: the marketplaces count business days, not opening days. */
  g_assert_true (sd_salon_is_business_day (salon, &monday));
  g_assert_false (sd_salon_is_business_day (salon, &saturday));
  g_assert_false (sd_salon_is_business_day (salon, &christmas));
  g_assert_false (sd_salon_is_business_day (salon, &boxing)); /* a Saturday, no longer closed */
}

static void
test_salon_local_date (void)
{
  g_autoptr(SdSalon) salon = sd_salon_new ("S", "Europe/Amsterdam", "EUR");
  GDate date;

  /* 2026-03-28 23:30 UTC is already the 29th in Amsterdam (CET, +1). */
  sd_salon_local_date (salon, 1774740600, &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  /* 2026-03-28 22:59:59 UTC is still the 28th. */
  sd_salon_local_date (salon, 1774738799, &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 28);
  /* 2026-10-24 22:00 UTC is the 25th at 00:00 CEST (+2). */
  sd_salon_local_date (salon, 1792879200, &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 25);
  g_assert_cmpint (g_date_get_month (&date), ==, 10);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_clock (void)
{
  g_autoptr(SdClock) fixed = sd_clock_new_fixed (1000);
  g_autoptr(SdClock) system = sd_clock_new_system ();
  guint notified = 0;
  gint64 now;

  g_assert_true (sd_clock_is_fixed (fixed));
  g_assert_cmpint (sd_clock_get_now (fixed), ==, 1000);
  g_assert_cmpint (sd_clock_get_now (fixed), ==, 1000);

  g_signal_connect (fixed, "notify::now", G_CALLBACK (count_notify), &notified);
  sd_clock_advance (fixed, HOUR);
  g_assert_cmpint (sd_clock_get_now (fixed), ==, 1000 + HOUR);
  sd_clock_set_now (fixed, 5);
  g_assert_cmpint (sd_clock_get_now (fixed), ==, 5);
  g_assert_cmpuint (notified, ==, 2);

  /* The system clock follows real time (after 2025), until it is moved. */
  g_assert_false (sd_clock_is_fixed (system));
  now = sd_clock_get_now (system);
  g_assert_cmpint (now, >, 1735689600);
  sd_clock_advance (system, 2 * HOUR);
  g_assert_true (sd_clock_is_fixed (system));
  g_assert_cmpint (sd_clock_get_now (system), >=, now + 2 * HOUR);
  g_assert_cmpint (sd_clock_get_now (system), <, now + 2 * HOUR + 60);
}

static void
test_appointment_copy (void)
{
  g_autoptr(SdAppointment) a = sd_appointment_new ();
  g_autoptr(SdAppointment) b = NULL;
  SdCancellation cancellation = { SD_PARTY_CLIENT, SD_CANCEL_REASON_ILLNESS, (char *) "flu",
                                  SD_REFUND_CHOICE_FULL, 4500, 1000 };
  const gint64 starts[] = { 10, 20, 30 };
  const gint64 *got;
  guint n;

  /* New appointments are paid at the salon and have nothing set. */
  g_assert_cmpint (sd_appointment_get_payment_mode (a), ==, SD_PAYMENT_AT_SALON);
  g_assert_null (sd_appointment_get_cancellation (a));
  sd_appointment_get_proposed_starts (a, &n);
  g_assert_cmpuint (n, ==, 0);

  sd_appointment_set_client_name (a, "Anna");
  sd_appointment_set_start (a, 3600);
  sd_appointment_set_end (a, 3600 + 45 * 60);
  sd_appointment_set_amount_cents (a, 4500);
  sd_appointment_set_refunded_cents (a, 1000);
  sd_appointment_set_cancellation (a, &cancellation);
  sd_appointment_set_proposed_starts (a, starts, 3);

  b = sd_appointment_copy (a);
  /* A deep copy: changing the original leaves the copy as it was. */
  sd_appointment_set_client_name (a, "Bea");
  sd_appointment_set_cancellation (a, NULL);
  sd_appointment_set_proposed_starts (a, NULL, 0);

  g_assert_cmpstr (sd_appointment_get_client_name (b), ==, "Anna");
  g_assert_cmpint (sd_appointment_get_duration_min (b), ==, 45);
  g_assert_cmpint (sd_appointment_get_refundable_cents (b), ==, 3500);
  g_assert_nonnull (sd_appointment_get_cancellation (b));
  g_assert_cmpstr (sd_appointment_get_cancellation (b)->note, ==, "flu");
  g_assert_cmpint (sd_appointment_get_cancellation (b)->refund_cents, ==, 4500);
  got = sd_appointment_get_proposed_starts (b, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (got[2], ==, 30);
  g_assert_null (sd_appointment_get_cancellation (a));
  sd_appointment_get_proposed_starts (a, &n);
  g_assert_cmpuint (n, ==, 0);

  /* Refunded more than paid: nothing refundable, never negative. */
  sd_appointment_set_refunded_cents (b, 9000);
  g_assert_cmpint (sd_appointment_get_refundable_cents (b), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/model/wire-names", test_wire_names);
  g_test_add_func ("/core/model/labels", test_labels);
  g_test_add_func ("/core/model/active-states", test_active_states);
  g_test_add_func ("/core/model/policy-error-codes", test_policy_error_codes);
  g_test_add_func ("/core/model/salon-defaults", test_salon_defaults);
  g_test_add_func ("/core/model/salon-setters", test_salon_setters);
  g_test_add_func ("/core/model/salon-closing-days", test_salon_closing_days);
  g_test_add_func ("/core/model/salon-local-date", test_salon_local_date);
  g_test_add_func ("/core/model/clock", test_clock);
  g_test_add_func ("/core/model/appointment-copy", test_appointment_copy);

  return g_test_run ();
}

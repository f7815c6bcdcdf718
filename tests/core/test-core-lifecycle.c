/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The whole state x action table, every guard at its boundary, and "disputed is locked". */

#include "config.h"

#include "sd-appointment.h"
#include "sd-lifecycle.h"
#include "sd-policy-error.h"
#include "sd-salon.h"

/* 2026-11-23 09:00:00 UTC, a Monday. */
#define T0 G_GINT64_CONSTANT (1795424400)
#define HOUR 3600
#define MINUTE 60

#define X ((SdState) -1) /* refused */
#define R SD_STATE_REQUESTED
#define C SD_STATE_CONFIRMED
#define P SD_STATE_IN_PROGRESS
#define D SD_STATE_COMPLETED
#define K SD_STATE_CANCELLED
#define L SD_STATE_DECLINED
#define E SD_STATE_EXPIRED
#define N SD_STATE_NO_SHOW
#define Z SD_STATE_DISPUTED

/* What SPEC §1 says, written out again independently of sd-lifecycle.c: the next state
 * for each allowed action. Undo-cancel goes back to confirmed (sd_lifecycle_next_state's
 * documented choice), resolve to the fixture's state_before_dispute (completed). */
static const SdState expected[SD_N_STATES][SD_N_ACTIONS] = {
  /*          acc dec una res can und cin cout nos exp cmp rsv msg */
  /* req */ { C,  L,  R,  X,  K,  X,  X,  X,   X,  E,  X,  X,  R },
  /* con */ { X,  X,  X,  C,  K,  X,  P,  X,   N,  X,  Z,  X,  C },
  /* prg */ { X,  X,  X,  X,  X,  X,  X,  D,   X,  X,  Z,  X,  P },
  /* cmp */ { X,  X,  X,  X,  X,  X,  X,  X,   X,  X,  Z,  X,  D },
  /* can */ { X,  X,  X,  X,  X,  C,  X,  X,   X,  X,  X,  X,  X },
  /* dec */ { X,  X,  X,  X,  X,  X,  X,  X,   X,  X,  X,  X,  X },
  /* exp */ { X,  X,  X,  X,  X,  X,  X,  X,   X,  X,  X,  X,  X },
  /* nos */ { X,  X,  X,  X,  X,  X,  X,  X,   X,  X,  Z,  X,  X },
  /* dis */ { X,  X,  X,  X,  X,  X,  X,  X,   X,  X,  X,  D,  Z },
};

/* A request made at T0, answerable until T0 + 24 h, for an appointment at T0 + 48 h. */
static SdAppointment *
make_appointment (SdState state)
{
  SdAppointment *a = sd_appointment_new ();

  sd_appointment_set_id (a, 1);
  sd_appointment_set_state (a, state);
  sd_appointment_set_created_at (a, T0);
  sd_appointment_set_confirm_by (a, T0 + 24 * HOUR);
  sd_appointment_set_start (a, T0 + 48 * HOUR);
  sd_appointment_set_end (a, T0 + 48 * HOUR + 45 * MINUTE);
  sd_appointment_set_updated_at (a, T0 + 48 * HOUR + 20 * MINUTE);
  sd_appointment_set_state_before_dispute (a, SD_STATE_COMPLETED);
  return a;
}

/* A moment at which every time guard of @action lets it through. */
static gint64
good_now (SdAction action)
{
  switch (action)
    {
    case SD_ACTION_EXPIRE:
      return T0 + 25 * HOUR;
    case SD_ACTION_CHECK_IN:
      return T0 + 48 * HOUR - 5 * MINUTE;
    case SD_ACTION_NO_SHOW:
    case SD_ACTION_OPEN_COMPLAINT:
      return T0 + 48 * HOUR + 30 * MINUTE;
    default:
      return T0 + HOUR;
    }
}

static void
test_table (void)
{
  for (guint s = 0; s < SD_N_STATES; s++)
    for (guint act = 0; act < SD_N_ACTIONS; act++)
      {
        g_autoptr(SdAppointment) a = make_appointment (s);
        g_autoptr(GError) error = NULL;
        SdState want = expected[s][act];
        gboolean ok;

        g_test_message ("%s × %s", sd_state_to_string (s), sd_action_to_string (act));
        ok = sd_lifecycle_check (a, act, NULL, good_now (act), &error);
        g_assert_cmpint (sd_lifecycle_is_allowed (s, act), ==, want != X);

        if (s == SD_STATE_DISPUTED && act != SD_ACTION_MESSAGE
            && act != SD_ACTION_RESOLVE_COMPLAINT)
          {
            g_assert_false (ok);
            g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_LOCKED);
          }
        else if (want == X)
          {
            g_assert_false (ok);
            g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_INVALID_TRANSITION);
            g_assert_cmpint (sd_lifecycle_next_state (a, act), ==, s);
          }
        else
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpint (sd_lifecycle_next_state (a, act), ==, want);
          }
      }
}

static void
test_allowed_actions (void)
{
  SdAction actions[SD_N_ACTIONS];
  guint n;

  n = sd_lifecycle_allowed_actions (SD_STATE_REQUESTED, actions);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpint (actions[0], ==, SD_ACTION_ACCEPT);
  g_assert_cmpint (actions[5], ==, SD_ACTION_MESSAGE);
  g_assert_cmpuint (sd_lifecycle_allowed_actions (SD_STATE_DECLINED, actions), ==, 0);
  g_assert_cmpuint (sd_lifecycle_allowed_actions (SD_STATE_EXPIRED, actions), ==, 0);
  n = sd_lifecycle_allowed_actions (SD_STATE_DISPUTED, actions);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (actions[0], ==, SD_ACTION_RESOLVE_COMPLAINT);
  g_assert_cmpint (actions[1], ==, SD_ACTION_MESSAGE);
}

static void
test_locked_message (void)
{
  g_autoptr(SdAppointment) a = make_appointment (SD_STATE_DISPUTED);
  g_autoptr(GError) error = NULL;

  g_assert_false (sd_lifecycle_check (a, SD_ACTION_CANCEL, NULL, T0, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_LOCKED);
  g_assert_true (g_str_has_prefix (error->message, "Locked: a complaint is open"));
  g_assert_true (sd_lifecycle_check (a, SD_ACTION_MESSAGE, NULL, T0, NULL));
  g_assert_false (sd_lifecycle_action_modifies (SD_ACTION_MESSAGE));
  g_assert_true (sd_lifecycle_action_modifies (SD_ACTION_RESCHEDULE));
}

static void
assert_check (SdAppointment *a, SdAction action, SdSalon *salon, gint64 now, int code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = sd_lifecycle_check (a, action, salon, now, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, SD_POLICY_ERROR, code);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_confirm_deadline (void)
{
  g_autoptr(SdAppointment) a = make_appointment (SD_STATE_REQUESTED);
  gint64 deadline = T0 + 24 * HOUR;

  for (SdAction act = SD_ACTION_ACCEPT; act <= SD_ACTION_UNAVAILABLE; act++)
    {
      assert_check (a, act, NULL, deadline, -1);
      assert_check (a, act, NULL, deadline + 1, SD_POLICY_ERROR_DEADLINE_PASSED);
    }
  assert_check (a, SD_ACTION_EXPIRE, NULL, deadline, SD_POLICY_ERROR_TOO_EARLY);
  assert_check (a, SD_ACTION_EXPIRE, NULL, deadline + 1, -1);
  /* Cancelling by the client and messaging are not answers: no deadline. */
  assert_check (a, SD_ACTION_CANCEL, NULL, deadline + 1, -1);
  assert_check (a, SD_ACTION_MESSAGE, NULL, deadline + 1, -1);
}

static void
test_confirm_deadline_from_salon (void)
{
  g_autoptr(SdAppointment) a = make_appointment (SD_STATE_REQUESTED);
  g_autoptr(SdSalon) salon = sd_salon_new ("Test", "Europe/Amsterdam", "EUR");
  SdSalonSettings settings = *sd_salon_get_settings (salon);

  /* No stored deadline: created_at + the salon's confirm_hours. */
  sd_appointment_set_confirm_by (a, 0);
  settings.confirm_hours = 2;
  sd_salon_set_settings (salon, &settings);
  assert_check (a, SD_ACTION_ACCEPT, salon, T0 + 2 * HOUR, -1);
  assert_check (a, SD_ACTION_ACCEPT, salon, T0 + 2 * HOUR + 1, SD_POLICY_ERROR_DEADLINE_PASSED);
  assert_check (a, SD_ACTION_EXPIRE, salon, T0 + 2 * HOUR + 1, -1);
  /* Without a salon, the spec's 24 h. */
  assert_check (a, SD_ACTION_ACCEPT, NULL, T0 + 24 * HOUR, -1);
  assert_check (a, SD_ACTION_ACCEPT, NULL, T0 + 24 * HOUR + 1, SD_POLICY_ERROR_DEADLINE_PASSED);
}

static void
test_check_in_window (void)
{
  g_autoptr(SdAppointment) a = make_appointment (SD_STATE_CONFIRMED);
  g_autoptr(SdSalon) salon = sd_salon_new ("Test", "Europe/Amsterdam", "EUR");
  SdSalonSettings settings = *sd_salon_get_settings (salon);
  gint64 start = sd_appointment_get_start (a);

  assert_check (a, SD_ACTION_CHECK_IN, NULL, start - 15 * MINUTE, -1);
  assert_check (a, SD_ACTION_CHECK_IN, NULL, start - 15 * MINUTE - 1, SD_POLICY_ERROR_TOO_EARLY);
  assert_check (a, SD_ACTION_CHECK_IN, NULL, start + 2 * HOUR, -1);

  settings.checkin_early_min = 0;
  sd_salon_set_settings (salon, &settings);
  assert_check (a, SD_ACTION_CHECK_IN, salon, start, -1);
  assert_check (a, SD_ACTION_CHECK_IN, salon, start - 1, SD_POLICY_ERROR_TOO_EARLY);
}

static void
test_no_show_grace (void)
{
  g_autoptr(SdAppointment) a = make_appointment (SD_STATE_CONFIRMED);
  gint64 start = sd_appointment_get_start (a);

  assert_check (a, SD_ACTION_NO_SHOW, NULL, start + 15 * MINUTE, -1);
  assert_check (a, SD_ACTION_NO_SHOW, NULL, start + 15 * MINUTE - 1, SD_POLICY_ERROR_TOO_EARLY);
  assert_check (a, SD_ACTION_NO_SHOW, NULL, start - HOUR, SD_POLICY_ERROR_TOO_EARLY);
}

/* The instant the pane shows ("Check-in opens at 14:15") is the one the guard opens at,
 * from the salon's settings. */
static void
test_opens_at (void)
{
  g_autoptr(SdAppointment) a = make_appointment (SD_STATE_CONFIRMED);
  g_autoptr(SdSalon) salon = sd_salon_new ("Test", "Europe/Amsterdam", "EUR");
  SdSalonSettings settings = *sd_salon_get_settings (salon);
  gint64 start = sd_appointment_get_start (a);
  gint64 check_in, no_show;

  g_assert_cmpint (sd_lifecycle_opens_at (a, SD_ACTION_CHECK_IN, NULL), ==, start - 15 * MINUTE);
  g_assert_cmpint (sd_lifecycle_opens_at (a, SD_ACTION_NO_SHOW, NULL), ==, start + 15 * MINUTE);
  g_assert_cmpint (sd_lifecycle_opens_at (a, SD_ACTION_ACCEPT, NULL), ==, 0);

  settings.checkin_early_min = 30;
  settings.no_show_grace_min = 5;
  sd_salon_set_settings (salon, &settings);
  check_in = sd_lifecycle_opens_at (a, SD_ACTION_CHECK_IN, salon);
  no_show = sd_lifecycle_opens_at (a, SD_ACTION_NO_SHOW, salon);
  g_assert_cmpint (check_in, ==, start - 30 * MINUTE);
  g_assert_cmpint (no_show, ==, start + 5 * MINUTE);
  assert_check (a, SD_ACTION_CHECK_IN, salon, check_in, -1);
  assert_check (a, SD_ACTION_CHECK_IN, salon, check_in - 1, SD_POLICY_ERROR_TOO_EARLY);
  assert_check (a, SD_ACTION_NO_SHOW, salon, no_show, -1);
  assert_check (a, SD_ACTION_NO_SHOW, salon, no_show - 1, SD_POLICY_ERROR_TOO_EARLY);
}

static void
test_contest_window (void)
{
  g_autoptr(SdAppointment) a = make_appointment (SD_STATE_NO_SHOW);
  gint64 marked = T0 + 50 * HOUR;

  sd_appointment_set_updated_at (a, marked);
  assert_check (a, SD_ACTION_OPEN_COMPLAINT, NULL, marked + 24 * HOUR, -1);
  assert_check (a, SD_ACTION_OPEN_COMPLAINT, NULL, marked + 24 * HOUR + 1,
                SD_POLICY_ERROR_DEADLINE_PASSED);

  /* Not recorded: counted from the earliest moment it could have been marked. */
  sd_appointment_set_updated_at (a, 0);
  marked = sd_appointment_get_start (a) + 15 * MINUTE;
  assert_check (a, SD_ACTION_OPEN_COMPLAINT, NULL, marked + 24 * HOUR, -1);
  assert_check (a, SD_ACTION_OPEN_COMPLAINT, NULL, marked + 24 * HOUR + 1,
                SD_POLICY_ERROR_DEADLINE_PASSED);

  /* On a completed appointment there is no such window. */
  g_clear_object (&a);
  a = make_appointment (SD_STATE_COMPLETED);
  assert_check (a, SD_ACTION_OPEN_COMPLAINT, NULL, T0 + 400 * HOUR, -1);
}

static void
test_reschedule (void)
{
  g_autoptr(SdAppointment) a = make_appointment (SD_STATE_CONFIRMED);
  gint64 start = sd_appointment_get_start (a);
  g_autoptr(GError) error = NULL;

  assert_check (a, SD_ACTION_RESCHEDULE, NULL, start - 1, -1);
  assert_check (a, SD_ACTION_RESCHEDULE, NULL, start, SD_POLICY_ERROR_INVALID_TRANSITION);

  g_assert_true (sd_lifecycle_check_reschedule (T0, T0 + HOUR, T0, NULL));
  g_assert_false (sd_lifecycle_check_reschedule (T0 - 1, T0 + HOUR, T0, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (sd_lifecycle_check_reschedule (T0 + HOUR, T0 + HOUR, T0, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
}

static void
test_cancel_request_by_party (void)
{
  g_autoptr(SdAppointment) request = make_appointment (SD_STATE_REQUESTED);
  g_autoptr(SdAppointment) confirmed = make_appointment (SD_STATE_CONFIRMED);
  g_autoptr(SdAppointment) disputed = make_appointment (SD_STATE_DISPUTED);
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_lifecycle_check_by (request, SD_ACTION_CANCEL, SD_PARTY_CLIENT, NULL,
                                        T0 + HOUR, NULL));
  g_assert_false (sd_lifecycle_check_by (request, SD_ACTION_CANCEL, SD_PARTY_SALON, NULL,
                                         T0 + HOUR, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_true (sd_lifecycle_check_by (confirmed, SD_ACTION_CANCEL, SD_PARTY_SALON, NULL,
                                        T0 + HOUR, NULL));
  g_assert_true (sd_lifecycle_check_by (confirmed, SD_ACTION_CANCEL, SD_PARTY_CLIENT, NULL,
                                        T0 + HOUR, NULL));
  g_assert_false (sd_lifecycle_check_by (disputed, SD_ACTION_CANCEL, SD_PARTY_CLIENT, NULL,
                                         T0 + HOUR, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_LOCKED);
}

static void
test_next_state_going_back (void)
{
  g_autoptr(SdAppointment) a = make_appointment (SD_STATE_DISPUTED);

  sd_appointment_set_state_before_dispute (a, SD_STATE_NO_SHOW);
  g_assert_cmpint (sd_lifecycle_next_state (a, SD_ACTION_RESOLVE_COMPLAINT), ==,
                   SD_STATE_NO_SHOW);
  sd_appointment_set_state (a, SD_STATE_CANCELLED);
  g_assert_cmpint (sd_lifecycle_next_state (a, SD_ACTION_UNDO_CANCEL), ==, SD_STATE_CONFIRMED);

  g_assert_cmpint (sd_lifecycle_next (SD_STATE_CANCELLED, SD_ACTION_UNDO_CANCEL,
                                      SD_STATE_REQUESTED), ==, SD_STATE_REQUESTED);
  g_assert_cmpint (sd_lifecycle_next (SD_STATE_DISPUTED, SD_ACTION_RESOLVE_COMPLAINT,
                                      SD_STATE_IN_PROGRESS), ==, SD_STATE_IN_PROGRESS);
  g_assert_cmpint (sd_lifecycle_next (SD_STATE_REQUESTED, SD_ACTION_UNAVAILABLE,
                                      SD_STATE_CONFIRMED), ==, SD_STATE_REQUESTED);
  /* Refused: the state does not move. */
  g_assert_cmpint (sd_lifecycle_next (SD_STATE_EXPIRED, SD_ACTION_ACCEPT, SD_STATE_CONFIRMED),
                   ==, SD_STATE_EXPIRED);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lifecycle/table", test_table);
  g_test_add_func ("/core/lifecycle/allowed-actions", test_allowed_actions);
  g_test_add_func ("/core/lifecycle/locked-message", test_locked_message);
  g_test_add_func ("/core/lifecycle/confirm-deadline", test_confirm_deadline);
  g_test_add_func ("/core/lifecycle/confirm-deadline-from-salon", test_confirm_deadline_from_salon);
  g_test_add_func ("/core/lifecycle/check-in-window", test_check_in_window);
  g_test_add_func ("/core/lifecycle/no-show-grace", test_no_show_grace);
  g_test_add_func ("/core/lifecycle/opens-at", test_opens_at);
  g_test_add_func ("/core/lifecycle/contest-window", test_contest_window);
  g_test_add_func ("/core/lifecycle/reschedule", test_reschedule);
  g_test_add_func ("/core/lifecycle/cancel-request-by-party", test_cancel_request_by_party);
  g_test_add_func ("/core/lifecycle/next-state-going-back", test_next_state_going_back);

  return g_test_run ();
}

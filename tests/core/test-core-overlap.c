/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Double booking: one staff member, one active appointment at a time. */

#include "config.h"

#include "sd-appointment.h"
#include "sd-overlap.h"
#include "sd-policy-error.h"

/* 2026-11-23 13:00 UTC (14:00 in Amsterdam). */
#define T G_GINT64_CONSTANT (1795438800)
#define MINUTE 60

static SdAppointment *
make (gint64 id, gint64 staff, gint64 start, int minutes, SdState state, const char *client)
{
  SdAppointment *a = sd_appointment_new ();

  sd_appointment_set_id (a, id);
  sd_appointment_set_staff_id (a, staff);
  sd_appointment_set_start (a, start);
  sd_appointment_set_end (a, start + minutes * MINUTE);
  sd_appointment_set_state (a, state);
  sd_appointment_set_client_name (a, client);
  return a;
}

static GPtrArray *
list (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
test_touching (void)
{
  g_autoptr(SdAppointment) candidate = make (0, 1, T, 45, SD_STATE_REQUESTED, "New");
  g_autoptr(GPtrArray) others = list ();
  SdAppointment *conflict = candidate;

  /* Ending exactly when the candidate starts, and starting exactly when it ends. */
  g_ptr_array_add (others, make (2, 1, T - 30 * MINUTE, 30, SD_STATE_CONFIRMED, "Before"));
  g_ptr_array_add (others, make (3, 1, T + 45 * MINUTE, 30, SD_STATE_CONFIRMED, "After"));
  g_assert_true (sd_overlap_check (candidate, others, FALSE, &conflict, NULL));
  g_assert_null (conflict);

  /* One second more on either side is a double booking. */
  sd_appointment_set_end (g_ptr_array_index (others, 0), T + 1);
  g_assert_false (sd_overlap_check (candidate, others, FALSE, &conflict, NULL));
  g_assert_true (conflict == g_ptr_array_index (others, 0));
}

static void
test_states (void)
{
  for (SdState s = 0; s < SD_N_STATES; s++)
    {
      g_autoptr(SdAppointment) candidate = make (0, 1, T, 45, SD_STATE_CONFIRMED, "New");
      g_autoptr(GPtrArray) others = list ();
      g_autoptr(GError) error = NULL;
      gboolean holds = s == SD_STATE_REQUESTED || s == SD_STATE_CONFIRMED
                       || s == SD_STATE_IN_PROGRESS || s == SD_STATE_COMPLETED
                       || s == SD_STATE_DISPUTED;

      /* A request holds its slot; cancelled, declined, expired, no-show free it. */
      g_test_message ("%s", sd_state_to_string (s));
      g_ptr_array_add (others, make (2, 1, T + 15 * MINUTE, 30, s, "Other"));
      g_assert_cmpint (sd_overlap_check (candidate, others, FALSE, NULL, &error), ==, !holds);
      if (holds)
        g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_OVERLAP);
      else
        g_assert_no_error (error);
    }
}

static void
test_ignored (void)
{
  g_autoptr(SdAppointment) candidate = make (7, 1, T, 45, SD_STATE_CONFIRMED, "Self");
  g_autoptr(GPtrArray) others = list ();

  /* Another staff member's appointment, and the candidate's own stored row (a reschedule). */
  g_ptr_array_add (others, make (2, 2, T, 45, SD_STATE_CONFIRMED, "Other staff"));
  g_ptr_array_add (others, make (7, 1, T - 10 * MINUTE, 45, SD_STATE_CONFIRMED, "Self"));
  g_ptr_array_add (others, g_object_ref (candidate));
  g_assert_true (sd_overlap_check (candidate, others, FALSE, NULL, NULL));
  g_assert_true (sd_overlap_check (candidate, NULL, FALSE, NULL, NULL));

  /* A new appointment (id 0) is not the same as another unsaved one. */
  sd_appointment_set_id (candidate, 0);
  g_ptr_array_add (others, make (0, 1, T + 10 * MINUTE, 10, SD_STATE_REQUESTED, "Unsaved"));
  g_assert_false (sd_overlap_check (candidate, others, FALSE, NULL, NULL));
}

static void
test_allow_and_message (void)
{
  g_autoptr(SdAppointment) candidate = make (0, 1, T, 60, SD_STATE_CONFIRMED, "New");
  g_autoptr(GPtrArray) others = list ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr(GError) error = NULL;
  SdAppointment *conflict = NULL;

  g_ptr_array_add (others, make (3, 1, T + 30 * MINUTE, 45, SD_STATE_CONFIRMED, "Later Client"));
  g_ptr_array_add (others, make (2, 1, T - 15 * MINUTE, 30, SD_STATE_REQUESTED, "Anna de Vries"));

  /* The user chose to double-book. */
  g_assert_true (sd_overlap_check (candidate, others, TRUE, &conflict, NULL));
  g_assert_null (conflict);

  /* The earliest conflict is reported, in the salon's time. */
  g_assert_false (sd_overlap_check_in_zone (candidate, others, FALSE, tz, &conflict, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_OVERLAP);
  g_assert_true (conflict == g_ptr_array_index (others, 1));
  g_assert_cmpstr (error->message, ==,
                   "Double booking: this staff member already has an appointment on "
                   "2026-11-23 13:45–14:15 with Anna de Vries.");
  g_clear_error (&error);

  g_assert_false (sd_overlap_check (candidate, others, FALSE, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Double booking: this staff member already has an appointment on "
                   "2026-11-23 12:45–13:15 UTC with Anna de Vries.");
}

/* The count the inbox flags with: every conflict, the earliest first, by the same rule. */
static void
test_count (void)
{
  g_autoptr(SdAppointment) candidate = make (7, 1, T, 90, SD_STATE_REQUESTED, "New");
  g_autoptr(GPtrArray) others = list ();
  SdAppointment *first = candidate;

  g_assert_cmpuint (sd_overlap_count (candidate, NULL, &first), ==, 0);
  g_assert_null (first);
  g_ptr_array_add (others, make (1, 1, T + 60 * MINUTE, 30, SD_STATE_CONFIRMED, "Later"));
  g_ptr_array_add (others, make (2, 1, T - 15 * MINUTE, 30, SD_STATE_REQUESTED, "Earlier"));
  g_ptr_array_add (others, make (3, 1, T + 90 * MINUTE, 30, SD_STATE_CONFIRMED, "After"));
  g_ptr_array_add (others, make (4, 2, T, 30, SD_STATE_CONFIRMED, "Other staff"));
  g_ptr_array_add (others, make (5, 1, T, 30, SD_STATE_CANCELLED, "Freed"));
  g_ptr_array_add (others, make (7, 1, T, 90, SD_STATE_REQUESTED, "Itself"));
  g_assert_cmpuint (sd_overlap_count (candidate, others, &first), ==, 2);
  g_assert_cmpstr (sd_appointment_get_client_name (first), ==, "Earlier");
  g_assert_cmpuint (sd_overlap_count (candidate, others, NULL), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/overlap/touching", test_touching);
  g_test_add_func ("/core/overlap/states", test_states);
  g_test_add_func ("/core/overlap/ignored", test_ignored);
  g_test_add_func ("/core/overlap/allow-and-message", test_allow_and_message);
  g_test_add_func ("/core/overlap/count", test_count);

  return g_test_run ();
}

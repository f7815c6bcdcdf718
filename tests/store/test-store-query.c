/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading: time ranges at their boundaries (half-open), by staff and state, through an
 * index; search by partial name, phone and e-mail; the inbox by urgency; the clock's
 * deadlines at the deadline and one second past it. */

#include "config.h"

#include "store-fixture.h"

static GPtrArray *
query (Fixture *f, gint64 from, gint64 to, gint64 staff, int state)
{
  g_autoptr(GError) error = NULL;
  SdQuery q;
  GPtrArray *list;

  sd_query_init (&q, from, to);
  q.staff_id = staff;
  q.state = state;
  list = sd_store_list_appointments (f->store, &q, &error);
  g_assert_no_error (error);
  return list;
}

static guint
count_in (Fixture *f, gint64 from, gint64 to)
{
  g_autoptr(GPtrArray) list = query (f, from, to, 0, -1);
  return list->len;
}

static void
test_boundaries (Fixture *f, gconstpointer data)
{
  gint64 start = fixture_at (f, 24, 10, 0), end = fixture_at (f, 24, 10, 30);
  g_autoptr(SdAppointment) a = fixture_book (f, start, f->staff[0], f->cut, SD_STATE_CONFIRMED,
                                             SD_PAYMENT_AT_SALON, "Anna Rossi");

  g_assert_cmpuint (count_in (f, end, end + 3600), ==, 0);        /* starts when it ends */
  g_assert_cmpuint (count_in (f, start - 3600, start), ==, 0);    /* ends when it starts */
  g_assert_cmpuint (count_in (f, end - 1, end + 3600), ==, 1);    /* its last second */
  g_assert_cmpuint (count_in (f, start - 3600, start + 1), ==, 1); /* its first second */
  g_assert_cmpuint (count_in (f, start + 60, start + 120), ==, 1); /* inside it */
  g_assert_cmpuint (count_in (f, start, start), ==, 0);            /* an empty range */
}

static void
test_long_appointment (Fixture *f, gconstpointer data)
{
  /* The longest an appointment can be: the range query must still find it from its end. */
  gint64 start = fixture_at (f, 24, 7, 0);
  g_autoptr(SdAppointment) a = fixture_book (f, start, f->staff[0], f->long_one,
                                             SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Bride");

  g_assert_cmpint (sd_appointment_get_end (a) - start, ==, 12 * 3600);
  g_assert_cmpuint (count_in (f, start + 12 * 3600 - 1, start + 13 * 3600), ==, 1);
  g_assert_cmpuint (count_in (f, start + 12 * 3600, start + 13 * 3600), ==, 0);
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  gint64 day = fixture_at (f, 24, 0, 0), next = fixture_at (f, 25, 0, 0);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) sanne = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(GError) error = NULL;
  SdQuery q;

  for (int h = 9; h < 13; h++)
    for (guint s = 0; s < 3; s++)
      {
        g_autoptr(SdAppointment) a = fixture_book (f, fixture_at (f, 24, h, 0), f->staff[s], f->cut,
                                                   h == 12 ? SD_STATE_REQUESTED : SD_STATE_CONFIRMED,
                                                   SD_PAYMENT_AT_SALON, "Client");
      }
  /* The next day does not leak in. */
  g_object_unref (fixture_book (f, fixture_at (f, 25, 9, 0), f->staff[1], f->cut,
                                SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Tomorrow"));

  all = query (f, day, next, 0, -1);
  g_assert_cmpuint (all->len, ==, 12);
  /* Ordered by start, then staff. */
  for (guint i = 1; i < all->len; i++)
    {
      SdAppointment *p = g_ptr_array_index (all, i - 1), *a = g_ptr_array_index (all, i);
      g_assert_true (sd_appointment_get_start (p) < sd_appointment_get_start (a) ||
                     (sd_appointment_get_start (p) == sd_appointment_get_start (a) &&
                      sd_appointment_get_staff_id (p) < sd_appointment_get_staff_id (a)));
    }
  /* Names come with the appointment. */
  g_assert_cmpstr (sd_appointment_get_staff_name (g_ptr_array_index (all, 0)), ==, "Giulia");
  g_assert_cmpstr (sd_appointment_get_service_name (g_ptr_array_index (all, 0)), ==, "Cut");
  g_assert_cmpstr (sd_appointment_get_client_name (g_ptr_array_index (all, 0)), ==, "Client");
  g_assert_cmpstr (sd_appointment_get_currency (g_ptr_array_index (all, 0)), ==, "EUR");

  sanne = query (f, day, next, f->staff[1], -1);
  g_assert_cmpuint (sanne->len, ==, 4);
  for (guint i = 0; i < sanne->len; i++)
    g_assert_cmpint (sd_appointment_get_staff_id (g_ptr_array_index (sanne, i)), ==, f->staff[1]);
  requests = query (f, day, next, 0, SD_STATE_REQUESTED);
  g_assert_cmpuint (requests->len, ==, 3);

  sd_query_init (&q, day, next);
  q.limit = 5;
  limited = sd_store_list_appointments (f->store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limited->len, ==, 5);
}

/* The plan of the query that sd_store_list_appointments() runs, as one string. */
static char *
plan_of (Fixture *f, gboolean by_staff)
{
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN " SD_APPOINTMENT_SELECT
                                      "WHERE a.start >= ?1 AND a.start < ?2 AND a.end > ?3",
                                      by_staff ? " AND a.staff_id = ?4" : "",
                                      " ORDER BY a.start, a.staff_id, a.id", NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

static void
test_query_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SdDemoOptions options;

  sd_demo_options_init (&options);
  options.n_appointments = 5000;
  g_assert_true (sd_store_fill_demo (f->store, &options, &error));

  /* Without statistics (a fresh file) and with them (after ANALYZE). */
  for (int pass = 0; pass < 2; pass++)
    {
      g_autofree char *week = plan_of (f, FALSE);
      g_autofree char *staff = plan_of (f, TRUE);

      g_test_message ("plan: %s", week);
      g_assert_nonnull (strstr (week, "SEARCH a USING INDEX appointments_start (start>? AND start<?)"));
      g_assert_null (strstr (week, "SCAN a"));
      g_test_message ("plan by staff: %s", staff);
      g_assert_nonnull (strstr (staff, "SEARCH a USING INDEX appointments_staff_start"
                                       " (staff_id=? AND start>? AND start<?)"));
      g_assert_null (strstr (staff, "SCAN a"));
      g_assert_cmpint (sqlite3_exec (f->store->db, "ANALYZE", NULL, NULL, NULL), ==, SQLITE_OK);
    }
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(SdAppointment) old = NULL;
  g_autoptr(SdAppointment) recent = NULL;
  SdNewAppointment spec;
  struct { const char *text; guint hits; } cases[] = {
    { "ann ross", 2 }, { "ROSSI", 2 }, { "rossi anna", 2 }, { "anna.rossi@exa", 2 },
    { "3331234567", 2 }, { "333 123", 2 }, { "1234567", 2 }, { "+39 333 1234567", 2 },
    { "lucia", 1 }, { "García", 1 }, { "gar", 1 }, { "nobody", 0 }, { "   ", 0 },
    { "\"*(", 0 }, { "ross \"OR", 0 },
  };

  sd_new_appointment_init (&spec);
  spec.staff_id = f->staff[0];
  spec.service_id = f->cut;
  spec.client_name = "Anna Rossi";
  spec.client_phone = "+39 333 1234567";
  spec.client_email = "anna.rossi@example.com";
  spec.start = fixture_at (f, 24, 10, 0);
  old = sd_store_create_appointment (f->store, &spec, &error);
  g_assert_no_error (error);
  spec.start = fixture_at (f, 27, 10, 0);
  recent = sd_store_create_appointment (f->store, &spec, &error);
  g_assert_no_error (error);
  /* The same e-mail is the same client. */
  g_assert_cmpint (sd_appointment_get_client_id (old), ==, sd_appointment_get_client_id (recent));
  g_object_unref (fixture_book (f, fixture_at (f, 24, 12, 0), f->staff[1], f->cut,
                                SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Lucía García"));
  g_object_unref (fixture_book (f, fixture_at (f, 24, 13, 0), f->staff[1], f->cut,
                                SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Daan Jansen"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) list = sd_store_search (f->store, cases[i].text, 20, &error);

      g_assert_no_error (error);
      if (list->len != cases[i].hits)
        g_error ("search “%s”: %u hits, expected %u", cases[i].text, list->len, cases[i].hits);
    }

  /* Most recent first, and the limit holds. */
  hits = sd_store_search (f->store, "rossi", 1, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (sd_appointment_get_id (g_ptr_array_index (hits, 0)), ==,
                   sd_appointment_get_id (recent));
}

static void
store_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  SdQuery q;

  g_object_unref (fixture_book (f, fixture_at (f, 24, 10, 0), f->staff[0], f->cut,
                                SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Anna Rossi"));
  g_object_unref (fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                SD_STATE_REQUESTED, SD_PAYMENT_AT_SALON, "Daan Jansen"));

  sd_query_init (&q, fixture_at (f, 24, 0, 0), fixture_at (f, 25, 0, 0));
  sd_store_list_appointments_async (f->store, &q, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  list = sd_store_list_appointments_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_object (&result);
  g_clear_pointer (&list, g_ptr_array_unref);

  sd_store_search_async (f->store, "dAAn", 10, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  list = sd_store_search_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_object (&result);
  g_clear_pointer (&list, g_ptr_array_unref);

  sd_store_list_inbox_async (f->store, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  list = sd_store_list_inbox_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_object (&result);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A cancelled request reports G_IO_ERROR_CANCELLED. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    sd_store_list_appointments_async (f->store, &q, cancellable, store_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    list = sd_store_list_appointments_finish (f->store, result, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (list);
  }
}

static void
test_inbox_and_deadlines (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) first = NULL;
  g_autoptr(SdAppointment) second = NULL;
  g_autoptr(SdAppointment) done = NULL;
  g_autoptr(GPtrArray) inbox = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdComplaint) cm = NULL;
  g_autoptr(SdAppointment) expired = NULL;
  gint64 t0 = f->now, complaint_deadline;
  gint64 outbox;
  SdActionRequest r;

  /* A request at 10:00 (due 10:00 tomorrow), a complaint at 12:00 (due 12:00 tomorrow), a
   * request at 14:00 (due 14:00 tomorrow): the inbox lists them in that order. */
  first = fixture_book (f, fixture_at (f, 26, 10, 0), f->staff[0], f->cut, SD_STATE_REQUESTED,
                        SD_PAYMENT_PREPAID, "First Request");
  sd_clock_set_now (f->clock, t0 - 3 * 3600);
  done = fixture_book (f, t0 - 2 * 3600, f->staff[1], f->cut, SD_STATE_CONFIRMED,
                       SD_PAYMENT_PREPAID, "Complaining Client");
  sd_clock_set_now (f->clock, t0 - 2 * 3600);
  sd_action_request_init (&r, SD_ACTION_CHECK_IN);
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (done), &r, &error));
  g_assert_no_error (error);
  sd_action_request_init (&r, SD_ACTION_CHECK_OUT);
  sd_clock_set_now (f->clock, t0 - 3600);
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (done), &r, &error));
  g_assert_no_error (error);
  sd_clock_set_now (f->clock, t0 + 2 * 3600);
  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.by = SD_PARTY_CLIENT;
  r.text = "Too short";
  g_object_unref (sd_store_perform (f->store, sd_appointment_get_id (done), &r, &error));
  g_assert_no_error (error);
  complaint_deadline = t0 + 26 * 3600;
  sd_clock_set_now (f->clock, t0 + 4 * 3600);
  second = fixture_book (f, fixture_at (f, 26, 11, 0), f->staff[0], f->cut, SD_STATE_REQUESTED,
                         SD_PAYMENT_PREPAID, "Second Request");

  inbox = sd_store_list_inbox (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inbox->len, ==, 3);
  g_assert_cmpint (sd_inbox_item_get_kind (g_ptr_array_index (inbox, 0)), ==, SD_INBOX_REQUEST);
  g_assert_cmpstr (sd_inbox_item_get_client_name (g_ptr_array_index (inbox, 0)), ==, "First Request");
  g_assert_cmpint (sd_inbox_item_get_deadline (g_ptr_array_index (inbox, 0)), ==, t0 + 24 * 3600);
  g_assert_cmpint (sd_inbox_item_get_kind (g_ptr_array_index (inbox, 1)), ==, SD_INBOX_COMPLAINT);
  g_assert_cmpint (sd_inbox_item_get_deadline (g_ptr_array_index (inbox, 1)), ==, complaint_deadline);
  g_assert_cmpint (sd_inbox_item_get_complaint_id (g_ptr_array_index (inbox, 1)), !=, 0);
  g_assert_cmpint (sd_inbox_item_get_state (g_ptr_array_index (inbox, 1)), ==, SD_STATE_DISPUTED);
  g_assert_cmpstr (sd_inbox_item_get_client_name (g_ptr_array_index (inbox, 2)), ==, "Second Request");

  /* At the first deadline nothing expires; one second later the first request does. */
  outbox = fixture_count (f, "SELECT count(*) FROM outbox");
  sd_clock_set_now (f->clock, t0 + 24 * 3600);
  g_assert_cmpuint (sd_store_apply_deadlines (f->store, &error), ==, 0);
  g_assert_no_error (error);
  sd_clock_set_now (f->clock, t0 + 24 * 3600 + 1);
  g_assert_cmpuint (sd_store_apply_deadlines (f->store, &error), ==, 1);
  g_assert_no_error (error);
  expired = sd_store_get_appointment (f->store, sd_appointment_get_id (first), NULL);
  g_assert_cmpint (sd_appointment_get_state (expired), ==, SD_STATE_EXPIRED);
  /* The marketplace expires requests itself: nothing to send. */
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM outbox"), ==, outbox);
  {
    g_autoptr(GPtrArray) history = sd_store_list_history (f->store, sd_appointment_get_id (first),
                                                          NULL);
    SdHistoryEntry *h = g_ptr_array_index (history, history->len - 1);
    g_assert_cmpstr (sd_history_entry_get_event (h), ==, "expire");
    g_assert_cmpint (sd_history_entry_get_by (h), ==, SD_PARTY_SYSTEM);
  }

  /* The complaint: at its deadline still awaiting, one second later missed. */
  sd_clock_set_now (f->clock, complaint_deadline);
  g_assert_cmpuint (sd_store_apply_deadlines (f->store, &error), ==, 0);
  sd_clock_set_now (f->clock, complaint_deadline + 1);
  g_assert_cmpuint (sd_store_apply_deadlines (f->store, &error), ==, 1);
  {
    g_autoptr(SdAppointment) d = sd_store_get_appointment (f->store, sd_appointment_get_id (done),
                                                           NULL);
    cm = sd_store_get_complaint (f->store, sd_appointment_get_complaint_id (d), NULL);
    g_assert_cmpint (sd_complaint_get_status (cm), ==, SD_COMPLAINT_MISSED);
  }
  g_clear_pointer (&inbox, g_ptr_array_unref);
  inbox = sd_store_list_inbox (f->store, &error);
  g_assert_cmpuint (inbox->len, ==, 1);
}

/* Within opening hours on @day (local date), and the day's range is what its clock says. */
static void
assert_day_in_hours (Fixture *f, int year, int month, int day, gint64 day_length)
{
  gint64 midnight = sd_time_from_local (f->tz, year, month, day, 0, 0);
  gint64 next = sd_time_add_days (midnight, f->tz, 1);
  gint64 open = sd_time_from_local (f->tz, year, month, day, 9, 0);
  gint64 close = sd_time_from_local (f->tz, year, month, day, 19, 0);
  g_autoptr(GPtrArray) list = query (f, midnight, next, 0, -1);

  g_assert_cmpint (next - midnight, ==, day_length);
  g_assert_cmpuint (list->len, >, 0);
  for (guint i = 0; i < list->len; i++)
    {
      SdAppointment *a = g_ptr_array_index (list, i);

      g_assert_cmpint (sd_appointment_get_start (a), >=, open);
      g_assert_cmpint (sd_appointment_get_end (a), <=, close);
    }
}

static void
test_dst_days (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SdDemoOptions options;
  gint64 spring = sd_time_from_local (f->tz, 2026, 3, 29, 0, 0);
  gint64 autumn = sd_time_from_local (f->tz, 2026, 10, 25, 0, 0);

  sd_clock_set_now (f->clock, sd_time_from_local (f->tz, 2026, 3, 1, 10, 0));

  /* The day of the spring change has 23 hours: a booking ending at its midnight is in
   * it, one starting at the next midnight is not. */
  g_object_unref (fixture_book (f, sd_time_from_local (f->tz, 2026, 3, 29, 23, 30), f->staff[0],
                                f->cut, SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Late"));
  g_object_unref (fixture_book (f, sd_time_from_local (f->tz, 2026, 3, 30, 0, 0), f->staff[0],
                                f->cut, SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Next day"));
  g_object_unref (fixture_book (f, sd_time_from_local (f->tz, 2026, 3, 28, 23, 0), f->staff[0],
                                f->cut, SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Day before"));
  g_assert_cmpuint (count_in (f, spring, sd_time_add_days (spring, f->tz, 1)), ==, 1);
  /* The autumn day has 25: 02:30 happens twice, the booking takes the first. */
  g_object_unref (fixture_book (f, sd_time_from_local (f->tz, 2026, 10, 25, 2, 30), f->staff[1],
                                f->cut, SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Twice"));
  g_object_unref (fixture_book (f, sd_time_from_local (f->tz, 2026, 10, 25, 23, 30), f->staff[1],
                                f->cut, SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Late"));
  g_assert_cmpuint (count_in (f, autumn, sd_time_add_days (autumn, f->tz, 1)), ==, 2);

  /* Demo data keeps to the local opening hours on both days. */
  g_assert_cmpint (sqlite3_exec (f->store->db, "DELETE FROM history; DELETE FROM outbox;"
                                 " DELETE FROM appointments", NULL, NULL, NULL), ==, SQLITE_OK);
  sd_demo_options_init (&options);
  options.n_appointments = 1500;
  options.from = sd_time_from_local (f->tz, 2026, 3, 23, 0, 0);
  options.to = sd_time_from_local (f->tz, 2026, 4, 6, 0, 0);
  g_assert_true (sd_store_fill_demo (f->store, &options, &error));
  g_assert_no_error (error);
  options.from = sd_time_from_local (f->tz, 2026, 10, 19, 0, 0);
  options.to = sd_time_from_local (f->tz, 2026, 11, 2, 0, 0);
  g_assert_true (sd_store_fill_demo (f->store, &options, &error));
  g_assert_no_error (error);
  assert_day_in_hours (f, 2026, 3, 29, 23 * 3600);
  assert_day_in_hours (f, 2026, 10, 25, 25 * 3600);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/query/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("boundaries", test_boundaries);
  ADD ("long-appointment", test_long_appointment);
  ADD ("dst-days", test_dst_days);
  ADD ("filters", test_filters);
  ADD ("query-plan", test_query_plan);
  ADD ("search", test_search);
  ADD ("async", test_async);
  ADD ("inbox-and-deadlines", test_inbox_and_deadlines);
#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* New booking requests are announced once, only those the marketplace sent, never the past
 * at a first start; reminders come once per item and deadline, from reminder_minutes
 * before it until it passes, and never for what was answered or expired. The clock is
 * fixed: Monday 23 November 2026 10:00 in Amsterdam. */

#include "config.h"

#include "sd-store-notices.h"
#include "store-fixture.h"
#include "store-pull.h"

static GPtrArray *
new_requests (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = sd_store_list_new_requests (f->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static guint
count_new_requests (Fixture *f)
{
  g_autoptr (GPtrArray) list = new_requests (f);

  return list->len;
}

static void
announce_all (Fixture *f)
{
  g_autoptr (GPtrArray) list = new_requests (f);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < list->len; i++)
    g_assert_true (sd_store_mark_request_announced (f->store, g_ptr_array_index (list, i),
                                                    &error));
  g_assert_no_error (error);
}

static GPtrArray *
due (Fixture *f, gint64 at)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list;

  sd_clock_set_now (f->clock, at);
  list = sd_store_list_due_reminders (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static guint
count_due (Fixture *f, gint64 at)
{
  g_autoptr (GPtrArray) list = due (f, at);

  return list->len;
}

static void
remind_all (Fixture *f, gint64 at)
{
  g_autoptr (GPtrArray) list = due (f, at);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < list->len; i++)
    g_assert_true (sd_store_mark_reminded (f->store, g_ptr_array_index (list, i), &error));
  g_assert_no_error (error);
}

/* A pulled request of @client at 14:30 on Tuesday 24th, created now, to answer in 24 h. */
static gint64
pull (Fixture *f, const char *remote_id, const char *client)
{
  return store_pull_request (f->store, remote_id, 1, "Giulia", client, fixture_at (f, 24, 14, 30),
                             f->now, f->now + 24 * 3600);
}

static void
test_new_requests (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (SdAppointment) own = NULL;
  SdInboxItem *item;
  gint64 anna, bea, carla;

  /* Arrived before the desk ever looked: the past, not news. */
  pull (f, "apt_old", "Olga Petrova");
  g_assert_cmpuint (count_new_requests (f), ==, 0);

  anna = pull (f, "apt_anna", "Anna Rossi");
  list = new_requests (f);
  g_assert_cmpuint (list->len, ==, 1);
  item = g_ptr_array_index (list, 0);
  g_assert_cmpint (sd_inbox_item_get_appointment_id (item), ==, anna);
  g_assert_cmpstr (sd_inbox_item_get_client_name (item), ==, "Anna Rossi");
  g_assert_cmpstr (sd_inbox_item_get_service_name (item), ==, "Cut & blow-dry");
  g_assert_cmpstr (sd_inbox_item_get_staff_name (item), ==, "Giulia");
  g_assert_cmpint (sd_inbox_item_get_start (item), ==, fixture_at (f, 24, 14, 30));
  g_assert_cmpint (sd_inbox_item_get_deadline (item), ==, f->now + 24 * 3600);
  /* Listing alone announces nothing: a notice that could not be sent comes again. */
  g_assert_cmpuint (count_new_requests (f), ==, 1);
  announce_all (f);
  g_assert_cmpuint (count_new_requests (f), ==, 0);
  /* The mark survives reopening the database. */
  fixture_reopen (f);
  g_assert_cmpuint (count_new_requests (f), ==, 0);

  /* A request the desk entered itself is no news. */
  own = fixture_book (f, fixture_at (f, 25, 11, 0), f->staff[1], f->cut, SD_STATE_REQUESTED,
                      SD_PAYMENT_AT_SALON, "Walk-in Wanda");
  g_assert_cmpuint (count_new_requests (f), ==, 0);

  /* Several in one pass: listed in the order they arrived, although the later one was
   * created earlier on the marketplace. */
  carla = pull (f, "apt_carla", "Carla Bruni");
  bea = store_pull_request (f->store, "apt_bea", 1, "Sanne", "Bea Visser",
                            fixture_at (f, 26, 9, 0), f->now - 3600, f->now + 23 * 3600);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = new_requests (f);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (sd_inbox_item_get_appointment_id (g_ptr_array_index (list, 0)), ==, carla);
  g_assert_cmpint (sd_inbox_item_get_appointment_id (g_ptr_array_index (list, 1)), ==, bea);
  /* Announcing the later one covers both; the earlier one again never moves the mark back. */
  g_assert_true (sd_store_mark_request_announced (f->store, g_ptr_array_index (list, 1), NULL));
  g_assert_true (sd_store_mark_request_announced (f->store, g_ptr_array_index (list, 0), NULL));
  g_assert_cmpuint (count_new_requests (f), ==, 0);
}

/* A request answered or past its deadline before the desk looked is not announced. */
static void
test_new_requests_gone (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdAppointment) accepted = NULL;
  SdActionRequest r;
  gint64 anna;

  g_assert_cmpuint (count_new_requests (f), ==, 0);
  anna = pull (f, "apt_anna", "Anna Rossi");
  sd_action_request_init (&r, SD_ACTION_ACCEPT);
  accepted = sd_store_perform (f->store, anna, &r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_new_requests (f), ==, 0);

  store_pull_request (f->store, "apt_late", 1, "Sanne", "Bea Visser", fixture_at (f, 24, 9, 0),
                      f->now - 25 * 3600, f->now - 3600);
  g_assert_cmpuint (count_new_requests (f), ==, 0);
}

static void
test_reminder_window (Fixture *f, gconstpointer data)
{
  gint64 deadline = f->now + 24 * 3600;
  g_autoptr (GPtrArray) list = NULL;
  gint64 anna = pull (f, "apt_anna", "Anna Rossi");
  SdInboxItem *item;

  /* reminder_minutes is 60 by default. */
  g_assert_cmpuint (count_due (f, f->now), ==, 0);
  g_assert_cmpuint (count_due (f, deadline - 3601), ==, 0);
  list = due (f, deadline - 3600);
  g_assert_cmpuint (list->len, ==, 1);
  item = g_ptr_array_index (list, 0);
  g_assert_cmpint (sd_inbox_item_get_kind (item), ==, SD_INBOX_REQUEST);
  g_assert_cmpint (sd_inbox_item_get_appointment_id (item), ==, anna);
  g_assert_cmpint (sd_inbox_item_get_deadline (item), ==, deadline);
  /* Due until it is reminded, then never again for this deadline. */
  g_assert_cmpuint (count_due (f, deadline - 60), ==, 1);
  remind_all (f, deadline - 60);
  g_assert_cmpuint (count_due (f, deadline - 59), ==, 0);
  g_assert_cmpuint (count_due (f, deadline), ==, 0);
  fixture_reopen (f);
  g_assert_cmpuint (count_due (f, deadline), ==, 0);

  /* The marketplace moves the deadline two hours later: a new deadline, a new reminder. */
  store_pull_request (f->store, "apt_anna", 2, "Giulia", "Anna Rossi", fixture_at (f, 24, 14, 30),
                      f->now, deadline + 7200);
  g_assert_cmpuint (count_due (f, deadline), ==, 0);
  g_assert_cmpuint (count_due (f, deadline + 3600), ==, 1);
  /* Past the deadline (not expired by the store yet): nothing to remind of. */
  g_assert_cmpuint (count_due (f, deadline + 7201), ==, 0);
}

static void
test_reminder_never_when_answered (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdAppointment) accepted = NULL;
  gint64 deadline = f->now + 24 * 3600;
  gint64 anna = pull (f, "apt_anna", "Anna Rossi");
  SdActionRequest r;

  store_pull_request (f->store, "apt_bea", 1, "Sanne", "Bea Visser", fixture_at (f, 24, 14, 30),
                      f->now, deadline);
  g_assert_cmpuint (count_due (f, deadline - 1800), ==, 2);

  sd_clock_set_now (f->clock, f->now);
  sd_action_request_init (&r, SD_ACTION_ACCEPT);
  accepted = sd_store_perform (f->store, anna, &r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_due (f, deadline - 1800), ==, 1);

  /* Bea's expires. */
  sd_clock_set_now (f->clock, deadline + 1);
  g_assert_cmpuint (sd_store_apply_deadlines (f->store, &error), ==, 1);
  g_assert_cmpuint (count_due (f, deadline + 1), ==, 0);
  g_assert_cmpuint (count_due (f, deadline - 1800), ==, 0);
}

static void
test_reminder_complaint (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdAppointment) a = fixture_book (f, fixture_at (f, 23, 11, 0), f->staff[2], f->cut,
                                              SD_STATE_CONFIRMED, SD_PAYMENT_PREPAID, "Dana");
  g_autoptr (SdAppointment) b = NULL;
  g_autoptr (SdComplaint) answered = NULL;
  g_autoptr (GPtrArray) list = NULL;
  SdComplaintResponse response = { .action = SD_RESPONSE_CONTEST, .body = "All was fine" };
  gint64 reply_by = f->now + 24 * 3600;
  SdActionRequest r;

  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.by = SD_PARTY_CLIENT;
  r.text = "Rude on the phone";
  r.deadline_kind = SD_DEADLINE_HOURS_24;
  b = sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_due (f, reply_by - 3601), ==, 0);
  list = due (f, reply_by - 3600);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (sd_inbox_item_get_kind (g_ptr_array_index (list, 0)), ==, SD_INBOX_COMPLAINT);
  g_assert_cmpint (sd_inbox_item_get_complaint_id (g_ptr_array_index (list, 0)), ==,
                   sd_appointment_get_complaint_id (b));
  remind_all (f, reply_by - 3600);
  g_assert_cmpuint (count_due (f, reply_by - 10), ==, 0);

  /* Answered: gone, whatever the reminder said. */
  sd_clock_set_now (f->clock, f->now);
  sd_store_set_meta (f->store, SD_STORE_META_REMINDED, NULL, &error);
  g_assert_cmpuint (count_due (f, reply_by - 10), ==, 1);
  sd_clock_set_now (f->clock, f->now);
  answered = sd_store_respond_complaint (f->store, sd_appointment_get_complaint_id (b), &response,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_due (f, reply_by - 10), ==, 0);
}

/* The reminder time is the salon's setting; 0 turns reminders off. */
static void
test_reminder_setting (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  SdSalon *salon = sd_store_get_salon (f->store);
  SdSalonSettings settings = *sd_salon_get_settings (salon);
  gint64 deadline = f->now + 24 * 3600;

  pull (f, "apt_anna", "Anna Rossi");
  settings.reminder_minutes = 120;
  sd_salon_set_settings (salon, &settings);
  g_assert_true (sd_store_save_salon (f->store, &error));
  g_assert_cmpuint (count_due (f, deadline - 7201), ==, 0);
  g_assert_cmpuint (count_due (f, deadline - 7200), ==, 1);

  settings.reminder_minutes = 0;
  sd_salon_set_settings (salon, &settings);
  g_assert_true (sd_store_save_salon (f->store, &error));
  g_assert_cmpuint (count_due (f, deadline - 7200), ==, 0);
  g_assert_cmpuint (count_due (f, deadline), ==, 0);
}

/* What was reminded is kept only while its deadline can still come. */
static void
test_reminded_stays_short (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gint64 deadline = f->now + 24 * 3600;
  gint64 bea;

  pull (f, "apt_anna", "Anna Rossi");
  remind_all (f, deadline - 60);
  bea = store_pull_request (f->store, "apt_bea", 1, "Sanne", "Bea Visser",
                            fixture_at (f, 26, 9, 0), f->now, deadline + 86400);
  remind_all (f, deadline + 86400 - 60);
  text = sd_store_get_meta (f->store, SD_STORE_META_REMINDED, &error);
  g_assert_no_error (error);
  /* Anna's deadline has passed: only Bea's is left. */
  expected = g_strdup_printf ("request-%lld@%lld", (long long) bea,
                              (long long) (deadline + 86400));
  g_assert_cmpstr (text, ==, expected);
}

static guint
count_due_appointments (Fixture *f, gint64 at)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;

  sd_clock_set_now (f->clock, at);
  list = sd_store_list_due_appointment_reminders (f->store, &error);
  g_assert_no_error (error);
  return list->len;
}

/* An upcoming appointment is reminded of once, from reminder_minutes before its start; again
 * when it is moved; never once cancelled. */
static void
test_appointment_reminder (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 start = fixture_at (f, 23, 14, 0);
  g_autoptr (SdAppointment) a = fixture_book (f, start, f->staff[0], f->cut, SD_STATE_CONFIRMED,
                                              SD_PAYMENT_AT_SALON, "Anna Rossi");
  g_autoptr (SdAppointment) moved = NULL;
  g_autoptr (SdAppointment) cancelled = NULL;
  g_autoptr (GPtrArray) list = NULL;
  SdActionRequest r;

  g_assert_cmpuint (count_due_appointments (f, start - 3601), ==, 0);
  g_assert_cmpuint (count_due_appointments (f, start - 3600), ==, 1);
  list = sd_store_list_due_appointment_reminders (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_appointment_get_id (g_ptr_array_index (list, 0)), ==,
                   sd_appointment_get_id (a));
  g_assert_true (sd_store_mark_appointment_reminded (f->store, g_ptr_array_index (list, 0),
                                                     &error));
  g_assert_cmpuint (count_due_appointments (f, start - 60), ==, 0);
  /* Still upcoming (for withdrawing its notice) until it starts. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sd_store_list_upcoming (f->store, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Moved an hour later: a new start, a new reminder. */
  sd_clock_set_now (f->clock, start - 60);
  sd_action_request_init (&r, SD_ACTION_RESCHEDULE);
  r.new_start = start + 3600;
  moved = sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_due_appointments (f, start), ==, 1);
  g_assert_cmpuint (count_due_appointments (f, start + 3601), ==, 0);

  /* Cancelled: never. */
  sd_clock_set_now (f->clock, start);
  sd_action_request_init (&r, SD_ACTION_CANCEL);
  cancelled = sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_due_appointments (f, start + 1800), ==, 0);
}

/* The shown notifications survive reopening; the same table is written once; a word that
 * cannot be read is dropped, not an error. */
static void
test_shown_notices (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) shown = sd_store_get_shown_notices (f->store, &error);
  g_autoptr (GHashTable) again = NULL;
  g_autoptr (GHashTable) odd = NULL;
  const char *const summary[] = { "request-13", "request-14", NULL };
  const char *const single[] = { "request-12", NULL };
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (shown), ==, 0);
  g_hash_table_insert (shown, g_strdup ("request-12"), g_strdupv ((char **) single));
  g_hash_table_insert (shown, g_strdup ("new-requests-13"), g_strdupv ((char **) summary));
  g_assert_true (sd_store_set_shown_notices (f->store, shown, &error));
  fixture_reopen (f);
  again = sd_store_get_shown_notices (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (again), ==, 2);
  g_assert_cmpstrv (g_hash_table_lookup (again, "request-12"), single);
  g_assert_cmpstrv (g_hash_table_lookup (again, "new-requests-13"), summary);
  text = sd_store_get_meta (f->store, SD_STORE_META_SHOWN, &error);
  g_assert_cmpstr (text, ==, "new-requests-13=request-13,request-14 request-12=request-12");

  g_assert_true (sd_store_set_meta (f->store, SD_STORE_META_SHOWN, "=x garbage request-1=request-1",
                                    &error));
  odd = sd_store_get_shown_notices (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (odd), ==, 1);
  g_assert_true (g_hash_table_contains (odd, "request-1"));

  /* Nothing shown: the key goes. */
  g_hash_table_remove_all (again);
  g_assert_true (sd_store_set_shown_notices (f->store, again, &error));
  g_clear_pointer (&text, g_free);
  text = sd_store_get_meta (f->store, SD_STORE_META_SHOWN, &error);
  g_assert_null (text);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/store/notices/" name, Fixture, NULL, fixture_set_up, fn, \
                                  fixture_tear_down)
  ADD ("new-requests", test_new_requests);
  ADD ("new-requests-gone", test_new_requests_gone);
  ADD ("reminder-window", test_reminder_window);
  ADD ("reminder-never-when-answered", test_reminder_never_when_answered);
  ADD ("reminder-complaint", test_reminder_complaint);
  ADD ("reminder-setting", test_reminder_setting);
  ADD ("reminded-stays-short", test_reminded_stays_short);
  ADD ("appointment-reminder", test_appointment_reminder);
  ADD ("shown-notices", test_shown_notices);
  return g_test_run ();
}

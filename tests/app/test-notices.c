/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's desktop notices: at start it announces what the marketplace resolved since
 * the last notice (once), after a sync pass the newer ones; booking requests that arrived are
 * announced once (several as one summary) and withdrawn once answered or expired; deadlines
 * within the salon's reminder time are reminded once. A notice's action opens the
 * appointment on its day. The clock is fixed: Tuesday 24 November 2026 10:00 Amsterdam. */
#include "config.h"

#include "app-test-fixture.h"
#include "sd-details-pane.h"
#include "sd-store-notices.h"
#include "sd-window-private.h"
#include "store-pull.h"

typedef struct
{
  char *dir;
  SdClock *clock;
  SdStore *store;
  GListModel *staff;
  gint64 service;
  guint n_announced;
  char *last_notice;
  gint64 last_id;
  char *last_title;
  char *last_body;
  GPtrArray *withdrawn;
} Notices;

static gint64
now_of_fixture (void)
{
  gint64 now;

  g_assert_true (sd_time_parse_rfc3339 (FIXTURE_NOW, &now));
  return now;
}

static void
setup (Notices *n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  n->dir = g_dir_make_tmp ("sd-notices-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (n->dir, "salon.sqlite", NULL);
  n->clock = sd_clock_new_fixed (now_of_fixture ());
  n->store = sd_store_open (path, n->clock, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_init_salon (n->store, "Salone Bella", "Europe/Amsterdam", "EUR", &error));
  sd_store_add_staff (n->store, "Marco", &error);
  g_assert_no_error (error);
  n->service = sd_store_add_service (n->store, "Cut & blow-dry", 45, 4500, &error);
  g_assert_no_error (error);
  n->staff = sd_store_list_staff (n->store, &error);
  g_assert_no_error (error);
  n->withdrawn = g_ptr_array_new_with_free_func (g_free);
}

static void
teardown (Notices *n)
{
  g_autofree char *cmd = NULL;

  g_clear_object (&n->staff);
  g_clear_object (&n->store);
  g_clear_object (&n->clock);
  g_free (n->last_notice);
  g_free (n->last_title);
  g_free (n->last_body);
  g_ptr_array_unref (n->withdrawn);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (n->dir);
    g_autoptr(GFileEnumerator) e = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                              G_FILE_QUERY_INFO_NONE, NULL, NULL);
    GFileInfo *info;

    while (e != NULL && (info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
      {
        g_autoptr(GFile) file = g_file_get_child (dir, g_file_info_get_name (info));

        g_file_delete (file, NULL, NULL);
        g_object_unref (info);
      }
    g_file_delete (dir, NULL, NULL);
  }
  g_free (n->dir);
}

/* The desk books a prepaid "Cut & blow-dry" of @client with Marco at @start. */
static SdAppointment *
book (Notices *n, const char *client, gint64 start, SdState state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStaff) marco = g_list_model_get_item (n->staff, 0);
  SdAppointment *a;
  SdNewAppointment spec;

  sd_new_appointment_init (&spec);
  spec.start = start;
  spec.staff_id = sd_staff_get_id (marco);
  spec.service_id = n->service;
  spec.client_name = client;
  spec.client_email = client;
  spec.payment = SD_PAYMENT_PREPAID;
  spec.state = state;
  a = sd_store_create_appointment (n->store, &spec, &error);
  g_assert_no_error (error);
  return a;
}

/* A disputed appointment of @client starting @days after now (its complaint by the client). */
static gint64
disputed (Notices *n, const char *client, int days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(SdAppointment) b = NULL;
  SdActionRequest r;

  sd_clock_set_now (n->clock, now_of_fixture ());
  a = book (n, client, now_of_fixture () + days * 86400 + 3600, SD_STATE_CONFIRMED);
  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.by = SD_PARTY_CLIENT;
  r.text = "Booked the wrong stylist";
  b = sd_store_perform (n->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);
  return sd_appointment_get_id (b);
}

static void
resolve (Notices *n, gint64 id, SdOutcome outcome, gint64 amount, const char *note, gint64 at)
{
  g_autoptr(GError) error = NULL;
  SdActionRequest r;

  sd_clock_set_now (n->clock, at);
  sd_action_request_init (&r, SD_ACTION_RESOLVE_COMPLAINT);
  r.outcome = outcome;
  r.outcome_amount_cents = amount;
  r.text = note;
  g_object_unref (sd_store_perform (n->store, id, &r, &error));
  g_assert_no_error (error);
}

static void
on_announced (SdWindow *window, const char *notice, gint64 id, const char *title,
              const char *body, Notices *n)
{
  n->n_announced++;
  g_free (n->last_notice);
  n->last_notice = g_strdup (notice);
  n->last_id = id;
  g_free (n->last_title);
  n->last_title = g_strdup (title);
  g_free (n->last_body);
  n->last_body = g_strdup (body);
}

static void
on_withdrawn (SdWindow *window, const char *notice, Notices *n)
{
  g_ptr_array_add (n->withdrawn, g_strdup (notice));
}

typedef struct
{
  Notices *n;
  guint count;
} Count;

static gboolean
announced (gpointer data)
{
  Count *c = data;
  return c->n->n_announced >= c->count;
}

static gboolean
selected (gpointer data)
{
  SdWindow *window = data;
  SdAppointment *a = sd_window_get_selected (window);

  return a != NULL && (gsize) sd_appointment_get_id (a)
                      == GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "want"));
}

static gboolean
lookups_done (gpointer data)
{
  SdWindow *window = data;

  return !window->notices_looking && !window->notices_again;
}

/* Lets the lookups in flight finish (they run in a thread), whatever they find. */
static void
settle_lookup (SdWindow *window)
{
  fixture_wait (lookups_done, window);
  fixture_settle ();
}

static gboolean
withdrawn (gpointer data)
{
  Notices *n = data;

  for (guint i = 0; i < n->withdrawn->len; i++)
    if (g_strcmp0 (g_ptr_array_index (n->withdrawn, i),
                   g_object_get_data (G_OBJECT (n->store), "want-withdrawn")) == 0)
      return TRUE;
  return FALSE;
}

static void
wait_withdrawn (Notices *n, const char *notice)
{
  g_object_set_data_full (G_OBJECT (n->store), "want-withdrawn", g_strdup (notice), g_free);
  fixture_wait (withdrawn, n);
}

static gboolean
panes_built (gpointer data)
{
  return SD_WINDOW (data)->inbox_view != NULL;
}

/* The window as the application shows it, after its first lookup: that one starts once the
 * agenda's first frame is drawn and the panes are built. */
static SdWindow *
open_window (Notices *n)
{
  SdWindow *window = SD_WINDOW (sd_window_new (NULL));

  g_signal_connect (window, "notice-sent", G_CALLBACK (on_announced), n);
  g_signal_connect (window, "notice-withdrawn", G_CALLBACK (on_withdrawn), n);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 840);
  gtk_window_present (GTK_WINDOW (window));
  sd_window_set_store (window, n->store, n->staff);
  fixture_wait (panes_built, window);
  settle_lookup (window);
  return window;
}

static void
close_window (Notices *n, SdWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_settle ();
  teardown (n);
}

static void
test_announce (void)
{
  Notices n = { 0 };
  gint64 anna, bea, carla;
  SdWindow *window;
  Count c = { &n, 2 };
  g_autoptr(GPtrArray) baseline = NULL;
  g_autoptr(GError) error = NULL;

  setup (&n);
  anna = disputed (&n, "Anna Rossi", 3);
  bea = disputed (&n, "Bea Visser", 10);
  carla = disputed (&n, "Carla Bruni", 1);
  /* Resolved before the desk ever looked: not news at the first start. */
  resolve (&n, carla, SD_OUTCOME_NO_REFUND, 0, NULL, now_of_fixture () + 60);
  baseline = sd_store_list_new_resolutions (n.store, &error);
  g_assert_cmpuint (baseline->len, ==, 0);
  /* Resolved while the desk was closed. */
  resolve (&n, anna, SD_OUTCOME_REFUND_PARTIAL, 2000, "Half the price is fair",
           now_of_fixture () + 3600);

  window = open_window (&n);
  g_assert_cmpuint (n.n_announced, ==, 1);
  g_assert_cmpint (n.last_id, ==, anna);
  g_assert_cmpstr (n.last_title, ==, "Complaint resolved — Anna Rossi");
  g_assert_cmpstr (n.last_body, ==, "Refunded €20.00. Half the price is fair");

  /* The next pass finds nothing new: no second notice. */
  sd_window_check_notices (window);
  settle_lookup (window);
  g_assert_cmpuint (n.n_announced, ==, 1);

  /* A newer resolution, pulled by a later pass. */
  resolve (&n, bea, SD_OUTCOME_WITHDRAWN_HELPED, 0, NULL, now_of_fixture () + 7200);
  /* Two passes ending close together: still one notice. */
  sd_window_check_notices (window);
  sd_window_check_notices (window);
  fixture_wait (announced, &c);
  g_assert_cmpint (n.last_id, ==, bea);
  g_assert_cmpstr (n.last_title, ==, "Complaint resolved — Bea Visser");
  g_assert_cmpstr (n.last_body, ==, "Withdrawn: the client was helped");
  settle_lookup (window);
  g_assert_cmpuint (n.n_announced, ==, 2);

  /* The notice's action: the appointment ten days ahead is selected … */
  g_object_set_data (G_OBJECT (window), "want", GSIZE_TO_POINTER (bea));
  sd_window_open_appointment (window, bea);
  fixture_wait (selected, window);
  /* … and shown in the details pane. */
  g_assert_cmpint (sd_appointment_get_id (sd_details_pane_get_appointment (
                     SD_DETAILS_PANE (sd_window_get_part (window, "details")))), ==, bea);
  /* News stays: a resolution is never withdrawn. */
  g_assert_cmpuint (n.withdrawn->len, ==, 0);
  close_window (&n, window);
}

/* Requests that arrive are announced once, several at once as one summary, never the desk's
 * own; an answered request's notice is withdrawn, and the summary once all expired. */
static void
test_new_requests (void)
{
  Notices n = { 0 };
  SdWindow *window;
  Count c = { &n, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) own = NULL;
  g_autofree char *anna_notice = NULL;
  g_autofree char *summary = NULL;
  gint64 now = now_of_fixture ();
  gint64 start = now + 4 * 3600 + 1800;      /* today 14:30 */
  gint64 created = now - 48 * 60;            /* today 09:12 */
  gint64 anna, bea;

  setup (&n);
  /* Pulled before the desk ever looked: the past, not news at this first start. */
  store_pull_request (n.store, "apt_olga", 1, "Marco", "Olga Petrova", start + 86400,
                      created - 3600, created - 3600 + 86400);
  window = open_window (&n);
  g_assert_cmpuint (n.n_announced, ==, 0);

  anna = store_pull_request (n.store, "apt_anna", 1, "Marco", "Anna Rossi", start, created,
                             created + 86400);
  /* What the end of a sync pass does. */
  sd_agenda_model_reload (sd_window_get_agenda_model (window));
  sd_window_check_notices (window);
  fixture_wait (announced, &c);
  anna_notice = g_strdup_printf ("request-%lld", (long long) anna);
  g_assert_cmpstr (n.last_notice, ==, anna_notice);
  g_assert_cmpint (n.last_id, ==, anna);
  g_assert_cmpstr (n.last_title, ==, "New booking request — Anna Rossi");
  g_assert_cmpstr (n.last_body, ==,
                   "Cut & blow-dry with Marco, Tue 24 Nov 14:30 · answer by Wed 25 Nov 09:12");
  sd_window_check_notices (window);
  settle_lookup (window);
  g_assert_cmpuint (n.n_announced, ==, 1);

  /* A request the desk entered itself is no news. */
  own = book (&n, "Wanda Walk-in", now + 2 * 86400, SD_STATE_REQUESTED);
  sd_window_check_notices (window);
  settle_lookup (window);
  g_assert_cmpuint (n.n_announced, ==, 1);

  /* A morning's pull of three: one summary that opens the inbox. */
  bea = store_pull_request (n.store, "apt_bea", 1, "Marco", "Bea Visser", start + 86400,
                            created, created + 86400 + 600);
  store_pull_request (n.store, "apt_carla", 1, "Marco", "Carla Bruni", start + 2 * 86400,
                      created, created + 86400 + 1200);
  store_pull_request (n.store, "apt_dora", 1, "Marco", "Dora Maar", start + 3 * 86400, created,
                      created + 86400 + 300);
  sd_window_check_notices (window);
  c.count = 2;
  fixture_wait (announced, &c);
  summary = g_strdup_printf ("new-requests-%lld", (long long) bea);
  g_assert_cmpstr (n.last_notice, ==, summary);
  g_assert_cmpint (n.last_id, ==, 0);
  g_assert_cmpstr (n.last_title, ==, "3 new booking requests");
  g_assert_cmpstr (n.last_body, ==,
                   "Bea Visser, Carla Bruni, Dora Maar · answer the first by Wed 25 Nov 09:17");
  settle_lookup (window);
  g_assert_cmpuint (n.n_announced, ==, 2);

  /* Anna's request accepted in the details pane: her notice goes, the summary stays. */
  g_object_set_data (G_OBJECT (window), "want", GSIZE_TO_POINTER (anna));
  sd_window_open_appointment (window, anna);
  fixture_wait (selected, window);
  g_assert_true (gtk_widget_activate_action (sd_window_get_part (window, "details"),
                                             "appointment.accept", NULL));
  wait_withdrawn (&n, anna_notice);
  settle_lookup (window);
  g_assert_cmpuint (n.withdrawn->len, ==, 1);

  /* The three expire unanswered: the summary goes too. Meanwhile the desk's own request
   * (to answer by Wed 10:00) comes within the reminder time. */
  sd_clock_set_now (n.clock, created + 86400 + 1201);
  wait_withdrawn (&n, summary);
  settle_lookup (window);
  g_assert_cmpuint (n.withdrawn->len, ==, 2);
  g_assert_cmpuint (n.n_announced, ==, 3);
  g_assert_cmpstr (n.last_title, ==, "Answer Wanda Walk-in's request within 28 minutes");
  close_window (&n, window);
}

/* A deadline within the salon's reminder time (60 min) is reminded once, with the exact
 * time, and the reminder is withdrawn when the deadline passes. */
static void
test_reminders (void)
{
  Notices n = { 0 };
  SdWindow *window;
  Count c = { &n, 1 };
  g_autofree char *anna_notice = NULL;
  gint64 now = now_of_fixture ();
  gint64 deadline = now + 2 * 3600;     /* today 12:00 */
  gint64 anna;

  setup (&n);
  /* Arrived yesterday (not news now), to be answered by noon; and a complaint from this
   * morning, to be replied to by tomorrow 10:00. */
  anna = store_pull_request (n.store, "apt_anna", 1, "Marco", "Anna Rossi", now + 86400,
                             now - 22 * 3600, deadline);
  disputed (&n, "Carla Bruni", 1);
  window = open_window (&n);
  g_assert_cmpuint (n.n_announced, ==, 0);

  sd_clock_set_now (n.clock, deadline - 3601);
  settle_lookup (window);
  g_assert_cmpuint (n.n_announced, ==, 0);

  sd_clock_set_now (n.clock, deadline - 45 * 60);
  fixture_wait (announced, &c);
  anna_notice = g_strdup_printf ("request-%lld", (long long) anna);
  g_assert_cmpstr (n.last_notice, ==, anna_notice);
  g_assert_cmpint (n.last_id, ==, anna);
  g_assert_cmpstr (n.last_title, ==, "Answer Anna Rossi's request within 45 minutes");
  g_assert_cmpstr (n.last_body, ==,
                   "Cut & blow-dry with Marco, Wed 25 Nov 10:00 · answer by Tue 24 Nov 12:00");
  /* The next tick: no second reminder. */
  sd_clock_set_now (n.clock, deadline - 44 * 60);
  settle_lookup (window);
  g_assert_cmpuint (n.n_announced, ==, 1);

  /* Unanswered past noon: the request expires and its reminder goes. */
  sd_clock_set_now (n.clock, deadline + 1);
  wait_withdrawn (&n, anna_notice);

  sd_clock_set_now (n.clock, now + 86400 - 30 * 60);
  c.count = 2;
  fixture_wait (announced, &c);
  g_assert_cmpstr (n.last_title, ==, "Reply to Carla Bruni's complaint within 30 minutes");
  g_assert_cmpstr (n.last_body, ==,
                   "Cut & blow-dry with Marco, Wed 25 Nov 11:00 · reply by Wed 25 Nov 10:00");
  close_window (&n, window);
}

/* The desk closed with a reminder on screen; the request expired overnight: the next start
 * withdraws the reminder, which it never sent itself. */
static void
test_withdrawn_after_restart (void)
{
  Notices n = { 0 };
  SdWindow *window;
  Count c = { &n, 1 };
  g_autofree char *anna_notice = NULL;
  gint64 now = now_of_fixture ();
  gint64 anna;

  setup (&n);
  anna = store_pull_request (n.store, "apt_anna", 1, "Marco", "Anna Rossi", now + 86400,
                             now - 23 * 3600, now + 1800);
  anna_notice = g_strdup_printf ("request-%lld", (long long) anna);
  window = open_window (&n);
  fixture_wait (announced, &c);
  g_assert_cmpstr (n.last_notice, ==, anna_notice);
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_settle ();

  sd_clock_set_now (n.clock, now + 12 * 3600);
  window = open_window (&n);
  wait_withdrawn (&n, anna_notice);
  g_assert_cmpuint (n.withdrawn->len, ==, 1);
  /* Once. */
  sd_window_check_notices (window);
  settle_lookup (window);
  g_assert_cmpuint (n.withdrawn->len, ==, 1);
  g_assert_cmpuint (n.n_announced, ==, 1);
  close_window (&n, window);
}

/* Upcoming appointments are reminded of only when this computer asks for it (off by
 * default), once, and the reminder goes when the client is checked in. */
static void
test_upcoming (void)
{
  Notices n = { 0 };
  SdWindow *window;
  Count c = { &n, 1 };
  g_autoptr(GSettings) settings = sd_window_lookup_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(SdAppointment) checked_in = NULL;
  g_autofree char *notice = NULL;
  gint64 now = now_of_fixture ();
  gint64 start = now + 4 * 3600 + 1800;      /* today 14:30 */
  SdActionRequest r;

  g_assert_nonnull (settings);
  setup (&n);
  a = book (&n, "Anna Rossi", start, SD_STATE_CONFIRMED);
  window = open_window (&n);

  /* Off by default: an appointment about to start is not worth a notification. */
  sd_clock_set_now (n.clock, start - 30 * 60);
  settle_lookup (window);
  g_assert_cmpuint (n.n_announced, ==, 0);

  g_settings_set_boolean (settings, "remind-appointments", TRUE);
  sd_clock_set_now (n.clock, start - 20 * 60);
  fixture_wait (announced, &c);
  notice = g_strdup_printf ("appointment-%lld", (long long) sd_appointment_get_id (a));
  g_assert_cmpstr (n.last_notice, ==, notice);
  g_assert_cmpint (n.last_id, ==, sd_appointment_get_id (a));
  g_assert_cmpstr (n.last_title, ==, "Anna Rossi's appointment starts in 20 minutes");
  g_assert_cmpstr (n.last_body, ==, "Cut & blow-dry with Marco, Tue 24 Nov 14:30");
  sd_clock_set_now (n.clock, start - 10 * 60);
  settle_lookup (window);
  g_assert_cmpuint (n.n_announced, ==, 1);

  /* The client arrives early and is checked in: the reminder goes. */
  sd_action_request_init (&r, SD_ACTION_CHECK_IN);
  checked_in = sd_store_perform (n.store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);
  sd_window_check_notices (window);
  wait_withdrawn (&n, notice);
  g_settings_reset (settings, "remind-appointments");
  close_window (&n, window);
}

/* A scripted run (--screenshot) with notices off tells nothing and marks nothing as told:
 * the next real start still reminds. */
static void
test_disabled (void)
{
  Notices n = { 0 };
  SdWindow *window = SD_WINDOW (sd_window_new (NULL));
  Count c = { &n, 1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *reminded = NULL;
  g_autofree char *mark = NULL;
  gint64 now = now_of_fixture ();

  setup (&n);
  store_pull_request (n.store, "apt_anna", 1, "Marco", "Anna Rossi", now + 86400,
                      now - 23 * 3600, now + 1800);
  g_signal_connect (window, "notice-sent", G_CALLBACK (on_announced), &n);
  sd_window_set_notices_enabled (window, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  sd_window_set_store (window, n.store, n.staff);
  sd_window_check_notices (window);
  settle_lookup (window);
  g_assert_cmpuint (n.n_announced, ==, 0);
  reminded = sd_store_get_meta (n.store, SD_STORE_META_REMINDED, &error);
  mark = sd_store_get_meta (n.store, SD_STORE_META_REQUESTS_MARK, &error);
  g_assert_no_error (error);
  g_assert_null (reminded);
  g_assert_null (mark);

  sd_window_set_notices_enabled (window, TRUE);
  sd_window_check_notices (window);
  fixture_wait (announced, &c);
  g_assert_cmpstr (n.last_title, ==, "Answer Anna Rossi's request within 30 minutes");
  close_window (&n, window);
}

int
main (int argc, char *argv[])
{
  fixture_require_display (&argc, &argv);
  g_test_add_func ("/app/notices/announce", test_announce);
  g_test_add_func ("/app/notices/new-requests", test_new_requests);
  g_test_add_func ("/app/notices/reminders", test_reminders);
  g_test_add_func ("/app/notices/withdrawn-after-restart", test_withdrawn_after_restart);
  g_test_add_func ("/app/notices/upcoming", test_upcoming);
  g_test_add_func ("/app/notices/disabled", test_disabled);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The day view on hand-made appointments: where blocks go (side by side when they
 * overlap, by wall-clock time across DST), what they say, what the filters hide. */
#include "config.h"

#include "app-test-fixture.h"
#include "sd-day-view.h"

typedef struct
{
  SalonFixture f;
  gint64 staff[2];
  gint64 service_60;
  gint64 service_30;
  SdAgendaModel *model;
  GtkWidget *window;
  SdDayView *view;
} Fixture;

static gint64
local (Fixture *fx, int y, int m, int d, int h, int min)
{
  return sd_time_from_local (fx->f.tz, y, m, d, h, min);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now;

  g_assert_true (sd_time_parse_rfc3339 (FIXTURE_NOW, &now));
  fx->f.dir = g_dir_make_tmp ("sd-day-XXXXXX", &error);
  g_assert_no_error (error);
  fx->f.path = g_build_filename (fx->f.dir, "salon.sqlite", NULL);
  /* The clock stands before every test day (the DST weeks too): all bookings are ahead. */
  fx->f.clock = sd_clock_new_fixed (now - 330 * 86400);
  fx->f.store = sd_store_open (fx->f.path, fx->f.clock, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_init_salon (fx->f.store, "Day", "Europe/Amsterdam", "EUR", &error));
  fx->f.tz = g_time_zone_ref (sd_salon_get_timezone (sd_store_get_salon (fx->f.store)));
  /* Open every day, so the DST Sundays have hours too. */
  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    sd_salon_set_hours (sd_store_get_salon (fx->f.store), d, 9 * 60, 19 * 60);
  g_assert_true (sd_store_save_salon (fx->f.store, &error));
  fx->staff[0] = sd_store_add_staff (fx->f.store, "Anna", &error);
  fx->staff[1] = sd_store_add_staff (fx->f.store, "Bram", &error);
  fx->service_60 = sd_store_add_service (fx->f.store, "Colour", 60, 6000, &error);
  fx->service_30 = sd_store_add_service (fx->f.store, "Cut", 30, 3000, &error);
  g_assert_no_error (error);
  fx->f.staff = sd_store_list_staff (fx->f.store, &error);
  g_assert_no_error (error);

  fx->model = sd_agenda_model_new (fx->f.store, fx->f.tz);
  fx->view = SD_DAY_VIEW (sd_day_view_new ());
  sd_day_view_set_salon (fx->view, sd_store_get_salon (fx->f.store));
  sd_day_view_set_staff (fx->view, fx->f.staff);
  sd_day_view_set_model (fx->view, fx->model);
  sd_day_view_set_now (fx->view, sd_clock_get_now (fx->f.clock));
  fx->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 860, 1000);
  gtk_window_set_child (GTK_WINDOW (fx->window), GTK_WIDGET (fx->view));
  gtk_window_present (GTK_WINDOW (fx->window));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  g_clear_object (&fx->model);
  fixture_settle ();
  fixture_close (&fx->f);
}

static gint64
book (Fixture    *fx,
      guint       staff,
      gint64      service,
      gint64      start,
      const char *client,
      SdState     state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) a = NULL;
  SdNewAppointment spec;

  sd_new_appointment_init (&spec);
  spec.start = start;
  spec.staff_id = fx->staff[staff];
  spec.service_id = service;
  spec.client_name = client;
  spec.payment = SD_PAYMENT_AT_SALON;
  spec.state = state;
  spec.allow_overlap = TRUE;
  a = sd_store_create_appointment (fx->f.store, &spec, &error);
  g_assert_no_error (error);
  return sd_appointment_get_id (a);
}

static gboolean
model_loaded (gpointer data)
{
  Fixture *fx = data;

  return sd_agenda_model_get_n_loads (fx->model) > 0 && !sd_agenda_model_get_loading (fx->model);
}

static void
show_day (Fixture *fx,
          gint64   day)
{
  guint loads = sd_agenda_model_get_n_loads (fx->model);

  sd_day_view_set_date (fx->view, day);
  sd_agenda_model_ensure (fx->model, day, sd_time_add_days (day, fx->f.tz, 1));
  if (sd_agenda_model_get_loading (fx->model) || loads == 0)
    fixture_wait (model_loaded, fx);
  fixture_settle ();
}

static graphene_rect_t
bounds_of (Fixture *fx,
           gint64   id)
{
  SdAppointmentBlock *block = sd_day_view_find_block (fx->view, id);
  graphene_rect_t r;

  g_assert_nonnull (block);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (block), GTK_WIDGET (fx->view), &r));
  return r;
}

static void
test_overlap_lanes (Fixture       *fx,
                    gconstpointer  data)
{
  gint64 x = book (fx, 0, fx->service_60, local (fx, 2026, 11, 24, 10, 0), "Xavier", SD_STATE_CONFIRMED);
  gint64 y = book (fx, 0, fx->service_60, local (fx, 2026, 11, 24, 10, 30), "Yara", SD_STATE_CONFIRMED);
  gint64 z = book (fx, 0, fx->service_30, local (fx, 2026, 11, 24, 10, 45), "Zoë", SD_STATE_CONFIRMED);
  gint64 w = book (fx, 0, fx->service_60, local (fx, 2026, 11, 24, 12, 0), "Wim", SD_STATE_CONFIRMED);
  gint64 b = book (fx, 1, fx->service_60, local (fx, 2026, 11, 24, 10, 0), "Bea", SD_STATE_CONFIRMED);
  graphene_rect_t rx, ry, rz, rw, rb;

  show_day (fx, local (fx, 2026, 11, 24, 0, 0));
  g_assert_cmpuint (sd_day_view_get_n_columns (fx->view), ==, 2);
  g_assert_cmpuint (sd_day_view_get_n_blocks (fx->view), ==, 5);
  rx = bounds_of (fx, x);
  ry = bounds_of (fx, y);
  rz = bounds_of (fx, z);
  rw = bounds_of (fx, w);
  rb = bounds_of (fx, b);

  /* Three overlapping blocks share Anna's column in three lanes, none on another. */
  g_assert_cmpfloat (rx.origin.x, <, ry.origin.x);
  g_assert_cmpfloat (ry.origin.x, <, rz.origin.x);
  g_assert_cmpfloat (rx.origin.x + rx.size.width, <=, ry.origin.x);
  g_assert_cmpfloat (ry.origin.x + ry.size.width, <=, rz.origin.x);
  g_assert_cmpfloat (fabs (rx.size.width - ry.size.width), <=, 1);
  /* The noon block is alone: full column width, three lanes' worth. */
  g_assert_cmpfloat (rw.size.width, >, 2.5 * rx.size.width);
  g_assert_cmpfloat (rw.origin.x, ==, rx.origin.x);
  /* Bram's block is in the second column, at the same time as Xavier's. */
  g_assert_cmpfloat (rb.origin.x, >=, rw.origin.x + rw.size.width);
  g_assert_cmpfloat (rb.origin.y, ==, rx.origin.y);
  /* An hour is twice half an hour, and 10:30 is half-way down 10:00–11:00. */
  g_assert_cmpfloat (fabs (rx.size.height - 2 * rz.size.height), <=, 3);
  g_assert_cmpfloat (fabs ((ry.origin.y - rx.origin.y) * 2 - rx.size.height), <=, 3);
}

static void
test_back_to_back (Fixture       *fx,
                   gconstpointer  data)
{
  gint64 a = book (fx, 0, fx->service_30, local (fx, 2026, 11, 25, 10, 0), "First", SD_STATE_CONFIRMED);
  gint64 b = book (fx, 0, fx->service_30, local (fx, 2026, 11, 25, 10, 30), "Second", SD_STATE_CONFIRMED);
  graphene_rect_t ra, rb;

  show_day (fx, local (fx, 2026, 11, 25, 0, 0));
  ra = bounds_of (fx, a);
  rb = bounds_of (fx, b);
  /* Half-open ranges: 10:00–10:30 and 10:30–11:00 touch but do not overlap. */
  g_assert_cmpfloat (ra.origin.x, ==, rb.origin.x);
  g_assert_cmpfloat (ra.size.width, ==, rb.size.width);
  g_assert_cmpfloat (ra.origin.y + ra.size.height, <=, rb.origin.y);
}

static void
test_dst_wall_clock (Fixture       *fx,
                     gconstpointer  data)
{
  const int days[][3] = { { 2026, 10, 24 }, { 2026, 10, 25 }, { 2026, 3, 28 }, { 2026, 3, 29 } };
  graphene_rect_t r[G_N_ELEMENTS (days)];
  gint64 ids[G_N_ELEMENTS (days)];

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    ids[i] = book (fx, 0, fx->service_60, local (fx, days[i][0], days[i][1], days[i][2], 10, 0),
                   "DST", SD_STATE_CONFIRMED);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      show_day (fx, local (fx, days[i][0], days[i][1], days[i][2], 0, 0));
      r[i] = bounds_of (fx, ids[i]);
      g_assert_cmpstr (sd_appointment_block_get_line (sd_day_view_find_block (fx->view, ids[i]), 0),
                       ==, "10:00–11:00");
    }
  /* 10:00 is drawn at 10:00 on the 23- and 25-hour days too, and an hour is an hour. */
  g_assert_cmpfloat (r[0].origin.y, ==, r[1].origin.y);
  g_assert_cmpfloat (r[2].origin.y, ==, r[3].origin.y);
  g_assert_cmpfloat (r[0].size.height, ==, r[1].size.height);
  g_assert_cmpfloat (r[2].size.height, ==, r[3].size.height);
}

static void
test_states_and_filters (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) done = NULL;
  gint64 request = book (fx, 0, fx->service_60, local (fx, 2026, 11, 26, 10, 0), "Rita", SD_STATE_REQUESTED);
  gint64 cancelled = book (fx, 1, fx->service_60, local (fx, 2026, 11, 26, 11, 0), "Carl", SD_STATE_CONFIRMED);
  SdAppointmentBlock *block;
  SdActionRequest action;

  sd_action_request_init (&action, SD_ACTION_CANCEL);
  action.by = SD_PARTY_CLIENT;
  action.reason = SD_CANCEL_REASON_CLIENT_REQUEST;
  done = sd_store_perform (fx->f.store, cancelled, &action, &error);
  g_assert_no_error (error);

  show_day (fx, local (fx, 2026, 11, 26, 0, 0));

  /* A request says how long is left to answer it, not only its colour. */
  block = sd_day_view_find_block (fx->view, request);
  g_assert_nonnull (block);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (block), "state-requested"));
  g_assert_true (g_str_has_prefix (sd_appointment_block_get_line (block, 3), "Answer within"));

  /* A cancellation is shown (struck through, dimmed) until hidden. */
  block = sd_day_view_find_block (fx->view, cancelled);
  g_assert_nonnull (block);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (block), "state-cancelled"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (block), "inactive"));
  g_assert_cmpstr (sd_appointment_block_get_line (block, 3), ==, sd_state_get_label (SD_STATE_CANCELLED));
  sd_day_view_set_filter (fx->view, TRUE, FALSE);
  g_assert_null (sd_day_view_find_block (fx->view, cancelled));
  g_assert_nonnull (sd_day_view_find_block (fx->view, request));
  sd_day_view_set_filter (fx->view, FALSE, FALSE);
  g_assert_nonnull (sd_day_view_find_block (fx->view, cancelled));

  /* Selecting marks one block only. */
  sd_day_view_set_selected_id (fx->view, request);
  g_assert_true (sd_appointment_block_get_selected (sd_day_view_find_block (fx->view, request)));
  g_assert_false (sd_appointment_block_get_selected (sd_day_view_find_block (fx->view, cancelled)));
}

static void
test_empty_day (Fixture       *fx,
                gconstpointer  data)
{
  show_day (fx, local (fx, 2026, 12, 1, 0, 0));
  g_assert_cmpuint (sd_day_view_get_n_blocks (fx->view), ==, 0);
  /* The staff columns are there to book into. */
  g_assert_cmpuint (sd_day_view_get_n_columns (fx->view), ==, 2);
  g_assert_cmpstr (sd_day_view_get_column_name (fx->view, 0), ==, "Anna");
  g_assert_cmpstr (sd_day_view_get_column_name (fx->view, 1), ==, "Bram");
}

int
main (int   argc,
      char *argv[])
{
  fixture_require_display (&argc, &argv);

  g_test_add ("/app/day-view/overlap-lanes", Fixture, NULL, fixture_setup, test_overlap_lanes, fixture_teardown);
  g_test_add ("/app/day-view/back-to-back", Fixture, NULL, fixture_setup, test_back_to_back, fixture_teardown);
  g_test_add ("/app/day-view/dst-wall-clock", Fixture, NULL, fixture_setup, test_dst_wall_clock, fixture_teardown);
  g_test_add ("/app/day-view/states-and-filters", Fixture, NULL, fixture_setup, test_states_and_filters, fixture_teardown);
  g_test_add ("/app/day-view/empty-day", Fixture, NULL, fixture_setup, test_empty_day, fixture_teardown);
  return g_test_run ();
}

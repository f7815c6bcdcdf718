/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The agenda window on a demo salon with a fixed clock, driven through its actions. */
#include "config.h"

#include "app-test-fixture.h"
#include "sd-day-view.h"
#include "sd-details-pane.h"
#include "sd-inbox-view.h"
#include "sd-list-view.h"
#include "sd-search-popover.h"
#include "sd-week-view.h"
#include "sd-window.h"

static SalonFixture fixture;

typedef struct
{
  SdWindow *window;
  guint loads;
} Ctx;

static gboolean
loaded_more (gpointer data)
{
  Ctx *ctx = data;
  SdAgendaModel *model = sd_window_get_agenda_model (ctx->window);

  return sd_agenda_model_get_n_loads (model) > ctx->loads && !sd_agenda_model_get_loading (model);
}

static gboolean
drawn (gpointer data)
{
  Ctx *ctx = data;

  return ctx->window == NULL;
}

static void
on_drawn (Ctx *ctx)
{
  ctx->window = NULL;
}

static SdWindow *
open_window (void)
{
  Ctx ctx = { 0 };
  SdWindow *window = SD_WINDOW (sd_window_new (NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 840);
  gtk_window_present (GTK_WINDOW (window));
  sd_window_set_store (window, fixture.store, fixture.staff);
  ctx.window = window;
  g_signal_connect_swapped (window, "agenda-drawn", G_CALLBACK (on_drawn), &ctx);
  fixture_wait (drawn, &ctx);
  g_signal_handlers_disconnect_by_data (window, &ctx);
  /* The last view is a setting: every test starts from the day view. */
  sd_window_set_view (window, "day");
  return window;
}

static void
close_window (SdWindow *window)
{
  g_object_set (window, "hide-cancelled", FALSE, "show-declined-expired", FALSE, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_settle ();
}

static void
wait_loaded (SdWindow *window,
             guint     loads)
{
  Ctx ctx = { window, loads };

  fixture_wait (loaded_more, &ctx);
  fixture_settle ();
}

static gint64
local (int y, int m, int d, int h, int min)
{
  return sd_time_from_local (fixture.tz, y, m, d, h, min);
}

/* What the views must show of @found with the default filters. */
static guint
count_shown (GPtrArray *found,
             gboolean   hide_cancelled,
             gboolean   show_declined_expired)
{
  guint n = 0;

  for (guint i = 0; i < found->len; i++)
    {
      SdState s = sd_appointment_get_state (g_ptr_array_index (found, i));

      if (s == SD_STATE_CANCELLED && hide_cancelled)
        continue;
      if ((s == SD_STATE_DECLINED || s == SD_STATE_EXPIRED) && !show_declined_expired)
        continue;
      n++;
    }
  return n;
}

static void
test_opens_on_today (void)
{
  SdWindow *window = open_window ();
  SdDayView *day = SD_DAY_VIEW (sd_window_get_part (window, "day"));
  g_autoptr(GPtrArray) found = fixture_query (&fixture, local (2026, 11, 24, 0, 0),
                                              local (2026, 11, 25, 0, 0));

  g_assert_cmpstr (sd_window_get_view (window), ==, "day");
  g_assert_cmpint (sd_window_get_date (window), ==, local (2026, 11, 24, 0, 0));
  g_assert_cmpstr (sd_window_get_date_title (window), ==, "Tue 24 Nov 2026");

  /* One column per staff member, in the store's order. */
  g_assert_cmpuint (sd_day_view_get_n_columns (day), ==, g_list_model_get_n_items (fixture.staff));
  for (guint i = 0; i < g_list_model_get_n_items (fixture.staff); i++)
    {
      g_autoptr(SdStaff) staff = g_list_model_get_item (fixture.staff, i);

      g_assert_cmpstr (sd_day_view_get_column_name (day, i), ==, sd_staff_get_name (staff));
    }

  /* One block per appointment of the day, no more (never one widget per cell). */
  g_assert_cmpuint (found->len, >, 0);
  g_assert_cmpuint (sd_day_view_get_n_blocks (day), ==, count_shown (found, FALSE, FALSE));
  for (guint i = 0; i < found->len; i++)
    {
      SdAppointment *a = g_ptr_array_index (found, i);
      SdAppointmentBlock *block = sd_day_view_find_block (day, sd_appointment_get_id (a));
      g_autofree char *range = NULL;

      if (sd_appointment_get_state (a) == SD_STATE_DECLINED
          || sd_appointment_get_state (a) == SD_STATE_EXPIRED)
        {
          g_assert_null (block);
          continue;
        }
      g_assert_nonnull (block);
      range = sd_format_time_range (sd_appointment_get_start (a), sd_appointment_get_end (a),
                                    fixture.tz);
      g_assert_cmpstr (sd_appointment_block_get_line (block, 0), ==, range);
      g_assert_cmpstr (sd_appointment_block_get_line (block, 1), ==,
                       sd_appointment_get_client_name (a));
      g_assert_cmpstr (sd_appointment_block_get_line (block, 2), ==,
                       sd_appointment_get_service_name (a));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (block)));
    }
  close_window (window);
}

static void
test_navigate (void)
{
  SdWindow *window = open_window ();
  SdAgendaModel *model = sd_window_get_agenda_model (window);
  SdDayView *day = SD_DAY_VIEW (sd_window_get_part (window, "day"));
  SdWeekView *week = SD_WEEK_VIEW (sd_window_get_part (window, "week"));
  guint loads = sd_agenda_model_get_n_loads (model);

  /* Days inside the loaded weeks: no query, no waiting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL));
  g_assert_cmpint (sd_window_get_date (window), ==, local (2026, 11, 25, 0, 0));
  g_assert_false (sd_agenda_model_get_loading (model));
  g_assert_cmpuint (sd_agenda_model_get_n_loads (model), ==, loads);
  g_assert_cmpint (sd_day_view_get_day_start (day), ==, local (2026, 11, 25, 0, 0));
  g_assert_cmpstr (sd_window_get_date_title (window), ==, "Wed 25 Nov 2026");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous", NULL);
  g_assert_cmpint (sd_window_get_date (window), ==, local (2026, 11, 23, 0, 0));
  g_assert_cmpuint (sd_agenda_model_get_n_loads (model), ==, loads);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.today", NULL);
  g_assert_cmpint (sd_window_get_date (window), ==, local (2026, 11, 24, 0, 0));

  /* The week view moves by weeks and shows every appointment of its week. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "week");
  g_assert_cmpstr (sd_window_get_view (window), ==, "week");
  g_assert_cmpstr (sd_window_get_date_title (window), ==, "23 – 29 Nov 2026");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (sd_window_get_part (window, "date")), ==,
                   "Week 48 · Go to Date (Ctrl+G)");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpint (sd_week_view_get_week_start (week), ==, local (2026, 11, 30, 0, 0));
  /* The week after was loaded with the first window: shown at once. */
  {
    g_autoptr(GPtrArray) found = fixture_query (&fixture, local (2026, 11, 30, 0, 0),
                                                local (2026, 12, 7, 0, 0));

    g_assert_cmpuint (sd_week_view_get_n_shown (week), ==, count_shown (found, FALSE, FALSE));
    g_assert_cmpuint (sd_week_view_get_n_shown (week), >, 0);
  }
  wait_loaded (window, sd_agenda_model_get_n_loads (model) - 1);

  /* Far away: a background load, then the right week. */
  loads = sd_agenda_model_get_n_loads (model);
  sd_window_set_date (window, local (2027, 1, 12, 12, 0));
  g_assert_true (sd_agenda_model_get_loading (model));
  wait_loaded (window, loads);
  {
    g_autoptr(GPtrArray) found = fixture_query (&fixture, local (2027, 1, 11, 0, 0),
                                                local (2027, 1, 18, 0, 0));

    g_assert_cmpint (sd_week_view_get_week_start (week), ==, local (2027, 1, 11, 0, 0));
    g_assert_cmpuint (sd_week_view_get_n_shown (week), ==, count_shown (found, FALSE, FALSE));
  }

  /* A load in flight is cancelled by the next jump: only the last one lands. */
  loads = sd_agenda_model_get_n_loads (model);
  sd_window_set_date (window, local (2026, 9, 15, 12, 0));
  sd_window_set_date (window, local (2026, 10, 13, 12, 0));
  wait_loaded (window, loads);
  g_assert_cmpuint (sd_agenda_model_get_n_loads (model), ==, loads + 1);
  g_assert_true (sd_agenda_model_covers (model, local (2026, 10, 12, 0, 0), local (2026, 10, 19, 0, 0)));
  g_assert_false (sd_agenda_model_covers (model, local (2026, 9, 14, 0, 0), local (2026, 9, 21, 0, 0)));
  close_window (window);
}

static void
test_dst_days (void)
{
  SdWindow *window = open_window ();

  /* Autumn: Sunday 25 October 2026 has 25 hours; the next day still starts at midnight. */
  sd_window_set_date (window, local (2026, 10, 24, 15, 0));
  g_assert_cmpint (sd_window_get_date (window), ==, local (2026, 10, 24, 0, 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpint (sd_window_get_date (window), ==, local (2026, 10, 25, 0, 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpint (sd_window_get_date (window), ==, local (2026, 10, 26, 0, 0));
  g_assert_cmpint (local (2026, 10, 26, 0, 0) - local (2026, 10, 25, 0, 0), ==, 25 * 3600);
  g_assert_cmpstr (sd_window_get_date_title (window), ==, "Mon 26 Oct 2026");

  /* Spring: a week with 29 March moves to the next Monday's midnight. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "week");
  sd_window_set_date (window, local (2026, 3, 25, 12, 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpint (sd_week_view_get_week_start (SD_WEEK_VIEW (sd_window_get_part (window, "week"))),
                   ==, local (2026, 3, 30, 0, 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "day");
  close_window (window);
}

static gboolean
has_width (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static void
test_select (void)
{
  SdWindow *window = open_window ();
  SdDayView *day = SD_DAY_VIEW (sd_window_get_part (window, "day"));
  SdWeekView *week = SD_WEEK_VIEW (sd_window_get_part (window, "week"));
  SdListView *list = SD_LIST_VIEW (sd_window_get_part (window, "list"));
  g_autoptr(GPtrArray) found = fixture_query (&fixture, local (2026, 11, 24, 0, 0),
                                              local (2026, 11, 25, 0, 0));
  SdAppointment *a = g_ptr_array_index (found, 0);
  SdAppointmentBlock *block = sd_day_view_find_block (day, sd_appointment_get_id (a));

  g_assert_nonnull (block);
  g_assert_null (sd_window_get_selected (window));
  g_signal_emit_by_name (block, "activate");
  g_assert_nonnull (sd_window_get_selected (window));
  g_assert_cmpint (sd_appointment_get_id (sd_window_get_selected (window)), ==, sd_appointment_get_id (a));
  g_assert_true (sd_appointment_block_get_selected (block));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (block), "selected"));

  /* The same appointment is selected in the list, and the week view hit-tests it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "list");
  {
    GListModel *rows = sd_list_view_get_rows (list);
    gboolean seen = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(SdAppointment) row = g_list_model_get_item (rows, i);

        seen |= sd_appointment_get_id (row) == sd_appointment_get_id (a);
      }
    g_assert_true (seen);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "week");
  /* Laid out in the next frame, which may come after a slow one (the details pane's first). */
  fixture_wait (has_width, week);
  {
    gboolean hit = FALSE;
    int w = gtk_widget_get_width (GTK_WIDGET (week));
    int h = gtk_widget_get_height (GTK_WIDGET (week));

    for (int y = 0; y < h && !hit; y += 3)
      for (int x = 0; x < w && !hit; x += 3)
        {
          SdAppointment *picked = sd_week_view_pick (week, x, y);

          hit = picked != NULL && sd_appointment_get_id (picked) == sd_appointment_get_id (a);
        }
    g_assert_true (hit);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-details", NULL);
  g_assert_null (sd_window_get_selected (window));
  g_assert_false (sd_appointment_block_get_selected (block));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "day");
  close_window (window);
}

static void
test_filters (void)
{
  SdWindow *window = open_window ();
  SdDayView *day = SD_DAY_VIEW (sd_window_get_part (window, "day"));
  SdListView *list = SD_LIST_VIEW (sd_window_get_part (window, "list"));
  g_autoptr(GPtrArray) week = fixture_query (&fixture, local (2026, 11, 23, 0, 0),
                                             local (2026, 11, 30, 0, 0));
  gint64 cancelled_id = 0, cancelled_start = 0;

  for (guint i = 0; i < week->len && cancelled_id == 0; i++)
    if (sd_appointment_get_state (g_ptr_array_index (week, i)) == SD_STATE_CANCELLED)
      {
        cancelled_id = sd_appointment_get_id (g_ptr_array_index (week, i));
        cancelled_start = sd_appointment_get_start (g_ptr_array_index (week, i));
      }
  g_assert_cmpint (cancelled_id, !=, 0);

  sd_window_set_date (window, cancelled_start);
  g_assert_nonnull (sd_day_view_find_block (day, cancelled_id));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "list");
  g_assert_cmpuint (g_list_model_get_n_items (sd_list_view_get_rows (list)), ==,
                    count_shown (week, FALSE, FALSE));

  /* Hidden in every view, whichever is shown when the filter changes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.hide-cancelled", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sd_list_view_get_rows (list)), ==,
                    count_shown (week, TRUE, FALSE));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "day");
  g_assert_null (sd_day_view_find_block (day, cancelled_id));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.hide-cancelled", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-declined-expired", NULL);
  g_assert_nonnull (sd_day_view_find_block (day, cancelled_id));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "list");
  g_assert_cmpuint (g_list_model_get_n_items (sd_list_view_get_rows (list)), ==,
                    count_shown (week, FALSE, TRUE));
  close_window (window);
}

static void
test_list_sort_and_state (void)
{
  SdWindow *window = open_window ();
  SdListView *list = SD_LIST_VIEW (sd_window_get_part (window, "list"));
  GListModel *rows = sd_list_view_get_rows (list);
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "list");
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, >, 10);

  /* By time first, then by client name descending. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(SdAppointment) prev = g_list_model_get_item (rows, i - 1);
      g_autoptr(SdAppointment) cur = g_list_model_get_item (rows, i);

      g_assert_cmpint (sd_appointment_get_start (prev), <=, sd_appointment_get_start (cur));
    }
  sd_list_view_sort_by (list, "client", GTK_SORT_DESCENDING);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(SdAppointment) prev = g_list_model_get_item (rows, i - 1);
      g_autoptr(SdAppointment) cur = g_list_model_get_item (rows, i);

      g_autofree char *a = g_utf8_casefold (sd_appointment_get_client_name (prev), -1);
      g_autofree char *b = g_utf8_casefold (sd_appointment_get_client_name (cur), -1);

      /* As GtkStringSorter compares: case-folded, collated. */
      g_assert_cmpint (g_utf8_collate (a, b), >=, 0);
    }

  /* Only the requests awaiting an answer. */
  sd_list_view_set_state_filter (list, SD_STATE_CONFIRMED);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SdAppointment) a = g_list_model_get_item (rows, i);

      g_assert_cmpint (sd_appointment_get_state (a), ==, SD_STATE_CONFIRMED);
    }
  sd_list_view_set_state_filter (list, -1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "day");
  close_window (window);
}

static gboolean
has_results (gpointer data)
{
  return g_list_model_get_n_items (sd_search_popover_get_results (data)) > 0;
}

static gboolean
selected_is (gpointer data)
{
  gpointer *args = data;
  SdAppointment *selected = sd_window_get_selected (args[0]);

  return selected != NULL && sd_appointment_get_id (selected) == *(gint64 *) args[1];
}

static void
test_search_and_jump (void)
{
  SdWindow *window = open_window ();
  SdSearchPopover *search = SD_SEARCH_POPOVER (sd_window_get_part (window, "search"));
  g_autoptr(GPtrArray) later = fixture_query (&fixture, local (2027, 1, 20, 0, 0),
                                              local (2027, 1, 21, 0, 0));
  SdAppointment *target;
  g_autofree char *name = NULL;
  g_autoptr(SdAppointment) result = NULL;
  gint64 id;
  gpointer args[2];

  g_assert_cmpuint (later->len, >, 0);
  target = g_ptr_array_index (later, 0);
  name = g_strdup (sd_appointment_get_client_name (target));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  sd_search_popover_search (search, name);
  fixture_wait (has_results, search);

  /* Most recent first: the result for the client may be any of theirs; jump to it. */
  result = g_list_model_get_item (sd_search_popover_get_results (search), 0);
  g_assert_cmpstr (sd_appointment_get_client_name (result), ==, name);
  id = sd_appointment_get_id (result);
  sd_search_popover_activate_result (search, 0);
  args[0] = window;
  args[1] = &id;
  fixture_wait (selected_is, args);
  g_assert_cmpint (sd_window_get_date (window), ==,
                   sd_time_local_midnight (sd_appointment_get_start (result), fixture.tz));

  /* No match: no results, no crash. */
  sd_search_popover_search (search, "zzzqqq-nobody");
  fixture_settle ();
  close_window (window);
}

static void
test_error_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sd-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.sqlite", NULL);
  g_autofree char *after = NULL;
  g_autoptr(SdClock) clock = sd_clock_new_fixed (0);
  g_autoptr(SdStore) store = NULL;
  SdWindow *window = SD_WINDOW (sd_window_new (NULL));
  AdwStatusPage *page;

  g_assert_true (g_file_set_contents (path, "this is not a database, but someone's notes\n", -1, NULL));
  store = sd_store_open (path, clock, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  sd_window_show_error (window, error);
  gtk_window_present (GTK_WINDOW (window));
  fixture_settle ();

  /* The page says why, and the file is left as it was. */
  page = ADW_STATUS_PAGE (sd_window_get_part (window, "error-page"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), error->message));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "this is not a database, but someone's notes\n");
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first appointment in @state from the fixture's days around "now". */
static SdAppointment *
find_in_state (SdState state)
{
  g_autoptr(GPtrArray) found = fixture_query (&fixture, local (2026, 10, 1, 0, 0),
                                              local (2027, 1, 31, 0, 0));

  for (guint i = 0; i < found->len; i++)
    if (sd_appointment_get_state (g_ptr_array_index (found, i)) == state)
      return g_object_ref (g_ptr_array_index (found, i));
  return NULL;
}

static gboolean
selected_state_is (gpointer data)
{
  gpointer *args = data;
  SdAppointment *selected = sd_window_get_selected (args[0]);

  return selected != NULL && sd_appointment_get_id (selected) == *(gint64 *) args[1]
         && (int) sd_appointment_get_state (selected) == *(int *) args[2];
}

static void
test_disputed_locked (void)
{
  static const char *actions[] = {
    "appointment.accept", "appointment.decline", "appointment.unavailable",
    "appointment.check-in", "appointment.check-out", "appointment.no-show",
    "appointment.reschedule", "appointment.cancel",
  };
  SdWindow *window = open_window ();
  g_autoptr(SdAppointment) disputed = find_in_state (SD_STATE_DISPUTED);
  GtkWidget *pane = sd_window_get_part (window, "details");
  g_autoptr(SdAppointment) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int state = SD_STATE_DISPUTED;
  gpointer args[3];

  g_assert_nonnull (disputed);
  g_assert_nonnull (pane);
  id = sd_appointment_get_id (disputed);
  sd_window_show_appointment (window, id, sd_appointment_get_start (disputed));
  args[0] = window;
  args[1] = &id;
  args[2] = &state;
  fixture_wait (selected_state_is, args);
  fixture_settle ();

  /* Shown in the pane, and every button that changes it is greyed out. */
  g_assert_true (sd_details_pane_get_appointment (SD_DETAILS_PANE (pane)) == sd_window_get_selected (window));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = find_actionable (pane, actions[i]);

      g_assert_nonnull (button);
      g_assert_false (gtk_widget_is_sensitive (button));
      /* Activating it by name does nothing either. */
      gtk_widget_activate_action (pane, actions[i], NULL);
    }
  fixture_settle ();
  after = sd_store_get_appointment (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_DISPUTED);

  /* In the day view it is red with a lock. */
  if (g_strcmp0 (sd_window_get_view (window), "day") == 0)
    {
      SdAppointmentBlock *block = sd_day_view_find_block (SD_DAY_VIEW (sd_window_get_part (window, "day")), id);

      g_assert_nonnull (block);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (block), "state-disputed"));
    }
  close_window (window);
}

static gboolean
inbox_counted (gpointer data)
{
  guint count;

  g_object_get (data, "count", &count, NULL);
  return count > 0;
}

static void
test_accept_request (void)
{
  SdWindow *window = open_window ();
  GtkWidget *pane = sd_window_get_part (window, "details");
  GtkWidget *inbox = sd_window_get_part (window, "inbox");
  g_autoptr(SdAppointment) request = find_in_state (SD_STATE_REQUESTED);
  g_autoptr(SdAppointment) after = NULL;
  g_autoptr(GError) error = NULL;
  SdAppointmentBlock *block;
  guint count_before, count_after;
  gint64 id;
  int state = SD_STATE_REQUESTED;
  gpointer args[3];

  g_assert_nonnull (request);
  g_assert_nonnull (inbox);
  fixture_wait (inbox_counted, inbox);
  g_object_get (inbox, "count", &count_before, NULL);

  id = sd_appointment_get_id (request);
  sd_window_show_appointment (window, id, sd_appointment_get_start (request));
  args[0] = window;
  args[1] = &id;
  args[2] = &state;
  fixture_wait (selected_state_is, args);
  fixture_settle ();

  g_assert_true (gtk_widget_is_sensitive (find_actionable (pane, "appointment.accept")));
  g_assert_true (gtk_widget_activate_action (pane, "appointment.accept", NULL));

  /* The store changes, the window reloads and the block shows the new state. */
  state = SD_STATE_CONFIRMED;
  fixture_wait (selected_state_is, args);
  after = sd_store_get_appointment (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_CONFIRMED);
  block = sd_day_view_find_block (SD_DAY_VIEW (sd_window_get_part (window, "day")), id);
  g_assert_nonnull (block);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (block), "state-confirmed"));
  g_assert_false (gtk_widget_is_sensitive (find_actionable (pane, "appointment.accept")));

  /* One request fewer awaits an answer. */
  fixture_settle ();
  g_object_get (inbox, "count", &count_after, NULL);
  g_assert_cmpuint (count_after, ==, count_before - 1);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  fixture_require_display (&argc, &argv);
  fixture_open (&fixture, 6000);

  g_test_add_func ("/app/window/opens-on-today", test_opens_on_today);
  g_test_add_func ("/app/window/navigate", test_navigate);
  g_test_add_func ("/app/window/dst-days", test_dst_days);
  g_test_add_func ("/app/window/select", test_select);
  g_test_add_func ("/app/window/filters", test_filters);
  g_test_add_func ("/app/window/list-sort-and-state", test_list_sort_and_state);
  g_test_add_func ("/app/window/search-and-jump", test_search_and_jump);
  g_test_add_func ("/app/window/error-page", test_error_page);
  /* These change the store: last. */
  g_test_add_func ("/app/window/disputed-locked", test_disputed_locked);
  g_test_add_func ("/app/window/accept-request", test_accept_request);

  ret = g_test_run ();
  fixture_close (&fixture);
  return ret;
}

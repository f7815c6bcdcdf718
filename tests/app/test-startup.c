/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's start-up order: the agenda's first frame comes first, with all five tabs in
 * the header; the inbox, the complaints, the details pane, the list and the shortcuts come
 * right after it, and whatever the receptionist reaches for before that is built on the
 * spot. */
#include "config.h"

#include "app-test-fixture.h"
#include "sd-agenda-model.h"
#include "sd-application.h"
#include "sd-inbox-view.h"
#include "sd-list-view.h"
#include "sd-window.h"

static SalonFixture fixture;

typedef struct
{
  SdWindow *window;
  AdwViewStack *stack;
  gboolean drawn;
  gboolean inbox_built_at_first_frame;
  guint inbox_badge_at_first_frame;
  const char *switch_to;        /* a tab clicked in the first frame's handler */
} Start;

static AdwViewStack *
view_stack (SdWindow *window)
{
  return ADW_VIEW_STACK (gtk_widget_get_ancestor (sd_window_get_part (window, "day"),
                                                  ADW_TYPE_VIEW_STACK));
}

static GtkWidget *
page_child (AdwViewStack *stack,
            const char   *name)
{
  return adw_view_stack_get_child_by_name (stack, name);
}

static AdwViewStackPage *
page (AdwViewStack *stack,
      const char   *name)
{
  return adw_view_stack_get_page (stack, page_child (stack, name));
}

static void
on_drawn (Start *s)
{
  s->drawn = TRUE;
  s->inbox_built_at_first_frame = SD_IS_INBOX_VIEW (page_child (s->stack, "inbox"));
  s->inbox_badge_at_first_frame = adw_view_stack_page_get_badge_number (page (s->stack, "inbox"));
  /* As the view switcher does when a tab is clicked. */
  if (s->switch_to != NULL)
    adw_view_stack_set_visible_child_name (s->stack, s->switch_to);
}

static gboolean
is_drawn (gpointer data)
{
  return ((Start *) data)->drawn;
}

static void
start (Start      *s,
       const char *switch_to)
{
  *s = (Start) { .switch_to = switch_to };
  s->window = SD_WINDOW (sd_window_new (NULL));
  s->stack = view_stack (s->window);
  gtk_window_set_default_size (GTK_WINDOW (s->window), 1280, 840);
  /* The last view is a setting: start from the day view. */
  sd_window_set_view (s->window, "day");
  /* As the application does when the store opens at once: no loading page to fade from. */
  sd_window_set_store (s->window, fixture.store, fixture.staff);
  gtk_window_present (GTK_WINDOW (s->window));
  g_signal_connect_swapped (s->window, "agenda-drawn", G_CALLBACK (on_drawn), s);
  fixture_wait (is_drawn, s);
  g_signal_handlers_disconnect_by_data (s->window, s);
}

static void
stop (Start *s)
{
  gtk_window_destroy (GTK_WINDOW (s->window));
  fixture_settle ();
}

/* With SD_SCREENSHOT_DIR, the window as it is now, for docs/screenshots. */
static void
screenshot (SdWindow   *window,
            const char *name)
{
  const char *dir = g_getenv ("SD_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_true (sd_application_save_screenshot (GTK_WIDGET (window), path, &error));
  g_assert_no_error (error);
}

static gboolean
inbox_badge_shown (gpointer data)
{
  Start *s = data;
  GtkWidget *inbox = page_child (s->stack, "inbox");

  return SD_IS_INBOX_VIEW (inbox) && adw_view_stack_page_get_badge_number (page (s->stack, "inbox")) > 0;
}

/* Five tabs from the first frame; the inbox's badge shortly after it, with nobody asking. */
static void
test_tabs_then_badges (void)
{
  const char *names[] = { "day", "week", "list", "inbox", "complaints" };
  const char *titles[] = { "Day", "Week", "List", "Inbox", "Complaints" };
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  AdwViewStackPage *inbox_page;
  Start s;
  gint64 t0;
  guint count;

  start (&s, NULL);
  /* Nothing has run since the first frame: this is what it showed. */
  screenshot (s.window, "startup-first-frame.png");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_nonnull (page_child (s.stack, names[i]));
      g_assert_cmpstr (adw_view_stack_page_get_title (page (s.stack, names[i])), ==, titles[i]);
    }
  g_assert_cmpstr (sd_window_get_view (s.window), ==, "day");
  /* Its query did not queue before the agenda's. */
  g_assert_false (s.inbox_built_at_first_frame);
  g_assert_cmpuint (s.inbox_badge_at_first_frame, ==, 0);

  t0 = g_get_monotonic_time ();
  fixture_wait (inbox_badge_shown, &s);
  g_test_message ("inbox badge %.0f ms after the first frame",
                  (g_get_monotonic_time () - t0) / 1000.0);
  /* The tabs kept their order and titles, and the day view stayed on screen. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (adw_view_stack_page_get_title (page (s.stack, names[i])), ==, titles[i]);
  g_assert_cmpstr (sd_window_get_view (s.window), ==, "day");

  inbox_page = page (s.stack, "inbox");
  g_object_get (sd_window_get_part (s.window, "inbox"), "count", &count, NULL);
  requests = sd_store_list_inbox (fixture.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (inbox_page), ==, count);
  g_assert_cmpuint (count, ==, requests->len);
  g_assert_true (adw_view_stack_page_get_needs_attention (inbox_page));
  g_assert_true (SD_IS_LIST_VIEW (sd_window_get_part (s.window, "list")));
  /* Main menu › Keyboard Shortcuts works. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (s.window), "show-help-overlay"));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (s.window)));
  fixture_settle ();
  screenshot (s.window, "startup-badges.png");
  stop (&s);
}

static gboolean
inbox_on_screen (gpointer data)
{
  Start *s = data;
  GtkWidget *inbox = page_child (s->stack, "inbox");

  return SD_IS_INBOX_VIEW (inbox) && gtk_widget_get_mapped (inbox)
         && gtk_widget_get_width (inbox) > 0;
}

/* The Inbox tab clicked at once: the inbox itself shows, not an empty page. */
static void
test_early_tab_click (void)
{
  Start s;

  start (&s, "inbox");
  fixture_wait (inbox_on_screen, &s);
  g_assert_cmpstr (sd_window_get_view (s.window), ==, "inbox");
  g_assert_true (adw_view_stack_get_visible_child (s.stack) == sd_window_get_part (s.window, "inbox"));
  sd_window_set_view (s.window, "day");
  stop (&s);
}

static gboolean
list_has_rows (gpointer data)
{
  SdListView *list = data;

  return gtk_widget_get_mapped (GTK_WIDGET (list))
         && g_list_model_get_n_items (sd_list_view_get_rows (list)) > 0;
}

static gboolean
calendar_shown (gpointer data)
{
  GtkWidget *calendar = gtk_popover_get_child (GTK_POPOVER (data));

  return GTK_IS_CALENDAR (calendar) && gtk_widget_get_mapped (calendar);
}

/* The list and the date popover, built when first needed, show the window's week and day. */
static void
test_built_on_demand (void)
{
  g_autoptr(GDateTime) picked = NULL;
  GtkPopover *popover;
  SdListView *list;
  Start s;

  start (&s, "list");
  g_assert_cmpstr (sd_window_get_view (s.window), ==, "list");
  list = SD_LIST_VIEW (adw_bin_get_child (ADW_BIN (page_child (s.stack, "list"))));
  g_assert_true (SD_IS_LIST_VIEW (list));
  g_assert_true (GTK_WIDGET (list) == sd_window_get_part (s.window, "list"));
  fixture_wait (list_has_rows, list);
  /* Rows of the week of Tuesday 24 November 2026 only. */
  for (guint i = 0; i < g_list_model_get_n_items (sd_list_view_get_rows (list)); i++)
    {
      g_autoptr(SdAppointment) a = g_list_model_get_item (sd_list_view_get_rows (list), i);

      g_assert_cmpint (sd_appointment_get_start (a), >=, sd_time_from_local (fixture.tz, 2026, 11, 23, 0, 0));
      g_assert_cmpint (sd_appointment_get_start (a), <, sd_time_from_local (fixture.tz, 2026, 11, 30, 0, 0));
    }

  sd_window_set_view (s.window, "day");
  sd_window_set_date (s.window, sd_time_from_local (fixture.tz, 2026, 12, 3, 12, 0));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (sd_window_get_part (s.window, "date")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (s.window), "win.go-to-date", NULL));
  fixture_wait (calendar_shown, popover);
  picked = gtk_calendar_get_date (GTK_CALENDAR (gtk_popover_get_child (popover)));
  g_assert_cmpint (g_date_time_get_year (picked), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (picked), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (picked), ==, 3);

  /* Picking a day in it moves the window there. */
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 9, 12, 0, 0);

    gtk_calendar_select_day (GTK_CALENDAR (gtk_popover_get_child (popover)), day);
  }
  g_assert_cmpint (sd_window_get_date (s.window), ==, sd_time_from_local (fixture.tz, 2026, 12, 9, 0, 0));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  stop (&s);
}

static gboolean
model_loaded (gpointer data)
{
  SdAgendaModel *model = data;

  return sd_agenda_model_get_n_loads (model) > 0 && !sd_agenda_model_get_loading (model);
}

/* The first weeks read with the store are the agenda at once, with no query of its own;
 * weeks that do not hold the day the window opens on are not used. */
static void
test_preloaded_weeks (void)
{
  gint64 day = sd_time_from_local (fixture.tz, 2026, 11, 24, 0, 0);
  gint64 from, to;
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GPtrArray) january = NULL;
  SdAgendaModel *model;
  SdWindow *window;

  sd_agenda_model_window_around (fixture.tz, day, sd_time_add_days (day, fixture.tz, 1),
                                 &from, &to);
  g_assert_cmpint (from, ==, sd_time_from_local (fixture.tz, 2026, 11, 16, 0, 0));
  g_assert_cmpint (to, ==, sd_time_from_local (fixture.tz, 2026, 12, 7, 0, 0));
  weeks = fixture_query (&fixture, from, to);
  g_assert_cmpuint (weeks->len, >, 0);

  window = SD_WINDOW (sd_window_new (NULL));
  sd_window_preload_agenda (window, from, to, weeks);
  sd_window_set_store (window, fixture.store, fixture.staff);
  model = sd_window_get_agenda_model (window);
  g_assert_cmpuint (sd_agenda_model_get_n_loads (model), ==, 1);
  g_assert_false (sd_agenda_model_get_loading (model));
  g_assert_true (sd_agenda_model_covers (model, from, to));
  g_assert_cmpuint (g_list_model_get_n_items (sd_agenda_model_get_appointments (model)), ==,
                    weeks->len);
  g_assert_nonnull (sd_agenda_model_find (model, sd_appointment_get_id (g_ptr_array_index (weeks, 0))));
  gtk_window_destroy (GTK_WINDOW (window));

  january = fixture_query (&fixture, sd_time_from_local (fixture.tz, 2027, 1, 4, 0, 0),
                           sd_time_from_local (fixture.tz, 2027, 1, 25, 0, 0));
  window = SD_WINDOW (sd_window_new (NULL));
  sd_window_preload_agenda (window, sd_time_from_local (fixture.tz, 2027, 1, 4, 0, 0),
                            sd_time_from_local (fixture.tz, 2027, 1, 25, 0, 0), january);
  sd_window_set_store (window, fixture.store, fixture.staff);
  model = sd_window_get_agenda_model (window);
  g_assert_cmpuint (sd_agenda_model_get_n_loads (model), ==, 0);
  g_assert_true (sd_agenda_model_get_loading (model));
  fixture_wait (model_loaded, model);
  g_assert_true (sd_agenda_model_covers (model, day, sd_time_add_days (day, fixture.tz, 1)));
  g_assert_null (sd_agenda_model_find (model, sd_appointment_get_id (g_ptr_array_index (january, 0))));
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_settle ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  fixture_require_display (&argc, &argv);
  fixture_open (&fixture, 6000);
  /* What AdwApplication loads for the real application: the states' colours. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/app/startup/tabs-then-badges", test_tabs_then_badges);
  g_test_add_func ("/app/startup/early-tab-click", test_early_tab_click);
  g_test_add_func ("/app/startup/built-on-demand", test_built_on_demand);
  g_test_add_func ("/app/startup/preloaded-weeks", test_preloaded_weeks);
  ret = g_test_run ();
  fixture_close (&fixture);
  return ret;
}

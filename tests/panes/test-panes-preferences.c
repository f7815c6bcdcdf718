/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences save all or nothing: a bad time zone (or any bad field) leaves the salon as
 * it was, on disk too; a good change survives reopening the database. */
#include "config.h"

#include "panes-fixture.h"
#include "sd-preferences-window.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-window.h"

static GtkWidget *
child (GtkWidget *window, const char *name)
{
  GObject *object = gtk_widget_get_template_child (window, SD_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
set_text (GtkWidget *window, const char *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (window, row)), text);
}

static SdStore *
reopen (PanesFixture *f)
{
  g_autoptr (GError) error = NULL;
  SdStore *store = sd_store_open (f->path, f->clock, &error);

  g_assert_no_error (error);
  return store;
}

static GtkWidget *
open_window (PanesFixture *f)
{
  GtkWidget *window = sd_preferences_window_new (NULL, f->store);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_bad_timezone (PanesFixture *f, gconstpointer data)
{
  GtkWidget *window = open_window (f);
  g_autoptr (SdStore) again = NULL;
  SdSalon *salon;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "tz_row"))), ==,
                   "Europe/Amsterdam");
  set_text (window, "name_row", "Salone Nuovo");
  set_text (window, "tz_row", "Mars/Olympus_Mons");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (window, "confirm_spin")), 12);
  gtk_widget_activate_action (window, "preferences.save", NULL);

  g_assert_true (gtk_widget_get_visible (child (window, "error_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (window, "error_label"))),
                            "Mars/Olympus_Mons"));
  g_assert_true (gtk_widget_has_css_class (child (window, "tz_row"), "error"));
  panes_screenshot (window, "panes-preferences-error.png");

  /* Nothing changed: not the name, not the zone, not the deadline; in memory or on disk. */
  salon = sd_store_get_salon (f->store);
  g_assert_cmpstr (sd_salon_get_name (salon), ==, "Salone Bella");
  g_assert_cmpstr (sd_salon_get_tzid (salon), ==, "Europe/Amsterdam");
  g_assert_cmpint (sd_salon_get_settings (salon)->confirm_hours, ==, 24);
  again = reopen (f);
  salon = sd_store_get_salon (again);
  g_assert_cmpstr (sd_salon_get_name (salon), ==, "Salone Bella");
  g_assert_cmpstr (sd_salon_get_tzid (salon), ==, "Europe/Amsterdam");
  g_assert_cmpint (sd_salon_get_settings (salon)->confirm_hours, ==, 24);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_hours (PanesFixture *f, gconstpointer data)
{
  GtkWidget *window = open_window (f);
  g_autoptr (SdStore) again = NULL;
  int open_min, close_min;

  /* Tuesday (open by default) closing before it opens. */
  set_text (window, "name_row", "Salone Nuovo");
  gtk_widget_activate_action (window, "preferences.save", NULL);
  g_assert_false (gtk_widget_get_visible (child (window, "error_label")));
  again = reopen (f);
  g_assert_cmpstr (sd_salon_get_name (sd_store_get_salon (again)), ==, "Salone Nuovo");
  g_clear_object (&again);

  {
    /* The hours rows are built in code; find Tuesday's entries through the group. */
    GtkWidget *group = child (window, "hours_group");
    GtkWidget *tuesday_close = NULL;
    guint found = 0;
    GtkWidget *stack[64];
    guint top = 0;

    stack[top++] = group;
    while (top > 0 && tuesday_close == NULL)
      {
        GtkWidget *w = stack[--top];

        if (GTK_IS_ENTRY (w) && ++found == 4)   /* Mon open, Mon close, Tue open, Tue close */
          tuesday_close = w;
        for (GtkWidget *c = gtk_widget_get_last_child (w); c != NULL && top < 64;
             c = gtk_widget_get_prev_sibling (c))
          stack[top++] = c;
      }
    g_assert_nonnull (tuesday_close);
    gtk_editable_set_text (GTK_EDITABLE (tuesday_close), "08:00");
  }
  set_text (window, "name_row", "Another Name");
  gtk_widget_activate_action (window, "preferences.save", NULL);
  g_assert_true (gtk_widget_get_visible (child (window, "error_label")));
  again = reopen (f);
  g_assert_cmpstr (sd_salon_get_name (sd_store_get_salon (again)), ==, "Salone Nuovo");
  sd_salon_get_hours (sd_store_get_salon (again), G_DATE_TUESDAY, &open_min, &close_min);
  g_assert_cmpint (open_min, ==, 9 * 60);
  g_assert_cmpint (close_min, ==, 19 * 60);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_persist (PanesFixture *f, gconstpointer data)
{
  GtkWidget *window = open_window (f);
  g_autoptr (SdStore) again = NULL;
  g_auto (GStrv) days = NULL;
  SdSalon *salon;
  const SdSalonSettings *settings;

  set_text (window, "name_row", "Salone Nuovo");
  set_text (window, "tz_row", "Europe/Rome");
  set_text (window, "currency_row", "CHF");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (window, "free_cancel_spin")), 48);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (window, "confirm_spin")), 12);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (window, "checkin_spin")), 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (window, "no_show_spin")), 20);
  /* A closing day, and a bad one that is refused on the spot. */
  set_text (window, "closing_row", "2026-12-32");
  g_signal_emit_by_name (child (window, "closing_row"), "apply");
  g_assert_true (gtk_widget_has_css_class (child (window, "closing_row"), "error"));
  set_text (window, "closing_row", "2026-12-25");
  g_signal_emit_by_name (child (window, "closing_row"), "apply");
  g_assert_false (gtk_widget_has_css_class (child (window, "closing_row"), "error"));
  gtk_widget_activate_action (window, "preferences.save", NULL);
  g_assert_false (gtk_widget_get_visible (child (window, "error_label")));

  again = reopen (f);
  salon = sd_store_get_salon (again);
  settings = sd_salon_get_settings (salon);
  g_assert_cmpstr (sd_salon_get_name (salon), ==, "Salone Nuovo");
  g_assert_cmpstr (sd_salon_get_tzid (salon), ==, "Europe/Rome");
  g_assert_cmpstr (sd_salon_get_currency (salon), ==, "CHF");
  g_assert_cmpint (settings->free_cancel_hours, ==, 48);
  g_assert_cmpint (settings->confirm_hours, ==, 12);
  g_assert_cmpint (settings->checkin_early_min, ==, 10);
  g_assert_cmpint (settings->no_show_grace_min, ==, 20);
  days = sd_salon_dup_closing_days (salon);
  g_assert_cmpuint (g_strv_length (days), ==, 1);
  g_assert_cmpstr (days[0], ==, "2026-12-25");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The reminder time is the salon's (on disk); reminding of appointments is this computer's
 * (GSettings). Both are saved with the rest, and neither when anything else is wrong. */
static void
test_reminders (PanesFixture *f, gconstpointer data)
{
  GtkWidget *window = sd_preferences_window_new (NULL, f->store);
  g_autoptr (GSettings) settings = sd_window_lookup_settings ();
  g_autoptr (SdStore) again = NULL;
  GtkWidget *spin = child (window, "reminder_spin");
  GtkWidget *toggle = child (window, "remind_appointments_switch");

  g_assert_nonnull (settings);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 60);
  g_assert_true (gtk_widget_get_visible (child (window, "remind_appointments_row")));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  /* A bad zone elsewhere on the page: nothing is saved, the computer's choice neither. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  if (g_getenv ("SD_SCREENSHOT_DIR") != NULL)
    {
      GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (
        GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW)));

      panes_run_for (300);
      gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
      panes_screenshot (window, "panes-preferences-reminders.png");
    }
  set_text (window, "tz_row", "Mars/Olympus_Mons");
  gtk_widget_activate_action (window, "preferences.save", NULL);
  g_assert_cmpint (sd_salon_get_settings (sd_store_get_salon (f->store))->reminder_minutes, ==,
                   60);
  g_assert_false (g_settings_get_boolean (settings, "remind-appointments"));

  set_text (window, "tz_row", "Europe/Amsterdam");
  gtk_widget_activate_action (window, "preferences.save", NULL);
  g_assert_false (gtk_widget_get_visible (child (window, "error_label")));
  g_assert_true (g_settings_get_boolean (settings, "remind-appointments"));
  again = reopen (f);
  g_assert_cmpint (sd_salon_get_settings (sd_store_get_salon (again))->reminder_minutes, ==, 30);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "remind-appointments");
}

static gboolean
has_staff (SdStore *store, const char *name)
{
  g_autoptr (GListModel) staff = sd_store_list_staff (store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr (SdStaff) member = g_list_model_get_item (staff, i);

      if (g_strcmp0 (sd_staff_get_name (member), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_staff_and_services (PanesFixture *f, gconstpointer data)
{
  GtkWidget *window = open_window (f);
  g_autoptr (GListModel) services = NULL;
  gboolean colour = FALSE;

  set_text (window, "staff_row", "   ");
  gtk_widget_activate_action (window, "preferences.add-staff", NULL);
  g_assert_true (gtk_widget_has_css_class (child (window, "staff_row"), "error"));
  set_text (window, "staff_row", "Giulia");
  gtk_widget_activate_action (window, "preferences.add-staff", NULL);
  g_assert_true (has_staff (f->store, "Giulia"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "staff_row"))), ==, "");

  set_text (window, "service_name_row", "Colour");
  set_text (window, "service_price_row", "fifty");
  gtk_widget_activate_action (window, "preferences.add-service", NULL);
  g_assert_true (gtk_widget_has_css_class (child (window, "service_price_row"), "error"));
  services = sd_store_list_services (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 1);
  g_clear_object (&services);

  set_text (window, "service_price_row", "55,50");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (window, "service_duration_spin")), 90);
  gtk_widget_activate_action (window, "preferences.add-service", NULL);
  services = sd_store_list_services (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr (SdService) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (sd_service_get_name (service), "Colour") == 0)
        {
          colour = TRUE;
          g_assert_cmpint (sd_service_get_duration_min (service), ==, 90);
          g_assert_cmpint (sd_service_get_price_cents (service), ==, 5550);
        }
    }
  g_assert_true (colour);
  g_assert_cmpuint (panes_count_children (child (window, "service_list")), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  if (!panes_init (&argc, &argv))
    return 0;

  g_test_add ("/panes/preferences/bad-timezone", PanesFixture, NULL, panes_fixture_setup,
              test_bad_timezone, panes_fixture_teardown);
  g_test_add ("/panes/preferences/bad-hours", PanesFixture, NULL, panes_fixture_setup,
              test_bad_hours, panes_fixture_teardown);
  g_test_add ("/panes/preferences/reminders", PanesFixture, NULL, panes_fixture_setup,
              test_reminders, panes_fixture_teardown);
  g_test_add ("/panes/preferences/persist", PanesFixture, NULL, panes_fixture_setup,
              test_persist, panes_fixture_teardown);
  g_test_add ("/panes/preferences/staff-and-services", PanesFixture, NULL,
              panes_fixture_setup, test_staff_and_services, panes_fixture_teardown);
  return g_test_run ();
}

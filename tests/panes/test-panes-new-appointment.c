/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The desk's booking form writes a confirmed, pay-at-salon appointment; a double booking
 * is refused until the user explicitly books anyway; a form without a name or with an
 * impossible time writes nothing. */
#include "config.h"

#include "panes-fixture.h"
#include "sd-new-appointment-dialog.h"

static GtkWidget *
child (GtkWidget *dialog, const char *name)
{
  GObject *object = gtk_widget_get_template_child (dialog, SD_TYPE_NEW_APPOINTMENT_DIALOG,
                                                   name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
anyway_button (GtkWidget *dialog)
{
  GtkWidget *button = panes_find_button (dialog, "new-appointment.book-anyway");

  g_assert_nonnull (button);
  return button;
}

static void
on_created (GtkWidget *dialog, gint64 id, gint64 *out)
{
  *out = id;
}

static gboolean
id_set (gpointer data)
{
  return *(gint64 *) data != 0;
}

static gboolean
conflict_shown (gpointer data)
{
  return gtk_widget_get_visible (child (data, "conflict_box"));
}

static gboolean
error_shown (gpointer data)
{
  return gtk_widget_get_visible (child (data, "error_label"));
}

static guint
count_appointments (PanesFixture *f)
{
  SdQuery query;
  g_autoptr (GPtrArray) all = NULL;

  sd_query_init (&query, PANES_NOW - 86400, PANES_NOW + 7 * 86400);
  all = sd_store_list_appointments (f->store, &query, NULL);
  g_assert_nonnull (all);
  return all->len;
}

static GtkWidget *
open_dialog (PanesFixture *f, gint64 start, gint64 staff_id, gint64 *created)
{
  GtkWidget *dialog = sd_new_appointment_dialog_new (NULL, f->store, start, staff_id);

  g_object_ref (dialog);
  g_signal_connect (dialog, "appointment-created", G_CALLBACK (on_created), created);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
close_dialog (GtkWidget *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_create (PanesFixture *f, gconstpointer data)
{
  gint64 start = PANES_NOW + 2 * 3600;
  gint64 created = 0;
  GtkWidget *dialog = open_dialog (f, start, f->staff2_id, &created);
  g_autoptr (SdAppointment) stored = NULL;

  /* The form starts at the slot it was opened on, in the salon's zone. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "date_row"))), ==,
                   "2026-11-23");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "time_row"))), ==,
                   "11:00");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "  Femke Smit ");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "phone_row")), "+31 6 1234 5678");
  gtk_widget_activate_action (dialog, "new-appointment.book", NULL);
  panes_wait_until (id_set, &created);

  stored = sd_store_get_appointment (f->store, created, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (sd_appointment_get_client_name (stored), ==, "Femke Smit");
  g_assert_cmpint (sd_appointment_get_start (stored), ==, start);
  g_assert_cmpint (sd_appointment_get_end (stored), ==, start + 45 * 60);
  g_assert_cmpint (sd_appointment_get_staff_id (stored), ==, f->staff2_id);
  g_assert_cmpint (sd_appointment_get_state (stored), ==, SD_STATE_CONFIRMED);
  g_assert_cmpint (sd_appointment_get_payment_mode (stored), ==, SD_PAYMENT_AT_SALON);
  /* The dialog closes itself once the booking is written. */
  g_assert_false (gtk_widget_get_visible (dialog));
  close_dialog (dialog);
}

static void
test_overlap (PanesFixture *f, gconstpointer data)
{
  gint64 start = PANES_NOW + 3600;
  g_autoptr (SdAppointment) existing = panes_book (f, start, SD_STATE_CONFIRMED, "Gijs");
  gint64 created = 0;
  /* Half an hour later, same staff member: the first still runs 15 min. */
  GtkWidget *dialog = open_dialog (f, start + 30 * 60, f->staff_id, &created);
  g_autoptr (SdAppointment) stored = NULL;
  const char *conflict;

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "Hanna");
  gtk_widget_activate_action (dialog, "new-appointment.book", NULL);
  panes_wait_until (conflict_shown, dialog);
  conflict = gtk_label_get_text (GTK_LABEL (child (dialog, "conflict_label")));
  /* The core's message names the other appointment. */
  g_assert_nonnull (strstr (conflict, "Gijs"));
  g_assert_cmpint (created, ==, 0);
  g_assert_cmpuint (count_appointments (f), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (anyway_button (dialog)));
  panes_screenshot (dialog, "panes-new-appointment-overlap.png");

  gtk_widget_activate_action (dialog, "new-appointment.book-anyway", NULL);
  panes_wait_until (id_set, &created);
  g_assert_cmpuint (count_appointments (f), ==, 2);
  stored = sd_store_get_appointment (f->store, created, NULL);
  g_assert_cmpstr (sd_appointment_get_client_name (stored), ==, "Hanna");
  close_dialog (dialog);
}

static void
test_editing_clears_conflict (PanesFixture *f, gconstpointer data)
{
  gint64 start = PANES_NOW + 3600;
  g_autoptr (SdAppointment) existing = panes_book (f, start, SD_STATE_CONFIRMED, "Gijs");
  gint64 created = 0;
  GtkWidget *dialog = open_dialog (f, start, f->staff_id, &created);

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "Hanna");
  gtk_widget_activate_action (dialog, "new-appointment.book", NULL);
  panes_wait_until (conflict_shown, dialog);

  /* Moving to a free time takes the offer away: "anyway" was about the other slot. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "time_row")), "10:45");
  g_assert_false (gtk_widget_get_visible (child (dialog, "conflict_box")));
  g_assert_false (gtk_widget_get_sensitive (anyway_button (dialog)));
  gtk_widget_activate_action (dialog, "new-appointment.book", NULL);
  panes_wait_until (id_set, &created);
  g_assert_cmpuint (count_appointments (f), ==, 2);
  close_dialog (dialog);
}

static void
test_validation (PanesFixture *f, gconstpointer data)
{
  gint64 created = 0;
  GtkWidget *dialog = open_dialog (f, PANES_NOW + 3600, f->staff_id, &created);
  GtkWidget *name = child (dialog, "name_row");
  GtkWidget *date = child (dialog, "date_row");
  GtkWidget *time = child (dialog, "time_row");

  /* No name. */
  gtk_widget_activate_action (dialog, "new-appointment.book", NULL);
  panes_wait_until (error_shown, dialog);
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "error_label"))),
                            "name"));

  /* A name, but 31 November and 24:30 do not exist. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Ivo");
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-11-31");
  gtk_editable_set_text (GTK_EDITABLE (time), "24:30");
  gtk_widget_activate_action (dialog, "new-appointment.book", NULL);
  panes_wait_until (error_shown, dialog);
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_true (gtk_widget_has_css_class (time, "error"));
  g_assert_false (gtk_widget_has_css_class (name, "error"));

  panes_run_for (100);
  g_assert_cmpint (created, ==, 0);
  g_assert_cmpuint (count_appointments (f), ==, 0);
  close_dialog (dialog);
}

/* A start typed on the DST change day is read in the salon's zone, not UTC. */
static void
test_dst_day (PanesFixture *f, gconstpointer data)
{
  gint64 created = 0;
  GtkWidget *dialog;
  g_autoptr (SdAppointment) stored = NULL;

  /* The week before the change: Friday 20 March 2026, 09:00 CET. */
  sd_clock_set_now (f->clock, 1773993600);
  dialog = open_dialog (f, 0, f->staff_id, &created);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "Jet");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "date_row")), "2026-03-29");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "time_row")), "10:00");
  gtk_widget_activate_action (dialog, "new-appointment.book", NULL);
  panes_wait_until (id_set, &created);
  stored = sd_store_get_appointment (f->store, created, NULL);
  /* 10:00 CEST (+02:00) on 29 March 2026 is 08:00 UTC. */
  g_assert_cmpint (sd_appointment_get_start (stored), ==, 1774771200);
  close_dialog (dialog);
}

int
main (int argc, char *argv[])
{
  if (!panes_init (&argc, &argv))
    return 0;

  g_test_add ("/panes/new-appointment/create", PanesFixture, NULL, panes_fixture_setup,
              test_create, panes_fixture_teardown);
  g_test_add ("/panes/new-appointment/overlap", PanesFixture, NULL, panes_fixture_setup,
              test_overlap, panes_fixture_teardown);
  g_test_add ("/panes/new-appointment/editing-clears-conflict", PanesFixture, NULL,
              panes_fixture_setup, test_editing_clears_conflict, panes_fixture_teardown);
  g_test_add ("/panes/new-appointment/validation", PanesFixture, NULL, panes_fixture_setup,
              test_validation, panes_fixture_teardown);
  g_test_add ("/panes/new-appointment/dst-day", PanesFixture, NULL, panes_fixture_setup,
              test_dst_day, panes_fixture_teardown);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The desk's booking form recognises a known client from the typed name, phone or e-mail
 * and shows their earlier no-shows and late cancellations before the booking is made;
 * someone unknown, or a name two clients share, shows nothing. */
#include "config.h"

#include "panes-fixture.h"
#include "sd-new-appointment-dialog.h"

/* The dates are kept whole with no-break spaces. */
#define EXPECTED \
  "2 earlier no-shows (3\u00a0Oct, 12\u00a0Nov) and 1 late cancellation (5\u00a0Nov)"

static GtkWidget *
child (GtkWidget *dialog, const char *name)
{
  GObject *object = gtk_widget_get_template_child (dialog, SD_TYPE_NEW_APPOINTMENT_DIALOG,
                                                   name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
warning_shown (gpointer dialog)
{
  return gtk_widget_get_visible (child (dialog, "client_warning"));
}

static gboolean
warning_hidden (gpointer dialog)
{
  return !warning_shown (dialog);
}

static const char *
warning_text (GtkWidget *dialog)
{
  return gtk_label_get_text (GTK_LABEL (child (dialog, "client_warning_label")));
}

static void
type (GtkWidget *dialog, const char *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, row)), text);
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

static void
test_known_client (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) past = NULL;
  g_autoptr (SdClient) anna = NULL;
  g_autoptr (SdAppointment) created_one = NULL;
  g_autofree char *spaced = NULL;
  GtkWidget *dialog;
  gint64 created = 0;

  panes_make_incidents (f, "Anna Rossi");
  past = panes_book (f, PANES_NOW + 3600, SD_STATE_CONFIRMED, "Anna Rossi");
  anna = sd_store_get_client (f->store, sd_appointment_get_client_id (past), NULL);
  g_assert_nonnull (anna);

  dialog = sd_new_appointment_dialog_new (NULL, f->store, PANES_NOW + 86400, 0);
  g_object_ref (dialog);
  g_signal_connect (dialog, "appointment-created", G_CALLBACK (on_created), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (warning_shown (dialog));

  /* Her name, typed in any case: the warning, with counts and dates. */
  type (dialog, "name_row", "anna rossi");
  panes_wait_until (warning_shown, dialog);
  g_assert_cmpstr (warning_text (dialog), ==, EXPECTED);
  panes_screenshot (dialog, "new-appointment-client-warning.png");

  /* Someone else: it goes away. */
  type (dialog, "name_row", "Bram Visser");
  panes_wait_until (warning_hidden, dialog);

  /* Her phone, spaced differently from how it was stored, finds her again. */
  spaced = g_strdup (sd_client_get_phone (anna));
  g_strdelimit (spaced, " ", '-');
  type (dialog, "phone_row", spaced);
  panes_wait_until (warning_shown, dialog);
  g_assert_cmpstr (warning_text (dialog), ==, EXPECTED);

  /* The warning does not stop the booking. */
  gtk_widget_activate_action (dialog, "new-appointment.book", NULL);
  panes_wait_until (id_set, &created);
  created_one = sd_store_get_appointment (f->store, created, NULL);
  g_assert_nonnull (created_one);
  g_assert_cmpint (sd_appointment_get_client_id (created_one), ==,
                   sd_appointment_get_client_id (past));
  g_object_unref (dialog);
}

static void
test_unknown_or_ambiguous (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) one = NULL;
  g_autoptr (SdAppointment) two = NULL;
  g_autoptr (GError) error = NULL;
  SdNewAppointment spec;
  GtkWidget *dialog;

  /* Two different clients called Marco Bianchi, one of them with a no-show. */
  panes_make_incidents (f, "Marco Bianchi");
  sd_new_appointment_init (&spec);
  spec.start = PANES_NOW + 7200;
  spec.staff_id = f->staff2_id;
  spec.service_id = f->service_id;
  spec.client_name = "Marco Bianchi";
  spec.client_email = "other.marco@example.org";
  spec.state = SD_STATE_CONFIRMED;
  two = sd_store_create_appointment (f->store, &spec, &error);
  g_assert_no_error (error);

  dialog = sd_new_appointment_dialog_new (NULL, f->store, PANES_NOW + 86400, 0);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The name alone could be either: no warning about the wrong person. */
  type (dialog, "name_row", "Marco Bianchi");
  panes_run_for (800);
  g_assert_false (warning_shown (dialog));
  /* The e-mail says which one: the one with the history. */
  type (dialog, "email_row", "Marco Bianchi@example.org");
  panes_wait_until (warning_shown, dialog);
  g_assert_cmpstr (warning_text (dialog), ==, EXPECTED);
  /* The other one has none. */
  type (dialog, "email_row", "other.marco@example.org");
  panes_wait_until (warning_hidden, dialog);

  /* Nobody we know. */
  type (dialog, "email_row", "");
  type (dialog, "name_row", "Zoe Smit");
  type (dialog, "phone_row", "+31 6 1111 2222");
  panes_run_for (800);
  g_assert_false (warning_shown (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int argc, char *argv[])
{
  if (!panes_init (&argc, &argv))
    return 0;

  g_test_add ("/panes/booking-warning/known-client", PanesFixture, NULL, panes_fixture_setup,
              test_known_client, panes_fixture_teardown);
  g_test_add ("/panes/booking-warning/unknown-or-ambiguous", PanesFixture, NULL,
              panes_fixture_setup, test_unknown_or_ambiguous, panes_fixture_teardown);
  return g_test_run ();
}

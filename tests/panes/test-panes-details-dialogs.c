/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The questions the details pane asks before an action, answered as a user would: the
 * decline reason and its ranking warning, proposed times, a reschedule, and the explicit
 * "Accept anyway" after an overlap. The cancel wizard has its own test
 * (test-panes-cancel-wizard.c). */
#include "config.h"

#include "panes-fixture.h"
#include "sd-details-pane.h"

static GtkWidget *
child (GtkWidget *pane, const char *name)
{
  GObject *object = gtk_widget_get_template_child (pane, SD_TYPE_DETAILS_PANE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
answer (AdwMessageDialog *dialog, const char *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Depth-first, in order: the @n-th (from 0) widget of @type in @root's tree, @root
 * included. */
static GtkWidget *
find_nth (GtkWidget *root, GType type, guint *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (*n)-- == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_nth (c, type, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
nth_of_type (AdwMessageDialog *dialog, GType type, guint n)
{
  GtkWidget *found = find_nth (adw_message_dialog_get_extra_child (dialog), type, &n);

  g_assert_nonnull (found);
  return found;
}

typedef struct
{
  GtkWidget *pane;
  SdState state;
} StateIs;

static gboolean
state_is (gpointer data)
{
  StateIs *wait = data;

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (child (wait->pane, "state_label"))),
                    sd_state_get_label (wait->state)) == 0;
}

static void
wait_for_state (GtkWidget *pane, SdState state)
{
  StateIs wait = { pane, state };

  panes_wait_until (state_is, &wait);
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static void
on_changed (GtkWidget *pane, gint64 id, gint64 *out)
{
  *out = id;
}

static gboolean
id_set (gpointer data)
{
  return *(gint64 *) data != 0;
}

static SdAppointment *
stored (PanesFixture *f, SdAppointment *appointment)
{
  g_autoptr (GError) error = NULL;
  SdAppointment *a = sd_store_get_appointment (f->store, sd_appointment_get_id (appointment),
                                               &error);

  g_assert_no_error (error);
  return a;
}

static GtkWidget *
show_pane (PanesFixture *f, SdAppointment *appointment, GtkWidget **window)
{
  GtkWidget *pane = sd_details_pane_new (f->store);

  *window = panes_window_new (pane, 480, 800);
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), appointment);
  return pane;
}

static void
test_decline (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) request = panes_book (f, PANES_NOW + 86400, SD_STATE_REQUESTED,
                                                  "Anna");
  g_autoptr (SdAppointment) after = NULL;
  g_autoptr (GPtrArray) history = NULL;
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, request, &window);
  AdwMessageDialog *dialog;
  GtkWidget *reason;

  gtk_widget_activate_action (pane, "appointment.decline", NULL);
  dialog = panes_wait_for_dialog ();
  /* Said before it is done: declining costs ranking. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "ranking"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "decline"));
  reason = nth_of_type (dialog, GTK_TYPE_ENTRY, 0);
  gtk_editable_set_text (GTK_EDITABLE (reason), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "decline"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "Fully booked that day");
  answer (dialog, "decline");

  wait_for_state (pane, SD_STATE_DECLINED);
  after = stored (f, request);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_DECLINED);
  history = sd_store_list_history (f->store, sd_appointment_get_id (request), NULL);
  g_assert_cmpstr (sd_history_entry_get_detail (g_ptr_array_index (history, history->len - 1)),
                   ==, "Fully booked that day");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_unavailable (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) request = panes_book (f, PANES_NOW + 86400, SD_STATE_REQUESTED,
                                                  "Bram");
  g_autoptr (SdAppointment) after = NULL;
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, request, &window);
  GtkLabel *phone = GTK_LABEL (child (pane, "phone_value"));
  AdwMessageDialog *dialog;
  GtkWidget *first, *second;
  const gint64 *starts;
  guint n = 0;

  g_assert_null (strstr (gtk_label_get_text (phone), "+31"));
  gtk_widget_activate_action (pane, "appointment.unavailable", NULL);
  dialog = panes_wait_for_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "propose"));
  first = nth_of_type (dialog, GTK_TYPE_ENTRY, 0);
  second = nth_of_type (dialog, GTK_TYPE_ENTRY, 1);
  gtk_editable_set_text (GTK_EDITABLE (first), "2026-11-26 15:30");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "propose"));
  /* A second time that is not one refuses the whole answer, and says which. */
  gtk_editable_set_text (GTK_EDITABLE (second), "26/11 16:00");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "propose"));
  g_assert_true (gtk_widget_has_css_class (second, "error"));
  gtk_editable_set_text (GTK_EDITABLE (second), "2026-11-27 09:00");
  answer (dialog, "propose");

  /* The request stays open and the phone appears. */
  panes_wait_until (is_visible, child (pane, "proposed_row"));
  g_assert_nonnull (strstr (gtk_label_get_text (phone), "+31"));
  after = stored (f, request);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_REQUESTED);
  starts = sd_appointment_get_proposed_starts (after, &n);
  g_assert_cmpuint (n, ==, 2);
  /* Local times in Amsterdam (+01:00 in November). */
  g_assert_cmpint (starts[0], ==, PANES_NOW + 3 * 86400 + 6 * 3600 + 1800);
  g_assert_cmpint (starts[1], ==, PANES_NOW + 4 * 86400);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accept_overlap (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) first = panes_book (f, PANES_NOW + 86400, SD_STATE_REQUESTED,
                                                "Cora");
  g_autoptr (SdAppointment) second = NULL;
  g_autoptr (SdAppointment) after = NULL;
  g_autoptr (GError) error = NULL;
  SdNewAppointment spec;
  GtkWidget *window;
  GtkWidget *pane;
  AdwMessageDialog *dialog;

  /* Two clients asked for overlapping times (the marketplace allows it). */
  sd_new_appointment_init (&spec);
  spec.start = PANES_NOW + 86400 + 15 * 60;
  spec.staff_id = f->staff_id;
  spec.service_id = f->service_id;
  spec.client_name = "Dirk";
  spec.client_email = "dirk@example.org";
  spec.state = SD_STATE_REQUESTED;
  spec.payment = SD_PAYMENT_PREPAID;
  spec.allow_overlap = TRUE;
  second = sd_store_create_appointment (f->store, &spec, &error);
  g_assert_no_error (error);

  pane = show_pane (f, second, &window);
  gtk_widget_activate_action (pane, "appointment.accept", NULL);
  dialog = panes_wait_for_dialog ();
  /* Refused first, with the core's words naming the other booking. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Cora"));
  after = stored (f, second);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_REQUESTED);
  g_clear_object (&after);

  answer (dialog, "anyway");
  wait_for_state (pane, SD_STATE_CONFIRMED);
  after = stored (f, second);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_CONFIRMED);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reschedule (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = panes_book (f, PANES_NOW + 86400, SD_STATE_CONFIRMED,
                                                 "Femke");
  g_autoptr (SdAppointment) after = NULL;
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 changed = 0;

  g_signal_connect (pane, "appointment-changed", G_CALLBACK (on_changed), &changed);
  gtk_widget_activate_action (pane, "appointment.reschedule", NULL);
  dialog = panes_wait_for_dialog ();
  entry = nth_of_type (dialog, GTK_TYPE_ENTRY, 0);
  /* It starts from the current time, in the salon's zone. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-11-24 09:00");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-11-24 25:00");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reschedule"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-11-24 14:15");
  /* Staff are listed by name: Lucia, Marco. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (nth_of_type (dialog, GTK_TYPE_DROP_DOWN, 0)), 0);
  answer (dialog, "reschedule");

  panes_wait_until (id_set, &changed);
  after = stored (f, booked);
  g_assert_cmpint (sd_appointment_get_start (after), ==, PANES_NOW + 86400 + 5 * 3600 + 900);
  g_assert_cmpint (sd_appointment_get_end (after), ==, PANES_NOW + 86400 + 6 * 3600);
  g_assert_cmpint (sd_appointment_get_staff_id (after), ==, f->staff2_id);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  if (!panes_init (&argc, &argv))
    return 0;

  g_test_add ("/panes/details-dialogs/decline", PanesFixture, NULL, panes_fixture_setup,
              test_decline, panes_fixture_teardown);
  g_test_add ("/panes/details-dialogs/unavailable", PanesFixture, NULL, panes_fixture_setup,
              test_unavailable, panes_fixture_teardown);
  g_test_add ("/panes/details-dialogs/accept-overlap", PanesFixture, NULL,
              panes_fixture_setup, test_accept_overlap, panes_fixture_teardown);
  g_test_add ("/panes/details-dialogs/reschedule", PanesFixture, NULL, panes_fixture_setup,
              test_reschedule, panes_fixture_teardown);
  return g_test_run ();
}

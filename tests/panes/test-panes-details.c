/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The details pane offers exactly what the core allows, says why when it does not, and
 * performs actions through the store. */
#include "config.h"

#include "panes-fixture.h"
#include "sd-details-pane.h"
#include "sd-lifecycle.h"
#include "sd-policy-error.h"
#include "sd-state-style.h"
#include "sd-time.h"

static const struct
{
  const char *name;
  SdAction action;
} pane_actions[] = {
  { "appointment.accept", SD_ACTION_ACCEPT },
  { "appointment.decline", SD_ACTION_DECLINE },
  { "appointment.unavailable", SD_ACTION_UNAVAILABLE },
  { "appointment.check-in", SD_ACTION_CHECK_IN },
  { "appointment.check-out", SD_ACTION_CHECK_OUT },
  { "appointment.no-show", SD_ACTION_NO_SHOW },
  { "appointment.reschedule", SD_ACTION_RESCHEDULE },
  { "appointment.cancel", SD_ACTION_CANCEL },
};

static GtkWidget *
child (GtkWidget *pane, const char *name)
{
  GObject *object = gtk_widget_get_template_child (pane, SD_TYPE_DETAILS_PANE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* Every action's button is sensitive exactly when sd_lifecycle_check allows the action now,
 * and a refused action's button says why with the core's own words. */
static void
assert_actions_match_core (PanesFixture *f, GtkWidget *pane, SdAppointment *appointment)
{
  gint64 now = sd_clock_get_now (f->clock);

  for (guint i = 0; i < G_N_ELEMENTS (pane_actions); i++)
    {
      g_autoptr (GError) error = NULL;
      GtkWidget *button = panes_find_button (pane, pane_actions[i].name);
      gboolean allowed = sd_lifecycle_check (appointment, pane_actions[i].action,
                                             sd_store_get_salon (f->store), now, &error);

      g_assert_nonnull (button);
      if (gtk_widget_get_sensitive (button) != allowed)
        g_error ("%s in state %s: button %s, core says %s", pane_actions[i].name,
                 sd_state_to_string (sd_appointment_get_state (appointment)),
                 gtk_widget_get_sensitive (button) ? "enabled" : "disabled",
                 allowed ? "allowed" : error->message);
      if (allowed)
        g_assert_null (gtk_widget_get_tooltip_text (button));
      else if (g_error_matches (error, SD_POLICY_ERROR, SD_POLICY_ERROR_TOO_EARLY)
               && pane_actions[i].action == SD_ACTION_CHECK_IN)
        /* Too early: the clock time it opens at, not the rule in general. */
        g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (button),
                                         "Check-in opens "));
      else if (g_error_matches (error, SD_POLICY_ERROR, SD_POLICY_ERROR_TOO_EARLY)
               && pane_actions[i].action == SD_ACTION_NO_SHOW)
        g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (button),
                                         "No-show can be marked from "));
      else
        g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, error->message);
    }
}

static void
test_empty (PanesFixture *f, gconstpointer data)
{
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 600);
  GtkStack *stack = GTK_STACK (child (pane, "stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  for (guint i = 0; i < G_N_ELEMENTS (pane_actions); i++)
    g_assert_false (gtk_widget_get_sensitive (panes_find_button (pane, pane_actions[i].name)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_actions_per_state (PanesFixture *f, gconstpointer data)
{
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 800);
  GtkLabel *state_label = GTK_LABEL (child (pane, "state_label"));
  GtkWidget *badge = child (pane, "state_badge");
  /* Moments that open different guards: before the check-in window, inside it, after the
   * no-show grace, and past every request's deadline. */
  const gint64 moments[] = { 0, 3600 - 15 * 60, 3600 + 20 * 60, 2 * 86400 };

  for (SdState state = 0; state < SD_N_STATES; state++)
    {
      g_autoptr (SdAppointment) appointment = panes_make_in_state (f, state, "Anna Rossi");

      sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), appointment);
      g_assert_cmpstr (gtk_label_get_text (state_label), ==, sd_state_get_label (state));
      for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
        {
          /* The pane follows the clock by itself. */
          sd_clock_set_now (f->clock, PANES_NOW + moments[m]);
          assert_actions_match_core (f, pane, appointment);
        }
      sd_clock_set_now (f->clock, PANES_NOW);
      /* Its colour (style.css) plus its icon and words. */
      g_assert_true (gtk_widget_has_css_class (badge, sd_state_style_get_css_class (state)));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_disputed_locked (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) appointment = panes_make_in_state (f, SD_STATE_DISPUTED,
                                                               "Bea Visser");
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 800);
  g_autoptr (GError) locked = NULL;
  guint shown = 0;

  g_assert_false (sd_lifecycle_check (appointment, SD_ACTION_CANCEL,
                                      sd_store_get_salon (f->store), PANES_NOW, &locked));
  g_assert_error (locked, SD_POLICY_ERROR, SD_POLICY_ERROR_LOCKED);

  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), appointment);
  for (guint i = 0; i < G_N_ELEMENTS (pane_actions); i++)
    {
      GtkWidget *button = panes_find_button (pane, pane_actions[i].name);

      g_assert_true (sd_lifecycle_action_modifies (pane_actions[i].action));
      g_assert_false (gtk_widget_get_sensitive (button));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, locked->message);
      shown += gtk_widget_is_visible (button);
    }
  /* Completed before the dispute: no desk action applies, so no dead buttons are shown;
   * the lock itself is said next to the state. */
  g_assert_cmpuint (shown, ==, 0);
  g_assert_true (gtk_widget_has_css_class (child (pane, "state_badge"), "state-disputed"));
  g_assert_true (gtk_widget_get_visible (child (pane, "notice_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (pane, "notice_label"))), ==,
                   locked->message);
  /* Activating a locked action does nothing. */
  gtk_widget_activate_action (pane, "appointment.cancel", NULL);
  panes_run_for (100);
  {
    g_autoptr (SdAppointment) stored = sd_store_get_appointment (
      f->store, sd_appointment_get_id (appointment), NULL);
    g_assert_cmpint (sd_appointment_get_state (stored), ==, SD_STATE_DISPUTED);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkLabel *label;
  const char *text;
} LabelIs;

static gboolean
label_is (gpointer data)
{
  LabelIs *wait = data;

  return g_strcmp0 (gtk_label_get_text (wait->label), wait->text) == 0;
}

static void
on_changed (GtkWidget *pane, gint64 id, gint64 *out)
{
  *out = id;
}

typedef struct
{
  GtkWidget *list;
  guint n;
} ListHas;

static gboolean
list_has (gpointer data)
{
  ListHas *wait = data;

  return panes_count_children (wait->list) == wait->n;
}

static void
test_check_in (PanesFixture *f, gconstpointer data)
{
  gint64 start = PANES_NOW + 3600;
  g_autoptr (SdAppointment) appointment = panes_book (f, start, SD_STATE_CONFIRMED,
                                                      "Carla Bruni");
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 800);
  GtkWidget *button;
  g_autoptr (SdAppointment) stored = NULL;
  g_autoptr (GPtrArray) history = NULL;
  gint64 changed_id = 0;
  LabelIs wait_label;
  ListHas wait_list;

  g_signal_connect (pane, "appointment-changed", G_CALLBACK (on_changed), &changed_id);
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), appointment);
  button = panes_find_button (pane, "appointment.check-in");

  /* One second before the window opens: refused, with the reason. */
  sd_clock_set_now (f->clock, start - 15 * 60 - 1);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  gtk_widget_activate_action (pane, "appointment.check-in", NULL);
  panes_run_for (100);
  g_assert_cmpint (changed_id, ==, 0);

  /* At the window's first second it opens. */
  sd_clock_set_now (f->clock, start - 15 * 60);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));
  gtk_widget_activate_action (pane, "appointment.check-in", NULL);

  wait_label.label = GTK_LABEL (child (pane, "state_label"));
  wait_label.text = sd_state_get_label (SD_STATE_IN_PROGRESS);
  panes_wait_until (label_is, &wait_label);
  g_assert_cmpint (changed_id, ==, sd_appointment_get_id (appointment));

  stored = sd_store_get_appointment (f->store, sd_appointment_get_id (appointment), NULL);
  g_assert_cmpint (sd_appointment_get_state (stored), ==, SD_STATE_IN_PROGRESS);
  g_assert_cmpint (sd_appointment_get_checked_in_at (stored), ==, start - 15 * 60);
  g_assert_true (gtk_widget_has_css_class (child (pane, "state_badge"), "state-in-progress"));
  /* Now only check-out makes sense. */
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_get_sensitive (panes_find_button (pane, "appointment.check-out")));

  /* The timeline shows every entry the store keeps, the check-in included. */
  history = sd_store_list_history (f->store, sd_appointment_get_id (appointment), NULL);
  g_assert_cmpuint (history->len, >=, 2);
  wait_list.list = child (pane, "history_list");
  wait_list.n = history->len;
  panes_wait_until (list_has, &wait_list);
  {
    GtkWidget *last = gtk_widget_get_last_child (wait_list.list);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (last)), ==,
                     "Checked in");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_history (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) appointment = panes_make_in_state (f, SD_STATE_DISPUTED,
                                                               "Dora Jansen");
  g_autoptr (GPtrArray) history = sd_store_list_history (f->store,
                                                         sd_appointment_get_id (appointment),
                                                         NULL);
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 900);
  ListHas wait_list;
  gboolean complaint_row = FALSE;

  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), appointment);
  /* Created, checked in, checked out, complaint opened: at least four. */
  g_assert_cmpuint (history->len, >=, 4);
  wait_list.list = child (pane, "history_list");
  wait_list.n = history->len;
  panes_wait_until (list_has, &wait_list);

  for (GtkWidget *row = gtk_widget_get_first_child (wait_list.list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      /* Every entry says when and who. */
      g_assert_nonnull (strstr (subtitle, ", by "));
      if (g_strcmp0 (title, "Complaint opened") == 0)
        {
          complaint_row = TRUE;
          g_assert_nonnull (strstr (subtitle, "by the client"));
          g_assert_nonnull (strstr (subtitle, "The cut is uneven"));
        }
    }
  g_assert_true (complaint_row);
  panes_screenshot (window, "panes-details-disputed.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_request_countdown (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) appointment = panes_book (f, PANES_NOW + 2 * 86400,
                                                      SD_STATE_REQUESTED, "Eva Bakker");
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 900);
  GtkLabel *countdown = GTK_LABEL (child (pane, "countdown_label"));
  GtkLabel *phone = GTK_LABEL (child (pane, "phone_value"));
  ListHas wait_list;

  sd_clock_set_now (f->clock, PANES_NOW + 3 * 3600);
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), appointment);
  /* Deadline 24 h after creation: 09:00 the next day, 21 h left. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (countdown)));
  g_assert_nonnull (strstr (gtk_label_get_text (countdown), "Tue 24 Nov 2026, 09:00"));
  g_assert_nonnull (strstr (gtk_label_get_text (countdown), "21 h"));
  /* The phone stays hidden until the salon answers. */
  g_assert_null (strstr (gtk_label_get_text (phone), "+31"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (pane, "price_value"))),
                            "45.00"));

  wait_list.list = child (pane, "history_list");
  wait_list.n = 1;
  panes_wait_until (list_has, &wait_list);
  panes_screenshot (window, "panes-details-request.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Check-in and no-show times, review requested ---- */

static const char *
hint_text (GtkWidget *pane)
{
  GtkWidget *hint = child (pane, "hint_label");

  return gtk_widget_get_visible (hint) ? gtk_label_get_text (GTK_LABEL (hint)) : NULL;
}

static void
test_timing_hint (PanesFixture *f, gconstpointer data)
{
  /* 10:00 local (PANES_NOW is 09:00 in Amsterdam). */
  gint64 start = PANES_NOW + 3600;
  g_autoptr (SdAppointment) appointment = panes_book (f, start, SD_STATE_CONFIRMED,
                                                      "Carla Bruni");
  g_autoptr (SdAppointment) tomorrow = panes_book (f, start + 86400, SD_STATE_CONFIRMED,
                                                   "Dora Jansen");
  g_autoptr (GError) error = NULL;
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 800);
  GtkWidget *check_in, *no_show;
  SdSalon *salon = sd_store_get_salon (f->store);
  SdSalonSettings settings = *sd_salon_get_settings (salon);

  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), appointment);
  check_in = panes_find_button (pane, "appointment.check-in");
  no_show = panes_find_button (pane, "appointment.no-show");

  /* An hour before: both say their clock time, the line under the state the next one. */
  g_assert_cmpstr (hint_text (pane), ==, "Check-in opens at 09:45");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (check_in), ==, "Check-in opens at 09:45");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (no_show), ==,
                   "No-show can be marked from 10:15");

  /* Check-in open: the no-show time is next; it follows the clock by itself. */
  sd_clock_set_now (f->clock, start - 15 * 60);
  g_assert_true (gtk_widget_get_sensitive (check_in));
  g_assert_cmpstr (hint_text (pane), ==, "No-show can be marked from 10:15");
  sd_clock_set_now (f->clock, start + 15 * 60 - 1);
  g_assert_cmpstr (hint_text (pane), ==, "No-show can be marked from 10:15");
  sd_clock_set_now (f->clock, start + 15 * 60);
  g_assert_true (gtk_widget_get_sensitive (no_show));
  g_assert_null (hint_text (pane));

  /* The salon's settings, not a number in the pane: 30 min early, 5 min grace. */
  settings.checkin_early_min = 30;
  settings.no_show_grace_min = 5;
  sd_salon_set_settings (salon, &settings);
  g_assert_true (sd_store_save_salon (f->store, &error));
  g_assert_no_error (error);
  sd_clock_set_now (f->clock, PANES_NOW);
  g_assert_cmpstr (hint_text (pane), ==, "Check-in opens at 09:30");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (no_show), ==,
                   "No-show can be marked from 10:05");

  /* Another day says which. */
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), tomorrow);
  g_assert_cmpstr (hint_text (pane), ==, "Check-in opens on Tue 24 Nov at 09:30");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_review_requested (PanesFixture *f, gconstpointer data)
{
  gint64 start = PANES_NOW + 3600;
  g_autoptr (SdAppointment) appointment = panes_book (f, start, SD_STATE_CONFIRMED,
                                                      "Eva Bakker");
  g_autoptr (SdAppointment) checked_in = panes_perform (f, appointment, SD_ACTION_CHECK_IN,
                                                        start);
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 800);
  g_autoptr (SdAppointment) stored = NULL;
  LabelIs wait_label;

  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), checked_in);
  g_assert_null (hint_text (pane));
  gtk_widget_activate_action (pane, "appointment.check-out", NULL);
  wait_label.label = GTK_LABEL (child (pane, "state_label"));
  wait_label.text = sd_state_get_label (SD_STATE_COMPLETED);
  panes_wait_until (label_is, &wait_label);

  stored = sd_store_get_appointment (f->store, sd_appointment_get_id (appointment), NULL);
  g_assert_true (sd_appointment_get_review_requested (stored));
  g_assert_cmpstr (hint_text (pane), ==, "Review requested from the client");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The client's earlier incidents ---- */

static gboolean
warning_shown (gpointer pane)
{
  return gtk_widget_get_visible (child (pane, "client_warning"));
}

static gboolean
warning_hidden (gpointer pane)
{
  return !warning_shown (pane);
}

static gboolean
settled (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

static void
test_client_warning (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) next = NULL;
  g_autoptr (SdAppointment) request = NULL;
  g_autoptr (SdAppointment) other = NULL;
  g_autoptr (SdAppointment) now_in = NULL;
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 520, 860);
  GtkLabel *label = GTK_LABEL (child (pane, "client_warning_label"));
  const char *expected = "2 earlier no-shows (3\u00a0Oct, 12\u00a0Nov) and 1 late "
                         "cancellation (5\u00a0Nov)";
  ListHas wait_list;

  panes_make_incidents (f, "Anna Rossi");
  next = panes_book (f, PANES_NOW + 86400, SD_STATE_CONFIRMED, "Anna Rossi");
  request = panes_book (f, PANES_NOW + 2 * 86400, SD_STATE_REQUESTED, "Anna Rossi");
  other = panes_book (f, PANES_NOW + 3 * 86400, SD_STATE_CONFIRMED, "Bram Visser");

  /* Loaded in the background, then said with counts and dates. */
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), next);
  g_assert_false (warning_shown (pane));
  panes_wait_until (warning_shown, pane);
  g_assert_cmpstr (gtk_label_get_text (label), ==, expected);
  wait_list.list = child (pane, "history_list");
  wait_list.n = 1;
  panes_wait_until (list_has, &wait_list);
  /* The crossfade from "No appointment selected" is over before the picture. */
  panes_wait_until (settled, child (pane, "stack"));
  panes_screenshot (window, "details-client-warning.png");

  /* A client without incidents: no warning, and none left over from Anna. */
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), other);
  g_assert_false (warning_shown (pane));
  panes_run_for (200);
  g_assert_false (warning_shown (pane));

  /* Anna's request gets it too, before the salon answers. */
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), request);
  panes_wait_until (warning_shown, pane);
  g_assert_cmpstr (gtk_label_get_text (label), ==, expected);

  /* Once she is in the chair it no longer helps: hidden. */
  now_in = panes_perform (f, next, SD_ACTION_CHECK_IN, sd_appointment_get_start (next));
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), now_in);
  panes_wait_until (warning_hidden, pane);
  panes_run_for (200);
  g_assert_false (warning_shown (pane));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- "Unavailable": up to three other times, and the phone ---- */

static void
collect_entries (GtkWidget *root, GPtrArray *out)
{
  if (GTK_IS_ENTRY (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_entries (c, out);
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static void
test_unavailable_three (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) request = panes_book (f, PANES_NOW + 86400, SD_STATE_REQUESTED,
                                                  "Femke de Boer");
  g_autoptr (SdAppointment) after = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 900);
  GtkLabel *phone = GTK_LABEL (child (pane, "phone_value"));
  const char *const times[] = { "2026-11-25 10:00", "2026-11-25 16:30", "2026-11-26 09:15" };
  AdwMessageDialog *dialog;
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), request);
  g_assert_null (strstr (gtk_label_get_text (phone), "+31"));
  gtk_widget_activate_action (pane, "appointment.unavailable", NULL);
  dialog = panes_wait_for_dialog ();
  /* Three fields, no more. */
  collect_entries (adw_message_dialog_get_extra_child (dialog), entries);
  g_assert_cmpuint (entries->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, i)), times[i]);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "propose"));
  adw_message_dialog_response (dialog, "propose");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* All three are shown and stored; the phone is revealed for the call. */
  panes_wait_until (is_visible, child (pane, "proposed_row"));
  lines = g_strsplit (gtk_label_get_text (GTK_LABEL (child (pane, "proposed_value"))), "\n",
                      -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "Thu 26 Nov 2026, 09:15");
  g_assert_nonnull (strstr (gtk_label_get_text (phone), "+31"));
  after = sd_store_get_appointment (f->store, sd_appointment_get_id (request), NULL);
  sd_appointment_get_proposed_starts (after, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_REQUESTED);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  if (!panes_init (&argc, &argv))
    return 0;

  g_test_add ("/panes/details/empty", PanesFixture, NULL, panes_fixture_setup, test_empty,
              panes_fixture_teardown);
  g_test_add ("/panes/details/actions-per-state", PanesFixture, NULL, panes_fixture_setup,
              test_actions_per_state, panes_fixture_teardown);
  g_test_add ("/panes/details/disputed-locked", PanesFixture, NULL, panes_fixture_setup,
              test_disputed_locked, panes_fixture_teardown);
  g_test_add ("/panes/details/check-in", PanesFixture, NULL, panes_fixture_setup,
              test_check_in, panes_fixture_teardown);
  g_test_add ("/panes/details/history", PanesFixture, NULL, panes_fixture_setup,
              test_history, panes_fixture_teardown);
  g_test_add ("/panes/details/request-countdown", PanesFixture, NULL, panes_fixture_setup,
              test_request_countdown, panes_fixture_teardown);
  g_test_add ("/panes/details/timing-hint", PanesFixture, NULL, panes_fixture_setup,
              test_timing_hint, panes_fixture_teardown);
  g_test_add ("/panes/details/review-requested", PanesFixture, NULL, panes_fixture_setup,
              test_review_requested, panes_fixture_teardown);
  g_test_add ("/panes/details/client-warning", PanesFixture, NULL, panes_fixture_setup,
              test_client_warning, panes_fixture_teardown);
  g_test_add ("/panes/details/unavailable-three", PanesFixture, NULL, panes_fixture_setup,
              test_unavailable_three, panes_fixture_teardown);
  return g_test_run ();
}

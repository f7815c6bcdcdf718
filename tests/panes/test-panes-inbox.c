/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The inbox lists what needs action, most urgent first, and follows the clock: a request
 * whose deadline passes becomes expired and leaves the list without a restart. */
#include "config.h"

#include "panes-fixture.h"
#include "sd-details-pane.h"
#include "sd-inbox-item.h"
#include "sd-inbox-view.h"
#include "sd-time.h"

static GtkWidget *
child (GtkWidget *inbox, const char *name)
{
  GObject *object = gtk_widget_get_template_child (inbox, SD_TYPE_INBOX_VIEW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

typedef struct
{
  GtkWidget *inbox;
  guint count;
} CountIs;

static gboolean
count_is (gpointer data)
{
  CountIs *wait = data;
  GtkStack *stack = GTK_STACK (child (wait->inbox, "stack"));
  const char *page = gtk_stack_get_visible_child_name (stack);

  return sd_inbox_view_get_count (SD_INBOX_VIEW (wait->inbox)) == wait->count
         && (g_strcmp0 (page, "list") == 0 || g_strcmp0 (page, "empty") == 0);
}

static void
wait_for_count (GtkWidget *inbox, guint count)
{
  CountIs wait = { inbox, count };

  panes_wait_until (count_is, &wait);
}

/* The client names of the rows, top to bottom. */
static char *
row_titles (GtkWidget *inbox)
{
  GString *titles = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (child (inbox, "list")); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (titles->len > 0)
        g_string_append (titles, " | ");
      g_string_append_len (titles, title, strstr (title, " — ") - title);
    }
  return g_string_free (titles, FALSE);
}

static void
test_empty (PanesFixture *f, gconstpointer data)
{
  GtkWidget *inbox = sd_inbox_view_new (f->store);
  GtkWidget *window = panes_window_new (inbox, 600, 500);
  GtkStack *stack = GTK_STACK (child (inbox, "stack"));
  CountIs wait = { inbox, 0 };

  panes_wait_until (count_is, &wait);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Requests created at 09:00, 10:00 and 07:00 (each due 24 h later) and a complaint opened
 * at 10:30 on an appointment completed yesterday (due 24 h later). */
static void
fill_inbox (PanesFixture *f)
{
  g_autoptr (SdAppointment) a = NULL;
  g_autoptr (SdAppointment) b = NULL;
  g_autoptr (SdAppointment) c = NULL;
  g_autoptr (SdAppointment) d = NULL;
  g_autoptr (SdAppointment) e = NULL;
  g_autoptr (SdAppointment) done = NULL;
  g_autoptr (SdAppointment) disputed = NULL;
  gint64 yesterday = PANES_NOW - 86400;

  /* Yesterday's appointment: booked, checked in, out, then a complaint. */
  sd_clock_set_now (f->clock, yesterday - 3600);
  d = panes_book (f, yesterday, SD_STATE_CONFIRMED, "Dirk de Vries");
  e = panes_perform (f, d, SD_ACTION_CHECK_IN, yesterday);
  done = panes_perform (f, e, SD_ACTION_CHECK_OUT, yesterday + 45 * 60);

  sd_clock_set_now (f->clock, PANES_NOW - 2 * 3600);
  c = panes_book (f, PANES_NOW + 3 * 86400, SD_STATE_REQUESTED, "Cora");
  sd_clock_set_now (f->clock, PANES_NOW);
  a = panes_book (f, PANES_NOW + 2 * 86400, SD_STATE_REQUESTED, "Anna");
  sd_clock_set_now (f->clock, PANES_NOW + 3600);
  b = panes_book (f, PANES_NOW + 2 * 86400 + 3600, SD_STATE_REQUESTED, "Bram");
  disputed = panes_perform (f, done, SD_ACTION_OPEN_COMPLAINT, PANES_NOW + 5400);
  sd_clock_set_now (f->clock, PANES_NOW + 2 * 3600);
}

static void
on_activated (GtkWidget *inbox, gint64 id, gint64 *out)
{
  *out = id;
}

static void
test_order_and_count (PanesFixture *f, gconstpointer data)
{
  GtkWidget *inbox;
  GtkWidget *window;
  g_autofree char *titles = NULL;
  g_autoptr (GPtrArray) items = NULL;
  guint notified_count = 0;
  gint64 activated = 0;
  GtkWidget *first;

  fill_inbox (f);
  inbox = sd_inbox_view_new (f->store);
  window = panes_window_new (inbox, 720, 560);
  wait_for_count (inbox, 4);

  g_object_get (inbox, "count", &notified_count, NULL);
  g_assert_cmpuint (notified_count, ==, 4);
  titles = row_titles (inbox);
  g_assert_cmpstr (titles, ==, "Cora | Anna | Bram | Dirk de Vries");

  /* The deadlines shown are exact and in the salon's zone. */
  first = gtk_widget_get_first_child (child (inbox, "list"));
  items = sd_store_list_inbox (f->store, NULL);
  g_assert_cmpuint (items->len, ==, 4);
  for (guint i = 1; i < items->len; i++)
    g_assert_cmpint (sd_inbox_item_get_deadline (g_ptr_array_index (items, i - 1)), <=,
                     sd_inbox_item_get_deadline (g_ptr_array_index (items, i)));

  g_signal_connect (inbox, "appointment-activated", G_CALLBACK (on_activated), &activated);
  g_signal_emit_by_name (child (inbox, "list"), "row-activated", first);
  g_assert_cmpint (activated, ==,
                   sd_inbox_item_get_appointment_id (g_ptr_array_index (items, 0)));

  panes_screenshot (window, "panes-inbox.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_expiry (PanesFixture *f, gconstpointer data)
{
  GtkWidget *inbox;
  GtkWidget *window;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (SdAppointment) cora = NULL;
  g_autofree char *titles = NULL;
  SdInboxItem *first;
  gint64 deadline;

  fill_inbox (f);
  items = sd_store_list_inbox (f->store, NULL);
  first = g_ptr_array_index (items, 0);
  deadline = sd_inbox_item_get_deadline (first);

  inbox = sd_inbox_view_new (f->store);
  window = panes_window_new (inbox, 720, 560);
  wait_for_count (inbox, 4);

  /* At the deadline itself the request can still be answered: it stays. */
  sd_clock_set_now (f->clock, deadline);
  gtk_widget_activate_action (inbox, "inbox.refresh", NULL);
  panes_run_for (300);
  wait_for_count (inbox, 4);

  /* One second later the timer's work expires it and drops it from the inbox. */
  sd_clock_set_now (f->clock, deadline + 1);
  gtk_widget_activate_action (inbox, "inbox.refresh", NULL);
  wait_for_count (inbox, 3);

  cora = sd_store_get_appointment (f->store, sd_inbox_item_get_appointment_id (first), NULL);
  g_assert_cmpint (sd_appointment_get_state (cora), ==, SD_STATE_EXPIRED);
  titles = row_titles (inbox);
  g_assert_cmpstr (titles, ==, "Anna | Bram | Dirk de Vries");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Double-booking flag ---- */

/* A marketplace request for @client, overlapping or not (the marketplace does not check
 * the desk's calendar). */
static SdAppointment *
request_at (PanesFixture *f, gint64 start, const char *client)
{
  g_autoptr (GError) error = NULL;
  /* "dirk.de.vries@example.org": an address as the details pane shows it. */
  g_autofree char *user = g_strdelimit (g_ascii_strdown (client, -1), " ", '.');
  g_autofree char *email = g_strdup_printf ("%s@example.org", user);
  SdNewAppointment spec;
  SdAppointment *a;

  sd_new_appointment_init (&spec);
  spec.start = start;
  spec.staff_id = f->staff_id;
  spec.service_id = f->service_id;
  spec.client_name = client;
  spec.client_email = email;
  spec.payment = SD_PAYMENT_PREPAID;
  spec.state = SD_STATE_REQUESTED;
  spec.allow_overlap = TRUE;
  a = sd_store_create_appointment (f->store, &spec, &error);
  g_assert_no_error (error);
  return a;
}

static GtkWidget *
row_of (GtkWidget *inbox, const char *client)
{
  for (GtkWidget *row = gtk_widget_get_first_child (child (inbox, "list")); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), client))
      return row;
  g_error ("no inbox row for %s", client);
}

/* The warning icon of @row's flag, or NULL when the row has none. */
static GtkWidget *
find_icon (GtkWidget *root, const char *icon_name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_IMAGE (c)
          && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (c)), icon_name) == 0)
        return c;
      if ((found = find_icon (c, icon_name)) != NULL)
        return found;
    }
  return NULL;
}

/* Anna Rossi is booked with Marco on Wednesday 25 November 14:00–14:45; Dirk asked for
 * the same time (overlaps her) and Eva for 14:45 (right after them: no overlap). */
static void
fill_overlaps (PanesFixture *f, SdAppointment **anna, SdAppointment **dirk,
               SdAppointment **eva)
{
  GTimeZone *tz = sd_salon_get_timezone (sd_store_get_salon (f->store));
  gint64 at_14 = sd_time_from_local (tz, 2026, 11, 25, 14, 0);

  *anna = panes_book (f, at_14, SD_STATE_CONFIRMED, "Anna Rossi");
  *dirk = request_at (f, at_14, "Dirk de Vries");
  *eva = request_at (f, at_14 + 45 * 60, "Eva Bakker");
}

static gboolean
settled (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

static void
test_overlap_flag (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) anna = NULL;
  g_autoptr (SdAppointment) dirk = NULL;
  g_autoptr (SdAppointment) eva = NULL;
  g_autoptr (SdAppointment) cora = NULL;
  g_autoptr (SdAppointment) bram = NULL;
  GtkWidget *inbox;
  GtkWidget *window;
  GtkWidget *flagged, *clear, *icon;
  const char *subtitle;

  fill_overlaps (f, &anna, &dirk, &eva);
  inbox = sd_inbox_view_new (f->store);
  window = panes_window_new (inbox, 900, 360);
  wait_for_count (inbox, 2);

  /* Said in words and with an icon, not by colour alone. */
  flagged = row_of (inbox, "Dirk de Vries");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (flagged));
  g_assert_nonnull (strstr (subtitle, "Overlaps Anna Rossi at 14:00 — accepting needs your "
                                      "override"));
  icon = find_icon (flagged, "dialog-warning-symbolic");
  g_assert_nonnull (icon);
  g_assert_true (gtk_widget_is_visible (icon));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==,
                   "Overlaps Anna Rossi at 14:00 — accepting needs your override");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (inbox, "summary_label"))), ==,
                   "2 requests to confirm (1 overlaps a booking), 0 complaints to answer");

  /* Back to back with Anna (half-open ranges): no flag. */
  clear = row_of (inbox, "Eva Bakker");
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (clear)), "Overlaps"));
  g_assert_null (find_icon (clear, "dialog-warning-symbolic"));
  /* The crossfade from the spinner is over before the picture. */
  panes_wait_until (settled, child (inbox, "stack"));
  panes_screenshot (window, "inbox-overlap.png");

  /* A second request at Eva's time: both are flagged, each naming the other (a request
   * holds its slot until it is answered). */
  cora = request_at (f, sd_appointment_get_start (eva), "Cora");
  gtk_widget_activate_action (inbox, "inbox.refresh", NULL);
  wait_for_count (inbox, 3);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (
                              ADW_ACTION_ROW (row_of (inbox, "Eva Bakker"))),
                            "Overlaps Cora at 14:45"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (
                              ADW_ACTION_ROW (row_of (inbox, "Cora"))),
                            "Overlaps Eva Bakker at 14:45"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (inbox, "summary_label"))), ==,
                   "3 requests to confirm (3 overlap bookings), 0 complaints to answer");

  /* Bram asks for 14:00 too: Dirk's row names the earliest (Anna) and counts the rest. */
  bram = request_at (f, sd_appointment_get_start (anna), "Bram");
  gtk_widget_activate_action (inbox, "inbox.refresh", NULL);
  wait_for_count (inbox, 4);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (
                              ADW_ACTION_ROW (row_of (inbox, "Dirk de Vries"))),
                            "Overlaps Anna Rossi at 14:00 and 1 other — accepting needs your "
                            "override"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The details pane says it before Accept ---- */

static GtkLabel *
overlap_label (GtkWidget *pane)
{
  return GTK_LABEL (gtk_widget_get_template_child (pane, SD_TYPE_DETAILS_PANE,
                                                   "overlap_warning_label"));
}

static gboolean
overlap_shown (gpointer pane)
{
  return gtk_widget_get_visible (GTK_WIDGET (
    gtk_widget_get_template_child (pane, SD_TYPE_DETAILS_PANE, "overlap_warning")));
}

static gboolean
overlap_hidden (gpointer pane)
{
  return !overlap_shown (pane);
}

typedef struct
{
  GtkWidget *pane;
  const char *text;
} OverlapSays;

static gboolean
overlap_says (gpointer data)
{
  OverlapSays *wait = data;

  return overlap_shown (wait->pane)
         && g_strcmp0 (gtk_label_get_text (overlap_label (wait->pane)), wait->text) == 0;
}

static gboolean
history_loaded (gpointer pane)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (pane, SD_TYPE_DETAILS_PANE,
                                                               "history_list"));

  return gtk_widget_get_first_child (list) != NULL;
}

static void
test_details_warning (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) anna = NULL;
  g_autoptr (SdAppointment) dirk = NULL;
  g_autoptr (SdAppointment) eva = NULL;
  g_autoptr (SdAppointment) cancelled = NULL;
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 520, 860);

  fill_overlaps (f, &anna, &dirk, &eva);

  /* Opened from the day view: loaded in the background, said before anyone presses Accept
   * (which stays offered: the override is asked when it is pressed). */
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), dirk);
  g_assert_false (overlap_shown (pane));
  panes_wait_until (overlap_shown, pane);
  g_assert_cmpstr (gtk_label_get_text (overlap_label (pane)), ==,
                   "Overlaps Anna Rossi at 14:00 with Marco \u2014 accepting needs your "
                   "override");
  g_assert_true (gtk_widget_get_sensitive (panes_find_button (pane, "appointment.accept")));
  panes_wait_until (history_loaded, pane);
  panes_wait_until (settled, gtk_widget_get_template_child (pane, SD_TYPE_DETAILS_PANE,
                                                            "stack"));
  panes_screenshot (window, "details-overlap-warning.png");

  /* Eva starts as Anna ends: no warning, and none left over from Dirk. */
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), eva);
  g_assert_false (overlap_shown (pane));
  panes_run_for (200);
  g_assert_false (overlap_shown (pane));

  /* Anna's booking, which Dirk's request holds a slot against, says so too. */
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), anna);
  panes_wait_until (overlap_shown, pane);
  g_assert_cmpstr (gtk_label_get_text (overlap_label (pane)), ==,
                   "Double-booked: overlaps Dirk de Vries at 14:00 with Marco");

  /* Anna cancels: Dirk's request, reloaded, collides with nothing any more. */
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), dirk);
  panes_wait_until (overlap_shown, pane);
  cancelled = panes_perform (f, anna, SD_ACTION_CANCEL, PANES_NOW);
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), dirk);
  panes_wait_until (overlap_hidden, pane);
  panes_run_for (200);
  g_assert_false (overlap_shown (pane));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Accepting a flagged request: refused first, then "Accept anyway" ---- */

typedef struct
{
  GtkWidget *pane;
  SdState state;
} PaneState;

static gboolean
pane_state_is (gpointer data)
{
  PaneState *wait = data;
  SdAppointment *a = sd_details_pane_get_appointment (SD_DETAILS_PANE (wait->pane));

  return a != NULL && sd_appointment_get_state (a) == wait->state;
}

static SdState
stored_state (PanesFixture *f, SdAppointment *a)
{
  g_autoptr (SdAppointment) now = sd_store_get_appointment (f->store,
                                                            sd_appointment_get_id (a), NULL);

  g_assert_nonnull (now);
  return sd_appointment_get_state (now);
}

static void
on_activated_show (SdDetailsPane *pane, gint64 id, SdInboxView *inbox)
{
  g_autoptr (SdAppointment) a = NULL;
  g_autoptr (GError) error = NULL;
  SdStore *store = NULL;

  g_object_get (inbox, "store", &store, NULL);
  a = sd_store_get_appointment (store, id, &error);
  g_assert_no_error (error);
  sd_details_pane_set_appointment (pane, a);
  g_object_unref (store);
}

static void
test_accept_override (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) anna = NULL;
  g_autoptr (SdAppointment) dirk = NULL;
  g_autoptr (SdAppointment) eva = NULL;
  GtkWidget *box, *inbox, *pane, *window;
  AdwMessageDialog *dialog;
  PaneState wait = { NULL, SD_STATE_CONFIRMED };
  OverlapSays says;

  fill_overlaps (f, &anna, &dirk, &eva);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  inbox = sd_inbox_view_new (f->store);
  pane = sd_details_pane_new (f->store);
  wait.pane = pane;
  gtk_widget_set_hexpand (inbox, TRUE);
  gtk_widget_set_hexpand (pane, TRUE);
  gtk_box_append (GTK_BOX (box), inbox);
  gtk_box_append (GTK_BOX (box), pane);
  /* What the window does: a row opens the appointment, a change reloads the inbox. */
  g_signal_connect_swapped (inbox, "appointment-activated", G_CALLBACK (on_activated_show),
                            pane);
  g_signal_connect_swapped (pane, "appointment-changed", G_CALLBACK (sd_inbox_view_reload),
                            inbox);
  window = panes_window_new (box, 1200, 800);
  wait_for_count (inbox, 2);

  g_signal_emit_by_name (child (inbox, "list"), "row-activated",
                         row_of (inbox, "Dirk de Vries"));
  g_assert_cmpint (sd_appointment_get_id (
                     sd_details_pane_get_appointment (SD_DETAILS_PANE (pane))), ==,
                   sd_appointment_get_id (dirk));
  panes_wait_until (overlap_shown, pane);

  /* Accept: refused by the double-booking rule, with the other booking named; nothing is
   * written yet. */
  gtk_widget_activate_action (pane, "appointment.accept", NULL);
  dialog = panes_wait_for_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Anna Rossi"));
  g_assert_cmpint (stored_state (f, dirk), ==, SD_STATE_REQUESTED);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "anyway"));

  /* The explicit override books it; Anna keeps her booking; the inbox drops Dirk. */
  adw_message_dialog_response (dialog, "anyway");
  gtk_window_destroy (GTK_WINDOW (dialog));
  panes_wait_until (pane_state_is, &wait);
  g_assert_cmpint (stored_state (f, dirk), ==, SD_STATE_CONFIRMED);
  g_assert_cmpint (stored_state (f, anna), ==, SD_STATE_CONFIRMED);
  /* Booked anyway: the card stays up (no blink) and, reloaded, says it is double-booked. */
  g_assert_true (overlap_shown (pane));
  says.pane = pane;
  says.text = "Double-booked: overlaps Anna Rossi at 14:00 with Marco";
  panes_wait_until (overlap_says, &says);
  wait_for_count (inbox, 1);
  {
    g_autofree char *titles = row_titles (inbox);
    g_assert_cmpstr (titles, ==, "Eva Bakker");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  if (!panes_init (&argc, &argv))
    return 0;

  g_test_add ("/panes/inbox/empty", PanesFixture, NULL, panes_fixture_setup, test_empty,
              panes_fixture_teardown);
  g_test_add ("/panes/inbox/order-and-count", PanesFixture, NULL, panes_fixture_setup,
              test_order_and_count, panes_fixture_teardown);
  g_test_add ("/panes/inbox/expiry", PanesFixture, NULL, panes_fixture_setup, test_expiry,
              panes_fixture_teardown);
  g_test_add ("/panes/inbox/overlap-flag", PanesFixture, NULL, panes_fixture_setup,
              test_overlap_flag, panes_fixture_teardown);
  g_test_add ("/panes/inbox/details-warning", PanesFixture, NULL, panes_fixture_setup,
              test_details_warning, panes_fixture_teardown);
  g_test_add ("/panes/inbox/accept-override", PanesFixture, NULL, panes_fixture_setup,
              test_accept_override, panes_fixture_teardown);
  return g_test_run ();
}

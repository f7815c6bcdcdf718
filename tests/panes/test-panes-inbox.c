/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The inbox lists what needs action, most urgent first, and follows the clock: a request
 * whose deadline passes becomes expired and leaves the list without a restart. */
#include "config.h"

#include "panes-fixture.h"
#include "sd-inbox-item.h"
#include "sd-inbox-view.h"

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
  return g_test_run ();
}

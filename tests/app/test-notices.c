/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Resolution notices from the window: at start it announces what the marketplace resolved
 * since the last notice (once), after a sync pass the newer ones, and a notice's action
 * opens the appointment on its day. */
#include "config.h"

#include "app-test-fixture.h"
#include "sd-details-pane.h"
#include "sd-store-notices.h"
#include "sd-window-private.h"

typedef struct
{
  char *dir;
  SdClock *clock;
  SdStore *store;
  GListModel *staff;
  gint64 service;
  guint n_announced;
  gint64 last_id;
  char *last_title;
  char *last_body;
} Notices;

static gint64
now_of_fixture (void)
{
  gint64 now;

  g_assert_true (sd_time_parse_rfc3339 (FIXTURE_NOW, &now));
  return now;
}

static void
setup (Notices *n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  n->dir = g_dir_make_tmp ("sd-notices-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (n->dir, "salon.sqlite", NULL);
  n->clock = sd_clock_new_fixed (now_of_fixture ());
  n->store = sd_store_open (path, n->clock, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_init_salon (n->store, "Salone Bella", "Europe/Amsterdam", "EUR", &error));
  sd_store_add_staff (n->store, "Marco", &error);
  g_assert_no_error (error);
  n->service = sd_store_add_service (n->store, "Cut & blow-dry", 45, 4500, &error);
  g_assert_no_error (error);
  n->staff = sd_store_list_staff (n->store, &error);
  g_assert_no_error (error);
}

static void
teardown (Notices *n)
{
  g_autofree char *cmd = NULL;

  g_clear_object (&n->staff);
  g_clear_object (&n->store);
  g_clear_object (&n->clock);
  g_free (n->last_title);
  g_free (n->last_body);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (n->dir);
    g_autoptr(GFileEnumerator) e = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                              G_FILE_QUERY_INFO_NONE, NULL, NULL);
    GFileInfo *info;

    while (e != NULL && (info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
      {
        g_autoptr(GFile) file = g_file_get_child (dir, g_file_info_get_name (info));

        g_file_delete (file, NULL, NULL);
        g_object_unref (info);
      }
    g_file_delete (dir, NULL, NULL);
  }
  g_free (n->dir);
}

/* A disputed appointment of @client starting @days after now (its complaint by the client). */
static gint64
disputed (Notices *n, const char *client, int days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(SdAppointment) b = NULL;
  SdNewAppointment spec;
  SdActionRequest r;

  sd_clock_set_now (n->clock, now_of_fixture ());
  sd_new_appointment_init (&spec);
  spec.start = now_of_fixture () + days * 86400 + 3600;
  spec.staff_id = sd_staff_get_id (g_list_model_get_item (n->staff, 0));
  g_object_unref (g_list_model_get_item (n->staff, 0));
  spec.service_id = n->service;
  spec.client_name = client;
  spec.client_email = client;
  spec.payment = SD_PAYMENT_PREPAID;
  spec.state = SD_STATE_CONFIRMED;
  a = sd_store_create_appointment (n->store, &spec, &error);
  g_assert_no_error (error);
  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.by = SD_PARTY_CLIENT;
  r.text = "Booked the wrong stylist";
  b = sd_store_perform (n->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);
  return sd_appointment_get_id (b);
}

static void
resolve (Notices *n, gint64 id, SdOutcome outcome, gint64 amount, const char *note, gint64 at)
{
  g_autoptr(GError) error = NULL;
  SdActionRequest r;

  sd_clock_set_now (n->clock, at);
  sd_action_request_init (&r, SD_ACTION_RESOLVE_COMPLAINT);
  r.outcome = outcome;
  r.outcome_amount_cents = amount;
  r.text = note;
  g_object_unref (sd_store_perform (n->store, id, &r, &error));
  g_assert_no_error (error);
}

static void
on_announced (SdWindow *window, gint64 id, const char *title, const char *body, Notices *n)
{
  n->n_announced++;
  n->last_id = id;
  g_free (n->last_title);
  n->last_title = g_strdup (title);
  g_free (n->last_body);
  n->last_body = g_strdup (body);
}

typedef struct
{
  Notices *n;
  guint count;
} Count;

static gboolean
announced (gpointer data)
{
  Count *c = data;
  return c->n->n_announced >= c->count;
}

static gboolean
selected (gpointer data)
{
  SdWindow *window = data;
  SdAppointment *a = sd_window_get_selected (window);

  return a != NULL && (gsize) sd_appointment_get_id (a)
                      == GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "want"));
}

/* Lets a lookup that finds nothing finish: it runs in a thread. */
static void
settle_lookup (void)
{
  for (guint i = 0; i < 5; i++)
    fixture_settle ();
}

static void
test_announce (void)
{
  Notices n = { 0 };
  gint64 anna, bea, carla;
  SdWindow *window;
  Count c = { &n, 1 };
  g_autoptr(GPtrArray) baseline = NULL;
  g_autoptr(GError) error = NULL;

  setup (&n);
  anna = disputed (&n, "Anna Rossi", 3);
  bea = disputed (&n, "Bea Visser", 10);
  carla = disputed (&n, "Carla Bruni", 1);
  /* Resolved before the desk ever looked: not news at the first start. */
  resolve (&n, carla, SD_OUTCOME_NO_REFUND, 0, NULL, now_of_fixture () + 60);
  baseline = sd_store_list_new_resolutions (n.store, &error);
  g_assert_cmpuint (baseline->len, ==, 0);
  /* Resolved while the desk was closed. */
  resolve (&n, anna, SD_OUTCOME_REFUND_PARTIAL, 2000, "Half the price is fair",
           now_of_fixture () + 3600);

  window = SD_WINDOW (sd_window_new (NULL));
  g_signal_connect (window, "resolution-announced", G_CALLBACK (on_announced), &n);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 840);
  gtk_window_present (GTK_WINDOW (window));
  sd_window_set_store (window, n.store, n.staff);
  fixture_wait (announced, &c);
  g_assert_cmpint (n.last_id, ==, anna);
  g_assert_cmpstr (n.last_title, ==, "Complaint resolved — Anna Rossi");
  g_assert_cmpstr (n.last_body, ==, "Refunded €20.00. Half the price is fair");

  /* The next pass finds nothing new: no second notice. */
  sd_window_announce_resolutions (window);
  settle_lookup ();
  g_assert_cmpuint (n.n_announced, ==, 1);

  /* A newer resolution, pulled by a later pass. */
  resolve (&n, bea, SD_OUTCOME_WITHDRAWN_HELPED, 0, NULL, now_of_fixture () + 7200);
  /* Two passes ending close together: still one notice. */
  sd_window_announce_resolutions (window);
  sd_window_announce_resolutions (window);
  c.count = 2;
  fixture_wait (announced, &c);
  g_assert_cmpint (n.last_id, ==, bea);
  g_assert_cmpstr (n.last_title, ==, "Complaint resolved — Bea Visser");
  g_assert_cmpstr (n.last_body, ==, "Withdrawn: the client was helped");
  settle_lookup ();
  g_assert_cmpuint (n.n_announced, ==, 2);

  /* The notice's action: the appointment ten days ahead is selected … */
  g_object_set_data (G_OBJECT (window), "want", GSIZE_TO_POINTER (bea));
  sd_window_open_appointment (window, bea);
  fixture_wait (selected, window);
  /* … and shown in the details pane. */
  g_assert_cmpint (sd_appointment_get_id (sd_details_pane_get_appointment (
                     SD_DETAILS_PANE (sd_window_get_part (window, "details")))), ==, bea);

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_settle ();
  teardown (&n);
}

int
main (int argc, char *argv[])
{
  fixture_require_display (&argc, &argv);
  g_test_add_func ("/app/notices/announce", test_announce);
  return g_test_run ();
}

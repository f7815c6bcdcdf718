/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window connected to a real salon-desk-sandbox: a client's booking on the marketplace
 * appears in the desk's inbox and agenda, with a desktop notice, without anyone touching the
 * desk. Needs a display
 * and the sandbox (SD_SANDBOX); skips without either. */

#include "config.h"

#include <adwaita.h>

#include "app-test-fixture.h"
#include "sd-test-sandbox.h"
#include "sd-window-private.h"

typedef struct
{
  SdWindow *window;
  SdStore *store;
  const char *remote_id;
  guint inbox_count;
  SdSyncEngine *engine;
  guint n_notices;
  char *notice_title;
  char *notice_body;
} Wait;

static void
on_notice (SdWindow *window, const char *id, gint64 appointment_id, const char *title,
           const char *body, Wait *w)
{
  w->n_notices++;
  g_free (w->notice_title);
  w->notice_title = g_strdup (title);
  g_free (w->notice_body);
  w->notice_body = g_strdup (body);
}

static gboolean
noticed (gpointer data)
{
  return ((Wait *) data)->n_notices > 0;
}

static gboolean
engine_gone (gpointer data)
{
  return ((Wait *) data)->engine == NULL;
}

static gboolean
inbox_shows_one (gpointer data)
{
  Wait *w = data;
  guint count = 0;

  g_object_get (sd_window_get_part (w->window, "inbox"), "count", &count, NULL);
  w->inbox_count = count;
  return count == 1;
}

static gboolean
agenda_shows_booking (gpointer data)
{
  Wait *w = data;
  SdAgendaModel *model = sd_window_get_agenda_model (w->window);
  gint64 id = sd_test_db_int (w->store, "SELECT id FROM appointments WHERE remote_id = ?",
                              w->remote_id);

  return id > 0 && !sd_agenda_model_get_loading (model) && sd_agenda_model_find (model, id) != NULL;
}

static gboolean
engine_idle_and_synced (gpointer data)
{
  SdSyncEngine *engine = sd_window_get_sync_engine (((Wait *) data)->window);

  return sd_sync_engine_get_state (engine) == SD_SYNC_STATE_IDLE
         && sd_sync_engine_get_last_sync (engine) > 0;
}

static void
test_booking_reaches_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sd-app-sync-XXXXXX", &error);
  g_autoptr(SdTestSandbox) sandbox = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autofree char *remote_id = NULL;
  SdWindow *window;
  gint64 start;
  Wait w = { 0 };

  g_assert_no_error (error);
  sandbox = sd_test_sandbox_start (NULL, 0, NULL);
  store = sd_test_desk_new (dir, "desk.db");
  staff = sd_store_list_staff (store, &error);
  g_assert_no_error (error);

  window = SD_WINDOW (sd_window_new (NULL));
  g_object_ref_sink (window);
  g_signal_connect (window, "notice-sent", G_CALLBACK (on_notice), &w);
  sd_window_set_store (window, store, staff);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (sd_window_get_sync_engine (window));
  w.window = window;
  w.store = store;

  /* What the connect dialog's "connected" does; the first pass brings the salon's staff. */
  sd_window_connect_sync (window, sandbox->url, sandbox->token);
  g_assert_nonnull (sd_window_get_sync_engine (window));
  fixture_wait (engine_idle_and_synced, &w);
  g_assert_false (inbox_shows_one (&w));
  g_assert_cmpuint (w.inbox_count, ==, 0);

  /* A client books on the marketplace, two days ahead on a whole hour. */
  start = sd_clock_get_now (sd_store_get_clock (store));
  start = start - start % 3600 + 48 * 3600;
  when = sd_test_rfc3339 (start);
  body = g_strdup_printf ("{\"start\":\"%s\",\"service\":{\"name\":\"Cut & blow-dry\","
                          "\"duration_min\":45,\"price_cents\":4500,\"currency\":\"EUR\"},"
                          "\"client\":{\"name\":\"Anna Sync\",\"email\":\"anna@example.com\","
                          "\"phone\":\"+39 333 000\"},\"payment_mode\":\"prepaid\"}", when);
  answer = sd_test_sandbox_post (sandbox, "/sandbox/bookings", body);
  remote_id = g_strdup (json_object_get_string_member (json_node_get_object (answer), "id"));
  w.remote_id = remote_id;

  /* "Sync now" stands in for the 60 s timer; the window reloads by itself after the pull. */
  sd_sync_engine_request_sync (sd_window_get_sync_engine (window));
  fixture_wait (inbox_shows_one, &w);
  /* The pass that pulled it announces it, once. */
  fixture_wait (noticed, &w);
  g_assert_cmpuint (w.n_notices, ==, 1);
  g_assert_cmpstr (w.notice_title, ==, "New booking request — Anna Sync");
  g_test_message ("notice: %s / %s", w.notice_title, w.notice_body);
  g_assert_true (g_str_has_prefix (w.notice_body, "Cut & blow-dry with "));
  sd_window_set_date (window, start);
  fixture_wait (agenda_shows_booking, &w);
  /* In step with the marketplace: no offline banner. */
  g_assert_false (sd_sync_status_get_offline (window->sync_status));
  g_assert_false (gtk_revealer_get_reveal_child (window->sync_banner));

  /* Closing the window stops its engine and lets it go. */
  w.engine = sd_window_get_sync_engine (window);
  g_object_add_weak_pointer (G_OBJECT (w.engine), (gpointer *) &w.engine);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  fixture_wait (engine_gone, &w);
  g_assert_cmpuint (w.n_notices, ==, 1);
  g_free (w.notice_title);
  g_free (w.notice_body);
  sd_test_sandbox_stop (sandbox);
  g_clear_object (&staff);
  g_clear_object (&store);
  sd_test_rm_rf (dir);
}

static gboolean
banner_revealed (gpointer data)
{
  return gtk_revealer_get_reveal_child (((Wait *) data)->window->sync_banner);
}

/* Nothing listens on the port: the banner says the desk is offline. */
static void
test_offline_banner (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sd-app-sync-XXXXXX", &error);
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(SdBackoff) backoff = sd_backoff_new (1, 2);
  SdWindow *window;
  GtkWidget *label;
  Wait w = { 0 };

  g_assert_no_error (error);
  store = sd_test_desk_new (dir, "offline.db");
  staff = sd_store_list_staff (store, &error);
  g_assert_no_error (error);
  window = SD_WINDOW (sd_window_new (NULL));
  g_object_ref_sink (window);
  sd_window_set_store (window, store, staff);
  gtk_window_present (GTK_WINDOW (window));
  w.window = window;
  g_assert_false (banner_revealed (&w));

  sd_window_connect_sync (window, "http://127.0.0.1:1", "sk_none");
  sd_sync_engine_set_backoff (sd_window_get_sync_engine (window), backoff);
  sd_sync_engine_set_max_attempts (sd_window_get_sync_engine (window), 1);
  fixture_wait (banner_revealed, &w);
  label = gtk_widget_get_last_child (gtk_revealer_get_child (window->sync_banner));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                   sd_sync_status_get_banner_text (window->sync_status));
  g_assert_nonnull (sd_sync_status_get_banner_text (window->sync_status));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_clear_object (&staff);
  g_clear_object (&store);
  sd_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  fixture_require_display (&argc, &argv);
  if (sd_test_sandbox_binary () == NULL)
    {
      g_print ("1..0 # SKIP no salon-desk-sandbox (SD_SANDBOX)\n");
      return 0;
    }
  g_test_add_func ("/app/sync/booking-reaches-window", test_booking_reaches_window);
  g_test_add_func ("/app/sync/offline-banner", test_offline_banner);
  return g_test_run ();
}

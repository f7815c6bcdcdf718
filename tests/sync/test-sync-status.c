/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The header's sync status and the connect dialog, as a user sees them: offline with the
 * count of unsent actions, and a plain http:// address refused. Needs a display. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sd-connect-dialog.h"
#include "sd-store-sync.h"
#include "sd-sync-status.h"
#include "sd-test-sandbox.h"

static char *dir;

static void
test_offline_banner (void)
{
  g_autoptr(SdStore) desk = sd_test_desk_new (dir, "status.db");
  g_autoptr(SdSyncEngine) engine = sd_sync_engine_new (desk, "http://127.0.0.1:1", "sk");
  g_autoptr(SdBackoff) backoff = sd_backoff_new (1, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) a = NULL;
  GtkWidget *status = g_object_ref_sink (sd_sync_status_new ());
  SdNewAppointment spec;

  g_assert_null (sd_sync_status_get_banner_text (SD_SYNC_STATUS (status)));
  sd_sync_engine_set_backoff (engine, backoff);
  sd_sync_engine_set_max_attempts (engine, 1);
  sd_sync_status_set_engine (SD_SYNC_STATUS (status), engine);
  g_assert_false (sd_sync_status_get_offline (SD_SYNC_STATUS (status)));

  sd_new_appointment_init (&spec);
  spec.staff_id = sd_store_add_staff (desk, "Giulia", &error);
  spec.service_id = sd_store_add_service (desk, "Cut", 45, 4500, &error);
  spec.start = sd_clock_get_now (sd_store_get_clock (desk)) + 86400 * 3;
  spec.start -= spec.start % 3600;
  spec.client_name = "Walk-in";
  a = sd_store_create_appointment (desk, &spec, &error);
  g_assert_no_error (error);
  sd_sync_engine_local_change (engine);

  g_assert_false (sd_sync_engine_sync_once (engine, NULL, &error));
  g_assert_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_NETWORK);
  g_assert_true (sd_sync_status_get_offline (SD_SYNC_STATUS (status)));
  g_assert_cmpstr (sd_sync_status_get_banner_text (SD_SYNC_STATUS (status)), ==,
                   "Offline: 1 action will be sent when the marketplace is reachable.");

  sd_sync_status_set_engine (SD_SYNC_STATUS (status), NULL);
  g_assert_false (sd_sync_status_get_offline (SD_SYNC_STATUS (status)));
  g_object_unref (status);
}

static GtkLabel *
find_error_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "error"))
        return GTK_LABEL (child);
      if ((found = find_error_label (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_connect_refuses_http (void)
{
  g_autoptr(SdStore) desk = sd_test_desk_new (dir, "connect.db");
  SdConnectDialog *dialog;
  GtkLabel *error_label;
  GtkWidget *url_row = NULL;
  GtkWidget *token_row = NULL;

  g_assert_true (sd_store_set_meta (desk, SD_STORE_META_URL, "http://market.example.com",
                                    NULL));
  dialog = sd_connect_dialog_new (NULL, desk);
  for (GtkWidget *w = GTK_WIDGET (dialog); w != NULL;)
    {
      /* Depth-first walk to the two entry rows. */
      if (ADW_IS_PASSWORD_ENTRY_ROW (w))
        token_row = w;
      else if (ADW_IS_ENTRY_ROW (w) && url_row == NULL)
        url_row = w;
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = w == GTK_WIDGET (dialog) ? NULL : gtk_widget_get_parent (w);
          if (w != NULL)
            w = w == GTK_WIDGET (dialog) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (url_row);
  g_assert_nonnull (token_row);
  /* The address saved before is offered again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==,
                   "http://market.example.com");
  gtk_editable_set_text (GTK_EDITABLE (token_row), "sk_live_x");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  error_label = find_error_label (GTK_WIDGET (dialog));
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "https://"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  dir = g_dir_make_tmp ("sd-sync-status-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/sync/status/offline-banner", test_offline_banner);
  g_test_add_func ("/sync/status/connect-refuses-http", test_connect_refuses_http);
  status = g_test_run ();
  sd_test_rm_rf (dir);
  g_free (dir);
  return status;
}

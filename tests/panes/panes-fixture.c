/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "panes-fixture.h"
#include "sd-time.h"

gboolean
panes_init (int *argc, char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  g_test_init (argc, argv, NULL);

  /* test_env points these inside the build tree; missing ones cost seconds of timeouts
   * (D-Bus, the shader cache) before the first window. */
  {
    const char *const vars[] = { "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
                                 "XDG_DATA_HOME", "XDG_RUNTIME_DIR" };

    for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
      if (g_getenv (vars[i]) != NULL)
        g_mkdir_with_parents (g_getenv (vars[i]), 0700);
  }

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();

  /* The application loads the state colours from its resources; so do the tests, so the
   * screenshots look like the app. */
  if (g_resources_get_info (RESOURCE_PREFIX "/style.css", 0, NULL, NULL, NULL))
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  return TRUE;
}

void
panes_fixture_setup (PanesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("sd-panes-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "salon.sqlite", NULL);
  f->clock = sd_clock_new_fixed (PANES_NOW);
  f->store = sd_store_open (f->path, f->clock, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_init_salon (f->store, "Salone Bella", "Europe/Amsterdam", "EUR",
                                      &error));
  g_assert_no_error (error);
  f->staff_id = sd_store_add_staff (f->store, "Marco", &error);
  g_assert_no_error (error);
  f->staff2_id = sd_store_add_staff (f->store, "Lucia", &error);
  g_assert_no_error (error);
  f->service_id = sd_store_add_service (f->store, "Cut & blow-dry", 45, 4500, &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

void
panes_fixture_teardown (PanesFixture *f, gconstpointer data)
{
  /* Let threads started by the widgets finish before the store goes. */
  panes_run_for (50);
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

SdAppointment *
panes_book (PanesFixture *f, gint64 start, SdState state, const char *client)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *email = g_strdup_printf ("%s@example.org", client);
  /* The store knows a client by e-mail, else by phone: one phone per name. */
  g_autofree char *phone = g_strdup_printf ("+31 20 %07u", g_str_hash (client) % 10000000);
  SdNewAppointment spec;
  SdAppointment *appointment;

  sd_new_appointment_init (&spec);
  spec.start = start;
  spec.staff_id = f->staff_id;
  spec.service_id = f->service_id;
  spec.client_name = client;
  spec.client_phone = phone;
  spec.client_email = email;
  spec.state = state == SD_STATE_REQUESTED ? SD_STATE_REQUESTED : SD_STATE_CONFIRMED;
  spec.payment = state == SD_STATE_REQUESTED ? SD_PAYMENT_PREPAID : SD_PAYMENT_AT_SALON;
  appointment = sd_store_create_appointment (f->store, &spec, &error);
  g_assert_no_error (error);
  g_assert_nonnull (appointment);
  return appointment;
}

SdAppointment *
panes_perform (PanesFixture *f, SdAppointment *appointment, SdAction action, gint64 at)
{
  g_autoptr (GError) error = NULL;
  SdActionRequest request;
  gint64 proposed[1];
  SdAppointment *result;

  sd_clock_set_now (f->clock, at);
  sd_action_request_init (&request, action);
  request.by = SD_PARTY_SALON;
  switch (action)
    {
    case SD_ACTION_CANCEL:
      request.reason = SD_CANCEL_REASON_ILLNESS;
      break;
    case SD_ACTION_DECLINE:
      request.text = "Fully booked that day";
      break;
    case SD_ACTION_UNAVAILABLE:
      proposed[0] = sd_appointment_get_start (appointment) + 86400;
      request.proposed_starts = proposed;
      request.n_proposed_starts = 1;
      break;
    case SD_ACTION_OPEN_COMPLAINT:
      request.by = SD_PARTY_CLIENT;
      request.text = "The cut is uneven";
      request.refund_requested_cents = 4500;
      request.deadline_kind = SD_DEADLINE_HOURS_24;
      break;
    default:
      break;
    }
  result = sd_store_perform (f->store, sd_appointment_get_id (appointment), &request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

SdAppointment *
panes_make_in_state (PanesFixture *f, SdState state, const char *client)
{
  /* Back to back, 45 min apart, so appointments of one test never overlap. */
  gint64 start = PANES_NOW + 3600 + (gint64) state * 2700;
  g_autoptr (SdAppointment) a = NULL;
  g_autoptr (SdAppointment) b = NULL;
  SdAppointment *result = NULL;

  switch (state)
    {
    case SD_STATE_REQUESTED:
    case SD_STATE_CONFIRMED:
      result = panes_book (f, start, state, client);
      break;
    case SD_STATE_DECLINED:
      a = panes_book (f, start, SD_STATE_REQUESTED, client);
      result = panes_perform (f, a, SD_ACTION_DECLINE, PANES_NOW);
      break;
    case SD_STATE_EXPIRED:
      a = panes_book (f, start, SD_STATE_REQUESTED, client);
      result = panes_perform (f, a, SD_ACTION_EXPIRE, sd_appointment_get_confirm_by (a) + 1);
      break;
    case SD_STATE_CANCELLED:
      a = panes_book (f, start, SD_STATE_CONFIRMED, client);
      result = panes_perform (f, a, SD_ACTION_CANCEL, PANES_NOW);
      break;
    case SD_STATE_IN_PROGRESS:
      a = panes_book (f, start, SD_STATE_CONFIRMED, client);
      result = panes_perform (f, a, SD_ACTION_CHECK_IN, start);
      break;
    case SD_STATE_NO_SHOW:
      a = panes_book (f, start, SD_STATE_CONFIRMED, client);
      result = panes_perform (f, a, SD_ACTION_NO_SHOW, start + 20 * 60);
      break;
    case SD_STATE_COMPLETED:
    case SD_STATE_DISPUTED:
      a = panes_book (f, start, SD_STATE_CONFIRMED, client);
      b = panes_perform (f, a, SD_ACTION_CHECK_IN, start);
      result = panes_perform (f, b, SD_ACTION_CHECK_OUT, start + 45 * 60);
      if (state == SD_STATE_DISPUTED)
        {
          SdAppointment *completed = result;

          result = panes_perform (f, completed, SD_ACTION_OPEN_COMPLAINT, start + 2 * 3600);
          g_object_unref (completed);
        }
      break;
    case SD_N_STATES:
    default:
      g_assert_not_reached ();
    }
  sd_clock_set_now (f->clock, PANES_NOW);
  g_assert_cmpint (sd_appointment_get_state (result), ==, state);
  return result;
}

void
panes_make_incidents (PanesFixture *f, const char *client)
{
  GTimeZone *tz = sd_salon_get_timezone (sd_store_get_salon (f->store));
  const struct { int month, day; SdAction action; SdParty by; gint64 after_start; } past[] = {
    { 10, 3, SD_ACTION_NO_SHOW, SD_PARTY_SALON, 20 * 60 },
    { 11, 5, SD_ACTION_CANCEL, SD_PARTY_CLIENT, -2 * 3600 },
    { 11, 12, SD_ACTION_NO_SHOW, SD_PARTY_SALON, 20 * 60 },
    { 11, 14, SD_ACTION_CANCEL, SD_PARTY_CLIENT, -48 * 3600 },
    { 11, 16, SD_ACTION_CANCEL, SD_PARTY_SALON, -3600 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (past); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 start = sd_time_from_local (tz, 2026, past[i].month, past[i].day, 10, 0);
      g_autoptr (SdAppointment) booked = NULL;
      g_autoptr (SdAppointment) after = NULL;
      SdActionRequest request;

      sd_clock_set_now (f->clock, start - 3 * 86400);
      booked = panes_book (f, start, SD_STATE_CONFIRMED, client);
      sd_clock_set_now (f->clock, start + past[i].after_start);
      sd_action_request_init (&request, past[i].action);
      request.by = past[i].by;
      request.reason = past[i].by == SD_PARTY_CLIENT ? SD_CANCEL_REASON_CLIENT_REQUEST
                                                     : SD_CANCEL_REASON_ILLNESS;
      request.refund = SD_REFUND_CHOICE_NONE;
      after = sd_store_perform (f->store, sd_appointment_get_id (booked), &request, &error);
      g_assert_no_error (error);
    }
  sd_clock_set_now (f->clock, PANES_NOW);
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
panes_wait_until (gboolean (*condition) (gpointer data), gpointer data)
{
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint source = g_timeout_add (20, wake_up, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > give_up)
        g_error ("The condition did not hold within 30 s");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (source);
}

static gboolean
set_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
panes_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

GtkWindow *
panes_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

AdwMessageDialog *
panes_find_dialog (void)
{
  return (AdwMessageDialog *) panes_find_window (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
dialog_shown (gpointer data)
{
  return panes_find_dialog () != NULL;
}

AdwMessageDialog *
panes_wait_for_dialog (void)
{
  panes_wait_until (dialog_shown, NULL);
  return panes_find_dialog ();
}

GtkWidget *
panes_find_button (GtkWidget *root, const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)),
                        action_name) == 0)
        return child;
      if ((found = panes_find_button (child, action_name)) != NULL)
        return found;
    }
  return NULL;
}

guint
panes_count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

GtkWidget *
panes_window_new (GtkWidget *child, int width, int height)
{
  GtkWidget *window = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
panes_screenshot (GtkWidget *window, const char *name)
{
  const char *dir = g_getenv ("SD_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  int width, height;

  if (dir == NULL)
    return;

  panes_run_for (400);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

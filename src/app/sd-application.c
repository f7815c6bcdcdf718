/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sd-agenda-model.h"
#include "sd-application.h"
#include "sd-preferences-window.h"
#include "sd-store.h"
#include "sd-time.h"
#include "sd-window-private.h"

/* The demo salon of the first start: a few thousand appointments around today. */
#define DEMO_SALON_NAME   "Salone Aurora"
#define DEMO_TZID         "Europe/Amsterdam"
#define DEMO_CURRENCY     "EUR"
#define DEMO_APPOINTMENTS 3000
#define DEMO_STAFF        4

struct _SdApplication
{
  AdwApplication parent_instance;

  char *db_path;
  char *screenshot_path;
  char *view;
  char *date;            /* YYYY-MM-DD, resolved in the salon's zone once it is known */
  gint64 now;            /* 0 = the system clock */
  GCancellable *cancellable;
  guint present_id;      /* shows the window if opening takes a while */
};

G_DEFINE_FINAL_TYPE (SdApplication, sd_application, ADW_TYPE_APPLICATION)

typedef struct
{
  char *path;
  SdClock *clock;
  char *date;
  SdStore *store;        /* results */
  GListModel *staff;
  gint64 date_instant;
  GPtrArray *agenda;     /* the first weeks, [agenda_from, agenda_to); NULL if not read */
  gint64 agenda_from;
  gint64 agenda_to;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data->date);
  g_clear_object (&data->clock);
  g_clear_object (&data->store);
  g_clear_object (&data->staff);
  g_clear_pointer (&data->agenda, g_ptr_array_unref);
  g_free (data);
}

char *
sd_application_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "salon-desk", "salon-desk.sqlite", NULL);
}

gboolean
sd_application_save_screenshot (GtkWidget  *widget,
                                const char *path,
                                GError    **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Nothing to capture: the window is not drawn"));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”"), path);
      return FALSE;
    }
  return TRUE;
}

/* Runs in a worker thread: nothing here touches widgets. */
static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (data->path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return;
    }

  data->store = sd_store_open (data->path, data->clock, &error);
  if (data->store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (sd_store_get_salon (data->store) == NULL)
    {
      SdDemoOptions options;
      GTimeZone *tz;
      gint64 today;

      if (!sd_store_init_salon (data->store, DEMO_SALON_NAME, DEMO_TZID, DEMO_CURRENCY, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      tz = sd_salon_get_timezone (sd_store_get_salon (data->store));
      today = sd_time_local_midnight (sd_clock_get_now (data->clock), tz);
      sd_demo_options_init (&options);
      options.n_appointments = DEMO_APPOINTMENTS;
      options.n_staff = DEMO_STAFF;
      /* Four weeks back, eight ahead: a busy but believable salon around today. */
      options.from = sd_time_add_days (today, tz, -28);
      options.to = sd_time_add_days (today, tz, 56);
      if (!sd_store_fill_demo (data->store, &options, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  data->staff = sd_store_list_staff (data->store, &error);
  if (data->staff == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->date != NULL)
    {
      GTimeZone *tz = sd_salon_get_timezone (sd_store_get_salon (data->store));
      int y, m, d;

      if (sscanf (data->date, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
        data->date_instant = sd_time_from_local (tz, y, m, d, 12, 0);
    }

  /* The weeks the window's agenda loads first (the same for the day, week and list views),
   * read here while the main thread builds the window, rather than after it. */
  {
    GTimeZone *tz = sd_salon_get_timezone (sd_store_get_salon (data->store));
    gint64 day = sd_time_local_midnight (data->date_instant != 0 ? data->date_instant
                                                                 : sd_clock_get_now (data->clock),
                                         tz);
    g_autoptr(GError) agenda_error = NULL;
    SdQuery query;

    sd_agenda_model_window_around (tz, day, sd_time_add_days (day, tz, 1), &data->agenda_from,
                                   &data->agenda_to);
    sd_query_init (&query, data->agenda_from, data->agenda_to);
    data->agenda = sd_store_list_appointments (data->store, &query, &agenda_error);
    /* The window's own load tries again, and reports. */
    if (data->agenda == NULL)
      g_debug ("Could not read the first weeks: %s", agenda_error->message);
  }

  g_task_return_boolean (task, TRUE);
}

/* Under load the first frame can be reported before the window is mapped with its size
 * and renderer: try again on later frames, up to this many times 50 ms apart. */
#define SCREENSHOT_ATTEMPTS 60

static gboolean
take_screenshot (SdApplication *self,
                 SdWindow      *window)
{
  static guint attempts;
  g_autoptr(GError) error = NULL;
  GtkWidget *widget = GTK_WIDGET (window);
  gboolean ready = gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0
                   && gtk_widget_get_height (widget) > 0;

  if ((!ready || !sd_application_save_screenshot (widget, self->screenshot_path, &error))
      && ++attempts < SCREENSHOT_ATTEMPTS)
    return FALSE;
  if (!ready && error == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Nothing to capture: the window is not drawn"));
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      g_application_release (G_APPLICATION (self));
      exit (1);
    }
  g_application_quit (G_APPLICATION (self));
  return TRUE;
}

static gboolean
screenshot_retry (gpointer user_data)
{
  SdWindow *window = user_data;
  SdApplication *self = SD_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  return take_screenshot (self, window) ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static gboolean
screenshot_idle (gpointer user_data)
{
  SdWindow *window = user_data;
  SdApplication *self = SD_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (!take_screenshot (self, window))
    g_timeout_add_full (G_PRIORITY_DEFAULT, 50, screenshot_retry, g_object_ref (window),
                        g_object_unref);
  return G_SOURCE_REMOVE;
}

/* The views that load their own items (and have a "count" of them) after the agenda. */
static const char *const self_loading_views[] = { "inbox", "complaints", NULL };

static void
screenshot_soon (SdWindow *window)
{
  /* After the paint, not inside it: the snapshot re-renders the whole window. */
  for (guint i = 0; self_loading_views[i] != NULL; i++)
    {
      GtkWidget *page = sd_window_get_part (window, self_loading_views[i]);

      if (page != NULL)
        g_signal_handlers_disconnect_by_func (page, screenshot_soon, window);
    }
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, screenshot_idle, g_object_ref (window),
                   g_object_unref);
}

static gboolean
screenshot_timeout (gpointer user_data)
{
  screenshot_soon (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_agenda_drawn (SdApplication *self,
                 SdWindow      *window)
{
  const char *view = sd_window_get_view (window);
  GtkWidget *page = NULL;
  guint count = 0;

  if (view != NULL && g_strv_contains (self_loading_views, view))
    page = sd_window_get_part (window, view);
  /* The inbox and the complaints load on their own: wait for their items (or, if there are
   * none, a moment). */
  if (page != NULL)
    {
      g_object_get (page, "count", &count, NULL);
      if (count == 0)
        {
          g_signal_connect_swapped (page, "notify::count", G_CALLBACK (screenshot_soon), window);
          g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, 3, screenshot_timeout,
                                      g_object_ref (window), g_object_unref);
          return;
        }
    }
  screenshot_soon (window);
}

static void
on_error_painted (SdWindow      *window,
                  GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_error_painted, window);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, screenshot_idle, g_object_ref (window),
                   g_object_unref);
}

/* The error page has no agenda to wait for: capture it after its next frame. */
static void
screenshot_after_frame (SdWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (clock == NULL)
    {
      g_signal_connect (window, "map", G_CALLBACK (screenshot_after_frame), NULL);
      return;
    }
  g_signal_handlers_disconnect_by_func (window, screenshot_after_frame, NULL);
  g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_error_painted), window);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

/* The window appears with its agenda drawn when the store answers quickly, and with the
 * "Opening" page when it does not (the first start fills a demo salon): one first frame
 * instead of a loading page flashing for a few milliseconds. */
static void
present_window (SdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_clear_handle_id (&self->present_id, g_source_remove);
  if (window == NULL)
    window = GTK_WINDOW (g_list_nth_data (gtk_application_get_windows (GTK_APPLICATION (self)), 0));
  if (window != NULL && !gtk_widget_get_visible (GTK_WIDGET (window)))
    {
      g_debug ("Presenting the window");
      gtk_window_present (window);
    }
}

static gboolean
present_timeout (gpointer user_data)
{
  SdApplication *self = user_data;

  self->present_id = 0;
  present_window (self);
  return G_SOURCE_REMOVE;
}

static void
on_first_load (SdApplication *self,
               SdAgendaModel *model)
{
  g_signal_handlers_disconnect_by_func (model, on_first_load, self);
  present_window (self);
}

static void
resume_sync_once (SdWindow *window)
{
  g_signal_handlers_disconnect_by_func (window, resume_sync_once, NULL);
  sd_window_resume_sync (window);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SdApplication *self = SD_APPLICATION (source);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  SdWindow *window = NULL;

  g_application_release (G_APPLICATION (self));
  /* The window activate() built while the store opened (gone if it was closed meanwhile). */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SD_IS_WINDOW (l->data) && sd_window_get_store (l->data) == NULL)
      window = l->data;
  if (window == NULL)
    return;
  g_debug ("Store opened");
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Expected (a damaged or newer file): shown on the page, not a programming error. */
      g_message ("Cannot open %s: %s", data->path, error->message);
      sd_window_show_error (window, error);
      present_window (self);
      if (self->screenshot_path != NULL)
        screenshot_after_frame (window);
      return;
    }

  if (data->date_instant != 0)
    sd_window_set_date (window, data->date_instant);
  if (data->agenda != NULL)
    sd_window_preload_agenda (window, data->agenda_from, data->agenda_to, data->agenda);
  sd_window_set_store (window, data->store, data->staff);
  /* A screenshot shows the desk as it is on disk, never mid-sync. The keyring lookup waits
   * for the agenda's first frame: its meta read would queue before the agenda's query. */
  if (self->screenshot_path == NULL)
    g_signal_connect (window, "agenda-drawn", G_CALLBACK (resume_sync_once), NULL);
  if (self->present_id != 0)
    {
      /* Loaded already (the first weeks were read with the store): show it now. */
      if (sd_agenda_model_get_n_loads (sd_window_get_agenda_model (window)) > 0)
        present_window (self);
      else
        g_signal_connect_object (sd_window_get_agenda_model (window), "loaded",
                                 G_CALLBACK (on_first_load), self, G_CONNECT_SWAPPED);
    }
}

/* Starts opening the store (and reading the agenda's first weeks) in a thread, before the
 * window is built, so that both happen at once. Returns the path it opens. */
static char *
start_opening (SdApplication *self)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data = g_new0 (OpenData, 1);

  data->path = self->db_path ? g_strdup (self->db_path) : sd_application_default_db_path ();
  data->clock = self->now != 0 ? sd_clock_new_fixed (self->now) : sd_clock_new_system ();
  data->date = g_strdup (self->date);

  g_debug ("Opening %s", data->path);
  /* Held until the store is open: --screenshot must not quit before. */
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, self->cancellable, on_opened, NULL);
  g_task_set_source_tag (task, start_opening);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
  return g_strdup (data->path);
}

static void
sd_application_activate (GApplication *application)
{
  SdApplication *self = SD_APPLICATION (application);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  g_autofree char *path = NULL;
  GtkWindow *window;

  if (windows != NULL)
    {
      /* Still opening: it shows itself when ready. */
      if (self->present_id == 0)
        gtk_window_present (GTK_WINDOW (windows->data));
      return;
    }

  path = start_opening (self);
  window = GTK_WINDOW (sd_window_new (GTK_APPLICATION (self)));
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    sd_window_show_loading (SD_WINDOW (window), _("Opening the Salon"), NULL);
  else
    sd_window_show_loading (SD_WINDOW (window), _("Preparing a Demo Salon"),
                            _("The first start creates a salon with sample appointments, so "
                              "you can try everything. It takes a few seconds."));
  if (self->view != NULL)
    sd_window_set_view (SD_WINDOW (window), self->view);
  if (self->screenshot_path != NULL)
    {
      /* A picture of the desk: no notification, and no news marked as told. */
      sd_window_set_notices_enabled (SD_WINDOW (window), FALSE);
      gtk_window_unmaximize (window);
      gtk_window_set_default_size (window, 1280, 840);
      g_signal_connect_object (window, "agenda-drawn", G_CALLBACK (on_agenda_drawn), self,
                               G_CONNECT_SWAPPED);
    }
  self->present_id = g_timeout_add (250, present_timeout, self);
}

static int
sd_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SdApplication *self = SD_APPLICATION (application);
  const char *text = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("salon-desk %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "db", "^ay", &self->db_path);
  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_path);
  g_variant_dict_lookup (options, "view", "s", &self->view);
  g_variant_dict_lookup (options, "date", "s", &self->date);

  if (self->view != NULL
      && !g_strv_contains ((const char *[]) { "day", "week", "list", "inbox", "complaints", NULL },
                           self->view))
    {
      g_printerr (_("Unknown view “%s”: use day, week, list, inbox or complaints\n"), self->view);
      return 2;
    }
  if (self->date != NULL)
    {
      int y, m, d;
      char rest;

      if (sscanf (self->date, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || !g_date_valid_dmy (d, m, y))
        {
          g_printerr (_("Invalid date “%s”: use YYYY-MM-DD\n"), self->date);
          return 2;
        }
    }
  if (g_variant_dict_lookup (options, "now", "&s", &text)
      && !sd_time_parse_rfc3339 (text, &self->now))
    {
      g_printerr (_("Invalid time “%s”: use RFC 3339, e.g. 2026-11-24T10:00:00+01:00\n"), text);
      return 2;
    }

  /* A scripted run (its own database, a fixed clock, a screenshot) is a process of its
   * own, never a message to a window that is already open. */
  if (self->db_path != NULL || self->screenshot_path != NULL || self->now != 0)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "Salon Desk contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Salon Desk"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("The front desk of a hair and beauty salon"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (app);
  SdStore *store = SD_IS_WINDOW (window) ? sd_window_get_store (SD_WINDOW (window)) : NULL;

  if (store == NULL)
    return;   /* still opening, or the database could not be opened */
  gtk_window_present (GTK_WINDOW (sd_preferences_window_new (window, store)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing (rather than quitting) lets each window save its size. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;

      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

/* The window a notification's action shows, raised; NULL while it is still opening or when
 * the database could not be opened. */
static SdWindow *
raise_window (GtkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  if (!SD_IS_WINDOW (window) || sd_window_get_store (SD_WINDOW (window)) == NULL)
    return NULL;
  gtk_window_present (window);
  return SD_WINDOW (window);
}

/* A notification's "open the appointment": the window jumps to its day and selects it. */
static void
show_appointment_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  SdWindow *window = raise_window (user_data);

  if (window != NULL)
    sd_window_open_appointment (window, g_variant_get_int64 (parameter));
}

/* A summary notification's "show the inbox": the window switches to that view. */
static void
show_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SdWindow *window = raise_window (user_data);

  if (window != NULL)
    sd_window_set_view (window, g_variant_get_string (parameter, NULL));
}

static void
sd_application_startup (GApplication *application)
{
  static const GActionEntry entries[] = {
    { "about", about_action, NULL, NULL, NULL, { 0 } },
    { "show-appointment", show_appointment_action, "x", NULL, NULL, { 0 } },
    { "show-view", show_view_action, "s", NULL, NULL, { 0 } },
    { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
    { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (sd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), entries, G_N_ELEMENTS (entries),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
  /* The window loads its shortcuts window itself (sd-window.c), so GtkApplication does not
   * set this for it. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay",
                                         help_overlay_accels);
}

static void
sd_application_shutdown (GApplication *application)
{
  SdApplication *self = SD_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->present_id, g_source_remove);
  G_APPLICATION_CLASS (sd_application_parent_class)->shutdown (application);
}

static void
sd_application_finalize (GObject *object)
{
  SdApplication *self = SD_APPLICATION (object);

  g_free (self->db_path);
  g_free (self->screenshot_path);
  g_free (self->view);
  g_free (self->date);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sd_application_parent_class)->finalize (object);
}

static void
sd_application_class_init (SdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sd_application_finalize;
  app_class->activate = sd_application_activate;
  app_class->startup = sd_application_startup;
  app_class->shutdown = sd_application_shutdown;
  app_class->handle_local_options = sd_application_handle_local_options;
}

static void
sd_application_init (SdApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database instead of the default"), N_("FILE") },
    { "now", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Run with the clock stopped at this time (RFC 3339)"), N_("TIME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Show this day (YYYY-MM-DD)"), N_("DATE") },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Start in this view: day, week, list, inbox or complaints"), N_("VIEW") },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Save the window as PNG once drawn, then quit"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

SdApplication *
sd_application_new (void)
{
  return g_object_new (SD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-agenda — how fast the agenda window shows a salon's day, and how fast it turns a
 * busy week.
 *
 * The parent generates the demo databases once into the build directory (1,000 and
 * 1,000,000 appointments at the same salon density, and a busy salon with ~2,000
 * appointments a week), then starts itself as a child per case and measures, from just
 * before the spawn, until the child reports its first frame with appointments drawn; the
 * child's peak RSS comes from wait4(). A bare AdwApplicationWindow runs the same way; the
 * three cases take turns, so that this shared machine's slow moments fall on all of them,
 * and each reports its median wall time and the CPU time its threads had used by then (which
 * varies less with the machine's load). The week-switch child steps the week view forward and
 * times each switch: the work of the action plus the frame that draws it. Prints figures;
 * asserts nothing.
 *
 * SD_BENCH_RUNS=n runs each start-up case n times (5); SD_BENCH_ONLY=startup skips the week
 * switch; SD_BENCH_TRACE=1 prints every run's timeline (the application's g_debug() marks,
 * the window's map and each frame's layout and paint), from the spawn. */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sd-application.h"
#include "sd-store.h"
#include "sd-time.h"
#include "sd-week-view.h"
#include "sd-window.h"

#define BENCH_NOW   "2026-11-24T10:00:00+01:00"
#define RUNS        5   /* SD_BENCH_RUNS overrides */
#define MAX_RUNS    51
#define N_SWITCHES  24

/* ---- child: the real application ---- */

typedef struct
{
  GApplication *app;
  SdWindow *window;
  GdkFrameClock *clock;
  gboolean switching;
  int n_switches;
  int done;
  gint64 t0;
  gint64 action_us;
  gint64 frame_start;
  GArray *work_ms;
  GArray *latency_ms;
  GArray *action_ms;
} Child;

static void step_week (Child *c);

/* The moment of the first frame, and the CPU time all the child's threads had used by then:
 * on a machine shared with other work the CPU time varies less than the wall clock. */
static void
print_drawn (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("drawn %" G_GINT64_FORMAT " cpu %.1f\n", g_get_monotonic_time (),
           (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
}

/* ---- child: a timeline for SD_BENCH_TRACE ---- */

static gboolean tracing;

static void
trace (const char *what)
{
  if (tracing)
    g_print ("trace %" G_GINT64_FORMAT " %s\n", g_get_monotonic_time (), what);
}

/* The application's own g_debug() marks ("Store opened", "Loaded 812 appointments", …)
 * become points of the timeline, timed as they happen; everything else is GLib's. */
static GLogWriterOutput
trace_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if ((level & G_LOG_LEVEL_DEBUG) && domain != NULL && g_str_has_prefix (domain, "sd-"))
    {
      g_autofree char *what = g_strdup_printf ("%s: %s", domain, message);

      trace (what);
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
trace_frame (GdkFrameClock *clock,
             const char    *what)
{
  g_autofree char *text = g_strdup_printf ("frame %" G_GINT64_FORMAT " %s",
                                           gdk_frame_clock_get_frame_counter (clock), what);

  trace (text);
}

static void
trace_before_paint (GdkFrameClock *clock)
{
  trace_frame (clock, "paint");
}

static void
trace_layout (GdkFrameClock *clock)
{
  trace_frame (clock, "layout");
}

static void
trace_after_paint (GdkFrameClock *clock)
{
  trace_frame (clock, "painted");
}

static void
trace_mapped (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  trace ("window mapped");
  if (!tracing)
    return;
  g_signal_connect (clock, "layout", G_CALLBACK (trace_layout), NULL);
  g_signal_connect (clock, "paint", G_CALLBACK (trace_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (trace_after_paint), NULL);
}

static void
trace_start (void)
{
  tracing = g_getenv ("SD_BENCH_TRACE") != NULL;
  if (tracing)
    g_log_set_writer_func (trace_writer, NULL, NULL);
  trace ("main");
}

static void
on_before_paint (Child *c)
{
  c->frame_start = g_get_monotonic_time ();
}

static gboolean
next_step (gpointer data)
{
  Child *c = data;
  SdAgendaModel *model = sd_window_get_agenda_model (c->window);

  /* A receptionist's pace: the prefetch of the next weeks finishes between clicks. */
  if (sd_agenda_model_get_loading (model))
    return G_SOURCE_CONTINUE;
  step_week (c);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (Child *c)
{
  gint64 end = g_get_monotonic_time ();
  SdAgendaModel *model = sd_window_get_agenda_model (c->window);
  SdWeekView *week = SD_WEEK_VIEW (sd_window_get_part (c->window, "week"));
  gint64 from = sd_week_view_get_week_start (week);

  if (c->t0 == 0 || c->frame_start < c->t0)
    return;
  /* A frame before the week's data arrived does not count as drawn. */
  if (!sd_agenda_model_covers (model, from, from + 7 * 86400 - 3600))
    return;

  {
    double work = (c->action_us + (end - c->frame_start)) / 1000.0;
    double latency = (end - c->t0) / 1000.0;

    g_array_append_val (c->work_ms, work);
    double action = c->action_us / 1000.0;

    g_array_append_val (c->latency_ms, latency);
    g_array_append_val (c->action_ms, action);
  }
  if (c->done == 0)
    g_print ("shown %u\n", sd_week_view_get_n_shown (week));
  c->t0 = 0;
  if (++c->done >= c->n_switches)
    {
      for (guint i = 0; i < c->work_ms->len; i++)
        g_print ("switch %.3f %.3f %.3f\n", g_array_index (c->work_ms, double, i),
                 g_array_index (c->latency_ms, double, i),
                 g_array_index (c->action_ms, double, i));
      g_application_quit (c->app);
      return;
    }
  g_timeout_add (30, next_step, c);
}

static void
step_week (Child *c)
{
  gint64 t1;

  c->t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (c->window), "win.next", NULL);
  t1 = g_get_monotonic_time ();
  c->action_us = t1 - c->t0;
}

static void
on_agenda_drawn (Child *c)
{
  trace ("agenda drawn");
  print_drawn ();
  if (!c->switching)
    {
      g_application_quit (c->app);
      return;
    }
  c->clock = gtk_widget_get_frame_clock (GTK_WIDGET (c->window));
  g_signal_connect_swapped (c->clock, "before-paint", G_CALLBACK (on_before_paint), c);
  g_signal_connect_swapped (c->clock, "after-paint", G_CALLBACK (on_after_paint), c);
  sd_window_set_view (c->window, "week");
  g_timeout_add (200, next_step, c);
}

static void
on_window_added (Child     *c,
                 GtkWindow *window)
{
  if (!SD_IS_WINDOW (window))
    return;
  c->window = SD_WINDOW (window);
  trace ("window built");
  g_signal_connect (window, "map", G_CALLBACK (trace_mapped), NULL);
  g_signal_connect_swapped (window, "agenda-drawn", G_CALLBACK (on_agenda_drawn), c);
}

static int
run_child (const char *db,
           gboolean    switching)
{
  g_autoptr(SdApplication) app = sd_application_new ();
  const char *argv[] = { "salon-desk", "--db", db, "--now", BENCH_NOW, NULL };
  Child c = { 0 };
  int ret;

  c.app = G_APPLICATION (app);
  c.switching = switching;
  c.n_switches = N_SWITCHES;
  c.work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  c.latency_ms = g_array_new (FALSE, FALSE, sizeof (double));
  c.action_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect_swapped (app, "window-added", G_CALLBACK (on_window_added), &c);
  g_signal_connect_swapped (app, "startup", G_CALLBACK (trace), (gpointer) "app started");
  ret = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, (char **) argv);
  g_array_unref (c.work_ms);
  g_array_unref (c.latency_ms);
  g_array_unref (c.action_ms);
  return ret;
}

/* ---- child: a bare window, the floor ---- */

static void
on_bare_painted (GdkFrameClock *clock,
                 GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_bare_painted, app);
  trace ("bare drawn");
  print_drawn ();
  g_application_quit (app);
}

static void
on_bare_mapped (GtkWidget    *window,
                GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bare_painted), app);
}

static void
on_bare_activate (GtkApplication *app)
{
  GtkWidget *window;
  GtkWidget *box;

  window = adw_application_window_new (app);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Salon Desk"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 840);
  g_signal_connect (window, "map", G_CALLBACK (on_bare_mapped), app);
  g_signal_connect (window, "map", G_CALLBACK (trace_mapped), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("app.salondesk.SalonDesk.Bare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_bare_activate), NULL);
  g_signal_connect_swapped (app, "startup", G_CALLBACK (trace), (gpointer) "app started");
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* ---- parent ---- */

typedef struct
{
  gint64 t0;
  double ms;
  double cpu_ms;
  long maxrss_kib;
  char *output;
} Run;

static void
ensure_db (const char *path,
           guint       n,
           guint       n_staff,
           int         per_staff_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdClock) clock = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  SdDemoOptions options;
  GTimeZone *tz;
  gint64 now, today, half_span;
  gint64 t0 = g_get_monotonic_time ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  g_print ("# generating %s (%u appointments)…\n", path, n);
  g_unlink (tmp);
  g_assert_true (sd_time_parse_rfc3339 (BENCH_NOW, &now));
  clock = sd_clock_new_fixed (now);
  store = sd_store_open (tmp, clock, &error);
  g_assert_no_error (error);
  sd_store_init_salon (store, "Bench", "Europe/Amsterdam", "EUR", &error);
  g_assert_no_error (error);
  tz = sd_salon_get_timezone (sd_store_get_salon (store));
  today = sd_time_local_midnight (now, tz);
  /* The same density whatever the size: 5 open days in 7, @per_staff_day each. */
  half_span = (gint64) n * 7 / (5 * n_staff * per_staff_day) / 2 + 7;
  sd_demo_options_init (&options);
  options.n_appointments = n;
  options.n_staff = n_staff;
  options.from = sd_time_add_days (today, tz, (int) -half_span);
  options.to = sd_time_add_days (today, tz, (int) half_span);
  g_assert_true (sd_store_fill_demo (store, &options, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
  {
    g_autofree char *wal = g_strconcat (tmp, "-wal", NULL);
    g_autofree char *shm = g_strconcat (tmp, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_print ("# generated in %.1f s\n", (g_get_monotonic_time () - t0) / 1e6);
}

static Run
spawn_child (const char *self_exe,
             const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  struct rusage usage;
  GPid pid;
  int out_fd, status;
  gint64 t0, drawn = 0;
  char buf[4096];
  gssize n;
  Run run = { 0 };

  g_ptr_array_add (argv, (char *) self_exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  t0 = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("spawn: %s", error->message);
  while ((n = read (out_fd, buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
  close (out_fd);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("child %s failed: %s", args[1], out->str);

  {
    g_auto(GStrv) lines = g_strsplit (out->str, "\n", -1);

    for (char **l = lines; *l != NULL; l++)
      if (g_str_has_prefix (*l, "drawn "))
        {
          char *end = NULL;

          drawn = g_ascii_strtoll (*l + 6, &end, 10);
          if (g_str_has_prefix (end, " cpu "))
            run.cpu_ms = g_ascii_strtod (end + 5, NULL);
        }
  }
  g_assert_cmpint (drawn, >, 0);
  run.t0 = t0;
  run.ms = (drawn - t0) / 1000.0;
  run.maxrss_kib = usage.ru_maxrss;
  run.output = g_string_free (g_steal_pointer (&out), FALSE);
  return run;
}

static int
compare_long (gconstpointer a,
              gconstpointer b)
{
  long x = *(const long *) a, y = *(const long *) b;

  return x < y ? -1 : x > y;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  const char *label;
  const char *const *args;
  double ms[MAX_RUNS];
  double cpu_ms[MAX_RUNS];
  long rss_kib[MAX_RUNS];
  double median_ms;
  double median_cpu_ms;
  long median_rss_kib;
  long peak_rss_kib;
} Case;

/* With SD_BENCH_TRACE, where one run's time went: every mark relative to the spawn. */
static void
print_trace (const Run *run)
{
  g_auto(GStrv) lines = g_strsplit (run->output, "\n", -1);
  double last = 0;

  for (char **l = lines; *l != NULL; l++)
    {
      char *what = NULL;
      gint64 t;
      double ms;

      if (!g_str_has_prefix (*l, "trace "))
        continue;
      t = g_ascii_strtoll (*l + 6, &what, 10);
      ms = (t - run->t0) / 1000.0;
      g_print ("#   %7.1f ms (+%6.1f)  %s\n", ms, ms - last, what + 1);
      last = ms;
    }
}

/* The cases run in turns (bare, 1k, 1M, bare, …) so that a slow moment of this shared
 * machine falls on all of them alike; each case's figure is its median. */
static void
measure (Case       *cases,
         guint       n_cases,
         const char *self_exe,
         int         runs)
{
  for (int i = 0; i < runs; i++)
    for (guint k = 0; k < n_cases; k++)
      {
        Run run = spawn_child (self_exe, cases[k].args);

        cases[k].ms[i] = run.ms;
        cases[k].cpu_ms[i] = run.cpu_ms;
        cases[k].rss_kib[i] = run.maxrss_kib;
        if (g_getenv ("SD_BENCH_TRACE") != NULL)
          {
            g_print ("# %s, run %d: %.1f ms\n", cases[k].label, i + 1, run.ms);
            print_trace (&run);
          }
        g_free (run.output);
      }
  for (guint k = 0; k < n_cases; k++)
    {
      Case *c = &cases[k];

      qsort (c->ms, runs, sizeof (double), compare_double);
      c->median_ms = c->ms[runs / 2];
      qsort (c->cpu_ms, runs, sizeof (double), compare_double);
      c->median_cpu_ms = c->cpu_ms[runs / 2];
      c->peak_rss_kib = 0;
      for (int i = 0; i < runs; i++)
        c->peak_rss_kib = MAX (c->peak_rss_kib, c->rss_kib[i]);
      qsort (c->rss_kib, runs, sizeof (long), compare_long);
      c->median_rss_kib = c->rss_kib[runs / 2];
      g_print ("%-31s first frame %7.1f ms (median of %d; min %.1f, max %.1f), CPU %6.1f ms; "
               "RSS median %6.1f MiB, peak %6.1f MiB\n",
               c->label, c->median_ms, runs, c->ms[0], c->ms[runs - 1], c->median_cpu_ms,
               c->median_rss_kib / 1024.0, c->peak_rss_kib / 1024.0);
    }
}

static void
measure_switch (const char *self_exe,
                const char *db)
{
  const char *args[] = { "--child-switch", db, NULL };
  Run run = spawn_child (self_exe, args);
  g_auto(GStrv) lines = g_strsplit (run.output, "\n", -1);
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) latency = g_array_new (FALSE, FALSE, sizeof (double));
  guint shown = 0;

  for (char **l = lines; *l != NULL; l++)
    {
      double w, t;

      if (sscanf (*l, "switch %lf %lf", &w, &t) >= 2)
        {
          g_array_append_val (work, w);
          g_array_append_val (latency, t);
        }
      sscanf (*l, "shown %u", &shown);
    }
  g_assert_cmpuint (work->len, >, 0);
  g_array_sort (work, compare_double);
  g_array_sort (latency, compare_double);
  g_print ("week switch, %u appointments in the week: work median %.2f ms, p90 %.2f ms, "
           "max %.2f ms; to pixels median %.2f ms (incl. waiting for the frame clock); "
           "peak RSS %.1f MiB\n",
           shown, g_array_index (work, double, work->len / 2),
           g_array_index (work, double, work->len * 9 / 10),
           g_array_index (work, double, work->len - 1),
           g_array_index (latency, double, latency->len / 2), run.maxrss_kib / 1024.0);
  g_free (run.output);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_exe = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_1k = NULL;
  g_autofree char *db_1m = NULL;
  g_autofree char *db_busy = NULL;

  if (argc >= 2 && g_str_has_prefix (argv[1], "--child"))
    trace_start ();
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], FALSE);
  if (argc == 3 && g_str_equal (argv[1], "--child-switch"))
    return run_child (argv[2], TRUE);
  if (argc == 2 && g_str_equal (argv[1], "--child-bare"))
    return run_bare ();

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("no display: run under xvfb-run\n");
      return 0;
    }

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  dir = g_strdup (g_getenv ("SD_BENCH_DIR") ? g_getenv ("SD_BENCH_DIR") : g_get_current_dir ());
  g_mkdir_with_parents (dir, 0755);
  db_1k = g_build_filename (dir, "bench-1k.sqlite", NULL);
  db_1m = g_build_filename (dir, "bench-1m.sqlite", NULL);
  db_busy = g_build_filename (dir, "bench-busy.sqlite", NULL);
  ensure_db (db_1k, 1000, 4, 8);
  ensure_db (db_1m, 1000000, 4, 8);
  /* 50 stylists × 8 a day × 5 days ≈ 2,000 appointments in every week. */
  ensure_db (db_busy, 24000, 50, 8);

  {
    const char *bare_args[] = { "--child-bare", NULL };
    const char *small_args[] = { "--child", db_1k, NULL };
    const char *large_args[] = { "--child", db_1m, NULL };
    Case cases[] = {
      { .label = "bare AdwApplicationWindow", .args = bare_args },
      { .label = "agenda, 1,000 appointments", .args = small_args },
      { .label = "agenda, 1,000,000 appointments", .args = large_args },
    };
    const char *env_runs = g_getenv ("SD_BENCH_RUNS");
    int runs = env_runs != NULL ? CLAMP (atoi (env_runs), 1, MAX_RUNS) : RUNS;

    measure (cases, G_N_ELEMENTS (cases), self_exe, runs);
    g_print ("1M / 1k start-up: %.2fx (target <= 1.1x); 1M / bare: %.2fx (target <= 1.3x), "
             "%+.1f ms; CPU time 1M / bare: %.2fx, %+.1f ms; "
             "peak RSS 1M - bare: %+.1f MiB (target <= 40 MiB)\n",
             cases[2].median_ms / cases[1].median_ms, cases[2].median_ms / cases[0].median_ms,
             cases[2].median_ms - cases[0].median_ms,
             cases[2].median_cpu_ms / cases[0].median_cpu_ms,
             cases[2].median_cpu_ms - cases[0].median_cpu_ms,
             (cases[2].peak_rss_kib - cases[0].peak_rss_kib) / 1024.0);
  }
  /* SD_BENCH_ONLY=startup: the start-up figures alone, while working on them. */
  if (g_strcmp0 (g_getenv ("SD_BENCH_ONLY"), "startup") != 0)
    measure_switch (self_exe, db_busy);
  return 0;
}

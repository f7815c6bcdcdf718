/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-store — the store at a big salon's scale: a million appointments (20 staff, ten
 * years), then the operations the desk does all day. Prints figures; asserts only that
 * each step worked. Run with `meson test --benchmark --suite store -v`.
 *
 * SD_BENCH_APPOINTMENTS=N overrides the size (e.g. 100000 for a quick look). */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "sd-store.h"
#include "sd-time.h"

static double
seconds_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1e6;
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove (child);
    }
  remove (path);
}

static goffset
file_size (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL ? g_file_info_get_size (info) : 0;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autofree char *dir = g_dir_make_tmp ("sd-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *size_env = g_getenv ("SD_BENCH_APPOINTMENTS");
  guint n = size_env != NULL ? (guint) g_ascii_strtoull (size_env, NULL, 10) : 1000000;
  gint64 now = sd_time_from_local (tz, 2026, 11, 23, 10, 0);
  g_autoptr(SdClock) clock = sd_clock_new_fixed (now);
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListModel) services = NULL;
  SdDemoOptions options;
  struct rusage usage;
  gint64 t0, first_free;
  const guint batch = 1000, total_inserts = 100000;
  guint week_rows = 0, hits = 0;
  double t;

  g_assert_no_error (error);
  printf ("# store benchmark: %u appointments, 20 staff, 10 years, in %s\n", n, dir);

  store = sd_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_init_salon (store, "Bench Salon", "Europe/Amsterdam", "EUR", &error));

  sd_demo_options_init (&options);
  options.n_appointments = n;
  options.n_staff = 20;
  options.seed = 2026;
  options.from = sd_time_add_days (sd_time_local_midnight (now, tz), tz, -5 * 365);
  options.to = sd_time_add_days (sd_time_local_midnight (now, tz), tz, 5 * 365);
  t0 = g_get_monotonic_time ();
  g_assert_true (sd_store_fill_demo (store, &options, &error));
  g_assert_no_error (error);
  printf ("generate %u appointments: %.2f s\n", n, seconds_since (t0));
  g_clear_object (&store);

  t0 = g_get_monotonic_time ();
  store = sd_store_open (path, clock, &error);
  g_assert_no_error (error);
  printf ("open: %.1f ms\n", seconds_since (t0) * 1000);

  /* This week, Monday to Monday, every stylist: what the week view asks for. */
  {
    gint64 monday = sd_time_week_start (now, tz);
    SdQuery q;
    double best = G_MAXDOUBLE;

    sd_query_init (&q, monday, sd_time_add_days (monday, tz, 7));
    for (int i = 0; i < 5; i++)
      {
        g_autoptr(GPtrArray) week = NULL;

        t0 = g_get_monotonic_time ();
        week = sd_store_list_appointments (store, &q, &error);
        g_assert_no_error (error);
        t = seconds_since (t0);
        if (i == 0)
          printf ("read one week, all staff (first): %.2f ms, %u appointments\n", t * 1000,
                  week->len);
        best = MIN (best, t);
        week_rows = week->len;
      }
    printf ("read one week, all staff (best of 5): %.2f ms\n", best * 1000);
    g_assert_cmpuint (week_rows, >, 0);
  }

  {
    static const char *const queries[] = { "rossi anna", "ann ross", "333 12", "luca.ricci" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(GPtrArray) found = NULL;

        t0 = g_get_monotonic_time ();
        found = sd_store_search (store, queries[i], 50, &error);
        g_assert_no_error (error);
        hits = found->len;
        printf ("search “%s”: %.2f ms, %u shown\n", queries[i], seconds_since (t0) * 1000, hits);
      }
  }

  /* The inbox, each request checked for an overlap (one range scan per request), and a
   * client's incidents (the client of the latest "rossi anna" hit) before now. */
  {
    g_autoptr(GPtrArray) found = sd_store_search (store, "rossi anna", 1, &error);
    double best = G_MAXDOUBLE;
    guint items = 0, flagged = 0, incidents = 0;

    g_assert_no_error (error);
    for (int i = 0; i < 5; i++)
      {
        g_autoptr(GPtrArray) inbox = NULL;

        t0 = g_get_monotonic_time ();
        inbox = sd_store_list_inbox (store, &error);
        g_assert_no_error (error);
        best = MIN (best, seconds_since (t0));
        items = inbox->len;
        flagged = 0;
        for (guint j = 0; j < inbox->len; j++)
          flagged += sd_inbox_item_get_overlap_count (g_ptr_array_index (inbox, j)) > 0;
      }
    printf ("inbox with overlap flags (best of 5): %.2f ms, %u items, %u flagged\n",
            best * 1000, items, flagged);

    best = G_MAXDOUBLE;
    for (int i = 0; found->len > 0 && i < 5; i++)
      {
        g_autoptr(GPtrArray) list = NULL;

        t0 = g_get_monotonic_time ();
        list = sd_store_list_client_incidents (
          store, sd_appointment_get_client_id (g_ptr_array_index (found, 0)), now, &error);
        g_assert_no_error (error);
        best = MIN (best, seconds_since (t0));
        incidents = list->len;
      }
    if (found->len > 0)
      printf ("one client's incidents (best of 5): %.2f ms, %u incidents\n", best * 1000,
              incidents);
  }

  /* 100,000 desk bookings through the normal create path (double-booking check, client
   * lookup, history, outbox), after the demo's last day so the slots are free. */
  staff = sd_store_list_staff (store, &error);
  services = sd_store_list_services (store, &error);
  g_assert_no_error (error);
  first_free = sd_time_add_days (options.to, tz, 30);
  {
    g_autofree SdNewAppointment *specs = g_new0 (SdNewAppointment, batch);
    g_autoptr(SdService) cut = g_list_model_get_item (services, 0);
    guint n_staff = g_list_model_get_n_items (staff);
    char names[16][32];
    guint made = 0;

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      g_snprintf (names[i], sizeof names[i], "Walk-in %u", i);

    /* One transaction per booking, for comparison. */
    t0 = g_get_monotonic_time ();
    for (guint i = 0; i < 1000; i++)
      {
        g_autoptr(SdStaff) who = g_list_model_get_item (staff, i % n_staff);
        g_autoptr(SdAppointment) a = NULL;
        SdNewAppointment spec;

        sd_new_appointment_init (&spec);
        spec.start = first_free + (gint64) (i / n_staff) * 3600;
        spec.staff_id = sd_staff_get_id (who);
        spec.service_id = sd_service_get_id (cut);
        spec.client_name = names[i % 16];
        a = sd_store_create_appointment (store, &spec, &error);
        g_assert_no_error (error);
      }
    t = seconds_since (t0);
    printf ("create 1,000 one transaction each: %.2f s (%.0f/s)\n", t, 1000 / t);

    first_free += 400 * 86400;
    t0 = g_get_monotonic_time ();
    while (made < total_inserts)
      {
        for (guint i = 0; i < batch; i++, made++)
          {
            g_autoptr(SdStaff) who = g_list_model_get_item (staff, made % n_staff);

            sd_new_appointment_init (&specs[i]);
            specs[i].start = first_free + (gint64) (made / n_staff) * 3600;
            specs[i].staff_id = sd_staff_get_id (who);
            specs[i].service_id = sd_service_get_id (cut);
            specs[i].client_name = names[made % 16];
          }
        g_assert_true (sd_store_create_appointments (store, specs, batch, NULL, &error));
        g_assert_no_error (error);
      }
    t = seconds_since (t0);
    printf ("create %u in batches of %u: %.2f s (%.0f/s)\n", total_inserts, batch, t,
            total_inserts / t);
  }

  g_clear_object (&store);
  printf ("file size: %.1f MiB (+ %.1f MiB WAL left)\n", file_size (path) / 1048576.0,
          file_size (wal) / 1048576.0);
  getrusage (RUSAGE_SELF, &usage);
  printf ("peak RSS: %.1f MiB\n", usage.ru_maxrss / 1024.0);

  rm_rf (dir);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app-test-fixture.h — what the UI tests share: a display check, a temporary demo salon
 * with a fixed clock, and waiting on the main loop with a deadline. */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sd-staff.h"
#include "sd-store.h"
#include "sd-time.h"

/* Tuesday 24 November 2026, 10:00 in Amsterdam. */
#define FIXTURE_NOW "2026-11-24T10:00:00+01:00"

typedef struct
{
  char *dir;
  char *path;
  SdClock *clock;
  SdStore *store;
  GListModel *staff;
  GTimeZone *tz;
} SalonFixture;

/* TAP wants a plan even when nothing runs: exit 0 with a skip, never 77. */
static inline void
fixture_require_display (int    *argc,
                         char ***argv)
{
  const char *dirs[] = { "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR" };

  /* Mesa's shader cache and dconf want these to exist. */
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    if (g_getenv (dirs[i]) != NULL)
      g_mkdir_with_parents (g_getenv (dirs[i]), 0700);

  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      exit (0);
    }
  adw_init ();
}

static inline void
fixture_open (SalonFixture *f,
              guint         n_appointments)
{
  g_autoptr(GError) error = NULL;
  SdDemoOptions options;
  gint64 now;

  g_assert_true (sd_time_parse_rfc3339 (FIXTURE_NOW, &now));
  f->dir = g_dir_make_tmp ("sd-app-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "salon.sqlite", NULL);
  f->clock = sd_clock_new_fixed (now);
  f->store = sd_store_open (f->path, f->clock, &error);
  g_assert_no_error (error);
  g_assert_true (sd_store_init_salon (f->store, "Test Salon", "Europe/Amsterdam", "EUR", &error));
  g_assert_no_error (error);
  f->tz = g_time_zone_ref (sd_salon_get_timezone (sd_store_get_salon (f->store)));

  sd_demo_options_init (&options);
  options.n_appointments = n_appointments;
  options.n_staff = 4;
  options.seed = 7;
  options.from = sd_time_from_local (f->tz, 2026, 9, 1, 0, 0);
  options.to = sd_time_from_local (f->tz, 2027, 1, 31, 0, 0);
  g_assert_true (sd_store_fill_demo (f->store, &options, &error));
  g_assert_no_error (error);
  f->staff = sd_store_list_staff (f->store, &error);
  g_assert_no_error (error);
}

static inline void
fixture_close (SalonFixture *f)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->staff);
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

typedef gboolean (*FixtureCondition) (gpointer data);

/* Runs the main loop until @condition holds; fails the test after 20 s. */
static inline void
fixture_wait (FixtureCondition condition,
              gpointer         data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the UI");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Lets pending layout, drawing and idles run. */
static inline void
fixture_settle (void)
{
  gint64 end = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* The appointments the store holds in [from, to), for comparing with what is shown. */
static inline GPtrArray *
fixture_query (SalonFixture *f,
               gint64        from,
               gint64        to)
{
  g_autoptr(GError) error = NULL;
  SdQuery query;
  GPtrArray *found;

  sd_query_init (&query, from, to);
  found = sd_store_list_appointments (f->store, &query, &error);
  g_assert_no_error (error);
  return found;
}

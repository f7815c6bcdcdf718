/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-fixture.h — a fresh salon database in a temporary folder for each test: a salon in
 * Europe/Amsterdam, three stylists, three services, and a clock stopped on Monday
 * 2026-11-23 10:00 local time. */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sd-store.h"
#include "sd-store-private.h"
#include "sd-time.h"

typedef struct
{
  char *dir;
  char *path;
  SdClock *clock;
  SdStore *store;
  GTimeZone *tz;
  gint64 now;
  gint64 staff[3];
  gint64 cut;      /* 30 min, 30.00 */
  gint64 colour;   /* 90 min, 75.00 */
  gint64 long_one; /* 12 h, the longest there can be */
} Fixture;

static inline void
fixture_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          fixture_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static inline SdStore *
fixture_reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = sd_store_open (f->path, f->clock, &error);
  g_assert_no_error (error);
  return f->store;
}

static inline void
fixture_set_up_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("sd-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "salon.sqlite", NULL);
  f->tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_assert_nonnull (f->tz);
  f->now = sd_time_from_local (f->tz, 2026, 11, 23, 10, 0);
  f->clock = sd_clock_new_fixed (f->now);
  f->store = sd_store_open (f->path, f->clock, &error);
  g_assert_no_error (error);
}

static inline void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  static const char *const names[] = { "Giulia", "Sanne", "Camille" };

  fixture_set_up_empty (f, data);
  g_assert_true (sd_store_init_salon (f->store, "Salon Aurora", "Europe/Amsterdam", "EUR",
                                      &error));
  g_assert_no_error (error);
  /* Open every day, so tests can book any day of the week. */
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    sd_salon_set_hours (sd_store_get_salon (f->store), d, 9 * 60, 19 * 60);
  g_assert_true (sd_store_save_salon (f->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      f->staff[i] = sd_store_add_staff (f->store, names[i], &error);
      g_assert_no_error (error);
    }
  f->cut = sd_store_add_service (f->store, "Cut", 30, 3000, &error);
  g_assert_no_error (error);
  f->colour = sd_store_add_service (f->store, "Colour", 90, 7500, &error);
  g_assert_no_error (error);
  f->long_one = sd_store_add_service (f->store, "Bridal day", 720, 50000, &error);
  g_assert_no_error (error);
}

static inline void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  fixture_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Local wall time on 2026-11-(day) in Amsterdam. */
static inline gint64
fixture_at (Fixture *f, int day, int hour, int minute)
{
  return sd_time_from_local (f->tz, 2026, 11, day, hour, minute);
}

static inline SdAppointment *
fixture_book (Fixture *f, gint64 start, gint64 staff, gint64 service, SdState state,
              SdPaymentMode payment, const char *client)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mail_name = g_utf8_strdown (client, -1);
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  SdNewAppointment spec;
  SdAppointment *a;

  /* Each client name is its own client: the e-mail and phone follow from it. */
  g_strdelimit (mail_name, " ", '.');
  email = g_strdup_printf ("%s@example.com", mail_name);
  phone = g_strdup_printf ("+39 333 %07u", g_str_hash (client) % 10000000);
  sd_new_appointment_init (&spec);
  spec.start = start;
  spec.staff_id = staff;
  spec.service_id = service;
  spec.client_name = client;
  spec.client_phone = phone;
  spec.client_email = email;
  spec.payment = payment;
  spec.state = state;
  a = sd_store_create_appointment (f->store, &spec, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static inline gint64
fixture_count (Fixture *f, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (f->store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static inline GBytes *
fixture_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

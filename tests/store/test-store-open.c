/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a database: a new file gets the schema; files that are not ours, are damaged or
 * come from a newer version are refused and left byte-identical; the salon, its settings,
 * hours and closing days, staff and services survive closing and reopening. */

#include "config.h"

#include "sd-policy-error.h"
#include "store-fixture.h"

static int
pragma_int (const char *path, const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
exec_on_file (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_new_file (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (sd_store_schema_version (), >=, 1);
  g_assert_cmpstr (sd_store_get_path (f->store), ==, f->path);
  g_assert_null (sd_store_get_salon (f->store));
  g_clear_object (&f->store);

  g_assert_cmpint (pragma_int (f->path, "PRAGMA user_version"), ==, sd_store_schema_version ());
  g_assert_cmpint (pragma_int (f->path, "PRAGMA application_id"), ==, SD_STORE_APPLICATION_ID);
  /* WAL survives closing: it is recorded in the file's header. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* Reopening an existing, current file migrates nothing and keeps it usable. */
  fixture_reopen (f);
  g_assert_cmpint (fixture_count (f, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM appointments"), ==, 0);
}

static void
test_no_salon (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SdNewAppointment spec;

  g_assert_cmpint (sd_store_add_service (f->store, "Cut", 30, 3000, &error), ==, 0);
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_SALON);
  g_clear_error (&error);

  sd_new_appointment_init (&spec);
  g_assert_null (sd_store_create_appointment (f->store, &spec, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_SALON);
  g_clear_error (&error);

  g_assert_false (sd_store_init_salon (f->store, "X", "Mars/Olympus_Mons", "EUR", &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  g_assert_null (sd_store_get_salon (f->store));
}

static void
test_empty_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) store = NULL;

  /* A file of zero bytes is a database with nothing in it yet: it becomes ours. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = sd_store_open (path, f->clock, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, sd_store_schema_version ());
}

static void
assert_refused (const char *path, SdClock *clock, GBytes *before, SdStoreError code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) store = NULL;
  g_autoptr(GBytes) after = NULL;

  store = sd_store_open (path, clock, &error);
  g_assert_null (store);
  g_assert_error (error, SD_STORE_ERROR, (int) code);
  /* Plain words, not SQLite's. */
  g_assert_null (strstr (error->message, "sqlite"));
  after = fixture_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_corrupt (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "garbage.sqlite", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 junk[8192];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, (const char *) junk, sizeof junk, NULL));
  before = fixture_read_file (path);
  assert_refused (path, f->clock, before, SD_STORE_ERROR_CORRUPT);
}

static void
test_refuse_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  char *bytes = NULL;
  gsize len = 0;

  /* A real Salon Desk file whose schema page was overwritten. */
  g_clear_object (&f->store);
  g_assert_true (g_file_get_contents (f->path, &bytes, &len, &error));
  g_assert_cmpuint (len, >, 4096);
  memset (bytes + 100, 0x5a, 4096 - 100);
  g_assert_true (g_file_set_contents (f->path, bytes, len, &error));
  g_free (bytes);
  before = fixture_read_file (f->path);
  assert_refused (f->path, f->clock, before, SD_STORE_ERROR_CORRUPT);
}

static void
test_refuse_foreign (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autoptr(GBytes) before = NULL;

  exec_on_file (path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('pesto');");
  before = fixture_read_file (path);
  assert_refused (path, f->clock, before, SD_STORE_ERROR_NOT_SALON_DESK);
}

static void
test_refuse_newer (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          sd_store_schema_version () + 1);

  g_clear_object (&f->store);
  exec_on_file (f->path, sql);
  before = fixture_read_file (f->path);
  assert_refused (f->path, f->clock, before, SD_STORE_ERROR_TOO_NEW);
}

static void
test_salon_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) days = NULL;
  SdSalonSettings settings;
  SdSalon *salon;
  GDate date;
  int open_min, close_min;

  g_assert_true (sd_store_init_salon (f->store, "Salon Aurora", "Europe/Amsterdam", "EUR",
                                      &error));
  g_assert_no_error (error);
  salon = sd_store_get_salon (f->store);
  sd_salon_settings_init (&settings);
  settings.confirm_hours = 12;
  settings.free_cancel_hours = 48;
  settings.checkin_early_min = 20;
  settings.no_show_grace_min = 10;
  settings.contest_hours = 36;
  settings.complaint_hours = 30;
  settings.claim_business_days = 3;
  settings.redo_business_days = 5;
  settings.undo_seconds = 15;
  settings.reminder_minutes = 90;
  sd_salon_set_settings (salon, &settings);
  sd_salon_set_hours (salon, G_DATE_MONDAY, 10 * 60, 18 * 60 + 30);
  sd_salon_set_hours (salon, G_DATE_SATURDAY, 0, 0);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, G_DATE_DECEMBER, 2026);
  sd_salon_add_closing_day (salon, &date);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2027);
  sd_salon_add_closing_day (salon, &date);
  g_assert_true (sd_store_save_salon (f->store, &error));
  g_assert_no_error (error);

  fixture_reopen (f);
  salon = sd_store_get_salon (f->store);
  g_assert_nonnull (salon);
  g_assert_cmpstr (sd_salon_get_name (salon), ==, "Salon Aurora");
  g_assert_cmpstr (sd_salon_get_tzid (salon), ==, "Europe/Amsterdam");
  g_assert_cmpstr (sd_salon_get_currency (salon), ==, "EUR");
  g_assert_cmpmem (sd_salon_get_settings (salon), sizeof settings, &settings, sizeof settings);
  sd_salon_get_hours (salon, G_DATE_MONDAY, &open_min, &close_min);
  g_assert_cmpint (open_min, ==, 600);
  g_assert_cmpint (close_min, ==, 1110);
  g_assert_false (sd_salon_is_open_on (salon, G_DATE_SATURDAY));
  sd_salon_get_hours (salon, G_DATE_TUESDAY, &open_min, &close_min);
  g_assert_cmpint (open_min, ==, 540);
  g_assert_cmpint (close_min, ==, 1140);
  days = sd_salon_dup_closing_days (salon);
  g_assert_cmpuint (g_strv_length (days), ==, 2);
  g_assert_cmpstr (days[0], ==, "2026-12-25");
  g_assert_cmpstr (days[1], ==, "2027-01-01");

  /* Running init again renames but keeps the settings. */
  g_assert_true (sd_store_init_salon (f->store, "Aurora", "Europe/Rome", "EUR", &error));
  fixture_reopen (f);
  salon = sd_store_get_salon (f->store);
  g_assert_cmpstr (sd_salon_get_name (salon), ==, "Aurora");
  g_assert_cmpstr (sd_salon_get_tzid (salon), ==, "Europe/Rome");
  g_assert_cmpint (sd_salon_get_settings (salon)->undo_seconds, ==, 15);
}

static void
test_staff_and_services (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(SdStaff) first = NULL;
  g_autoptr(SdService) colour = NULL;

  g_assert_cmpint (sd_store_add_staff (f->store, "  ", &error), ==, 0);
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (sd_store_add_service (f->store, "Spa week", 721, 100, &error), ==, 0);
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (sd_store_add_service (f->store, "Nothing", 0, 100, &error), ==, 0);
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION);
  g_clear_error (&error);

  fixture_reopen (f);
  staff = sd_store_list_staff (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 3);
  first = g_list_model_get_item (staff, 0);
  /* By name. */
  g_assert_cmpstr (sd_staff_get_name (first), ==, "Camille");
  g_assert_cmpint (sd_staff_get_id (first), ==, f->staff[2]);
  g_assert_true (sd_staff_get_active (first));

  services = sd_store_list_services (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 3);
  colour = g_list_model_get_item (services, 1);
  g_assert_cmpstr (sd_service_get_name (colour), ==, "Colour");
  g_assert_cmpint (sd_service_get_duration_min (colour), ==, 90);
  g_assert_cmpint (sd_service_get_price_cents (colour), ==, 7500);
  g_assert_cmpstr (sd_service_get_currency (colour), ==, "EUR");
  g_assert_cmpint (sd_service_get_id (colour), ==, f->colour);
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = NULL;
  SdDemoOptions options;

  sd_demo_options_init (&options);
  options.n_appointments = 3000;
  options.n_staff = 5;
  g_assert_true (sd_store_fill_demo (f->store, &options, &error));
  g_assert_no_error (error);

  staff = sd_store_list_staff (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 5);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM appointments"), ==, 3000);
  /* As already synced: nothing to send. */
  g_assert_cmpuint (sd_store_count_outbox (f->store, &error), ==, 0);
  /* Every state that the calendar shows, and no double booking. */
  g_assert_cmpint (fixture_count (f, "SELECT count(DISTINCT state) FROM appointments"), >=, 6);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM appointments a JOIN appointments b"
                                     " ON a.staff_id = b.staff_id AND a.id < b.id"
                                     " AND a.start < b.end AND b.start < a.end"), ==, 0);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM history"), >, 0);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM appointments WHERE state = 'requested'"
                                     " AND confirm_by = 0"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/open/new-file", Fixture, NULL, fixture_set_up_empty, test_new_file,
              fixture_tear_down);
  g_test_add ("/store/open/empty-file", Fixture, NULL, fixture_set_up_empty, test_empty_file,
              fixture_tear_down);
  g_test_add ("/store/open/no-salon", Fixture, NULL, fixture_set_up_empty, test_no_salon,
              fixture_tear_down);
  g_test_add ("/store/open/refuse-corrupt", Fixture, NULL, fixture_set_up_empty,
              test_refuse_corrupt, fixture_tear_down);
  g_test_add ("/store/open/refuse-damaged", Fixture, NULL, fixture_set_up, test_refuse_damaged,
              fixture_tear_down);
  g_test_add ("/store/open/refuse-foreign", Fixture, NULL, fixture_set_up_empty,
              test_refuse_foreign, fixture_tear_down);
  g_test_add ("/store/open/refuse-newer", Fixture, NULL, fixture_set_up, test_refuse_newer,
              fixture_tear_down);
  g_test_add ("/store/open/salon-round-trip", Fixture, NULL, fixture_set_up_empty,
              test_salon_round_trip, fixture_tear_down);
  g_test_add ("/store/open/staff-and-services", Fixture, NULL, fixture_set_up,
              test_staff_and_services, fixture_tear_down);
  g_test_add ("/store/open/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);

  return g_test_run ();
}

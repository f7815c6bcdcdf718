/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups: a copy that opens, the newest seven kept, one a day when due; restoring puts a
 * backup in place and keeps the old file, and refuses anything that is not a backup. */

#include "config.h"

#include <string.h>

#include "store-fixture.h"

static guint
count_backups (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "salon.sqlite.backup-") && g_str_has_suffix (name, ".sqlite"))
      n++;
  return n;
}

static gint64
appointments_in (const char *path, SdClock *clock)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) store = sd_store_open (path, clock, &error);
  g_autoptr(GPtrArray) list = NULL;
  SdQuery q;

  g_assert_no_error (error);
  g_assert_nonnull (sd_store_get_salon (store));
  sd_query_init (&q, 0, G_MAXINT64 / 2);
  list = sd_store_list_appointments (store, &q, &error);
  g_assert_no_error (error);
  return list->len;
}

static void
test_keeps_seven (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);

  g_object_unref (fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Anna Rossi"));
  for (guint i = 0; i < 9; i++)
    {
      char *path = sd_store_backup (f->store, &error);

      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_ptr_array_add (made, path);
      sd_clock_advance (f->clock, 1);
    }
  /* Named by the salon's local time. */
  g_assert_true (g_str_has_suffix (g_ptr_array_index (made, 0),
                                   "salon.sqlite.backup-20261123-100000.sqlite"));
  g_assert_cmpuint (count_backups (f), ==, 7);
  g_assert_false (g_file_test (g_ptr_array_index (made, 0), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (g_ptr_array_index (made, 1), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (g_ptr_array_index (made, 2), G_FILE_TEST_EXISTS));
  /* A backup is a whole database by itself, without a journal beside it. */
  {
    g_autofree char *wal = g_strconcat (g_ptr_array_index (made, 8), "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpint (appointments_in (g_ptr_array_index (made, 8), f->clock), ==, 1);
}

static void
test_if_due (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_store_backup_if_due (f->store, &error));
  g_assert_no_error (error);
  sd_clock_advance (f->clock, 13 * 3600);  /* 23:00, still today */
  g_assert_false (sd_store_backup_if_due (f->store, &error));
  g_assert_no_error (error);
  sd_clock_advance (f->clock, 3600);       /* midnight in Amsterdam: a new day */
  g_assert_true (sd_store_backup_if_due (f->store, &error));
  g_assert_cmpuint (count_backups (f), ==, 2);
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before = g_strconcat (f->path, ".before-restore", NULL);

  g_object_unref (fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Anna Rossi"));
  backup = sd_store_backup (f->store, &error);
  g_assert_no_error (error);
  g_object_unref (fixture_book (f, fixture_at (f, 24, 12, 0), f->staff[0], f->cut,
                                SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Daan Jansen"));
  g_clear_object (&f->store);

  g_assert_true (sd_store_restore (f->path, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (appointments_in (f->path, f->clock), ==, 1);
  g_assert_cmpint (appointments_in (before, f->clock), ==, 2);
}

static void
assert_restore_refused (Fixture *f, const char *backup, SdStoreError code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) db_before = NULL;
  g_autoptr(GBytes) db_after = NULL;
  g_autofree char *before = g_strconcat (f->path, ".before-restore", NULL);

  db_before = fixture_read_file (f->path);
  g_assert_false (sd_store_restore (f->path, backup, &error));
  g_assert_error (error, SD_STORE_ERROR, (int) code);
  /* The message names the backup, never the database in use, which is unchanged. */
  {
    g_autofree char *name = g_path_get_basename (backup);
    g_assert_nonnull (strstr (error->message, name));
    g_assert_nonnull (strstr (error->message, "The database in use is unchanged."));
  }
  db_after = fixture_read_file (f->path);
  g_assert_true (g_bytes_equal (db_before, db_after));
  g_assert_false (g_file_test (before, G_FILE_TEST_EXISTS));
}

static void
test_restore_refuses (Fixture *f, gconstpointer data)
{
  g_autofree char *random_path = g_build_filename (f->dir, "random.sqlite", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.sqlite", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.sqlite", NULL);
  g_autofree char *newer = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  guint8 junk[4096];
  sqlite3 *db = NULL;

  g_object_unref (fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0], f->cut,
                                SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, "Anna Rossi"));
  newer = sd_store_backup (f->store, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (random_path, (const char *) junk, sizeof junk, NULL));
  assert_restore_refused (f, random_path, SD_STORE_ERROR_CORRUPT);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_restore_refused (f, foreign, SD_STORE_ERROR_NOT_SALON_DESK);

  assert_restore_refused (f, missing, SD_STORE_ERROR_IO);

  sql = g_strdup_printf ("PRAGMA user_version = %d", sd_store_schema_version () + 1);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_restore_refused (f, newer, SD_STORE_ERROR_TOO_NEW);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/backup/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("keeps-seven", test_keeps_seven);
  ADD ("if-due", test_if_due);
  ADD ("restore", test_restore);
  ADD ("restore-refuses", test_restore_refuses);
#undef ADD

  return g_test_run ();
}

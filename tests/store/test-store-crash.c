/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A desk that is killed in the middle of writing (power cut, kill -9) leaves a database
 * that opens, passes SQLite's integrity check, and in which every change is whole: each
 * appointment has exactly one outbox row per history row, and its state is the one its
 * last history row says. */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-fixture.h"

/* Runs in the child until it is killed: book, message, reschedule, cancel, over and over.
 * Each of these writes one history row and one outbox row. */
G_GNUC_NORETURN static void
write_forever (const char *path, gint64 now, gint64 base, const gint64 *staff, gint64 service,
               int ready_fd)
{
  g_autoptr(SdClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SdStore) store = NULL;

  /* g_test seeds g_random the same in every test, and a forked child inherits its state:
   * without this, each child would make the previous child's idempotency keys again. */
  g_random_set_seed (getpid ());
  clock = sd_clock_new_fixed (now);
  store = sd_store_open (path, clock, &error);
  if (store == NULL)
    _exit (2);
  for (guint i = 0;; i++)
    {
      g_autoptr(SdAppointment) a = NULL;
      SdNewAppointment spec;
      SdActionRequest r;
      gint64 id;

      sd_new_appointment_init (&spec);
      spec.start = base + (gint64) (i / 3) * 3600;
      spec.staff_id = staff[i % 3];
      spec.service_id = service;
      spec.client_name = i % 2 ? "Anna Rossi" : "Daan Jansen";
      spec.client_email = i % 2 ? "anna@example.com" : "daan@example.com";
      a = sd_store_create_appointment (store, &spec, &error);
      if (a == NULL)
        _exit (3);
      id = sd_appointment_get_id (a);

      sd_action_request_init (&r, SD_ACTION_MESSAGE);
      r.text = "See you soon";
      g_clear_object (&a);
      a = sd_store_perform (store, id, &r, &error);
      if (a == NULL)
        _exit (4);

      sd_action_request_init (&r, SD_ACTION_RESCHEDULE);
      r.new_start = spec.start + 1800;
      g_clear_object (&a);
      a = sd_store_perform (store, id, &r, &error);
      if (a == NULL)
        _exit (5);

      sd_action_request_init (&r, SD_ACTION_CANCEL);
      r.reason = SD_CANCEL_REASON_ILLNESS;
      g_clear_object (&a);
      a = sd_store_perform (store, id, &r, &error);
      if (a == NULL)
        _exit (6);

      /* One whole round written: the parent may now kill at any moment. */
      if (i == 0 && (write (ready_fd, "x", 1) != 1 || close (ready_fd) != 0))
        _exit (7);
    }
}

static char *
integrity (Fixture *f)
{
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (f->store->db, "PRAGMA integrity_check", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

static void
test_kill (Fixture *f, gconstpointer data)
{
  gint64 previous = 0;

  for (int round = 0; round < 4; round++)
    {
      g_autofree char *check = NULL;
      g_autoptr(GPtrArray) all = NULL;
      int status = 0, ready[2];
      char byte;
      gint64 n;
      pid_t pid;
      SdQuery q;

      g_clear_object (&f->store);
      g_assert_cmpint (pipe (ready), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (ready[0]);
          write_forever (f->path, f->now, f->now + (round + 1) * 1000 * 86400, f->staff, f->cut,
                         ready[1]);
        }
      close (ready[1]);
      g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
      close (ready[0]);

      /* Somewhere in the middle of a later write. */
      g_usleep (g_test_rand_int_range (0, 400) * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* Killed while writing, not stopped by an error of its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      fixture_reopen (f);
      check = integrity (f);
      g_assert_cmpstr (check, ==, "ok");

      n = fixture_count (f, "SELECT count(*) FROM appointments");
      g_test_message ("round %d: %" G_GINT64_FORMAT " appointments", round, n);
      g_assert_cmpint (n, >, previous);
      previous = n;

      /* Every change whole: history and outbox in step, the state where history left it. */
      g_assert_cmpint (fixture_count (f,
        "SELECT count(*) FROM appointments a WHERE"
        " (SELECT count(*) FROM history h WHERE h.appointment_id = a.id)"
        " != (SELECT count(*) FROM outbox o WHERE o.appointment_id = a.id)"), ==, 0);
      g_assert_cmpint (fixture_count (f,
        "SELECT count(*) FROM appointments a WHERE a.state !="
        " (SELECT to_state FROM history h WHERE h.appointment_id = a.id ORDER BY id DESC LIMIT 1)"),
        ==, 0);
      g_assert_cmpint (fixture_count (f,
        "SELECT count(*) FROM appointments a WHERE (SELECT count(*) FROM messages m"
        " WHERE m.appointment_id = a.id) != (SELECT count(*) FROM history h"
        " WHERE h.appointment_id = a.id AND h.event = 'message')"), ==, 0);
      g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM outbox"), ==,
                       fixture_count (f, "SELECT count(*) FROM history"));

      /* And the store goes on working. */
      sd_query_init (&q, 0, G_MAXINT64 / 2);
      all = sd_store_list_appointments (f->store, &q, NULL);
      g_assert_cmpint (all->len, ==, n);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/crash/kill-9", Fixture, NULL, fixture_set_up, test_kill, fixture_tear_down);

  return g_test_run ();
}

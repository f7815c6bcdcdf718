/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark: a desk ingests a sandbox seeded with SD_BENCH_APPOINTMENTS (default 100,000)
 * appointments through the changes feed; printed beside the store's own bulk insert rate
 * (sd_store_fill_demo) for the same number of appointments. */

#include "config.h"

#include "sd-store-sync.h"
#include "sd-sync-engine.h"
#include "sd-test-sandbox.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SdTestSandbox) sandbox = NULL;
  g_autoptr(SdStore) desk = NULL;
  g_autoptr(SdStore) raw = NULL;
  g_autoptr(SdSyncEngine) engine = NULL;
  g_autofree char *body = NULL;
  const char *env = g_getenv ("SD_BENCH_APPOINTMENTS");
  guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 100000;
  gint64 changes, t0, t1;
  SdDemoOptions options;
  double pull_s, raw_s, feed_s;

  if (sd_test_sandbox_binary () == NULL)
    {
      g_print ("the sandbox server is not built: nothing measured\n");
      return 0;
    }
  dir = g_dir_make_tmp ("sd-sync-bench-XXXXXX", &error);
  g_assert_no_error (error);
  sandbox = sd_test_sandbox_start (NULL, 0, NULL);
  body = g_strdup_printf ("{\"appointments\":%u,\"seed\":7}", n);
  t0 = g_get_monotonic_time ();
  json_node_unref (sd_test_sandbox_post (sandbox, "/sandbox/seed", body));
  g_print ("seeded the sandbox with %u appointments in %.1f s\n", n,
           (g_get_monotonic_time () - t0) / 1e6);

  /* The feed alone (HTTP + JSON, nothing stored): what the marketplace side costs. */
  t0 = g_get_monotonic_time ();
  g_hash_table_unref (sd_test_sandbox_resources (sandbox, "appointment"));
  feed_s = (g_get_monotonic_time () - t0) / 1e6;

  desk = sd_test_desk_new (dir, "desk.db");
  engine = sd_sync_engine_new (desk, sandbox->url, sandbox->token);
  t0 = g_get_monotonic_time ();
  if (!sd_sync_engine_sync_once (engine, NULL, &error))
    g_error ("sync: %s", error->message);
  t1 = g_get_monotonic_time ();
  pull_s = (t1 - t0) / 1e6;
  changes = sd_test_db_int (desk, "SELECT (SELECT count(*) FROM appointments) + (SELECT count(*)"
                                  " FROM complaints) + (SELECT count(*) FROM messages) +"
                                  " (SELECT count(*) FROM reviews) + (SELECT count(*) FROM"
                                  " transactions)", NULL);

  raw = sd_test_desk_new (dir, "raw.db");
  sd_demo_options_init (&options);
  options.n_appointments = n;
  options.seed = 7;
  t0 = g_get_monotonic_time ();
  if (!sd_store_fill_demo (raw, &options, &error))
    g_error ("fill: %s", error->message);
  raw_s = (g_get_monotonic_time () - t0) / 1e6;

  g_print ("sync ingest: %" G_GINT64_FORMAT " changes (%" G_GINT64_FORMAT " appointments) in"
           " %.2f s = %.0f changes/s\n", changes,
           sd_test_db_int (desk, "SELECT count(*) FROM appointments", NULL), pull_s,
           changes / pull_s);
  g_print ("reading the same feed without storing it: %.2f s\n", feed_s);
  g_print ("store raw insert (sd_store_fill_demo): %u appointments in %.2f s = %.0f"
           " appointments/s\n", n, raw_s, n / raw_s);

  g_clear_object (&engine);
  g_clear_object (&desk);
  g_clear_object (&raw);
  sd_test_rm_rf (dir);
  return 0;
}

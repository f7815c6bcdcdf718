/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-pull.h — a booking request arriving from the marketplace, applied the way a sync
 * pass applies it (sd_store_apply_changes), for the store's and the window's notice tests.
 * The desk's own sd_store_create_appointment() makes requests the marketplace never sent. */
#pragma once

#include "sd-store.h"
#include "sd-store-private.h"
#include "sd-store-sync.h"
#include "sd-time.h"

/* Applies version @version of the request @remote_id (client @client, a 45 min "Cut &
 * blow-dry" at @start with stylist @staff) created at @created_at, to be answered by
 * @confirm_by. Returns the appointment's local id. */
static inline gint64
store_pull_request (SdStore    *store,
                    const char *remote_id,
                    int         version,
                    const char *staff,
                    const char *client,
                    gint64      start,
                    gint64      created_at,
                    gint64      confirm_by)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *staff_id = g_strdup_printf ("stf_%s", staff);
  g_autofree char *t_start = sd_time_format_rfc3339 (start, utc);
  g_autofree char *t_end = sd_time_format_rfc3339 (start + 45 * 60, utc);
  g_autofree char *t_created = sd_time_format_rfc3339 (created_at, utc);
  g_autofree char *t_confirm = sd_time_format_rfc3339 (confirm_by, utc);
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"%s\",\"version\":%d,\"status\":\"requested\",\"start\":\"%s\",\"end\":\"%s\","
    "\"staff_id\":\"%s\",\"service\":{\"id\":\"svc_cut\",\"name\":\"Cut & blow-dry\","
    "\"duration_min\":45,\"price_cents\":4500,\"currency\":\"EUR\"},"
    "\"client\":{\"id\":\"cli_%s\",\"name\":\"%s\",\"email\":null,\"phone\":null},"
    "\"payment\":{\"mode\":\"prepaid\",\"amount_cents\":4500,\"currency\":\"EUR\","
    "\"refunded_cents\":0},\"created_at\":\"%s\",\"confirm_by\":\"%s\",\"proposed_starts\":[],"
    "\"cancellation\":null,\"complaint_id\":null,\"checked_in_at\":null,"
    "\"checked_out_at\":null,\"updated_at\":\"%s\"}",
    remote_id, version, t_start, t_end, staff_id, remote_id, client, t_created, t_confirm,
    t_created);
  g_autoptr(JsonNode) node = sd_json_parse (json, -1, &error);
  g_autoptr(GPtrArray) changes =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sd_remote_change_free);
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_true (sd_store_sync_staff (store, staff_id, staff, &error));
  g_assert_no_error (error);
  g_ptr_array_add (changes, sd_remote_change_parse ("appointment", node, &error));
  g_assert_no_error (error);
  g_assert_true (sd_store_apply_changes (store, changes, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The store's lock: a window's lookup may be running in a thread. */
  locker = g_mutex_locker_new (&store->lock);
  g_assert_cmpint (sqlite3_prepare_v2 (store->db, "SELECT id FROM appointments WHERE remote_id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, remote_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

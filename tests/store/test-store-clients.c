/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A client's record before the next booking: earlier no-shows and late client
 * cancellations (the refund rule's "late", boundary at exactly the free-cancellation
 * window), never the salon's cancellations, read by an index range scan; and which known
 * client a typed name, phone or e-mail is. */
#include "config.h"

#include "store-fixture.h"

static SdAppointment *
act (Fixture *f, SdAppointment *a, SdAction action, SdParty by, gint64 at)
{
  g_autoptr(GError) error = NULL;
  SdActionRequest r;
  SdAppointment *result;

  sd_clock_set_now (f->clock, at);
  sd_action_request_init (&r, action);
  r.by = by;
  if (action == SD_ACTION_CANCEL)
    {
      r.reason = by == SD_PARTY_CLIENT ? SD_CANCEL_REASON_CLIENT_REQUEST
                                       : SD_CANCEL_REASON_ILLNESS;
      r.refund = SD_REFUND_CHOICE_NONE;
    }
  result = sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  sd_clock_set_now (f->clock, f->now);
  return result;
}

/* A desk booking (paid at the salon) for @client, brought to no-show or cancelled. */
static SdAppointment *
incident (Fixture *f, const char *client, int day, int hour, SdAction action, SdParty by,
          gint64 at)
{
  g_autoptr(SdAppointment) a = fixture_book (f, fixture_at (f, day, hour, 0), f->staff[0],
                                             f->cut, SD_STATE_CONFIRMED,
                                             SD_PAYMENT_AT_SALON, client);

  return act (f, a, action, by, at);
}

static GPtrArray *
incidents (Fixture *f, SdAppointment *of, gint64 before)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sd_store_list_client_incidents (f->store,
                                                    sd_appointment_get_client_id (of),
                                                    before, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
test_incidents (Fixture *f, gconstpointer data)
{
  gint64 day24_10 = fixture_at (f, 24, 10, 0);
  gint64 day24_12 = fixture_at (f, 24, 12, 0);
  /* Exactly 24 h before: inside the free window, not late. */
  g_autoptr(SdAppointment) in_window = incident (f, "Anna Rossi", 24, 10, SD_ACTION_CANCEL,
                                                 SD_PARTY_CLIENT, day24_10 - 24 * 3600);
  /* One second less than 24 h before: late. */
  g_autoptr(SdAppointment) late = incident (f, "Anna Rossi", 24, 12, SD_ACTION_CANCEL,
                                            SD_PARTY_CLIENT, day24_12 - 24 * 3600 + 1);
  /* The salon cancelling an hour before is the salon's doing, not the client's. */
  g_autoptr(SdAppointment) by_salon = incident (f, "Anna Rossi", 24, 14, SD_ACTION_CANCEL,
                                                SD_PARTY_SALON, fixture_at (f, 24, 13, 0));
  g_autoptr(SdAppointment) no_show = incident (f, "Anna Rossi", 25, 15, SD_ACTION_NO_SHOW,
                                               SD_PARTY_SALON, fixture_at (f, 25, 15, 20));
  /* Someone else's late cancellation. */
  g_autoptr(SdAppointment) other = incident (f, "Bram Visser", 24, 11, SD_ACTION_CANCEL,
                                             SD_PARTY_CLIENT, fixture_at (f, 24, 10, 30));
  /* A plain completed visit is no incident either. */
  g_autoptr(SdAppointment) visit = fixture_book (f, fixture_at (f, 26, 10, 0), f->staff[1],
                                                 f->cut, SD_STATE_CONFIRMED,
                                                 SD_PAYMENT_AT_SALON, "Anna Rossi");
  g_autoptr(SdAppointment) visit_in = act (f, visit, SD_ACTION_CHECK_IN, SD_PARTY_SALON,
                                           fixture_at (f, 26, 10, 0));
  g_autoptr(SdAppointment) visit_out = act (f, visit_in, SD_ACTION_CHECK_OUT, SD_PARTY_SALON,
                                            fixture_at (f, 26, 10, 30));
  g_autoptr(SdAppointment) next = fixture_book (f, fixture_at (f, 30, 10, 0), f->staff[0],
                                                f->cut, SD_STATE_CONFIRMED,
                                                SD_PAYMENT_AT_SALON, "Anna Rossi");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) before_no_show = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) bram = NULL;

  g_assert_cmpint (sd_appointment_get_client_id (late), ==,
                   sd_appointment_get_client_id (next));
  g_assert_cmpint (sd_appointment_get_state (in_window), ==, SD_STATE_CANCELLED);
  g_assert_cmpint (sd_appointment_get_state (by_salon), ==, SD_STATE_CANCELLED);

  /* Before the next booking: the late cancellation and the no-show, oldest first. */
  all = incidents (f, next, sd_appointment_get_start (next));
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (sd_appointment_get_id (g_ptr_array_index (all, 0)), ==,
                   sd_appointment_get_id (late));
  g_assert_cmpint (sd_appointment_get_id (g_ptr_array_index (all, 1)), ==,
                   sd_appointment_get_id (no_show));
  g_assert_cmpint (sd_appointment_get_state (g_ptr_array_index (all, 1)), ==,
                   SD_STATE_NO_SHOW);

  /* "Before" is by start: the no-show on the 25th is not before the 25th 15:00. */
  before_no_show = incidents (f, next, sd_appointment_get_start (no_show));
  g_assert_cmpuint (before_no_show->len, ==, 1);
  none = incidents (f, next, day24_12);
  g_assert_cmpuint (none->len, ==, 0);

  bram = incidents (f, other, sd_appointment_get_start (next));
  g_assert_cmpuint (bram->len, ==, 1);
  g_assert_cmpint (sd_appointment_get_id (g_ptr_array_index (bram, 0)), ==,
                   sd_appointment_get_id (other));
}

/* The window is the salon's setting: with 48 h, the cancellation 24 h before is late. */
static void
test_incidents_window_setting (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = fixture_at (f, 25, 10, 0);
  g_autoptr(SdAppointment) cancelled = incident (f, "Anna Rossi", 25, 10, SD_ACTION_CANCEL,
                                                 SD_PARTY_CLIENT, start - 24 * 3600);
  g_autoptr(GPtrArray) default_window = incidents (f, cancelled, start + 1);
  g_autoptr(GPtrArray) wide_window = NULL;
  SdSalonSettings settings = *sd_salon_get_settings (sd_store_get_salon (f->store));

  g_assert_cmpuint (default_window->len, ==, 0);
  settings.free_cancel_hours = 48;
  sd_salon_set_settings (sd_store_get_salon (f->store), &settings);
  g_assert_true (sd_store_save_salon (f->store, &error));
  g_assert_no_error (error);
  wide_window = incidents (f, cancelled, start + 1);
  g_assert_cmpuint (wide_window->len, ==, 1);
}

/* Undoing a client's late cancellation takes the incident back. */
static void
test_incidents_undo (Fixture *f, gconstpointer data)
{
  gint64 start = fixture_at (f, 24, 9, 0);
  g_autoptr(SdAppointment) cancelled = incident (f, "Anna Rossi", 24, 9, SD_ACTION_CANCEL,
                                                 SD_PARTY_CLIENT, f->now);
  g_autoptr(GPtrArray) counted = incidents (f, cancelled, start + 1);
  g_autoptr(SdAppointment) undone = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpuint (counted->len, ==, 1);
  undone = act (f, cancelled, SD_ACTION_UNDO_CANCEL, SD_PARTY_SALON, f->now + 2);
  g_assert_cmpint (sd_appointment_get_state (undone), ==, SD_STATE_CONFIRMED);
  after = incidents (f, cancelled, start + 1);
  g_assert_cmpuint (after->len, ==, 0);
}

static void
on_incidents (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sd_store_list_client_incidents_finish (SD_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_cancelled (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (sd_store_list_client_incidents_finish (SD_STORE (source), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *(gboolean *) user_data = TRUE;
}

static void
test_incidents_async (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) no_show = incident (f, "Anna Rossi", 23, 11, SD_ACTION_NO_SHOW,
                                               SD_PARTY_SALON, fixture_at (f, 23, 11, 30));
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  GPtrArray *list = NULL;
  gboolean done = FALSE;

  sd_store_list_client_incidents_async (f->store, sd_appointment_get_client_id (no_show),
                                        f->now + 86400, NULL, on_incidents, &list);
  while (list == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (list->len, ==, 1);
  g_ptr_array_unref (list);

  /* A cancelled call answers "cancelled", not a list. */
  g_cancellable_cancel (cancelled);
  sd_store_list_client_incidents_async (f->store, sd_appointment_get_client_id (no_show),
                                        f->now + 86400, cancelled,
                                        on_cancelled, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_incidents_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SdDemoOptions options;

  sd_demo_options_init (&options);
  options.n_appointments = 3000;
  g_assert_true (sd_store_fill_demo (f->store, &options, &error));
  g_assert_no_error (error);

  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      /* The statement sd_store_list_client_incidents() runs. */
      g_assert_cmpint (sqlite3_prepare_v2 (f->store->db,
                                           "EXPLAIN QUERY PLAN " SD_APPOINTMENT_SELECT
                                           "WHERE a.client_id = ?1 AND a.start < ?2"
                                           " AND (a.state = 'no_show'"
                                           " OR (a.state = 'cancelled'"
                                           " AND a.cancel_by = 'client'))"
                                           " ORDER BY a.start, a.id", -1, &stmt, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_test_message ("plan: %s", plan->str);
      g_assert_nonnull (strstr (plan->str, "SEARCH a USING INDEX appointments_client_start"
                                           " (client_id=? AND start<?)"));
      g_assert_null (strstr (plan->str, "SCAN"));
      g_assert_cmpint (sqlite3_exec (f->store->db, "ANALYZE", NULL, NULL, NULL), ==,
                       SQLITE_OK);
    }
}

/* The lookups sd_store_find_client() runs, one index each. */
static void
test_find_client_plan (Fixture *f, gconstpointer data)
{
  static const struct { const char *sql; const char *plan; } lookups[] = {
    { "SELECT id FROM clients WHERE email = ? LIMIT 2",
      "SEARCH clients USING COVERING INDEX clients_email (email=?)" },
    { "SELECT id FROM clients WHERE phone_digits >= ?1 AND phone_digits < ?2 LIMIT 2",
      "SEARCH clients USING COVERING INDEX clients_phone (phone_digits>? AND phone_digits<?)" },
    { "SELECT id FROM clients WHERE id IN (SELECT rowid FROM clients_fts"
      " WHERE clients_fts MATCH ?1) AND name = ?2 COLLATE NOCASE LIMIT 2",
      "SEARCH clients USING INTEGER PRIMARY KEY (rowid=?)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", lookups[i].sql, NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (f->store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_test_message ("plan: %s", plan->str);
      g_assert_nonnull (strstr (plan->str, lookups[i].plan));
      g_assert_null (strstr (plan->str, "SCAN clients\n"));
    }
}

static gint64
find (Fixture *f, const char *name, const char *phone, const char *email)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sd_store_find_client (f->store, name, phone, email, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_find_client (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) anna = fixture_book (f, fixture_at (f, 24, 10, 0), f->staff[0],
                                                f->cut, SD_STATE_CONFIRMED,
                                                SD_PAYMENT_AT_SALON, "Anna Rossi");
  g_autoptr(SdAppointment) marco1 = fixture_book (f, fixture_at (f, 24, 11, 0), f->staff[0],
                                                  f->cut, SD_STATE_CONFIRMED,
                                                  SD_PAYMENT_AT_SALON, "Marco Bianchi");
  g_autoptr(SdClient) client = sd_store_get_client (f->store,
                                                    sd_appointment_get_client_id (anna),
                                                    &error);
  g_autofree char *digits_only = NULL;
  gint64 id = sd_appointment_get_client_id (anna);
  SdNewAppointment spec;
  g_autoptr(SdAppointment) marco2 = NULL;

  g_assert_no_error (error);
  /* By e-mail, by the phone however it is spaced, by the name in any case. */
  g_assert_cmpint (find (f, NULL, NULL, "anna.rossi@example.com"), ==, id);
  digits_only = sd_store_phone_digits (sd_client_get_phone (client));
  *strchr (digits_only, ' ') = '\0';
  g_assert_cmpint (find (f, NULL, sd_client_get_phone (client), NULL), ==, id);
  g_assert_cmpint (find (f, NULL, digits_only, NULL), ==, id);
  g_assert_cmpint (find (f, "anna ROSSI ", NULL, NULL), ==, id);
  /* Unknown, too short to be a phone, or only part of a name: nobody. */
  g_assert_cmpint (find (f, "Anna", NULL, NULL), ==, 0);
  g_assert_cmpint (find (f, "Zoe Smit", "+31 6 99999999", "zoe@example.com"), ==, 0);
  g_assert_cmpint (find (f, NULL, "39", NULL), ==, 0);
  g_assert_cmpint (find (f, "", "", ""), ==, 0);

  /* Two different clients called Marco Bianchi: the name alone is nobody. */
  g_assert_cmpint (find (f, "Marco Bianchi", NULL, NULL), ==,
                   sd_appointment_get_client_id (marco1));
  sd_new_appointment_init (&spec);
  spec.start = fixture_at (f, 25, 11, 0);
  spec.staff_id = f->staff[0];
  spec.service_id = f->cut;
  spec.client_name = "Marco Bianchi";
  spec.client_email = "m.bianchi@example.org";
  marco2 = sd_store_create_appointment (f->store, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_appointment_get_client_id (marco2), !=,
                   sd_appointment_get_client_id (marco1));
  g_assert_cmpint (find (f, "Marco Bianchi", NULL, NULL), ==, 0);
  g_assert_cmpint (find (f, "Marco Bianchi", NULL, "m.bianchi@example.org"), ==,
                   sd_appointment_get_client_id (marco2));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/clients/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("incidents", test_incidents);
  ADD ("incidents-window-setting", test_incidents_window_setting);
  ADD ("incidents-undo", test_incidents_undo);
  ADD ("incidents-async", test_incidents_async);
  ADD ("incidents-plan", test_incidents_plan);
  ADD ("find-client", test_find_client);
  ADD ("find-client-plan", test_find_client_plan);
#undef ADD

  return g_test_run ();
}

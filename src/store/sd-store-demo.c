/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-demo.c — realistic demo data, fast: prepared statements and one transaction
 * per CHUNK rows, so a million appointments take seconds, not hours. The data looks
 * already synced (remote ids, no outbox rows). */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-deadline.h"
#include "sd-policy-error.h"
#include "sd-store-private.h"
#include "sd-time.h"

#define CHUNK 50000
/* Only appointments this close to "now" get history, reviews and complaints: a timeline
 * for each of a million old appointments would double the file for nothing. */
#define DETAIL_WINDOW (45 * 86400)

static const char *const first_names[] = {
  "Anna", "Giulia", "Sanne", "Camille", "Lucía", "Marco", "Daan", "Léa", "Sofia", "Emma",
  "Luca", "Noah", "Chloé", "Mateo", "Fleur", "Alessandro", "Inès", "Valentina", "Bram",
  "Martina", "Hugo", "Carmen", "Tess", "Lorenzo", "Manon", "Diego", "Julia", "Matteo",
};
static const char *const last_names[] = {
  "Rossi", "de Vries", "Dubois", "García", "Bianchi", "Jansen", "Moreau", "Fernández",
  "Romano", "Bakker", "Laurent", "López", "Colombo", "Visser", "Girard", "Martínez",
  "Ricci", "Smit", "Lefebvre", "Sánchez", "Greco", "Meijer", "Fontaine", "Ruiz",
};
static const struct { const char *name; int minutes; gint64 cents; } demo_services[] = {
  { "Cut", 30, 3000 }, { "Cut & blow-dry", 45, 4500 }, { "Blow-dry", 30, 2500 },
  { "Colour", 90, 7500 }, { "Highlights", 120, 11000 }, { "Beard trim", 15, 1500 },
  { "Kids’ cut", 20, 1800 }, { "Manicure", 45, 3500 },
};
static const char *const review_comments[] = {
  "Lovely as always.", "Great cut, a bit of a wait.", "Very friendly staff!",
  "Exactly what I asked for.", "Good value.", "Bellissimo taglio, grazie!",
};

typedef struct
{
  gint64 id;
  int minutes;
  gint64 cents;
} DemoService;

void
sd_demo_options_init (SdDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (SdDemoOptions) { .n_appointments = 2000, .n_staff = 4, .seed = 1 };
}

static gboolean
ensure_staff (SdStore *self, guint n_staff, GArray *staff_ids, GError **error)
{
  guint have = 0;

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT id FROM staff WHERE active ORDER BY id",
                                            error);
    if (stmt == NULL)
      return FALSE;
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (staff_ids, id);
      }
  }
  have = staff_ids->len;
  for (guint i = have; i < n_staff; i++)
    {
      g_autoptr(SdStmt) stmt = sd_store_stmt (self, "INSERT INTO staff (remote_id, name)"
                                                    " VALUES (?, ?)", error);
      g_autofree char *remote = g_strdup_printf ("stf_demo_%u", i + 1);
      g_autofree char *name = NULL;
      gint64 id;

      if (stmt == NULL)
        return FALSE;
      if (i < G_N_ELEMENTS (first_names))
        name = g_strdup (first_names[(i * 7) % G_N_ELEMENTS (first_names)]);
      else
        name = g_strdup_printf ("%s %u", first_names[i % G_N_ELEMENTS (first_names)], i + 1);
      sd_store_bind_text (stmt, 1, remote);
      sd_store_bind_text (stmt, 2, name);
      if (!sd_store_step_done (self, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (self->db);
      g_array_append_val (staff_ids, id);
    }
  return TRUE;
}

static gboolean
ensure_services (SdStore *self, GArray *services, GError **error)
{
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(SdStmt) stmt = sd_store_stmt (self, "SELECT id, duration_min, price_cents"
                                                    " FROM services ORDER BY duration_min, id",
                                              error);
      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          DemoService s = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                            sqlite3_column_int64 (stmt, 2) };
          g_array_append_val (services, s);
        }
      if (services->len > 0 || pass == 1)
        break;
      sd_stmt_release (stmt);
      for (guint i = 0; i < G_N_ELEMENTS (demo_services); i++)
        {
          g_autoptr(SdStmt) insert = sd_store_stmt (self,
            "INSERT INTO services (remote_id, name, duration_min, price_cents, currency)"
            " VALUES (?, ?, ?, ?, ?)", error);
          g_autofree char *remote = g_strdup_printf ("svc_demo_%u", i + 1);

          if (insert == NULL)
            return FALSE;
          sd_store_bind_text (insert, 1, remote);
          sd_store_bind_text (insert, 2, demo_services[i].name);
          sqlite3_bind_int (insert, 3, demo_services[i].minutes);
          sqlite3_bind_int64 (insert, 4, demo_services[i].cents);
          sd_store_bind_text (insert, 5, sd_salon_get_currency (self->salon));
          if (!sd_store_step_done (self, insert, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
chunk_commit (SdStore *self, guint *rows, GError **error)
{
  if (++*rows % CHUNK != 0)
    return TRUE;
  return sd_store_commit (self, error) && sd_store_begin (self, error);
}

/* The highest N among the demo's remote ids "<prefix>N" in @table, so that filling again
 * goes on after it (row ids of deleted rows are given out again; these must not be). */
static gboolean
last_serial (SdStore *self, const char *table, const char *prefix, guint *out, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(CAST(substr(remote_id, %d) AS INTEGER))"
                                          " FROM %s WHERE remote_id GLOB '%s*'",
                                          (int) strlen (prefix) + 1, table, prefix);
  g_autoptr(SdStmt) stmt = sd_store_stmt (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sd_store_set_error (self, rc, error);
      return FALSE;
    }
  *out = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
add_clients (SdStore *self, GRand *rand, guint from, guint n, GArray *client_ids, guint *rows,
             GError **error)
{
  for (guint i = from; i < from + n; i++)
    {
      g_autoptr(SdStmt) stmt = sd_store_stmt (self,
        "INSERT INTO clients (remote_id, name, email, phone, phone_digits)"
        " VALUES (?, ?, ?, ?, ?)", error);
      const char *first = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
      const char *last = last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))];
      g_autofree char *remote = g_strdup_printf ("cli_demo_%u", i + 1);
      g_autofree char *name = g_strdup_printf ("%s %s", first, last);
      g_autofree char *mail_name = g_utf8_strdown (name, -1);
      g_autofree char *email = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *digits = NULL;
      gint64 id;

      g_strdelimit (mail_name, " ", '.');
      email = g_strdup_printf ("%s%u@example.com", mail_name, i + 1);
      phone = g_strdup_printf ("+39 3%02d %07d", g_rand_int_range (rand, 20, 99),
                               g_rand_int_range (rand, 0, 9999999));
      digits = sd_store_phone_digits (phone);
      if (stmt == NULL)
        return FALSE;
      sd_store_bind_text (stmt, 1, remote);
      sd_store_bind_text (stmt, 2, name);
      sd_store_bind_text (stmt, 3, email);
      sd_store_bind_text (stmt, 4, phone);
      sd_store_bind_text (stmt, 5, digits);
      if (!sd_store_step_done (self, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (self->db);
      g_array_append_val (client_ids, id);
      if (!chunk_commit (self, rows, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64 open;   /* instants of the day's opening and closing */
  gint64 close;
} DemoDay;

/* The open days from @from on: at least those before @to, more if @n slots need them. */
static void
collect_days (SdSalon *salon, gint64 from, gint64 to, GArray *days)
{
  GTimeZone *tz = sd_salon_get_timezone (salon);

  for (gint64 day = sd_time_local_midnight (from, tz); day < to; day = sd_time_add_days (day, tz, 1))
    {
      GDate date;
      int open_min, close_min;
      DemoDay d;

      sd_salon_local_date (salon, day, &date);
      sd_salon_get_hours (salon, g_date_get_weekday (&date), &open_min, &close_min);
      if (close_min <= open_min || sd_salon_is_closing_day (salon, &date))
        continue;
      d.open = sd_time_from_local (tz, g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date), open_min / 60, open_min % 60);
      d.close = sd_time_from_local (tz, g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), close_min / 60, close_min % 60);
      if (d.close > d.open)
        g_array_append_val (days, d);
    }
}

typedef struct
{
  SdStore *self;
  GRand *rand;
  gint64 now;
  guint serial;
  guint complaints;
  guint rows;
} Demo;

static gboolean
add_detail (Demo *demo, gint64 id, SdState state, gint64 created_at, gint64 start, gint64 end,
            gint64 amount, gboolean prepaid, GError **error)
{
  SdStore *self = demo->self;
  static const struct { SdState state; const char *event; } events[] = {
    { SD_STATE_CONFIRMED, "accept" }, { SD_STATE_IN_PROGRESS, "check_in" },
    { SD_STATE_COMPLETED, "check_out" }, { SD_STATE_CANCELLED, "cancel" },
    { SD_STATE_DECLINED, "decline" }, { SD_STATE_EXPIRED, "expire" },
    { SD_STATE_NO_SHOW, "no_show" }, { SD_STATE_DISPUTED, "open_complaint" },
  };
  const char *sql = "INSERT INTO history (appointment_id, at, event, by, from_state, to_state)"
                    " VALUES (?, ?, ?, ?, ?, ?)";

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self, sql, error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_int64 (stmt, 2, created_at);
    sd_store_bind_text (stmt, 3, "create");
    sd_store_bind_text (stmt, 4, "client");
    sd_store_bind_text (stmt, 5, "requested");
    sd_store_bind_text (stmt, 6, "requested");
    if (!sd_store_step_done (self, stmt, error))
      return FALSE;
  }
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(SdStmt) stmt = NULL;

      if (events[i].state != state)
        continue;
      stmt = sd_store_stmt (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, MIN (demo->now, state == SD_STATE_COMPLETED ? end : start));
      sd_store_bind_text (stmt, 3, events[i].event);
      sd_store_bind_text (stmt, 4, state == SD_STATE_DISPUTED ? "client" : "salon");
      sd_store_bind_text (stmt, 5, "requested");
      sd_store_bind_text (stmt, 6, sd_state_to_string (state));
      if (!sd_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (state == SD_STATE_COMPLETED && g_rand_int_range (demo->rand, 0, 3) == 0)
    {
      g_autoptr(SdStmt) stmt = sd_store_stmt (self,
        "INSERT INTO reviews (appointment_id, punctuality, service, value, cleanliness,"
        " relationship, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      for (int c = 2; c <= 6; c++)
        sqlite3_bind_int (stmt, c, g_rand_int_range (demo->rand, 3, 6));
      sd_store_bind_text (stmt, 7, review_comments[g_rand_int_range (demo->rand, 0,
                                                   G_N_ELEMENTS (review_comments))]);
      sqlite3_bind_int64 (stmt, 8, MIN (demo->now, end + 3600));
      if (!sd_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (prepaid)
    {
      for (int kind = 0; kind < 2; kind++)
        {
          g_autoptr(SdStmt) stmt = sd_store_stmt (self,
            "INSERT INTO transactions (appointment_id, kind, amount_cents, currency, at)"
            " VALUES (?, ?, ?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sd_store_bind_text (stmt, 2, kind == 0 ? "charge" : "commission");
          sqlite3_bind_int64 (stmt, 3, kind == 0 ? amount : -(amount / 10));
          sd_store_bind_text (stmt, 4, sd_salon_get_currency (self->salon));
          sqlite3_bind_int64 (stmt, 5, created_at);
          if (!sd_store_step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_complaint (Demo *demo, gint64 appointment_id, gint64 opened_at, gint64 amount,
               GError **error)
{
  SdStore *self = demo->self;
  SdDeadlineKind kind = demo->complaints % 2 ? SD_DEADLINE_BUSINESS_DAYS_2 : SD_DEADLINE_HOURS_24;
  gint64 reply_by = sd_deadline_complaint_reply_by (self->salon, kind, opened_at);
  g_autoptr(SdStmt) stmt = sd_store_stmt (self,
    "INSERT INTO complaints (remote_id, version, appointment_id, opened_by, opened_at, reason,"
    " refund_requested_cents, deadline_kind, reply_by, status)"
    " VALUES (?, 1, ?, 'client', ?, ?, ?, ?, ?, ?)", error);
  g_autofree char *remote = g_strdup_printf ("cmp_demo_%u", ++demo->complaints);
  g_autoptr(SdStmt) link = NULL;

  if (stmt == NULL)
    return FALSE;
  sd_store_bind_text (stmt, 1, remote);
  sqlite3_bind_int64 (stmt, 2, appointment_id);
  sqlite3_bind_int64 (stmt, 3, opened_at);
  sd_store_bind_text (stmt, 4, demo->complaints % 3 ? "The colour is not what we agreed."
                                                    : "I waited 40 minutes past my time.");
  sqlite3_bind_int64 (stmt, 5, amount);
  sd_store_bind_text (stmt, 6, sd_deadline_kind_to_string (kind));
  sqlite3_bind_int64 (stmt, 7, reply_by);
  sd_store_bind_text (stmt, 8, sd_deadline_passed (reply_by, demo->now) ? "missed"
                                                                        : "awaiting_reply");
  if (!sd_store_step_done (self, stmt, error))
    return FALSE;

  link = sd_store_stmt (self, "UPDATE appointments SET complaint_id = ? WHERE id = ?", error);
  if (link == NULL)
    return FALSE;
  sqlite3_bind_int64 (link, 1, sqlite3_last_insert_rowid (self->db));
  sqlite3_bind_int64 (link, 2, appointment_id);
  return sd_store_step_done (self, link, error);
}

/* One appointment at [start, end): its state follows from where it lies relative to now. */
static gboolean
add_appointment (Demo *demo, gint64 staff_id, const DemoService *service, gint64 client_id,
                 gint64 start, GError **error)
{
  SdStore *self = demo->self;
  GRand *rand = demo->rand;
  gint64 end = start + (gint64) service->minutes * 60;
  gint64 now = demo->now;
  gint64 created_at, confirm_by = 0, checked_in = 0, checked_out = 0, refunded = 0;
  gboolean prepaid = g_rand_int_range (rand, 0, 10) < 4;
  gboolean by_salon = FALSE;
  int dice = g_rand_int_range (rand, 0, 100);
  SdState state;
  g_autofree char *remote = g_strdup_printf ("apt_demo_%u", ++demo->serial);
  gboolean complaint = FALSE;
  gint64 id;

  created_at = start - g_rand_int_range (rand, 3600, 30 * 86400);
  if (end <= now)
    {
      state = dice < 80 ? SD_STATE_COMPLETED : dice < 88 ? SD_STATE_CANCELLED
            : dice < 91 ? SD_STATE_NO_SHOW : dice < 94 ? SD_STATE_DECLINED
            : dice < 96 ? SD_STATE_EXPIRED : SD_STATE_COMPLETED;
      if (state == SD_STATE_COMPLETED)
        {
          checked_in = start - 300;
          checked_out = end;
          complaint = end > now - 14 * 86400 && dice % 40 == 7 && demo->complaints < 50;
        }
    }
  else if (start <= now)
    {
      state = SD_STATE_IN_PROGRESS;
      checked_in = start;
    }
  else if (start - now < 2 * 86400 && dice < 15)
    {
      state = SD_STATE_REQUESTED;
      created_at = now - g_rand_int_range (rand, 0, 20 * 3600);
      confirm_by = sd_deadline_confirm_by (self->salon, created_at);
    }
  else
    state = dice < 8 ? SD_STATE_CANCELLED : SD_STATE_CONFIRMED;
  created_at = MIN (created_at, now);
  /* Every demo booking came in as a marketplace request, so it had a deadline. */
  if (confirm_by == 0)
    confirm_by = sd_deadline_confirm_by (self->salon, created_at);
  if (state == SD_STATE_CANCELLED)
    {
      by_salon = dice % 3 == 0;
      if (prepaid && (by_salon || dice % 2 == 0))
        refunded = service->cents;
    }

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self,
      "INSERT INTO appointments (remote_id, version, state, state_before_dispute, start, end,"
      " staff_id, service_id, client_id, price_cents, currency, payment_mode, amount_cents,"
      " refunded_cents, phone_revealed, created_at, confirm_by, updated_at, checked_in_at,"
      " checked_out_at, review_requested, cancel_by, cancel_reason, cancel_refund,"
      " cancel_refund_cents, cancel_at)"
      " VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?9, ?12, ?13, ?14, ?15, ?16,"
      " ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)", error);
    if (stmt == NULL)
      return FALSE;
    sd_store_bind_text (stmt, 1, remote);
    sd_store_bind_text (stmt, 2, sd_state_to_string (complaint ? SD_STATE_DISPUTED : state));
    if (complaint)
      sd_store_bind_text (stmt, 3, sd_state_to_string (state));
    sqlite3_bind_int64 (stmt, 4, start);
    sqlite3_bind_int64 (stmt, 5, end);
    sqlite3_bind_int64 (stmt, 6, staff_id);
    sqlite3_bind_int64 (stmt, 7, service->id);
    sqlite3_bind_int64 (stmt, 8, client_id);
    sqlite3_bind_int64 (stmt, 9, service->cents);
    sd_store_bind_text (stmt, 10, sd_salon_get_currency (self->salon));
    sd_store_bind_text (stmt, 11, prepaid ? "prepaid" : "at_salon");
    sqlite3_bind_int64 (stmt, 12, refunded);
    sqlite3_bind_int (stmt, 13, state != SD_STATE_REQUESTED && state != SD_STATE_DECLINED &&
                                state != SD_STATE_EXPIRED);
    sqlite3_bind_int64 (stmt, 14, created_at);
    sqlite3_bind_int64 (stmt, 15, confirm_by);
    sqlite3_bind_int64 (stmt, 16, MIN (now, MAX (created_at, checked_out)));
    sqlite3_bind_int64 (stmt, 17, checked_in);
    sqlite3_bind_int64 (stmt, 18, checked_out);
    sqlite3_bind_int (stmt, 19, checked_out != 0);
    if (state == SD_STATE_CANCELLED)
      {
        sd_store_bind_text (stmt, 20, by_salon ? "salon" : "client");
        sd_store_bind_text (stmt, 21, by_salon ? "staff_unavailable" : "client_request");
        sd_store_bind_text (stmt, 22, refunded > 0 ? "full" : "none");
        sqlite3_bind_int64 (stmt, 23, refunded);
        sqlite3_bind_int64 (stmt, 24, MIN (now, start - 3600));
      }
    if (!sd_store_step_done (self, stmt, error))
      return FALSE;
    id = sqlite3_last_insert_rowid (self->db);
  }

  if (start > now - DETAIL_WINDOW && start < now + DETAIL_WINDOW &&
      !add_detail (demo, id, complaint ? SD_STATE_DISPUTED : state, created_at, start, end,
                   service->cents, prepaid, error))
    return FALSE;
  if (complaint &&
      !add_complaint (demo, id, MIN (now, end + g_rand_int_range (rand, 3600, 30 * 3600)),
                      service->cents, error))
    return FALSE;
  return chunk_commit (self, &demo->rows, error);
}

static gboolean
fill_locked (SdStore *self, const SdDemoOptions *options, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed);
  g_autoptr(GArray) staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (DemoService));
  g_autoptr(GArray) clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (DemoDay));
  GTimeZone *tz = sd_salon_get_timezone (self->salon);
  Demo demo = { self, rand, sd_store_now (self), 0, 0, 0 };
  gint64 from = options->from, to = options->to;
  guint n = options->n_appointments, per_day, made = 0, idle_days = 0, first_client = 0;
  int shortest;

  if (!ensure_staff (self, MAX (options->n_staff, 1), staff, error) ||
      !ensure_services (self, services, error))
    return FALSE;

  if (!last_serial (self, "appointments", "apt_demo_", &demo.serial, error) ||
      !last_serial (self, "complaints", "cmp_demo_", &demo.complaints, error) ||
      !last_serial (self, "clients", "cli_demo_", &first_client, error))
    return FALSE;

  if (!add_clients (self, rand, first_client, CLAMP (n / 20, 20, 200000), clients, &demo.rows,
                    error))
    return FALSE;

  if (from == 0)
    from = sd_time_add_days (sd_time_local_midnight (demo.now, tz), tz, -365);
  if (to == 0)
    to = sd_time_add_days (sd_time_local_midnight (from, tz), tz, 730);
  collect_days (self->salon, from, to, days);
  if (days->len == 0)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("The salon is never open in that period, so there is nowhere to put "
                     "demo appointments."));
      return FALSE;
    }
  /* Salon density: spread evenly, at most back to back with the shortest service. */
  per_day = (n + days->len * staff->len - 1) / (days->len * staff->len);
  shortest = g_array_index (services, DemoService, 0).minutes;

  for (guint d = 0; made < n; d++)
    {
      DemoDay day;
      gint64 open_minutes;
      guint today;
      gint64 slot;

      if (d == days->len)
        {
          /* More appointments than the period holds at the busiest density: go on
           * after it. */
          gint64 next = sd_time_add_days (g_array_index (days, DemoDay, days->len - 1).open,
                                          tz, 1);
          collect_days (self->salon, next, sd_time_add_days (next, tz, 28), days);
        }
      day = g_array_index (days, DemoDay, d);
      open_minutes = (day.close - day.open) / 60;
      if (open_minutes < shortest)
        {
          if (++idle_days > 400)
            {
              g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                           _("No service fits in the salon’s opening hours."));
              return FALSE;
            }
          continue;
        }
      idle_days = 0;
      today = CLAMP (per_day, 1, open_minutes / shortest);
      /* Slots on quarter hours, as salons book: "10:15", never "10:01". */
      slot = open_minutes / today / 15 * 15;
      while (slot < shortest && today > 1)
        slot = open_minutes / --today / 15 * 15;

      for (guint s = 0; s < staff->len && made < n; s++)
        for (guint k = 0; k < today && made < n; k++)
          {
            const DemoService *service = &g_array_index (services, DemoService, 0);
            gint64 start = day.open + (gint64) k * slot * 60;

            /* A random service that fits the slot; the shortest if none does. */
            for (int tries = 0; tries < 4; tries++)
              {
                const DemoService *pick = &g_array_index (services, DemoService,
                  g_rand_int_range (rand, 0, services->len));
                if (pick->minutes <= slot)
                  {
                    service = pick;
                    break;
                  }
              }
            /* Somewhere in its slot, on a quarter hour, so a quiet day is not a column of
             * 9:00 bookings. */
            if (slot - service->minutes >= 15)
              start += (gint64) g_rand_int_range (rand, 0, (slot - service->minutes) / 15 + 1) * 900;
            if (start + (gint64) service->minutes * 60 > day.close)
              continue;
            if (!add_appointment (&demo, g_array_index (staff, gint64, s), service,
                                  g_array_index (clients, gint64,
                                                 g_rand_int_range (rand, 0, clients->len)),
                                  start, error))
              return FALSE;
            made++;
          }
    }
  return TRUE;
}

gboolean
sd_store_fill_demo (SdStore *self, const SdDemoOptions *options, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error) || !sd_store_begin (self, error))
    return FALSE;
  if (!fill_locked (self, options, error))
    {
      sd_store_rollback (self);
      return FALSE;
    }
  return sd_store_commit (self, error);
}

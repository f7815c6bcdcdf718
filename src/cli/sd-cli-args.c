/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cli-args.c — option contexts, opening the database with the right clock, and turning
 * what was typed into values. Every bad value is a usage error (exit 1) found before
 * anything is written. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-cli.h"
#include "sd-json.h"
#include "sd-money.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-time.h"

/* ---- Contexts ---- */

GOptionContext *
sd_cli_context_new (SdCli *cli, const char *parameters, const char *summary,
                    const GOptionEntry *entries)
{
  /* The global options work after the command too: "salon-desk-cli list --json". */
  const GOptionEntry globals[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_path, N_("The database file"), "PATH" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &cli->now_text,
      N_("Run as if it were this time (for scripts and tests)"), "TIME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (parameters);

  cli->parameters = parameters;
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, globals, GETTEXT_PACKAGE);
  return context;
}

gboolean
sd_cli_usage_error (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (SD_CLI_ERROR, SD_CLI_ERROR_USAGE, format, args));
  va_end (args);
  return FALSE;
}

gboolean
sd_cli_parse (SdCli *cli, GOptionContext *context, int *argc, char ***argv, int n_args,
              GError **error)
{
  /* GOption forgets a string it replaces: the main context may already have set these, so
   * take them out of its way and free whichever value loses. */
  char **strings[] = { &cli->db_path, &cli->now_text };
  char *before[G_N_ELEMENTS (strings)];
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      before[i] = *strings[i];
      *strings[i] = NULL;
    }
  ok = g_option_context_parse (context, argc, argv, error);
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      if (*strings[i] == NULL)
        *strings[i] = before[i];
      else
        g_free (before[i]);
    }
  if (!ok)
    return FALSE;

  if (*argc - 1 > n_args)
    return sd_cli_usage_error (error, _("Unexpected argument “%s”."), (*argv)[n_args + 1]);
  if (*argc - 1 < n_args)
    return sd_cli_usage_error (error, _("Missing argument. Usage: %s %s"),
                               cli->command_line_name, cli->parameters);
  return TRUE;
}

gboolean
sd_cli_require (const void *value, const char *option, GError **error)
{
  if (value != NULL)
    return TRUE;
  return sd_cli_usage_error (error, _("The option %s is required."), option);
}

/* ---- Local times ---- */

typedef struct
{
  int year, month, day, hour, minute, second;
  gboolean has_time;
} LocalTime;

static gboolean
digits (const char *p, int n, int *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" ('T' also separates), with
 * every field in range. */
static gboolean
parse_local (const char *text, LocalTime *t)
{
  gsize len = strlen (text);

  memset (t, 0, sizeof *t);
  if (len != 10 && len != 16 && len != 19)
    return FALSE;
  if (!digits (text, 4, &t->year) || text[4] != '-' || !digits (text + 5, 2, &t->month)
      || text[7] != '-' || !digits (text + 8, 2, &t->day))
    return FALSE;
  if (len > 10)
    {
      if ((text[10] != ' ' && text[10] != 'T') || !digits (text + 11, 2, &t->hour)
          || text[13] != ':' || !digits (text + 14, 2, &t->minute))
        return FALSE;
      if (len == 19 && (text[16] != ':' || !digits (text + 17, 2, &t->second)))
        return FALSE;
      t->has_time = TRUE;
    }
  return t->year >= 1 && t->year <= 9999
         && g_date_valid_dmy ((GDateDay) MAX (t->day, 0), (GDateMonth) t->month,
                              (GDateYear) t->year)
         && t->hour < 24 && t->minute < 60 && t->second < 60;
}

static gint64
local_instant (GTimeZone *tz, const LocalTime *t)
{
  return sd_time_from_local_full (tz, t->year, t->month, t->day, t->hour, t->minute, t->second);
}

static gboolean
bad_time (const char *option, const char *text, GError **error)
{
  return sd_cli_usage_error (error,
                             _("%s: “%s” is not a time. Use RFC 3339 (2026-11-23T14:30:00+01:00) "
                               "or “YYYY-MM-DD HH:MM” in the salon's time zone."),
                             option, text);
}

gboolean
sd_cli_parse_time (SdCli *cli, const char *option, const char *text, gint64 *out,
                   GError **error)
{
  LocalTime t;

  if (sd_time_parse_rfc3339 (text, out))
    return TRUE;
  if (!parse_local (text, &t) || !t.has_time)
    return bad_time (option, text, error);
  *out = local_instant (sd_cli_timezone (cli), &t);
  return TRUE;
}

gboolean
sd_cli_parse_day_or_time (SdCli *cli, const char *option, const char *text, gboolean end_of_day,
                          gint64 *out, GError **error)
{
  LocalTime t;
  gint64 midnight;

  if (sd_time_parse_rfc3339 (text, out))
    return TRUE;
  if (!parse_local (text, &t))
    return bad_time (option, text, error);
  if (t.has_time)
    {
      *out = local_instant (sd_cli_timezone (cli), &t);
      return TRUE;
    }
  midnight = local_instant (sd_cli_timezone (cli), &t);
  *out = end_of_day ? sd_time_add_days (midnight, sd_cli_timezone (cli), 1) : midnight;
  return TRUE;
}

/* ---- Opening ---- */

gboolean
sd_cli_open_store (SdCli *cli, gboolean create, GError **error)
{
  gint64 now = 0;
  gboolean local_now = FALSE;
  LocalTime t;

  g_assert (cli->store == NULL);

  if (cli->now_text != NULL)
    {
      if (!sd_time_parse_rfc3339 (cli->now_text, &now))
        {
          if (!parse_local (cli->now_text, &t) || !t.has_time)
            return bad_time ("--now", cli->now_text, error);
          /* Known once the salon's zone is read. */
          local_now = TRUE;
        }
      cli->clock = sd_clock_new_fixed (now);
    }
  else
    cli->clock = sd_clock_new_system ();

  /* Only init creates a database: a typo in --db must not leave an empty file behind. */
  if (!create && !g_file_test (cli->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_SALON,
                   _("There is no database at “%s”. Create it with “salon-desk-cli init”."),
                   cli->db_path);
      return FALSE;
    }

  cli->store = sd_store_open (cli->db_path, cli->clock, error);
  if (cli->store == NULL)
    return FALSE;
  if (!create && sd_store_get_salon (cli->store) == NULL)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_SALON,
                   _("This database has no salon yet. Create it with “salon-desk-cli init”."));
      return FALSE;
    }
  if (local_now)
    sd_clock_set_now (cli->clock, local_instant (sd_cli_timezone (cli), &t));
  return TRUE;
}

gboolean
sd_cli_apply_deadlines (SdCli *cli, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  sd_store_apply_deadlines (cli->store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

SdSalon *
sd_cli_salon (SdCli *cli)
{
  return cli->store != NULL ? sd_store_get_salon (cli->store) : NULL;
}

GTimeZone *
sd_cli_timezone (SdCli *cli)
{
  SdSalon *salon = sd_cli_salon (cli);

  /* NULL is UTC for sd-time: before init there is no salon's zone yet. */
  return salon != NULL ? sd_salon_get_timezone (salon) : NULL;
}

gint64
sd_cli_now (SdCli *cli)
{
  return sd_clock_get_now (cli->clock);
}

/* ---- Numbers, money, names ---- */

gboolean
sd_cli_parse_count (const char *option, const char *text, gint64 min, gint64 max, gint64 *out,
                    GError **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Digits only: no sign, no spaces, no hex. */
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return sd_cli_usage_error (error, _("%s: “%s” is not a whole number from %lld to %lld."),
                                          option, text, (long long) min, (long long) max);
  if (*text == '\0'
      || !g_ascii_string_to_signed (text, 10, min, max, out, &local_error))
    return sd_cli_usage_error (error, _("%s: “%s” is not a whole number from %lld to %lld."),
                                        option, text, (long long) min, (long long) max);
  return TRUE;
}

gboolean
sd_cli_parse_cents (const char *option, const char *text, gint64 *out, GError **error)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return sd_cli_usage_error (error, _("%s: “%s” is not an amount in whole cents "
                                          "(such as 4500 for 45.00)."), option, text);
  if (*text == '\0' || !g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, out, NULL))
    return sd_cli_usage_error (error, _("%s: “%s” is not an amount in whole cents "
                                        "(such as 4500 for 45.00)."), option, text);
  return TRUE;
}

gboolean
sd_cli_parse_money (const char *option, const char *text, gint64 *out, GError **error)
{
  if (!sd_money_parse (text, out))
    return sd_cli_usage_error (error, _("%s: “%s” is not an amount (such as 45 or 45.50)."),
                               option, text);
  return TRUE;
}

gboolean
sd_cli_parse_party (const char *option, const char *text, SdParty *out, GError **error)
{
  if (!sd_party_from_string (text, out) || (*out != SD_PARTY_SALON && *out != SD_PARTY_CLIENT))
    return sd_cli_usage_error (error, _("%s: “%s” is neither “salon” nor “client”."), option, text);
  return TRUE;
}

static gboolean
parse_local_id (const char *text, const char *prefix, gint64 *out)
{
  if (sd_json_parse_local_id (text, prefix, out))
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return *text != '\0' && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out, NULL);
}

gboolean
sd_cli_parse_appointment_id (const char *text, gint64 *out, GError **error)
{
  if (!parse_local_id (text, "apt", out))
    return sd_cli_usage_error (error, _("“%s” is not an appointment id (such as 12)."), text);
  return TRUE;
}

gboolean
sd_cli_parse_complaint_id (const char *text, gint64 *out, GError **error)
{
  if (!parse_local_id (text, "cmp", out))
    return sd_cli_usage_error (error, _("“%s” is not a complaint id (such as 3)."), text);
  return TRUE;
}

/* One match by id, remote id or (case-insensitive) name among @model's items. */
static gboolean
find_in (GListModel *model, const char *text, const char *prefix,
         gint64 (*get_id) (gpointer), const char *(*get_remote) (gpointer),
         const char *(*get_name) (gpointer), gint64 *out, guint *n_named)
{
  g_autofree char *wanted = g_utf8_casefold (text, -1);
  gint64 id = 0;
  gboolean by_id = parse_local_id (text, prefix, &id);
  guint n = g_list_model_get_n_items (model);

  *n_named = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *remote = get_remote (item);

      if ((by_id && get_id (item) == id) || (remote != NULL && g_str_equal (remote, text)))
        {
          *out = get_id (item);
          return TRUE;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *name = g_utf8_casefold (get_name (item) ? get_name (item) : "", -1);

      if (g_str_equal (name, wanted))
        {
          *out = get_id (item);
          (*n_named)++;
        }
    }
  return *n_named == 1;
}

gboolean
sd_cli_find_staff (SdCli *cli, const char *text, gint64 *out, GError **error)
{
  g_autoptr(GListModel) staff = sd_store_list_staff (cli->store, error);
  guint n_named;

  if (staff == NULL)
    return FALSE;
  if (find_in (staff, text, "stf", (gint64 (*) (gpointer)) sd_staff_get_id,
               (const char *(*) (gpointer)) sd_staff_get_remote_id,
               (const char *(*) (gpointer)) sd_staff_get_name, out, &n_named))
    return TRUE;
  if (n_named > 1)
    return sd_cli_usage_error (error, _("Several staff members are called “%s”: use the id "
                                        "(salon-desk-cli staff list)."), text);
  return sd_cli_usage_error (error, _("There is no staff member “%s” (salon-desk-cli staff list)."),
                             text);
}

gboolean
sd_cli_find_service (SdCli *cli, const char *text, gint64 *out, GError **error)
{
  g_autoptr(GListModel) services = sd_store_list_services (cli->store, error);
  guint n_named;

  if (services == NULL)
    return FALSE;
  if (find_in (services, text, "svc", (gint64 (*) (gpointer)) sd_service_get_id,
               (const char *(*) (gpointer)) sd_service_get_remote_id,
               (const char *(*) (gpointer)) sd_service_get_name, out, &n_named))
    return TRUE;
  if (n_named > 1)
    return sd_cli_usage_error (error, _("Several services are called “%s”: use the id "
                                        "(salon-desk-cli service list)."), text);
  return sd_cli_usage_error (error, _("There is no service “%s” (salon-desk-cli service list)."),
                             text);
}

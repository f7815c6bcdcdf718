/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cli.h — what the parts of salon-desk-cli share: the run's context (database, clock,
 * --json), the error domain of usage mistakes, value parsing, and the commands.
 *
 * Exit codes follow the error's domain, so a script can tell a typo from a refusal:
 *   0 done, 1 usage (SD_CLI_ERROR, GOption, unknown values), 2 refused by a rule
 *   (SD_POLICY_ERROR), 3 storage (SD_STORE_ERROR and anything else). */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_CLI_ERROR (sd_cli_error_quark ())

typedef enum
{
  SD_CLI_ERROR_USAGE,   /* unknown command/option, missing option, bad value */
} SdCliError;

GQuark sd_cli_error_quark (void);

typedef enum
{
  SD_CLI_EXIT_OK = 0,
  SD_CLI_EXIT_USAGE = 1,
  SD_CLI_EXIT_REFUSED = 2,
  SD_CLI_EXIT_STORAGE = 3,
} SdCliExit;

typedef struct
{
  /* Global options (also accepted after the command). */
  char *db_path;
  char *now_text;
  gboolean json;

  SdClock *clock;
  SdStore *store;
  /* "salon-desk-cli cancel" and its parameters ("ID --by …"): for messages. */
  char *command_line_name;
  const char *parameters;
} SdCli;

typedef gboolean (*SdCliCommandFunc) (SdCli *cli, int argc, char **argv, GError **error);

/* ---- sd-cli-args.c: option contexts, opening the store, values ---- */

/* A context for one command with its own @entries plus the global ones. */
GOptionContext *sd_cli_context_new   (SdCli *cli, const char *parameters, const char *summary,
                                      const GOptionEntry *entries);
/* Parses, then checks that exactly @n_args positional arguments remain (argv[1…]). */
gboolean  sd_cli_parse               (SdCli *cli, GOptionContext *context, int *argc,
                                      char ***argv, int n_args, GError **error);
gboolean  sd_cli_usage_error         (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* A required option that was not given. */
gboolean  sd_cli_require             (const void *value, const char *option, GError **error);

/* Opens the database (creating it only when @create), with --now's clock, and requires a
 * salon unless @create. */
gboolean  sd_cli_open_store          (SdCli *cli, gboolean create, GError **error);
/* Brings the database up to --now (expired requests, missed complaint deadlines), as the
 * desk does when it starts: call it once every value has been checked. */
gboolean  sd_cli_apply_deadlines     (SdCli *cli, GError **error);
SdSalon  *sd_cli_salon               (SdCli *cli);
GTimeZone *sd_cli_timezone           (SdCli *cli);
gint64    sd_cli_now                 (SdCli *cli);

/* RFC 3339, or "YYYY-MM-DD HH:MM" in the salon's zone. */
gboolean  sd_cli_parse_time          (SdCli *cli, const char *option, const char *text,
                                      gint64 *out, GError **error);
/* Like sd_cli_parse_time, and "YYYY-MM-DD" = that local midnight, or the next one when
 * @end_of_day (so "--to 2026-11-23" includes the 23rd). */
gboolean  sd_cli_parse_day_or_time   (SdCli *cli, const char *option, const char *text,
                                      gboolean end_of_day, gint64 *out, GError **error);
gboolean  sd_cli_parse_count         (const char *option, const char *text, gint64 min,
                                      gint64 max, gint64 *out, GError **error);
/* Whole cents, e.g. "4500". */
gboolean  sd_cli_parse_cents         (const char *option, const char *text, gint64 *out,
                                      GError **error);
/* An amount in the currency's units, e.g. "45" or "45.50". */
gboolean  sd_cli_parse_money         (const char *option, const char *text, gint64 *out,
                                      GError **error);
gboolean  sd_cli_parse_party         (const char *option, const char *text, SdParty *out,
                                      GError **error);
/* "12" or "apt_local_12". */
gboolean  sd_cli_parse_appointment_id (const char *text, gint64 *out, GError **error);
gboolean  sd_cli_parse_complaint_id  (const char *text, gint64 *out, GError **error);
/* An id ("3", "stf_local_3", the remote id) or a name, case-insensitive. */
gboolean  sd_cli_find_staff          (SdCli *cli, const char *text, gint64 *out, GError **error);
gboolean  sd_cli_find_service        (SdCli *cli, const char *text, gint64 *out, GError **error);

/* ---- sd-cli-output.c ---- */

/* Prints @node as the command's one JSON document; takes ownership. */
void      sd_cli_print_json          (JsonNode *node);
/* "2026-11-23 14:30" in the salon's zone; "—" for 0. Free with g_free. */
char     *sd_cli_format_time         (SdCli *cli, gint64 instant);
void      sd_cli_print_appointments  (SdCli *cli, GPtrArray *appointments);
void      sd_cli_print_appointment   (SdCli *cli, SdAppointment *appointment, GPtrArray *history);
/* After an action: one line saying what the appointment now is (or its JSON). */
void      sd_cli_print_action_result (SdCli *cli, SdAppointment *appointment, const char *what);
void      sd_cli_print_complaints    (SdCli *cli, GPtrArray *complaints);
void      sd_cli_print_complaint     (SdCli *cli, SdComplaint *complaint);
void      sd_cli_print_inbox         (SdCli *cli, GPtrArray *items);
void      sd_cli_print_reputation    (SdCli *cli, const SdReputation *reputation, gint64 from,
                                      gint64 to);

/* Rows of text printed in columns aligned by characters, not bytes. */
typedef struct _SdCliTable SdCliTable;
SdCliTable *sd_cli_table_new         (guint n_columns, ...);
void        sd_cli_table_add         (SdCliTable *table, ...);
void        sd_cli_table_print_free  (SdCliTable *table);

/* ---- The commands ---- */

gboolean sd_cli_cmd_init            (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_demo_data       (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_staff           (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_service         (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_backup          (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_sync            (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_restore         (SdCli *cli, int argc, char **argv, GError **error);

gboolean sd_cli_cmd_add             (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_list            (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_show            (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_accept          (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_decline         (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_unavailable     (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_cancel_options  (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_cancel          (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_undo_cancel     (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_check_in        (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_check_out       (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_no_show         (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_reschedule      (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_inbox           (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_search          (SdCli *cli, int argc, char **argv, GError **error);

gboolean sd_cli_cmd_complaints      (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_complaint       (SdCli *cli, int argc, char **argv, GError **error);
gboolean sd_cli_cmd_reputation      (SdCli *cli, int argc, char **argv, GError **error);

G_END_DECLS

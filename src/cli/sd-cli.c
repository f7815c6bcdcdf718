/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cli.c — salon-desk-cli's entry point: global options, the command table, and the
 * translation of errors into exit codes and plain words on stderr. */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "sd-cli.h"
#include "sd-json.h"
#include "sd-policy-error.h"

G_DEFINE_QUARK (sd-cli-error-quark, sd_cli_error)

typedef struct
{
  const char *name;
  SdCliCommandFunc func;
  const char *synopsis;   /* untranslated: options and arguments are not translated */
  const char *summary;    /* translated at print time */
} Command;

static const Command commands[] = {
  { "init", sd_cli_cmd_init, "--salon-name NAME --timezone ZONE [--currency CODE]",
    N_("Create the salon (or change its name, zone, currency)") },
  { "demo-data", sd_cli_cmd_demo_data, "[--appointments N] [--staff N] [--seed S]",
    N_("Fill the database with realistic demo data") },
  { "staff", sd_cli_cmd_staff, "add NAME | list", N_("Add or list staff members") },
  { "service", sd_cli_cmd_service, "add --name NAME --duration MIN --price AMOUNT | list",
    N_("Add or list services") },
  { "add", sd_cli_cmd_add,
    "--start TIME --service S --staff S --client-name NAME [--client-phone P] "
    "[--client-email E] [--payment prepaid|at_salon] [--status requested|confirmed] "
    "[--allow-overlap]", N_("Book an appointment") },
  { "list", sd_cli_cmd_list, "[--from TIME] [--to TIME] [--state STATE] [--staff S]",
    N_("List appointments by start") },
  { "show", sd_cli_cmd_show, "ID", N_("Show an appointment and its history") },
  { "accept", sd_cli_cmd_accept, "ID [--allow-overlap]", N_("Accept a request") },
  { "decline", sd_cli_cmd_decline, "ID --reason TEXT", N_("Decline a request") },
  { "unavailable", sd_cli_cmd_unavailable, "ID --propose TIME [--propose TIME]…",
    N_("Propose one to three other times (reveals the client's phone)") },
  { "cancel-options", sd_cli_cmd_cancel_options, "ID --by salon|client",
    N_("Say what a cancellation would refund, before doing it") },
  { "cancel", sd_cli_cmd_cancel,
    "ID --by salon|client --reason REASON [--note TEXT] [--refund full|none]",
    N_("Cancel an appointment") },
  { "undo-cancel", sd_cli_cmd_undo_cancel, "ID",
    N_("Undo a cancellation not yet sent to the marketplace") },
  { "check-in", sd_cli_cmd_check_in, "ID", N_("The client has arrived") },
  { "check-out", sd_cli_cmd_check_out, "ID", N_("The service is done") },
  { "no-show", sd_cli_cmd_no_show, "ID", N_("The client did not come") },
  { "reschedule", sd_cli_cmd_reschedule, "ID --start TIME [--staff S] [--allow-overlap]",
    N_("Move an appointment") },
  { "inbox", sd_cli_cmd_inbox, "", N_("What needs an answer now, most urgent first") },
  { "search", sd_cli_cmd_search, "TEXT", N_("Find appointments by client name, phone or e-mail") },
  { "complaints", sd_cli_cmd_complaints, "[--open] [--since-days N]",
    N_("List complaints, most urgent first") },
  { "complaint", sd_cli_cmd_complaint,
    "open ID --reason TEXT [--refund-requested CENTS] [--by salon|client] "
    "[--deadline hours_24|business_days_2] | respond CID (--refund CENTS | --offer-redo TIME "
    "| --contest TEXT) [--attach FILE]…", N_("Open or answer a complaint") },
  { "reputation", sd_cli_cmd_reputation, "[--from TIME] [--to TIME]",
    N_("Cancellation and decline rates, complaints, ratings") },
  { "sync", sd_cli_cmd_sync, "[--url URL]",
    N_("Fetch the marketplace's changes and send unsent actions") },
  { "backup", sd_cli_cmd_backup, "", N_("Copy the database beside it") },
  { "restore", sd_cli_cmd_restore, "FILE", N_("Replace the database with a backup") },
};

static void
print_help (void)
{
  g_print (_("Usage: salon-desk-cli [--db PATH] [--now TIME] [--json] COMMAND …\n\n"));
  g_print (_("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-15s %s\n  %-15s   %s\n", commands[i].name, _(commands[i].summary), "",
             commands[i].synopsis);
  g_print ("  %-15s %s\n\n", "help", _("Show this help"));
  g_print (_("Times are RFC 3339 (2026-11-23T14:30:00+01:00) or “YYYY-MM-DD HH:MM” in the "
             "salon's time zone.\n"
             "--staff and --service take an id or a name. Amounts named CENTS are whole cents.\n"
             "--json prints the marketplace API's shapes, one JSON document per command.\n"
             "Exit status: 0 done, 1 usage error, 2 refused by a rule, 3 storage error.\n"
             "“salon-desk-cli COMMAND --help” shows a command's options.\n"));
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static int
exit_code_for (const GError *error)
{
  if (error->domain == SD_CLI_ERROR || error->domain == G_OPTION_ERROR
      || error->domain == SD_JSON_ERROR)
    return SD_CLI_EXIT_USAGE;
  if (error->domain == SD_POLICY_ERROR)
    return SD_CLI_EXIT_REFUSED;
  return SD_CLI_EXIT_STORAGE;
}

static void
print_error (const GError *error)
{
  if (error->domain == SD_POLICY_ERROR)
    /* The API's code names the rule, the message says it in plain words. */
    g_printerr (_("salon-desk-cli: refused (%s): %s\n"),
                sd_policy_error_code ((SdPolicyError) error->code), error->message);
  else
    g_printerr ("salon-desk-cli: %s\n", error->message);
  if (error->domain == G_OPTION_ERROR || error->domain == SD_CLI_ERROR)
    g_printerr (_("Try “salon-desk-cli help”.\n"));
}

static void
sd_cli_clear (SdCli *cli)
{
  g_clear_object (&cli->store);
  g_clear_object (&cli->clock);
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->now_text, g_free);
  g_clear_pointer (&cli->command_line_name, g_free);
}

static int
run (SdCli *cli, int argc, char **argv, GError **error)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_path, N_("The database file"), "PATH" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &cli->now_text,
      N_("Run as if it were this time (for scripts and tests)"), "TIME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  const Command *command;

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      print_help ();
      return TRUE;
    }

  context = g_option_context_new (_("COMMAND …"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows is the command's own options. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;

  if (argc < 2)
    return sd_cli_usage_error (error, _("No command given."));
  if (g_str_equal (argv[1], "help"))
    {
      print_help ();
      return TRUE;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    return sd_cli_usage_error (error, _("Unknown command “%s”."), argv[1]);

  cli->command_line_name = g_strdup_printf ("salon-desk-cli %s", command->name);
  /* For the command's --help: "Usage: salon-desk-cli cancel [OPTION…] ID". */
  g_set_prgname (cli->command_line_name);
  if (cli->db_path == NULL)
    cli->db_path = g_build_filename (g_get_user_data_dir (), "salon-desk",
                                     "salon-desk.sqlite", NULL);
  /* The command sees itself as argv[0]. */
  return command->func (cli, argc - 1, argv + 1, error);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  SdCli cli = { 0 };
  int status = SD_CLI_EXIT_OK;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("salon-desk-cli");

  if (!run (&cli, argc, argv, &error))
    {
      print_error (error);
      status = exit_code_for (error);
    }
  sd_cli_clear (&cli);
  return status;
}

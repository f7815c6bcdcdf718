/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cli-admin.c — the salon itself: init, demo data, staff, services, backup, restore. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-cli.h"
#include "sd-json.h"
#include "sd-money.h"
#include "sd-service.h"
#include "sd-staff.h"

gboolean
sd_cli_cmd_init (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *name = NULL, *timezone = NULL, *currency = NULL;
  const GOptionEntry entries[] = {
    { "salon-name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The salon's name"), "NAME" },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &timezone,
      N_("The salon's time zone, such as Europe/Amsterdam"), "ZONE" },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency, N_("ISO 4217 code (default EUR)"),
      "CODE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, NULL,
                                                          _("Create the salon's database."),
                                                          entries);
  g_autoptr(GTimeZone) tz = NULL;

  if (!sd_cli_parse (cli, context, &argc, &argv, 0, error)
      || !sd_cli_require (name, "--salon-name", error)
      || !sd_cli_require (timezone, "--timezone", error))
    return FALSE;
  if (*g_strstrip (name) == '\0')
    return sd_cli_usage_error (error, _("--salon-name: the name is empty."));
  /* Checked here, before a database file is created for nothing. */
  tz = g_time_zone_new_identifier (timezone);
  if (tz == NULL)
    return sd_cli_usage_error (error, _("--timezone: “%s” is not a time zone this computer "
                                        "knows (such as Europe/Amsterdam)."), timezone);
  if (currency == NULL)
    currency = g_strdup ("EUR");
  if (strlen (currency) != 3 || !g_ascii_isupper (currency[0]) || !g_ascii_isupper (currency[1])
      || !g_ascii_isupper (currency[2]))
    return sd_cli_usage_error (error, _("--currency: “%s” is not a currency code (three capital "
                                        "letters, such as EUR)."), currency);

  if (!sd_cli_open_store (cli, TRUE, error)
      || !sd_store_init_salon (cli->store, name, timezone, currency, error))
    return FALSE;

  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_string_member (object, "name", name);
      json_object_set_string_member (object, "timezone", timezone);
      json_object_set_string_member (object, "currency", currency);
      json_object_set_string_member (object, "db", cli->db_path);
      json_node_take_object (node, object);
      sd_cli_print_json (node);
    }
  else
    g_print (_("Salon “%s” (%s, %s) is ready in %s.\n"), name, timezone, currency, cli->db_path);
  return TRUE;
}

gboolean
sd_cli_cmd_demo_data (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *appointments = NULL, *staff = NULL, *seed = NULL;
  const GOptionEntry entries[] = {
    { "appointments", 0, 0, G_OPTION_ARG_STRING, &appointments,
      N_("How many appointments (default 2000)"), "N" },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("How many staff members (default 4)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, N_("The same seed gives the same data"), "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, NULL,
                                                          _("Fill the database with demo data."),
                                                          entries);
  SdDemoOptions options;
  gint64 value;

  sd_demo_options_init (&options);
  if (!sd_cli_parse (cli, context, &argc, &argv, 0, error))
    return FALSE;
  if (appointments != NULL)
    {
      if (!sd_cli_parse_count ("--appointments", appointments, 0, 10000000, &value, error))
        return FALSE;
      options.n_appointments = (guint) value;
    }
  if (staff != NULL)
    {
      if (!sd_cli_parse_count ("--staff", staff, 1, 200, &value, error))
        return FALSE;
      options.n_staff = (guint) value;
    }
  if (seed != NULL)
    {
      if (!sd_cli_parse_count ("--seed", seed, 0, G_MAXUINT32, &value, error))
        return FALSE;
      options.seed = (guint32) value;
    }

  if (!sd_cli_open_store (cli, FALSE, error)
      || !sd_store_fill_demo (cli->store, &options, error))
    return FALSE;

  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_int_member (object, "appointments", options.n_appointments);
      json_object_set_int_member (object, "staff", options.n_staff);
      json_object_set_int_member (object, "seed", options.seed);
      json_node_take_object (node, object);
      sd_cli_print_json (node);
    }
  else
    g_print (_("Added %u demo appointments (seed %u).\n"), options.n_appointments, options.seed);
  return TRUE;
}

/* "staff add NAME" / "staff list", "service add …" / "service list". */
static gboolean
subcommand (int argc, char **argv, const char *what, const char **out, GError **error)
{
  if (argc < 2 || (!g_str_equal (argv[1], "add") && !g_str_equal (argv[1], "list")))
    return sd_cli_usage_error (error, _("Use “%s add” or “%s list”."), what, what);
  *out = argv[1];
  return TRUE;
}

gboolean
sd_cli_cmd_staff (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GListModel) staff = NULL;
  const char *sub;
  gboolean add;
  SdCliTable *table;
  guint n;

  if (!subcommand (argc, argv, "staff", &sub, error))
    return FALSE;
  add = g_str_equal (sub, "add");
  argc--;
  argv++;
  context = sd_cli_context_new (cli, add ? "NAME" : NULL,
                                add ? _("Add a staff member.") : _("List the staff."), NULL);
  if (!sd_cli_parse (cli, context, &argc, &argv, add ? 1 : 0, error))
    return FALSE;
  if (add && *g_strstrip (argv[1]) == '\0')
    return sd_cli_usage_error (error, _("The name is empty."));
  if (!sd_cli_open_store (cli, FALSE, error))
    return FALSE;

  if (add)
    {
      gint64 id = sd_store_add_staff (cli->store, argv[1], error);
      g_autofree char *local = NULL;

      if (id <= 0)
        return FALSE;
      if (cli->json)
        {
          JsonObject *object = json_object_new ();
          JsonNode *node = json_node_new (JSON_NODE_OBJECT);

          local = sd_json_local_id ("stf", id);
          json_object_set_string_member (object, "id", local);
          json_object_set_string_member (object, "name", argv[1]);
          json_node_take_object (node, object);
          sd_cli_print_json (node);
        }
      else
        g_print (_("Added staff member %lld: %s\n"), (long long) id, argv[1]);
      return TRUE;
    }

  staff = sd_store_list_staff (cli->store, error);
  if (staff == NULL)
    return FALSE;
  n = g_list_model_get_n_items (staff);
  if (cli->json)
    {
      JsonArray *array = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SdStaff) s = g_list_model_get_item (staff, i);
          json_array_add_element (array, sd_json_from_staff (s));
        }
      json_node_take_array (node, array);
      sd_cli_print_json (node);
      return TRUE;
    }
  if (n == 0)
    {
      g_print ("%s\n", _("No staff yet: add them with “salon-desk-cli staff add NAME”."));
      return TRUE;
    }
  table = sd_cli_table_new (2, _("ID"), _("NAME"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SdStaff) s = g_list_model_get_item (staff, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sd_staff_get_id (s));

      sd_cli_table_add (table, id, sd_staff_get_name (s));
    }
  sd_cli_table_print_free (table);
  return TRUE;
}

static gboolean
service_add (SdCli *cli, const char *name, gint64 duration, gint64 price, GError **error)
{
  const char *currency = sd_salon_get_currency (sd_cli_salon (cli));
  gint64 id = sd_store_add_service (cli->store, name, (int) duration, price, error);

  if (id <= 0)
    return FALSE;
  if (cli->json)
    {
      g_autoptr(SdService) service = sd_service_new ();

      sd_service_set_id (service, id);
      sd_service_set_name (service, name);
      sd_service_set_duration_min (service, (int) duration);
      sd_service_set_price_cents (service, price);
      sd_cli_print_json (sd_json_from_service (service, currency));
    }
  else
    {
      g_autofree char *money = sd_money_format (price, currency);

      g_print (_("Added service %lld: %s, %lld min, %s\n"), (long long) id,
               name, (long long) duration, money);
    }
  return TRUE;
}

gboolean
sd_cli_cmd_service (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *name = NULL, *duration_text = NULL, *price_text = NULL;
  const GOptionEntry add_entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The service's name"), "NAME" },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &duration_text, N_("Minutes"), "MIN" },
    { "price", 0, 0, G_OPTION_ARG_STRING, &price_text,
      N_("Price in the salon's currency, such as 45 or 45.50"), "AMOUNT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GListModel) services = NULL;
  const char *sub, *currency;
  gboolean add;
  gint64 duration, price;
  SdCliTable *table;
  guint n;

  if (!subcommand (argc, argv, "service", &sub, error))
    return FALSE;
  add = g_str_equal (sub, "add");
  argc--;
  argv++;
  context = sd_cli_context_new (cli, NULL, add ? _("Add a service.") : _("List the services."),
                                add ? add_entries : NULL);
  if (!sd_cli_parse (cli, context, &argc, &argv, 0, error))
    return FALSE;
  if (add)
    {
      if (!sd_cli_require (name, "--name", error)
          || !sd_cli_require (duration_text, "--duration", error)
          || !sd_cli_require (price_text, "--price", error)
          || !sd_cli_parse_count ("--duration", duration_text, 1, 24 * 60, &duration, error)
          || !sd_cli_parse_money ("--price", price_text, &price, error))
        return FALSE;
      if (*g_strstrip (name) == '\0')
        return sd_cli_usage_error (error, _("--name: the name is empty."));
    }
  if (!sd_cli_open_store (cli, FALSE, error))
    return FALSE;
  if (add)
    return service_add (cli, name, duration, price, error);

  services = sd_store_list_services (cli->store, error);
  if (services == NULL)
    return FALSE;
  currency = sd_salon_get_currency (sd_cli_salon (cli));
  n = g_list_model_get_n_items (services);
  if (cli->json)
    {
      JsonArray *array = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SdService) s = g_list_model_get_item (services, i);
          json_array_add_element (array, sd_json_from_service (s, currency));
        }
      json_node_take_array (node, array);
      sd_cli_print_json (node);
      return TRUE;
    }
  if (n == 0)
    {
      g_print ("%s\n", _("No services yet: add them with “salon-desk-cli service add”."));
      return TRUE;
    }
  table = sd_cli_table_new (4, _("ID"), _("NAME"), _("MINUTES"), _("PRICE"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SdService) s = g_list_model_get_item (services, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sd_service_get_id (s));
      g_autofree char *minutes = g_strdup_printf ("%d", sd_service_get_duration_min (s));
      g_autofree char *money = sd_money_format (sd_service_get_price_cents (s),
                                                sd_service_get_currency (s) ? sd_service_get_currency (s)
                                                                            : currency);

      sd_cli_table_add (table, id, sd_service_get_name (s), minutes, money);
    }
  sd_cli_table_print_free (table);
  return TRUE;
}

gboolean
sd_cli_cmd_backup (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, NULL,
                                                          _("Copy the database beside it."),
                                                          NULL);
  g_autofree char *path = NULL;

  if (!sd_cli_parse (cli, context, &argc, &argv, 0, error)
      || !sd_cli_open_store (cli, FALSE, error))
    return FALSE;
  path = sd_store_backup (cli->store, error);
  if (path == NULL)
    return FALSE;
  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_string_member (object, "backup", path);
      json_node_take_object (node, object);
      sd_cli_print_json (node);
    }
  else
    g_print ("%s\n", path);
  return TRUE;
}

gboolean
sd_cli_cmd_restore (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "FILE",
                                                          _("Replace the database with a backup; "
                                                            "the current one is kept as "
                                                            "“….before-restore”."),
                                                          NULL);

  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error))
    return FALSE;
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    return sd_cli_usage_error (error, _("There is no file “%s”."), argv[1]);
  /* The store is not opened: the file is replaced underneath. */
  if (!sd_store_restore (cli->db_path, argv[1], error))
    return FALSE;
  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *before = g_strconcat (cli->db_path, ".before-restore", NULL);

      json_object_set_string_member (object, "restored", argv[1]);
      json_object_set_string_member (object, "db", cli->db_path);
      json_object_set_string_member (object, "previous", before);
      json_node_take_object (node, object);
      sd_cli_print_json (node);
    }
  else
    g_print (_("Restored %s from %s; the previous database is kept as %s.before-restore.\n"),
             cli->db_path, argv[1], cli->db_path);
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cli-appointments.c — booking, listing and every action on an appointment. The CLI
 * decides nothing itself: sd_store_perform() and sd_store_create_appointment() ask the core's
 * rules, and cancel-options shows sd_refund_decide()'s decision in sd_refund_describe()'s
 * words. Each command checks all of its values before it touches the database. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-appointment.h"
#include "sd-cli.h"
#include "sd-json.h"
#include "sd-lifecycle.h"
#include "sd-money.h"
#include "sd-refund.h"
#include "sd-time.h"

/* Runs @request on appointment @id and prints the result. */
static gboolean
perform (SdCli *cli, gint64 id, const SdActionRequest *request, const char *what,
         GError **error)
{
  g_autoptr(SdAppointment) appointment = NULL;

  if (!sd_cli_apply_deadlines (cli, error))
    return FALSE;
  appointment = sd_store_perform (cli->store, id, request, error);
  if (appointment == NULL)
    return FALSE;
  sd_cli_print_action_result (cli, appointment, what);
  return TRUE;
}

/* The commands that take only an id (and perhaps --allow-overlap). */
static gboolean
simple_action (SdCli *cli, int argc, char **argv, SdAction action, gboolean overlap_option,
               const char *summary, const char *what, GError **error)
{
  gboolean allow_overlap = FALSE;
  const GOptionEntry entries[] = {
    { "allow-overlap", 0, 0, G_OPTION_ARG_NONE, &allow_overlap,
      N_("Accept even if it overlaps another appointment of the same staff member"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "ID", summary,
                                                          overlap_option ? entries : NULL);
  SdActionRequest request;
  gint64 id;

  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error)
      || !sd_cli_parse_appointment_id (argv[1], &id, error)
      || !sd_cli_open_store (cli, FALSE, error))
    return FALSE;
  sd_action_request_init (&request, action);
  request.allow_overlap = allow_overlap;
  return perform (cli, id, &request, what, error);
}

gboolean
sd_cli_cmd_accept (SdCli *cli, int argc, char **argv, GError **error)
{
  return simple_action (cli, argc, argv, SD_ACTION_ACCEPT, TRUE, _("Accept a request."),
                        _("Accepted"), error);
}

gboolean
sd_cli_cmd_undo_cancel (SdCli *cli, int argc, char **argv, GError **error)
{
  return simple_action (cli, argc, argv, SD_ACTION_UNDO_CANCEL, FALSE,
                        _("Undo a cancellation that has not been sent to the marketplace yet."),
                        _("Restored"), error);
}

gboolean
sd_cli_cmd_check_in (SdCli *cli, int argc, char **argv, GError **error)
{
  return simple_action (cli, argc, argv, SD_ACTION_CHECK_IN, FALSE,
                        _("The client has arrived."), _("Checked in"), error);
}

gboolean
sd_cli_cmd_check_out (SdCli *cli, int argc, char **argv, GError **error)
{
  return simple_action (cli, argc, argv, SD_ACTION_CHECK_OUT, FALSE,
                        _("The service is done; the client is asked for a review."),
                        _("Checked out"), error);
}

gboolean
sd_cli_cmd_no_show (SdCli *cli, int argc, char **argv, GError **error)
{
  return simple_action (cli, argc, argv, SD_ACTION_NO_SHOW, FALSE,
                        _("The client did not come."), _("Marked"), error);
}

gboolean
sd_cli_cmd_decline (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (the client is told)"), "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "ID", _("Decline a request. "
                                                          "Declining lowers the salon's ranking."),
                                                          entries);
  SdActionRequest request;
  gint64 id;

  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error)
      || !sd_cli_require (reason, "--reason", error)
      || !sd_cli_parse_appointment_id (argv[1], &id, error)
      || !sd_cli_open_store (cli, FALSE, error))
    return FALSE;
  sd_action_request_init (&request, SD_ACTION_DECLINE);
  request.text = reason;
  return perform (cli, id, &request, _("Declined"), error);
}

gboolean
sd_cli_cmd_unavailable (SdCli *cli, int argc, char **argv, GError **error)
{
  g_auto(GStrv) propose = NULL;
  const GOptionEntry entries[] = {
    { "propose", 0, 0, G_OPTION_ARG_STRING_ARRAY, &propose,
      N_("Another start time to offer (one to three)"), "TIME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "ID",
                                                          _("Answer “unavailable”: propose other "
                                                            "times; the client's phone is shown."),
                                                          entries);
  SdActionRequest request;
  gint64 starts[3];
  guint n;
  gint64 id;

  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error)
      || !sd_cli_parse_appointment_id (argv[1], &id, error))
    return FALSE;
  n = propose != NULL ? g_strv_length (propose) : 0;
  if (n < 1 || n > G_N_ELEMENTS (starts))
    return sd_cli_usage_error (error, _("--propose: give one to three times (--propose TIME "
                                        "--propose TIME …)."));
  if (!sd_cli_open_store (cli, FALSE, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!sd_cli_parse_time (cli, "--propose", propose[i], &starts[i], error))
      return FALSE;
  sd_action_request_init (&request, SD_ACTION_UNAVAILABLE);
  request.proposed_starts = starts;
  request.n_proposed_starts = n;
  return perform (cli, id, &request, _("Answered “unavailable” for"), error);
}

gboolean
sd_cli_cmd_reschedule (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *start_text = NULL, *staff_text = NULL;
  gboolean allow_overlap = FALSE;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text, N_("The new start"), "TIME" },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("Another staff member (id or name)"),
      "S" },
    { "allow-overlap", 0, 0, G_OPTION_ARG_NONE, &allow_overlap,
      N_("Move it even if it overlaps another appointment"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "ID", _("Move an appointment."),
                                                          entries);
  SdActionRequest request;
  gint64 id;

  sd_action_request_init (&request, SD_ACTION_RESCHEDULE);
  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error)
      || !sd_cli_require (start_text, "--start", error)
      || !sd_cli_parse_appointment_id (argv[1], &id, error)
      || !sd_cli_open_store (cli, FALSE, error)
      || !sd_cli_parse_time (cli, "--start", start_text, &request.new_start, error)
      || (staff_text != NULL && !sd_cli_find_staff (cli, staff_text, &request.new_staff_id, error)))
    return FALSE;
  request.allow_overlap = allow_overlap;
  return perform (cli, id, &request, _("Rescheduled"), error);
}

gboolean
sd_cli_cmd_add (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *start = NULL, *service = NULL, *staff = NULL, *name = NULL, *phone = NULL;
  g_autofree char *email = NULL, *payment = NULL, *status = NULL;
  gboolean allow_overlap = FALSE;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("When it starts"), "TIME" },
    { "service", 0, 0, G_OPTION_ARG_STRING, &service, N_("The service (id or name)"), "S" },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("The staff member (id or name)"), "S" },
    { "client-name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The client's name"), "NAME" },
    { "client-phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("The client's phone"), "PHONE" },
    { "client-email", 0, 0, G_OPTION_ARG_STRING, &email, N_("The client's e-mail"), "EMAIL" },
    { "payment", 0, 0, G_OPTION_ARG_STRING, &payment, N_("prepaid or at_salon (default)"),
      "MODE" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("requested (as from the marketplace) or confirmed (default)"), "STATE" },
    { "allow-overlap", 0, 0, G_OPTION_ARG_NONE, &allow_overlap,
      N_("Book even if it overlaps another appointment of the same staff member"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, NULL, _("Book an appointment."),
                                                          entries);
  g_autoptr(SdAppointment) appointment = NULL;
  SdNewAppointment spec;

  sd_new_appointment_init (&spec);
  if (!sd_cli_parse (cli, context, &argc, &argv, 0, error)
      || !sd_cli_require (start, "--start", error)
      || !sd_cli_require (service, "--service", error)
      || !sd_cli_require (staff, "--staff", error)
      || !sd_cli_require (name, "--client-name", error))
    return FALSE;
  if (*g_strstrip (name) == '\0')
    return sd_cli_usage_error (error, _("--client-name: the name is empty."));
  spec.payment = SD_PAYMENT_AT_SALON;
  if (payment != NULL && !sd_payment_mode_from_string (payment, &spec.payment))
    return sd_cli_usage_error (error, _("--payment: “%s” is neither “prepaid” nor “at_salon”."),
                               payment);
  spec.state = SD_STATE_CONFIRMED;
  if (status != NULL && (!sd_state_from_string (status, &spec.state)
                         || (spec.state != SD_STATE_REQUESTED && spec.state != SD_STATE_CONFIRMED)))
    return sd_cli_usage_error (error, _("--status: “%s” is neither “requested” nor “confirmed”."),
                               status);
  if (!sd_cli_open_store (cli, FALSE, error)
      || !sd_cli_parse_time (cli, "--start", start, &spec.start, error)
      || !sd_cli_find_service (cli, service, &spec.service_id, error)
      || !sd_cli_find_staff (cli, staff, &spec.staff_id, error)
      || !sd_cli_apply_deadlines (cli, error))
    return FALSE;
  spec.client_name = name;
  spec.client_phone = phone;
  spec.client_email = email;
  spec.allow_overlap = allow_overlap;

  appointment = sd_store_create_appointment (cli->store, &spec, error);
  if (appointment == NULL)
    return FALSE;
  sd_cli_print_action_result (cli, appointment, _("Booked"));
  return TRUE;
}

gboolean
sd_cli_cmd_list (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *from = NULL, *to = NULL, *state = NULL, *staff = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this time or day (YYYY-MM-DD)"), "TIME" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to this time, or to the end of this day"),
      "TIME" },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Only this state (requested, confirmed, …)"),
      "STATE" },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("Only this staff member (id or name)"), "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, NULL,
                                                          _("List appointments by start; "
                                                            "without --from/--to, all of them."),
                                                          entries);
  g_autoptr(GPtrArray) appointments = NULL;
  SdQuery query;
  SdState wanted;

  /* Without bounds, everything: from the epoch to far beyond any booking. */
  sd_query_init (&query, 0, G_MAXINT64 / 2);
  if (!sd_cli_parse (cli, context, &argc, &argv, 0, error))
    return FALSE;
  if (state != NULL)
    {
      if (!sd_state_from_string (state, &wanted))
        return sd_cli_usage_error (error, _("--state: “%s” is not a state (requested, confirmed, "
                                            "in_progress, completed, cancelled, declined, expired, "
                                            "no_show, disputed)."), state);
      query.state = (int) wanted;
    }
  if (!sd_cli_open_store (cli, FALSE, error)
      || (from != NULL && !sd_cli_parse_day_or_time (cli, "--from", from, FALSE, &query.from, error))
      || (to != NULL && !sd_cli_parse_day_or_time (cli, "--to", to, TRUE, &query.to, error))
      || (staff != NULL && !sd_cli_find_staff (cli, staff, &query.staff_id, error)))
    return FALSE;
  if (query.to <= query.from)
    return sd_cli_usage_error (error, _("--to must be after --from."));
  if (!sd_cli_apply_deadlines (cli, error))
    return FALSE;

  appointments = sd_store_list_appointments (cli->store, &query, error);
  if (appointments == NULL)
    return FALSE;
  sd_cli_print_appointments (cli, appointments);
  return TRUE;
}

gboolean
sd_cli_cmd_show (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "ID",
                                                          _("Show an appointment and its history."),
                                                          NULL);
  g_autoptr(SdAppointment) appointment = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 id;

  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error)
      || !sd_cli_parse_appointment_id (argv[1], &id, error)
      || !sd_cli_open_store (cli, FALSE, error)
      || !sd_cli_apply_deadlines (cli, error))
    return FALSE;
  appointment = sd_store_get_appointment (cli->store, id, error);
  if (appointment == NULL)
    return FALSE;
  history = sd_store_list_history (cli->store, id, error);
  if (history == NULL)
    return FALSE;
  sd_cli_print_appointment (cli, appointment, history);
  return TRUE;
}

/* ---- Cancelling ---- */

static const char *
rule_name (SdRefundRule rule)
{
  switch (rule)
    {
    case SD_REFUND_RULE_NOTHING_TO_REFUND: return "nothing_to_refund";
    case SD_REFUND_RULE_FORCED_FULL:       return "forced_full";
    case SD_REFUND_RULE_CHOICE:            return "choice";
    default:                               return "?";
    }
}

/* The appointment, after the lifecycle's word that it can be cancelled by @by now, and the
 * refund rule that would apply. */
static SdAppointment *
decide (SdCli *cli, gint64 id, SdParty by, SdRefundDecision *decision, GError **error)
{
  g_autoptr(SdAppointment) appointment = NULL;
  SdSalon *salon = sd_cli_salon (cli);

  if (!sd_cli_apply_deadlines (cli, error))
    return NULL;
  appointment = sd_store_get_appointment (cli->store, id, error);
  if (appointment == NULL
      || !sd_lifecycle_check_by (appointment, SD_ACTION_CANCEL, by, salon, sd_cli_now (cli), error))
    return NULL;
  sd_refund_decide (sd_appointment_get_payment_mode (appointment), by,
                    sd_appointment_get_start (appointment), sd_cli_now (cli),
                    (gint64) sd_salon_get_settings (salon)->free_cancel_hours * 3600,
                    sd_appointment_get_refundable_cents (appointment), decision);
  return g_steal_pointer (&appointment);
}

static void
print_options (SdCli *cli, SdAppointment *appointment, SdParty by,
               const SdRefundDecision *decision)
{
  const char *currency = sd_appointment_get_currency (appointment);
  gboolean choice = decision->rule == SD_REFUND_RULE_CHOICE;
  SdRefundChoice only = decision->rule == SD_REFUND_RULE_FORCED_FULL ? SD_REFUND_CHOICE_FULL
                                                                     : SD_REFUND_CHOICE_NONE;
  gint64 before = sd_appointment_get_start (appointment) - sd_cli_now (cli);
  g_autofree char *amount = sd_money_format (decision->full_amount_cents, currency);
  g_autofree char *left = sd_time_format_duration (before);
  g_autofree char *start = sd_cli_format_time (cli, sd_appointment_get_start (appointment));

  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonArray *options = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *apt_id = sd_json_local_id ("apt", sd_appointment_get_id (appointment));

      json_object_set_string_member (object, "appointment_id", apt_id);
      json_object_set_string_member (object, "by", sd_party_to_string (by));
      json_object_set_string_member (object, "rule", rule_name (decision->rule));
      json_object_set_boolean_member (object, "choice", choice);
      json_object_set_boolean_member (object, "late", decision->late);
      json_object_set_int_member (object, "seconds_before_start", before);
      json_object_set_int_member (object, "free_window_seconds", decision->free_window_seconds);
      json_object_set_int_member (object, "amount_cents", decision->full_amount_cents);
      json_object_set_string_member (object, "currency", currency);
      for (int c = SD_REFUND_CHOICE_FULL; c >= SD_REFUND_CHOICE_NONE; c--)
        {
          JsonObject *option;
          g_autofree char *words = NULL;

          if (!choice && (SdRefundChoice) c != only)
            continue;
          option = json_object_new ();
          words = sd_refund_describe (decision, by, (SdRefundChoice) c, currency);
          json_object_set_string_member (option, "refund", sd_refund_choice_to_string (c));
          json_object_set_int_member (option, "refund_cents",
                                      c == SD_REFUND_CHOICE_FULL ? decision->full_amount_cents : 0);
          json_object_set_string_member (option, "description", words);
          json_array_add_object_element (options, option);
        }
      json_object_set_array_member (object, "options", options);
      json_node_take_object (node, object);
      sd_cli_print_json (node);
      return;
    }

  g_print (_("Appointment %lld: %s for %s, %s (in %s).\n"),
           (long long) sd_appointment_get_id (appointment), sd_appointment_get_service_name (appointment),
           sd_appointment_get_client_name (appointment), start, left);
  switch (decision->rule)
    {
    case SD_REFUND_RULE_NOTHING_TO_REFUND:
      g_print (_("Refund rule: nothing to refund. There is no choice to make.\n"));
      break;
    case SD_REFUND_RULE_FORCED_FULL:
      g_print (_("Refund rule: a full refund of %s, always. There is no choice to make.\n"),
               amount);
      break;
    case SD_REFUND_RULE_CHOICE:
    default:
      g_print (_("Refund rule: a late cancellation by the client. The salon chooses: refund %s "
                 "in full, or keep the payment.\n"), amount);
      break;
    }
  if (choice)
    {
      g_autofree char *full = sd_refund_describe (decision, by, SD_REFUND_CHOICE_FULL, currency);
      g_autofree char *none = sd_refund_describe (decision, by, SD_REFUND_CHOICE_NONE, currency);

      g_print ("  --refund full: %s\n  --refund none: %s\n", full, none);
    }
  else
    {
      g_autofree char *words = sd_refund_describe (decision, by, only, currency);

      g_print ("  %s\n", words);
    }
  if (by == SD_PARTY_SALON)
    g_print ("%s\n", _("A cancellation by the salon lowers its ranking. Contact the client "
                       "first."));
}

gboolean
sd_cli_cmd_cancel_options (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *by_text = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, N_("Who cancels: salon or client"), "WHO" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "ID",
                                                          _("Say what cancelling would refund, "
                                                            "as the cancel wizard does; "
                                                            "nothing is changed."),
                                                          entries);
  g_autoptr(SdAppointment) appointment = NULL;
  SdRefundDecision decision;
  SdParty by;
  gint64 id;

  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error)
      || !sd_cli_require (by_text, "--by", error)
      || !sd_cli_parse_party ("--by", by_text, &by, error)
      || !sd_cli_parse_appointment_id (argv[1], &id, error)
      || !sd_cli_open_store (cli, FALSE, error))
    return FALSE;
  appointment = decide (cli, id, by, &decision, error);
  if (appointment == NULL)
    return FALSE;
  print_options (cli, appointment, by, &decision);
  return TRUE;
}

gboolean
sd_cli_cmd_cancel (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *by_text = NULL, *reason = NULL, *note = NULL, *refund = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, N_("Who cancels: salon or client"), "WHO" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("illness, staff_unavailable, double_booking, client_request or other"), "REASON" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note for the history"), "TEXT" },
    { "refund", 0, 0, G_OPTION_ARG_STRING, &refund,
      N_("full or none, where the salon may choose (see cancel-options)"), "CHOICE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "ID", _("Cancel an appointment."),
                                                          entries);
  g_autoptr(SdAppointment) appointment = NULL;
  SdRefundDecision decision;
  SdActionRequest request;
  gint64 id;

  sd_action_request_init (&request, SD_ACTION_CANCEL);
  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error)
      || !sd_cli_require (by_text, "--by", error)
      || !sd_cli_require (reason, "--reason", error)
      || !sd_cli_parse_party ("--by", by_text, &request.by, error)
      || !sd_cli_parse_appointment_id (argv[1], &id, error))
    return FALSE;
  if (!sd_cancel_reason_from_string (reason, &request.reason))
    return sd_cli_usage_error (error, _("--reason: “%s” is not a reason (illness, "
                                        "staff_unavailable, double_booking, client_request, "
                                        "other)."), reason);
  if (refund != NULL && !sd_refund_choice_from_string (refund, &request.refund))
    return sd_cli_usage_error (error, _("--refund: “%s” is neither “full” nor “none”."), refund);
  if (!sd_cli_open_store (cli, FALSE, error))
    return FALSE;

  /* Without --refund, the rule's only answer; where the salon must choose, it must say. */
  appointment = decide (cli, id, request.by, &decision, error);
  if (appointment == NULL)
    return FALSE;
  if (refund == NULL)
    {
      if (decision.rule == SD_REFUND_RULE_CHOICE)
        return sd_cli_usage_error (error, _("This late cancellation leaves the refund to the "
                                            "salon: add --refund full or --refund none "
                                            "(see cancel-options)."));
      request.refund = decision.rule == SD_REFUND_RULE_FORCED_FULL ? SD_REFUND_CHOICE_FULL
                                                                    : SD_REFUND_CHOICE_NONE;
    }
  request.text = note;
  return perform (cli, id, &request, _("Cancelled"), error);
}

/* ---- Finding ---- */

gboolean
sd_cli_cmd_inbox (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, NULL,
                                                          _("Requests awaiting confirmation and "
                                                            "complaints awaiting a reply, most "
                                                            "urgent first."),
                                                          NULL);
  g_autoptr(GPtrArray) items = NULL;

  if (!sd_cli_parse (cli, context, &argc, &argv, 0, error)
      || !sd_cli_open_store (cli, FALSE, error)
      || !sd_cli_apply_deadlines (cli, error))
    return FALSE;
  items = sd_store_list_inbox (cli->store, error);
  if (items == NULL)
    return FALSE;
  sd_cli_print_inbox (cli, items);
  return TRUE;
}

gboolean
sd_cli_cmd_search (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *limit_text = NULL;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text, N_("At most this many (default 50)"),
      "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "TEXT",
                                                          _("Find appointments by client name, "
                                                            "phone or e-mail; most recent first."),
                                                          entries);
  g_autoptr(GPtrArray) found = NULL;
  gint64 limit = 50;

  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error)
      || (limit_text != NULL && !sd_cli_parse_count ("--limit", limit_text, 1, 100000, &limit,
                                                     error)))
    return FALSE;
  if (*g_strstrip (argv[1]) == '\0')
    return sd_cli_usage_error (error, _("Nothing to search for."));
  if (!sd_cli_open_store (cli, FALSE, error)
      || !sd_cli_apply_deadlines (cli, error))
    return FALSE;
  found = sd_store_search (cli->store, argv[1], (guint) limit, error);
  if (found == NULL)
    return FALSE;
  sd_cli_print_appointments (cli, found);
  return TRUE;
}

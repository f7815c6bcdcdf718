/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cli-complaints.c — complaints (opening one, answering one, listing them) and the
 * reputation figures they feed. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-appointment.h"
#include "sd-cli.h"
#include "sd-complaint.h"
#include "sd-reputation.h"
#include "sd-time.h"

gboolean
sd_cli_cmd_complaints (SdCli *cli, int argc, char **argv, GError **error)
{
  gboolean open_only = FALSE;
  g_autofree char *since_text = NULL;
  const GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only,
      N_("Only those awaiting a reply or under review"), NULL },
    { "since-days", 0, 0, G_OPTION_ARG_STRING, &since_text,
      N_("Only those opened in the last N days"), "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, NULL,
                                                          _("List complaints, most urgent "
                                                            "first."),
                                                          entries);
  g_autoptr(GPtrArray) complaints = NULL;
  gint64 days = 0, since = 0;

  if (!sd_cli_parse (cli, context, &argc, &argv, 0, error)
      || (since_text != NULL && !sd_cli_parse_count ("--since-days", since_text, 1, 3650, &days,
                                                     error))
      || !sd_cli_open_store (cli, FALSE, error)
      || !sd_cli_apply_deadlines (cli, error))
    return FALSE;
  if (days > 0)
    since = sd_cli_now (cli) - days * 86400;
  complaints = sd_store_list_complaints (cli->store, open_only, since, error);
  if (complaints == NULL)
    return FALSE;
  sd_cli_print_complaints (cli, complaints);
  return TRUE;
}

static gboolean
complaint_open (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *reason = NULL, *requested = NULL, *by_text = NULL, *deadline = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("What went wrong"), "TEXT" },
    { "refund-requested", 0, 0, G_OPTION_ARG_STRING, &requested,
      N_("The refund asked for, in whole cents"), "CENTS" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text,
      N_("Who opens it: salon (default) or client"), "WHO" },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline,
      N_("hours_24 (default) or business_days_2"), "KIND" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "ID",
                                                          _("Open a complaint on an appointment; "
                                                            "it is locked until resolved."),
                                                          entries);
  g_autoptr(SdAppointment) appointment = NULL;
  g_autoptr(SdComplaint) complaint = NULL;
  SdActionRequest request;
  gint64 id;

  sd_action_request_init (&request, SD_ACTION_OPEN_COMPLAINT);
  request.by = SD_PARTY_SALON;
  request.deadline_kind = SD_DEADLINE_HOURS_24;
  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error)
      || !sd_cli_require (reason, "--reason", error)
      || !sd_cli_parse_appointment_id (argv[1], &id, error)
      || (requested != NULL && !sd_cli_parse_cents ("--refund-requested", requested,
                                                    &request.refund_requested_cents, error))
      || (by_text != NULL && !sd_cli_parse_party ("--by", by_text, &request.by, error)))
    return FALSE;
  if (deadline != NULL && !sd_deadline_kind_from_string (deadline, &request.deadline_kind))
    return sd_cli_usage_error (error, _("--deadline: “%s” is neither “hours_24” nor "
                                        "“business_days_2”."), deadline);
  if (*g_strstrip (reason) == '\0')
    return sd_cli_usage_error (error, _("--reason: the reason is empty."));
  request.text = reason;

  if (!sd_cli_open_store (cli, FALSE, error)
      || !sd_cli_apply_deadlines (cli, error))
    return FALSE;
  appointment = sd_store_perform (cli->store, id, &request, error);
  if (appointment == NULL)
    return FALSE;
  complaint = sd_store_get_complaint (cli->store, sd_appointment_get_complaint_id (appointment),
                                      error);
  if (complaint == NULL)
    return FALSE;
  sd_cli_print_complaint (cli, complaint);
  return TRUE;
}

static gboolean
complaint_respond (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *refund = NULL, *redo = NULL, *contest = NULL;
  g_auto(GStrv) attach = NULL;
  const GOptionEntry entries[] = {
    { "refund", 0, 0, G_OPTION_ARG_STRING, &refund,
      N_("Refund this much, in whole cents; the complaint closes"), "CENTS" },
    { "offer-redo", 0, 0, G_OPTION_ARG_STRING, &redo,
      N_("Offer a free redo at this time"), "TIME" },
    { "contest", 0, 0, G_OPTION_ARG_STRING, &contest,
      N_("Explain the salon's side; the marketplace decides"), "TEXT" },
    { "attach", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &attach,
      N_("Attach a file (png, jpeg, pdf; up to 10 MiB); repeat for more"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, "CID",
                                                          _("Answer a complaint: refund, offer a "
                                                            "redo, or contest it."),
                                                          entries);
  g_autoptr(SdComplaint) complaint = NULL;
  SdComplaintResponse response = { 0 };
  gint64 id;

  if (!sd_cli_parse (cli, context, &argc, &argv, 1, error)
      || !sd_cli_parse_complaint_id (argv[1], &id, error))
    return FALSE;
  if ((refund != NULL) + (redo != NULL) + (contest != NULL) != 1)
    return sd_cli_usage_error (error, _("Give exactly one of --refund, --offer-redo and "
                                        "--contest."));
  for (guint i = 0; attach != NULL && attach[i] != NULL; i++)
    if (!g_file_test (attach[i], G_FILE_TEST_IS_REGULAR))
      return sd_cli_usage_error (error, _("--attach: there is no file “%s”."), attach[i]);

  if (refund != NULL)
    {
      response.action = SD_RESPONSE_REFUND;
      if (!sd_cli_parse_cents ("--refund", refund, &response.amount_cents, error))
        return FALSE;
    }
  else if (contest != NULL)
    {
      response.action = SD_RESPONSE_CONTEST;
      if (*g_strstrip (contest) == '\0')
        return sd_cli_usage_error (error, _("--contest: the text is empty."));
      response.body = contest;
    }
  response.attachments = (const char *const *) attach;

  if (!sd_cli_open_store (cli, FALSE, error))
    return FALSE;
  if (redo != NULL)
    {
      response.action = SD_RESPONSE_OFFER_REDO;
      if (!sd_cli_parse_time (cli, "--offer-redo", redo, &response.redo_start, error))
        return FALSE;
    }
  if (!sd_cli_apply_deadlines (cli, error))
    return FALSE;
  complaint = sd_store_respond_complaint (cli->store, id, &response, error);
  if (complaint == NULL)
    return FALSE;
  sd_cli_print_complaint (cli, complaint);
  return TRUE;
}

gboolean
sd_cli_cmd_complaint (SdCli *cli, int argc, char **argv, GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "open"))
    return complaint_open (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "respond"))
    return complaint_respond (cli, argc - 1, argv + 1, error);
  return sd_cli_usage_error (error, _("Use “complaint open” or “complaint respond”."));
}

gboolean
sd_cli_cmd_reputation (SdCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *from_text = NULL, *to_text = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("From this time or day (default: 90 days before --to)"), "TIME" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Up to this time, or to the end of this day (default: the end of today)"), "TIME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = sd_cli_context_new (cli, NULL,
                                                          _("Cancellation and decline rates, "
                                                            "expired requests, complaints, "
                                                            "response times and ratings."),
                                                          entries);
  SdReputation reputation;
  gint64 from, to;

  if (!sd_cli_parse (cli, context, &argc, &argv, 0, error)
      || !sd_cli_open_store (cli, FALSE, error))
    return FALSE;
  /* To the end of today, so what happened just now counts ([from, to) is half-open). */
  to = sd_time_add_days (sd_time_local_midnight (sd_cli_now (cli), sd_cli_timezone (cli)),
                         sd_cli_timezone (cli), 1);
  if (to_text != NULL && !sd_cli_parse_day_or_time (cli, "--to", to_text, TRUE, &to, error))
    return FALSE;
  from = sd_time_add_days (to, sd_cli_timezone (cli), -90);
  if (from_text != NULL && !sd_cli_parse_day_or_time (cli, "--from", from_text, FALSE, &from,
                                                      error))
    return FALSE;
  if (to <= from)
    return sd_cli_usage_error (error, _("--to must be after --from."));
  if (!sd_cli_apply_deadlines (cli, error)
      || !sd_store_get_reputation (cli->store, from, to, &reputation, error))
    return FALSE;
  sd_cli_print_reputation (cli, &reputation, from, to);
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cli-output.c — what salon-desk-cli prints: aligned tables and details for people (times
 * in the salon's zone, money formatted, states by their labels), or with --json the
 * marketplace API's shapes (sd-json), one document per command. */

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n-lib.h>

#include "sd-appointment.h"
#include "sd-cli.h"
#include "sd-complaint.h"
#include "sd-history-entry.h"
#include "sd-inbox-item.h"
#include "sd-json.h"
#include "sd-money.h"
#include "sd-reputation.h"
#include "sd-time.h"

/* ---- Tables ---- */

struct _SdCliTable
{
  guint n_columns;
  GPtrArray *rows;   /* of GStrv */
};

static void
table_add_valist (SdCliTable *table, va_list args)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);

      row[i] = g_strdup (cell != NULL ? cell : "");
    }
  g_ptr_array_add (table->rows, row);
}

SdCliTable *
sd_cli_table_new (guint n_columns, ...)
{
  SdCliTable *table = g_new0 (SdCliTable, 1);
  va_list args;

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  va_start (args, n_columns);
  table_add_valist (table, args);
  va_end (args);
  return table;
}

void
sd_cli_table_add (SdCliTable *table, ...)
{
  va_list args;

  va_start (args, table);
  table_add_valist (table, args);
  va_end (args);
}

void
sd_cli_table_print_free (SdCliTable *table)
{
  g_autofree glong *widths = g_new0 (glong, table->n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  /* Width in characters, so "Müller" lines up with "Muller". */
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      g_string_truncate (line, 0);
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < table->n_columns)
            for (glong pad = g_utf8_strlen (row[c], -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      /* No trailing spaces when the last cells are empty. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/* ---- Values ---- */

void
sd_cli_print_json (JsonNode *node)
{
  g_autofree char *text = sd_json_to_string (node, TRUE);

  g_print ("%s\n", text);
  json_node_unref (node);
}

static char *
format_in_zone (SdCli *cli, gint64 instant, const char *format)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) utc_zone = NULL;
  GTimeZone *tz = sd_cli_timezone (cli);

  if (instant == 0)
    return g_strdup ("—");
  utc = g_date_time_new_from_unix_utc (instant);
  if (utc == NULL)
    return g_strdup ("?");
  if (tz == NULL)
    tz = utc_zone = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, format);
}

char *
sd_cli_format_time (SdCli *cli, gint64 instant)
{
  return format_in_zone (cli, instant, "%Y-%m-%d %H:%M");
}

/* The end: only the time when it is on the start's day. */
static char *
format_end (SdCli *cli, gint64 start, gint64 end)
{
  g_autofree char *start_day = format_in_zone (cli, start, "%Y-%m-%d");
  g_autofree char *end_day = format_in_zone (cli, end, "%Y-%m-%d");

  if (g_str_equal (start_day, end_day))
    return format_in_zone (cli, end, "%H:%M");
  return sd_cli_format_time (cli, end);
}

static char *
format_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* "in 2 h 15 min" / "overdue by 5 min" against --now. */
static char *
format_time_left (SdCli *cli, gint64 deadline)
{
  g_autofree char *duration = NULL;

  if (deadline == 0)
    return g_strdup ("—");
  duration = sd_time_format_duration (deadline - sd_cli_now (cli));
  if (deadline >= sd_cli_now (cli))
    return g_strdup_printf (_("in %s"), duration);
  return g_steal_pointer (&duration);
}

static const char *
complaint_status_label (SdComplaintStatus status)
{
  switch (status)
    {
    case SD_COMPLAINT_AWAITING_REPLY: return _("Awaiting reply");
    case SD_COMPLAINT_UNDER_REVIEW:   return _("Under review");
    case SD_COMPLAINT_RESOLVED:       return _("Resolved");
    case SD_COMPLAINT_MISSED:         return _("Deadline missed");
    default:                          return "?";
    }
}

static const char *
party_label (SdParty party)
{
  switch (party)
    {
    case SD_PARTY_SALON:  return _("salon");
    case SD_PARTY_CLIENT: return _("client");
    case SD_PARTY_STAFF:  return _("marketplace");
    case SD_PARTY_SYSTEM: return _("system");
    default:              return "?";
    }
}

/* ---- Appointments ---- */

void
sd_cli_print_appointments (SdCli *cli, GPtrArray *appointments)
{
  SdCliTable *table;

  if (cli->json)
    {
      JsonArray *array = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < appointments->len; i++)
        json_array_add_element (array, sd_json_from_appointment (g_ptr_array_index (appointments, i),
                                                                 sd_cli_timezone (cli)));
      json_node_take_array (node, array);
      sd_cli_print_json (node);
      return;
    }

  if (appointments->len == 0)
    {
      g_print ("%s\n", _("No appointments."));
      return;
    }
  table = sd_cli_table_new (8, _("ID"), _("START"), _("END"), _("STAFF"), _("CLIENT"),
                            _("SERVICE"), _("PRICE"), _("STATE"));
  for (guint i = 0; i < appointments->len; i++)
    {
      SdAppointment *a = g_ptr_array_index (appointments, i);
      g_autofree char *id = format_id (sd_appointment_get_id (a));
      g_autofree char *start = sd_cli_format_time (cli, sd_appointment_get_start (a));
      g_autofree char *end = format_end (cli, sd_appointment_get_start (a),
                                         sd_appointment_get_end (a));
      g_autofree char *price = sd_money_format (sd_appointment_get_amount_cents (a),
                                                sd_appointment_get_currency (a));

      sd_cli_table_add (table, id, start, end, sd_appointment_get_staff_name (a),
                        sd_appointment_get_client_name (a), sd_appointment_get_service_name (a),
                        price, sd_state_get_label (sd_appointment_get_state (a)));
    }
  sd_cli_table_print_free (table);
}

static const char *
history_event (SdHistoryEntry *e)
{
  if (sd_history_entry_get_event (e) != NULL)
    return sd_history_entry_get_event (e);
  if (sd_history_entry_get_action (e) < SD_N_ACTIONS)
    return sd_action_to_string (sd_history_entry_get_action (e));
  return "—";
}

static void
print_history (SdCli *cli, GPtrArray *history)
{
  SdCliTable *table;

  g_print ("\n%s\n", _("History:"));
  if (history == NULL || history->len == 0)
    {
      g_print ("  %s\n", _("Nothing yet."));
      return;
    }
  table = sd_cli_table_new (6, _("  WHEN"), _("BY"), _("WHAT"), _("STATE"), _("AMOUNT"),
                            _("DETAIL"));
  for (guint i = 0; i < history->len; i++)
    {
      SdHistoryEntry *e = g_ptr_array_index (history, i);
      g_autofree char *when = sd_cli_format_time (cli, sd_history_entry_get_at (e));
      g_autofree char *indented = g_strconcat ("  ", when, NULL);
      g_autofree char *state = NULL;
      g_autofree char *amount = NULL;
      SdState from = sd_history_entry_get_from_state (e);
      SdState to = sd_history_entry_get_to_state (e);

      state = from == to ? g_strdup (sd_state_get_label (to))
                         : g_strdup_printf ("%s → %s", sd_state_get_label (from),
                                            sd_state_get_label (to));
      if (sd_history_entry_get_amount_cents (e) != 0)
        amount = sd_money_format (sd_history_entry_get_amount_cents (e),
                                  sd_salon_get_currency (sd_cli_salon (cli)));
      sd_cli_table_add (table, indented, party_label (sd_history_entry_get_by (e)),
                        history_event (e), state, amount,
                        sd_history_entry_get_detail (e));
    }
  sd_cli_table_print_free (table);
}

void
sd_cli_print_appointment (SdCli *cli, SdAppointment *a, GPtrArray *history)
{
  g_autofree char *start = NULL, *end = NULL, *price = NULL, *paid = NULL, *refunded = NULL;
  g_autofree char *confirm_by = NULL, *client = NULL;
  const SdCancellation *cancellation;
  const gint64 *proposed;
  const char *currency = sd_appointment_get_currency (a);
  const char *tzid = sd_salon_get_tzid (sd_cli_salon (cli));
  SdCliTable *table;
  guint n_proposed = 0;

  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonArray *entries = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_member (object, "appointment",
                              sd_json_from_appointment (a, sd_cli_timezone (cli)));
      for (guint i = 0; history != NULL && i < history->len; i++)
        json_array_add_element (entries, sd_json_from_history_entry (g_ptr_array_index (history, i),
                                                                     sd_cli_timezone (cli)));
      json_object_set_array_member (object, "history", entries);
      json_node_take_object (node, object);
      sd_cli_print_json (node);
      return;
    }

  start = sd_cli_format_time (cli, sd_appointment_get_start (a));
  end = format_end (cli, sd_appointment_get_start (a), sd_appointment_get_end (a));
  price = sd_money_format (sd_appointment_get_price_cents (a), currency);
  paid = sd_money_format (sd_appointment_get_amount_cents (a), currency);
  refunded = sd_money_format (sd_appointment_get_refunded_cents (a), currency);

  g_print (_("Appointment %lld%s%s%s\n"), (long long) sd_appointment_get_id (a),
           sd_appointment_get_remote_id (a) ? " (" : "",
           sd_appointment_get_remote_id (a) ? sd_appointment_get_remote_id (a) : "",
           sd_appointment_get_remote_id (a) ? ")" : "");

  table = sd_cli_table_new (2, _("  State:"), sd_state_get_label (sd_appointment_get_state (a)));
  {
    g_autofree char *when = g_strdup_printf ("%s – %s (%s)", start, end, tzid);
    g_autofree char *service = g_strdup_printf (_("%s, %d min, %s"),
                                                sd_appointment_get_service_name (a),
                                                sd_appointment_get_duration_min (a), price);
    g_autofree char *payment = g_strdup_printf (_("%s %s, refunded %s"),
                                                sd_appointment_get_payment_mode (a) == SD_PAYMENT_PREPAID
                                                  ? _("prepaid") : _("at the salon"),
                                                paid, refunded);

    sd_cli_table_add (table, _("  When:"), when);
    sd_cli_table_add (table, _("  Staff:"), sd_appointment_get_staff_name (a));
    sd_cli_table_add (table, _("  Service:"), service);
    sd_cli_table_add (table, _("  Payment:"), payment);
  }
  client = g_strdup_printf ("%s%s%s%s%s", sd_appointment_get_client_name (a),
                            sd_appointment_get_client_email (a) ? ", " : "",
                            sd_appointment_get_client_email (a) ? sd_appointment_get_client_email (a) : "",
                            sd_appointment_get_phone_revealed (a) && sd_appointment_get_client_phone (a) ? ", " : "",
                            sd_appointment_get_phone_revealed (a) && sd_appointment_get_client_phone (a)
                              ? sd_appointment_get_client_phone (a) : "");
  sd_cli_table_add (table, _("  Client:"), client);
  if (sd_appointment_get_state (a) == SD_STATE_REQUESTED)
    {
      g_autofree char *left = format_time_left (cli, sd_appointment_get_confirm_by (a));

      confirm_by = sd_cli_format_time (cli, sd_appointment_get_confirm_by (a));
      {
        g_autofree char *text = g_strdup_printf ("%s (%s)", confirm_by, left);
        sd_cli_table_add (table, _("  Answer by:"), text);
      }
    }
  proposed = sd_appointment_get_proposed_starts (a, &n_proposed);
  for (guint i = 0; i < n_proposed; i++)
    {
      g_autofree char *text = sd_cli_format_time (cli, proposed[i]);

      sd_cli_table_add (table, i == 0 ? _("  Proposed:") : "", text);
    }
  cancellation = sd_appointment_get_cancellation (a);
  if (cancellation != NULL)
    {
      g_autofree char *amount = sd_money_format (cancellation->refund_cents, currency);
      g_autofree char *text = g_strdup_printf (_("by the %s (%s%s%s), refund %s"),
                                               party_label (cancellation->by),
                                               sd_cancel_reason_get_label (cancellation->reason),
                                               cancellation->note ? ": " : "",
                                               cancellation->note ? cancellation->note : "",
                                               amount);

      sd_cli_table_add (table, _("  Cancelled:"), text);
    }
  if (sd_appointment_get_checked_in_at (a) != 0)
    {
      g_autofree char *text = sd_cli_format_time (cli, sd_appointment_get_checked_in_at (a));
      sd_cli_table_add (table, _("  Checked in:"), text);
    }
  if (sd_appointment_get_checked_out_at (a) != 0)
    {
      g_autofree char *text = sd_cli_format_time (cli, sd_appointment_get_checked_out_at (a));
      sd_cli_table_add (table, _("  Checked out:"), text);
    }
  if (sd_appointment_get_complaint_id (a) != 0)
    {
      g_autofree char *text = format_id (sd_appointment_get_complaint_id (a));
      sd_cli_table_add (table, _("  Complaint:"), text);
    }
  sd_cli_table_print_free (table);
  print_history (cli, history);
}

void
sd_cli_print_action_result (SdCli *cli, SdAppointment *a, const char *what)
{
  g_autofree char *start = NULL;

  if (cli->json)
    {
      sd_cli_print_json (sd_json_from_appointment (a, sd_cli_timezone (cli)));
      return;
    }
  start = sd_cli_format_time (cli, sd_appointment_get_start (a));
  /* e.g. "Accepted appointment 12 (Anna Rossi, 2026-11-23 14:30): now Confirmed." */
  g_print (_("%s appointment %lld (%s, %s): now %s.\n"), what,
           (long long) sd_appointment_get_id (a), sd_appointment_get_client_name (a), start,
           sd_state_get_label (sd_appointment_get_state (a)));
}

/* ---- Complaints ---- */

void
sd_cli_print_complaints (SdCli *cli, GPtrArray *complaints)
{
  SdCliTable *table;

  if (cli->json)
    {
      JsonArray *array = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < complaints->len; i++)
        json_array_add_element (array, sd_json_from_complaint (g_ptr_array_index (complaints, i),
                                                               sd_cli_timezone (cli)));
      json_node_take_array (node, array);
      sd_cli_print_json (node);
      return;
    }
  if (complaints->len == 0)
    {
      g_print ("%s\n", _("No complaints."));
      return;
    }
  table = sd_cli_table_new (8, _("ID"), _("APPT"), _("CLIENT"), _("OPENED"), _("REPLY BY"),
                            _("TIME LEFT"), _("STATUS"), _("REASON"));
  for (guint i = 0; i < complaints->len; i++)
    {
      SdComplaint *c = g_ptr_array_index (complaints, i);
      g_autofree char *id = format_id (sd_complaint_get_id (c));
      g_autofree char *apt = format_id (sd_complaint_get_appointment_id (c));
      g_autofree char *opened = sd_cli_format_time (cli, sd_complaint_get_opened_at (c));
      g_autofree char *reply_by = sd_cli_format_time (cli, sd_complaint_get_reply_by (c));
      g_autofree char *left = NULL;

      if (sd_complaint_get_status (c) == SD_COMPLAINT_AWAITING_REPLY)
        left = format_time_left (cli, sd_complaint_get_reply_by (c));
      sd_cli_table_add (table, id, apt, sd_complaint_get_client_name (c), opened, reply_by,
                        left, complaint_status_label (sd_complaint_get_status (c)),
                        sd_complaint_get_reason (c));
    }
  sd_cli_table_print_free (table);
}

void
sd_cli_print_complaint (SdCli *cli, SdComplaint *c)
{
  g_autofree char *reply_by = NULL, *requested = NULL;
  const char *currency = sd_salon_get_currency (sd_cli_salon (cli));

  if (cli->json)
    {
      sd_cli_print_json (sd_json_from_complaint (c, sd_cli_timezone (cli)));
      return;
    }
  reply_by = sd_cli_format_time (cli, sd_complaint_get_reply_by (c));
  requested = sd_money_format (sd_complaint_get_refund_requested_cents (c), currency);
  g_print (_("Complaint %lld on appointment %lld, opened by the %s: %s\n"),
           (long long) sd_complaint_get_id (c), (long long) sd_complaint_get_appointment_id (c),
           party_label (sd_complaint_get_opened_by (c)), sd_complaint_get_reason (c));
  g_print (_("  Status: %s; refund requested %s; reply by %s\n"),
           complaint_status_label (sd_complaint_get_status (c)), requested, reply_by);
  switch (sd_complaint_get_response_action (c))
    {
    case SD_RESPONSE_REFUND:
      {
        g_autofree char *amount = sd_money_format (sd_complaint_get_response_amount_cents (c),
                                                   currency);
        g_print (_("  Answer: refund of %s\n"), amount);
      }
      break;
    case SD_RESPONSE_OFFER_REDO:
      {
        g_autofree char *when = sd_cli_format_time (cli, sd_complaint_get_response_redo_start (c));
        g_print (_("  Answer: a free redo, offered for %s\n"), when);
      }
      break;
    case SD_RESPONSE_CONTEST:
      g_print (_("  Answer: contested: %s\n"), sd_complaint_get_response_body (c));
      break;
    case SD_RESPONSE_NONE:
    default:
      break;
    }
}

/* ---- Inbox ---- */

void
sd_cli_print_inbox (SdCli *cli, GPtrArray *items)
{
  SdCliTable *table;

  if (cli->json)
    {
      /* The desk's own shape: the API has no inbox. */
      JsonArray *array = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < items->len; i++)
        {
          SdInboxItem *item = g_ptr_array_index (items, i);
          JsonObject *object = json_object_new ();
          g_autofree char *apt = sd_json_local_id ("apt", sd_inbox_item_get_appointment_id (item));
          g_autofree char *cmp = sd_json_local_id ("cmp", sd_inbox_item_get_complaint_id (item));
          g_autofree char *deadline = sd_time_format_rfc3339 (sd_inbox_item_get_deadline (item),
                                                              sd_cli_timezone (cli));
          g_autofree char *start = sd_time_format_rfc3339 (sd_inbox_item_get_start (item),
                                                           sd_cli_timezone (cli));
          gboolean is_request = sd_inbox_item_get_kind (item) == SD_INBOX_REQUEST;

          json_object_set_string_member (object, "kind", is_request ? "request" : "complaint");
          json_object_set_string_member (object, "appointment_id", apt);
          if (is_request)
            json_object_set_null_member (object, "complaint_id");
          else
            json_object_set_string_member (object, "complaint_id", cmp);
          json_object_set_string_member (object, "deadline", deadline);
          json_object_set_int_member (object, "seconds_left",
                                      sd_inbox_item_get_deadline (item) - sd_cli_now (cli));
          json_object_set_string_member (object, "status",
                                         sd_state_to_string (sd_inbox_item_get_state (item)));
          json_object_set_string_member (object, "start", start);
          json_object_set_string_member (object, "client_name",
                                         sd_inbox_item_get_client_name (item));
          json_object_set_string_member (object, "service_name",
                                         sd_inbox_item_get_service_name (item));
          json_object_set_string_member (object, "staff_name",
                                         sd_inbox_item_get_staff_name (item));
          json_array_add_object_element (array, object);
        }
      json_node_take_array (node, array);
      sd_cli_print_json (node);
      return;
    }
  if (items->len == 0)
    {
      g_print ("%s\n", _("Nothing needs an answer."));
      return;
    }
  table = sd_cli_table_new (7, _("WHAT"), _("ID"), _("ANSWER BY"), _("TIME LEFT"), _("CLIENT"),
                            _("SERVICE"), _("START"));
  for (guint i = 0; i < items->len; i++)
    {
      SdInboxItem *item = g_ptr_array_index (items, i);
      gboolean is_request = sd_inbox_item_get_kind (item) == SD_INBOX_REQUEST;
      g_autofree char *id = format_id (is_request ? sd_inbox_item_get_appointment_id (item)
                                                  : sd_inbox_item_get_complaint_id (item));
      g_autofree char *deadline = sd_cli_format_time (cli, sd_inbox_item_get_deadline (item));
      g_autofree char *left = format_time_left (cli, sd_inbox_item_get_deadline (item));
      g_autofree char *start = sd_cli_format_time (cli, sd_inbox_item_get_start (item));

      sd_cli_table_add (table, is_request ? _("request") : _("complaint"), id, deadline, left,
                        sd_inbox_item_get_client_name (item), sd_inbox_item_get_service_name (item),
                        start);
    }
  sd_cli_table_print_free (table);
}

/* ---- Reputation ---- */

static const char *const criterion_names[SD_REPUTATION_N_CRITERIA] = {
  "punctuality", "service", "value", "cleanliness", "relationship",
};

void
sd_cli_print_reputation (SdCli *cli, const SdReputation *r, gint64 from, gint64 to)
{
  g_autofree char *from_text = NULL, *to_text = NULL, *response = NULL, *requests = NULL;
  g_autofree char *decline = NULL, *expiry = NULL, *bookings = NULL, *cancel = NULL;
  g_autofree char *complaints = NULL, *reviews = NULL;
  SdCliTable *table;

  if (cli->json)
    {
      JsonObject *object = json_object_new ();
      JsonObject *ratings = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      from_text = sd_time_format_rfc3339 (from, sd_cli_timezone (cli));
      to_text = sd_time_format_rfc3339 (to, sd_cli_timezone (cli));
      json_object_set_string_member (object, "from", from_text);
      json_object_set_string_member (object, "to", to_text);
      json_object_set_int_member (object, "requests_total", r->requests_total);
      json_object_set_int_member (object, "requests_declined", r->requests_declined);
      json_object_set_int_member (object, "requests_expired", r->requests_expired);
      json_object_set_int_member (object, "bookings_total", r->bookings_total);
      json_object_set_int_member (object, "salon_cancellations", r->salon_cancellations);
      json_object_set_int_member (object, "client_cancellations", r->client_cancellations);
      json_object_set_int_member (object, "complaints_open", r->complaints_open);
      json_object_set_int_member (object, "complaints_lost", r->complaints_lost);
      json_object_set_int_member (object, "complaints_total", r->complaints_total);
      json_object_set_double_member (object, "cancellation_rate", r->cancellation_rate);
      json_object_set_double_member (object, "decline_rate", r->decline_rate);
      json_object_set_double_member (object, "expiry_rate", r->expiry_rate);
      json_object_set_double_member (object, "mean_response_seconds", r->mean_response_seconds);
      json_object_set_int_member (object, "n_reviews", r->n_reviews);
      for (guint i = 0; i < SD_REPUTATION_N_CRITERIA; i++)
        json_object_set_double_member (ratings, criterion_names[i], r->rating_avg[i]);
      json_object_set_object_member (object, "ratings", ratings);
      json_node_take_object (node, object);
      sd_cli_print_json (node);
      return;
    }

  from_text = sd_cli_format_time (cli, from);
  to_text = sd_cli_format_time (cli, to);
  response = sd_time_format_duration ((gint64) r->mean_response_seconds);
  requests = g_strdup_printf (_("%u (declined %u, expired %u)"), r->requests_total,
                              r->requests_declined, r->requests_expired);
  decline = g_strdup_printf ("%.1f %%", 100.0 * r->decline_rate);
  expiry = g_strdup_printf ("%.1f %%", 100.0 * r->expiry_rate);
  bookings = g_strdup_printf ("%u", r->bookings_total);
  cancel = g_strdup_printf (_("%.1f %% (%u by the salon, %u by clients)"),
                            100.0 * r->cancellation_rate, r->salon_cancellations,
                            r->client_cancellations);
  complaints = g_strdup_printf (_("%u open, %u lost, %u in all"), r->complaints_open,
                                r->complaints_lost, r->complaints_total);
  reviews = g_strdup_printf ("%u", r->n_reviews);

  g_print (_("Reputation from %s to %s\n"), from_text, to_text);
  table = sd_cli_table_new (2, _("  Requests:"), requests);
  sd_cli_table_add (table, _("  Decline rate:"), decline);
  sd_cli_table_add (table, _("  Expired requests:"), expiry);
  sd_cli_table_add (table, _("  Bookings:"), bookings);
  sd_cli_table_add (table, _("  Cancellation rate:"), cancel);
  sd_cli_table_add (table, _("  Complaints:"), complaints);
  sd_cli_table_add (table, _("  Mean response time:"), r->responses > 0 ? response : "—");
  sd_cli_table_add (table, _("  Reviews:"), reviews);
  for (guint i = 0; i < SD_REPUTATION_N_CRITERIA; i++)
    {
      g_autofree char *label = g_strdup_printf ("    %s:", sd_reputation_criterion_label (i));
      g_autofree char *avg = r->n_reviews > 0 ? g_strdup_printf ("%.1f / 5", r->rating_avg[i])
                                              : g_strdup ("—");

      sd_cli_table_add (table, label, avg);
    }
  sd_cli_table_print_free (table);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-actions.c — the actions that more than one route (or the simulator) takes:
 * bookings, cancellations, messages, complaints, resolutions and reviews. The rules are
 * the store's and the core's; what is decided here is only what the marketplace itself
 * does (a client's booking creates its service if new, a refund leaves a transaction). */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-sandbox-routes.h"
#include "sd-complaint.h"
#include "sd-policy-error.h"
#include "sd-refund.h"
#include "sd-review.h"
#include "sd-salon.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-time.h"

/* The marketplace's commission on each booking it sells, in percent of the price. */
#define COMMISSION_PERCENT 15

static gboolean
missing (GError **error, GError *local_error)
{
  if (local_error == NULL)
    return FALSE;
  g_propagate_error (error, local_error);
  return TRUE;
}

gboolean
sd_sandbox_read_client (JsonObject *client, SdNewAppointment *spec, GError **error)
{
  GError *local_error = NULL;

  spec->client_name = sd_sandbox_get_string (client, "name", TRUE, error);
  if (spec->client_name == NULL)
    return FALSE;
  spec->client_email = sd_sandbox_get_string (client, "email", FALSE, &local_error);
  if (missing (error, local_error))
    return FALSE;
  spec->client_phone = sd_sandbox_get_string (client, "phone", FALSE, &local_error);
  return !missing (error, local_error);
}

/* What the core's refund rule leaves for a cancellation by @by now: the only choice, or
 * FALSE when it is the salon's to make. */
static gboolean
forced_refund (SdSandboxServer *self, SdSandboxSalon *salon, SdAppointment *appointment,
               SdParty by, SdRefundChoice *out)
{
  const SdSalonSettings *settings = sd_salon_get_settings (sd_store_get_salon (salon->store));
  SdRefundDecision decision;

  sd_refund_decide (sd_appointment_get_payment_mode (appointment), by,
                    sd_appointment_get_start (appointment), sd_clock_get_now (self->clock),
                    (gint64) settings->free_cancel_hours * 3600,
                    sd_appointment_get_refundable_cents (appointment), &decision);
  switch (decision.rule)
    {
    case SD_REFUND_RULE_FORCED_FULL:
      *out = SD_REFUND_CHOICE_FULL;
      return TRUE;
    case SD_REFUND_RULE_NOTHING_TO_REFUND:
      *out = SD_REFUND_CHOICE_NONE;
      return TRUE;
    case SD_REFUND_RULE_CHOICE:
    default:
      return FALSE;
    }
}

gboolean
sd_sandbox_read_cancel (SdSandboxServer *self, SdSandboxSalon *salon, JsonObject *body,
                        SdAppointment *appointment, SdActionRequest *request, GError **error)
{
  GError *local_error = NULL;
  const char *by = sd_sandbox_get_string (body, "by", FALSE, &local_error);
  const char *reason, *refund;

  if (missing (error, local_error))
    return FALSE;
  if (by != NULL && (!sd_party_from_string (by, &request->by) ||
                     (request->by != SD_PARTY_SALON && request->by != SD_PARTY_CLIENT)))
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“by” must be salon or client."));
      return FALSE;
    }
  reason = sd_sandbox_get_string (body, "reason", TRUE, error);
  if (reason == NULL)
    return FALSE;
  if (!sd_cancel_reason_from_string (reason, &request->reason))
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“reason” must be illness, staff_unavailable, double_booking, "
                     "client_request or other."));
      return FALSE;
    }
  request->text = sd_sandbox_get_string (body, "note", FALSE, &local_error);
  if (missing (error, local_error))
    return FALSE;
  refund = sd_sandbox_get_string (body, "refund", FALSE, &local_error);
  if (missing (error, local_error))
    return FALSE;
  if (refund != NULL)
    {
      if (!sd_refund_choice_from_string (refund, &request->refund))
        {
          g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                       _("“refund” must be full or none."));
          return FALSE;
        }
      return TRUE;
    }
  if (!forced_refund (self, salon, appointment, request->by, &request->refund))
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("A late cancellation by the client needs “refund”: full or none."));
      return FALSE;
    }
  return TRUE;
}

gboolean
sd_sandbox_system_message (SdSandboxServer *self, SdSandboxSalon *salon,
                           SdAppointment *appointment, SdAction action, GError **error)
{
  g_autoptr (JsonNode) message = NULL;
  const char *text;

  /* Words for the client, who reads them on the marketplace: not the desk's language. */
  switch (action)
    {
    case SD_ACTION_ACCEPT:
      text = "The salon confirmed your appointment.";
      break;
    case SD_ACTION_CHECK_IN:
      text = "You are checked in.";
      break;
    case SD_ACTION_CHECK_OUT:
      text = "Thank you for your visit. How was it? Leave a review.";
      break;
    case SD_ACTION_CANCEL:
      text = "The appointment was cancelled.";
      break;
    default:
      return TRUE;
    }
  message = sd_sandbox_add_message (self, salon, sd_appointment_get_id (appointment),
                                    SD_PARTY_SYSTEM, text, error);
  return message != NULL;
}

JsonNode *
sd_sandbox_write_message (SdSandboxServer *self, SdSandboxSalon *salon, gint64 id,
                          SdParty author, JsonObject *body, GError **error)
{
  SdActionRequest request;
  g_autoptr (SdAppointment) appointment = NULL;

  sd_action_request_init (&request, SD_ACTION_MESSAGE);
  request.by = author;
  request.text = sd_sandbox_get_string (body, "body", TRUE, error);
  if (request.text == NULL)
    return NULL;
  if (*request.text == '\0')
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("A message cannot be empty."));
      return NULL;
    }
  /* The store keeps it in the appointment's timeline; the feed gets it from here. */
  appointment = sd_store_perform (salon->store, id, &request, error);
  if (appointment == NULL)
    return NULL;
  return sd_sandbox_add_message (self, salon, id, author, request.text, error);
}

JsonNode *
sd_sandbox_open_complaint (SdSandboxServer *self, SdSandboxSalon *salon, SdParty by,
                           JsonObject *body, GError **error)
{
  GError *local_error = NULL;
  SdActionRequest request;
  g_autoptr (SdAppointment) before = NULL;
  g_autoptr (SdAppointment) after = NULL;
  const char *appointment_id, *kind;
  gint64 id;

  sd_action_request_init (&request, SD_ACTION_OPEN_COMPLAINT);
  request.by = by;
  if ((appointment_id = sd_sandbox_get_string (body, "appointment_id", TRUE, error)) == NULL ||
      !sd_sandbox_parse_id (appointment_id, "apt", &id, error) ||
      (request.text = sd_sandbox_get_string (body, "reason", TRUE, error)) == NULL ||
      !sd_sandbox_get_int (body, "refund_requested_cents", FALSE,
                           &request.refund_requested_cents, error))
    return NULL;
  kind = sd_sandbox_get_string (body, "deadline_kind", FALSE, &local_error);
  if (missing (error, local_error))
    return NULL;
  if (kind != NULL && !sd_deadline_kind_from_string (kind, &request.deadline_kind))
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“deadline_kind” must be hours_24 or business_days_2."));
      return NULL;
    }

  before = sd_store_get_appointment (salon->store, id, error);
  if (before == NULL)
    return NULL;
  after = sd_store_perform (salon->store, id, &request, error);
  if (after == NULL || !sd_sandbox_record_appointment (self, salon, before, after, error))
    return NULL;
  return sd_sandbox_load_complaint_json (self, salon, sd_appointment_get_complaint_id (after),
                                         error);
}

static gint64
find_or_add_service (SdSandboxSalon *salon, const char *name, gint64 duration_min,
                     gint64 price_cents, GError **error)
{
  g_autoptr (GListModel) services = sd_store_list_services (salon->store, error);

  if (services == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr (SdService) service = g_list_model_get_item (services, i);

      if (g_str_equal (sd_service_get_name (service), name) &&
          sd_service_get_duration_min (service) == duration_min &&
          sd_service_get_price_cents (service) == price_cents)
        return sd_service_get_id (service);
    }
  return sd_store_add_service (salon->store, name, (int) duration_min, price_cents, error);
}

static gboolean
read_service (SdSandboxSalon *salon, JsonObject *body, gint64 *service_id, GError **error)
{
  JsonObject *service = sd_sandbox_get_object (body, "service", TRUE, error);
  GError *local_error = NULL;
  const char *name, *currency;
  gint64 duration = 0, price = 0;

  if (service == NULL ||
      (name = sd_sandbox_get_string (service, "name", TRUE, error)) == NULL ||
      !sd_sandbox_get_int (service, "duration_min", TRUE, &duration, error) ||
      !sd_sandbox_get_int (service, "price_cents", TRUE, &price, error))
    return FALSE;
  currency = sd_sandbox_get_string (service, "currency", FALSE, &local_error);
  if (missing (error, local_error))
    return FALSE;
  if (duration <= 0 || duration > 12 * 60 || price < 0 || *name == '\0' ||
      (currency != NULL &&
       g_strcmp0 (currency, sd_salon_get_currency (sd_store_get_salon (salon->store))) != 0))
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("The service needs a name, 1 to 720 minutes, a price of 0 or more, and "
                     "the salon's currency."));
      return FALSE;
    }
  *service_id = find_or_add_service (salon, name, duration, price, error);
  return *service_id != 0;
}

JsonNode *
sd_sandbox_book (SdSandboxServer *self, SdSandboxSalon *salon, JsonObject *body,
                 GError **error)
{
  GError *local_error = NULL;
  SdNewAppointment spec;
  JsonObject *client;
  const char *staff_id, *mode;
  gboolean instant = FALSE;
  g_autoptr (SdAppointment) created = NULL;
  g_autoptr (GListModel) staff = NULL;
  gint64 price, commission;
  g_autoptr (JsonNode) charge = NULL;
  g_autoptr (JsonNode) fee = NULL;

  sd_new_appointment_init (&spec);
  spec.payment = SD_PAYMENT_PREPAID;
  if (!sd_sandbox_get_time (body, "start", TRUE, &spec.start, error) ||
      !read_service (salon, body, &spec.service_id, error) ||
      (client = sd_sandbox_get_object (body, "client", TRUE, error)) == NULL ||
      !sd_sandbox_read_client (client, &spec, error) ||
      !sd_sandbox_get_bool (body, "instant", &instant, error))
    return NULL;
  spec.state = instant ? SD_STATE_CONFIRMED : SD_STATE_REQUESTED;
  mode = sd_sandbox_get_string (body, "payment_mode", FALSE, &local_error);
  if (missing (error, local_error))
    return NULL;
  if (mode != NULL && !sd_payment_mode_from_string (mode, &spec.payment))
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“payment_mode” must be prepaid or at_salon."));
      return NULL;
    }
  staff_id = sd_sandbox_get_string (body, "staff_id", FALSE, &local_error);
  if (missing (error, local_error))
    return NULL;

  if (staff_id != NULL)
    {
      if (!sd_sandbox_parse_id (staff_id, "stf", &spec.staff_id, error))
        return NULL;
      created = sd_store_create_appointment (salon->store, &spec, error);
    }
  else
    {
      /* The client did not choose: the first staff member who is free then. */
      staff = sd_store_list_staff (salon->store, error);
      if (staff == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (staff) && created == NULL; i++)
        {
          g_autoptr (SdStaff) member = g_list_model_get_item (staff, i);

          if (!sd_staff_get_active (member))
            continue;
          g_clear_error (&local_error);
          spec.staff_id = sd_staff_get_id (member);
          created = sd_store_create_appointment (salon->store, &spec, &local_error);
          if (created == NULL && !g_error_matches (local_error, SD_POLICY_ERROR,
                                                   SD_POLICY_ERROR_OVERLAP))
            break;
        }
      if (created == NULL)
        {
          if (local_error == NULL)
            g_set_error (&local_error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                         _("The salon has no staff."));
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  if (created == NULL || !sd_sandbox_record_appointment (self, salon, NULL, created, error))
    return NULL;

  price = sd_appointment_get_amount_cents (created);
  commission = price * COMMISSION_PERCENT / 100;
  if (spec.payment == SD_PAYMENT_PREPAID && price > 0)
    {
      charge = sd_sandbox_add_transaction (self, salon, sd_appointment_get_id (created),
                                           SD_TRANSACTION_CHARGE, price,
                                           sd_appointment_get_currency (created), error);
      if (charge == NULL)
        return NULL;
    }
  if (commission > 0)
    {
      fee = sd_sandbox_add_transaction (self, salon, sd_appointment_get_id (created),
                                        SD_TRANSACTION_COMMISSION, commission,
                                        sd_appointment_get_currency (created), error);
      if (fee == NULL)
        return NULL;
    }
  if (instant && !sd_sandbox_system_message (self, salon, created, SD_ACTION_ACCEPT, error))
    return NULL;
  return sd_sandbox_appointment_json (self, salon, created);
}

JsonNode *
sd_sandbox_client_cancel (SdSandboxServer *self, SdSandboxSalon *salon, gint64 id,
                          JsonObject *body, GError **error)
{
  GError *local_error = NULL;
  SdActionRequest request;
  g_autoptr (SdAppointment) before = NULL;
  g_autoptr (SdAppointment) after = NULL;
  const char *reason;

  sd_action_request_init (&request, SD_ACTION_CANCEL);
  request.by = SD_PARTY_CLIENT;
  request.reason = SD_CANCEL_REASON_CLIENT_REQUEST;
  reason = sd_sandbox_get_string (body, "reason", FALSE, &local_error);
  if (missing (error, local_error))
    return NULL;
  /* A known reason is taken as such; anything else is the client's own words. */
  if (reason != NULL && !sd_cancel_reason_from_string (reason, &request.reason))
    request.text = reason;

  before = sd_store_get_appointment (salon->store, id, error);
  if (before == NULL)
    return NULL;
  /* A late cancellation is the salon's to refund later: the marketplace keeps the money. */
  if (!forced_refund (self, salon, before, SD_PARTY_CLIENT, &request.refund))
    request.refund = SD_REFUND_CHOICE_NONE;
  after = sd_store_perform (salon->store, id, &request, error);
  if (after == NULL || !sd_sandbox_record_appointment (self, salon, before, after, error) ||
      !sd_sandbox_system_message (self, salon, after, SD_ACTION_CANCEL, error))
    return NULL;
  return sd_sandbox_appointment_json (self, salon, after);
}

JsonNode *
sd_sandbox_resolve (SdSandboxServer *self, SdSandboxSalon *salon, gint64 id, JsonObject *body,
                    GError **error)
{
  GError *local_error = NULL;
  SdActionRequest request;
  g_autoptr (SdComplaint) complaint = NULL;
  g_autoptr (SdAppointment) before = NULL;
  g_autoptr (SdAppointment) after = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) resolution = NULL;
  g_autofree char *json = NULL;
  g_autofree char *at = NULL;
  g_auto (GStrv) earlier = NULL;
  const char *outcome_text, *note;
  SdOutcome outcome;
  gint64 amount = 0, rid;

  complaint = sd_store_get_complaint (salon->store, id, error);
  if (complaint == NULL)
    return NULL;
  if ((outcome_text = sd_sandbox_get_string (body, "outcome", TRUE, error)) == NULL ||
      !sd_sandbox_get_int (body, "amount_cents", FALSE, &amount, error))
    return NULL;
  note = sd_sandbox_get_string (body, "note", FALSE, &local_error);
  if (missing (error, local_error))
    return NULL;
  if (!sd_outcome_from_string (outcome_text, &outcome) || outcome == SD_OUTCOME_NONE)
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“outcome” must be refund_full, refund_partial, no_refund, redo or "
                     "withdrawn_helped."));
      return NULL;
    }
  earlier = sd_sandbox_db_list_json (self->db, salon->id, "resolution", id, error);
  if (earlier == NULL)
    return NULL;
  if (earlier[0] != NULL || sd_complaint_get_status (complaint) == SD_COMPLAINT_RESOLVED)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_INVALID_TRANSITION,
                   _("This complaint is already resolved."));
      return NULL;
    }

  before = sd_store_get_appointment (salon->store, sd_complaint_get_appointment_id (complaint),
                                     error);
  if (before == NULL)
    return NULL;
  if (outcome == SD_OUTCOME_REFUND_FULL)
    amount = sd_appointment_get_refundable_cents (before);
  if ((outcome == SD_OUTCOME_REFUND_PARTIAL &&
       (amount <= 0 || amount > sd_appointment_get_refundable_cents (before))) ||
      amount < 0)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("A partial refund must be more than 0 and at most what is left to "
                     "refund."));
      return NULL;
    }

  /* The appointment leaves "disputed" by the core's rule when the store allows it. */
  if (sd_appointment_get_state (before) == SD_STATE_DISPUTED)
    {
      sd_action_request_init (&request, SD_ACTION_RESOLVE_COMPLAINT);
      request.by = SD_PARTY_STAFF;
      request.text = note;
      after = sd_store_perform (salon->store, sd_appointment_get_id (before), &request, error);
      if (after == NULL || !sd_sandbox_record_appointment (self, salon, before, after, error))
        return NULL;
    }

  at = sd_sandbox_format_time (salon, sd_clock_get_now (self->clock));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "outcome");
  json_builder_add_string_value (builder, outcome_text);
  json_builder_set_member_name (builder, "amount_cents");
  json_builder_add_int_value (builder, amount);
  json_builder_set_member_name (builder, "note");
  if (note != NULL)
    json_builder_add_string_value (builder, note);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  json_builder_end_object (builder);
  resolution = json_builder_get_root (builder);
  json = json_to_string (resolution, FALSE);
  rid = sd_sandbox_db_add_resource (self->db, salon->id, "resolution", id, error);
  if (rid == 0 || !sd_sandbox_db_set_json (self->db, rid, json, error))
    return NULL;
  if (amount > 0 && (outcome == SD_OUTCOME_REFUND_FULL || outcome == SD_OUTCOME_REFUND_PARTIAL))
    {
      g_autoptr (JsonNode) txn = sd_sandbox_add_transaction (self, salon,
                                                             sd_appointment_get_id (before),
                                                             SD_TRANSACTION_REFUND, amount,
                                                             sd_appointment_get_currency (before),
                                                             error);
      if (txn == NULL)
        return NULL;
    }
  if (sd_sandbox_db_record_change (self->db, salon->id, "complaint", id, "resolved", error) == 0)
    return NULL;
  return sd_sandbox_load_complaint_json (self, salon, id, error);
}

JsonNode *
sd_sandbox_review (SdSandboxServer *self, SdSandboxSalon *salon, JsonObject *body,
                   GError **error)
{
  static const char *const criteria[] = {
    "punctuality", "service", "value", "cleanliness", "relationship",
  };
  GError *local_error = NULL;
  g_autoptr (SdAppointment) appointment = NULL;
  g_autoptr (SdReview) review = sd_review_new ();
  g_auto (GStrv) existing = NULL;
  JsonObject *scores;
  const char *appointment_id, *comment;
  gint64 id, score[G_N_ELEMENTS (criteria)];

  if ((appointment_id = sd_sandbox_get_string (body, "appointment_id", TRUE, error)) == NULL ||
      !sd_sandbox_parse_id (appointment_id, "apt", &id, error) ||
      (scores = sd_sandbox_get_object (body, "scores", TRUE, error)) == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      if (!sd_sandbox_get_int (scores, criteria[i], TRUE, &score[i], error))
        return NULL;
      if (score[i] < 1 || score[i] > 5)
        {
          g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                       _("Each score is from 1 to 5 (“%s” is %lld)."),
                       criteria[i], (long long) score[i]);
          return NULL;
        }
    }
  comment = sd_sandbox_get_string (body, "comment", FALSE, &local_error);
  if (missing (error, local_error))
    return NULL;

  appointment = sd_store_get_appointment (salon->store, id, error);
  if (appointment == NULL)
    return NULL;
  /* SPEC §4: only clients whose appointment was completed review it, once. */
  if (sd_appointment_get_state (appointment) != SD_STATE_COMPLETED)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_INVALID_TRANSITION,
                   _("Only a completed appointment can be reviewed."));
      return NULL;
    }
  existing = sd_sandbox_db_list_json (self->db, salon->id, "review", id, error);
  if (existing == NULL)
    return NULL;
  if (existing[0] != NULL)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("This appointment has a review already."));
      return NULL;
    }

  sd_review_set_appointment_id (review, id);
  sd_review_set_punctuality (review, (int) score[0]);
  sd_review_set_service (review, (int) score[1]);
  sd_review_set_value (review, (int) score[2]);
  sd_review_set_cleanliness (review, (int) score[3]);
  sd_review_set_relationship (review, (int) score[4]);
  sd_review_set_comment (review, comment);
  return sd_sandbox_add_review (self, salon, review, error);
}

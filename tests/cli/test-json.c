/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c — the marketplace's shapes: what the desk writes reads back equal, and what
 * the network may send that is wrong is refused with the right code and the field's name. */

#include "config.h"

#include <string.h>

#include "sd-appointment.h"
#include "sd-complaint.h"
#include "sd-history-entry.h"
#include "sd-json.h"
#include "sd-message.h"
#include "sd-review.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-time.h"
#include "sd-transaction.h"

/* 2026-11-23T14:30:00+01:00 */
#define START 1795440600

/* A complete appointment as the marketplace sends it: the tests below break it one field
 * at a time. */
static const char *valid_appointment =
  "{\"id\":\"apt_9f2\",\"version\":3,\"status\":\"cancelled\","
  "\"start\":\"2026-11-23T14:30:00+01:00\",\"end\":\"2026-11-23T15:15:00+01:00\","
  "\"staff_id\":\"stf_a1\","
  "\"service\":{\"id\":\"svc_7\",\"name\":\"Cut & blow-dry\",\"duration_min\":45,"
  "\"price_cents\":4500,\"currency\":\"EUR\"},"
  "\"client\":{\"id\":\"cli_3\",\"name\":\"Anna Rossi\",\"email\":\"anna@example.com\","
  "\"phone\":null},"
  "\"payment\":{\"mode\":\"prepaid\",\"amount_cents\":4500,\"currency\":\"EUR\","
  "\"refunded_cents\":4500},"
  "\"created_at\":\"2026-11-20T09:00:00+01:00\",\"confirm_by\":\"2026-11-21T09:00:00+01:00\","
  "\"proposed_starts\":[\"2026-11-24T10:00:00+01:00\"],"
  "\"cancellation\":{\"by\":\"client\",\"reason\":\"client_request\",\"note\":\"sick child\","
  "\"refund\":\"full\",\"refund_cents\":4500,\"at\":\"2026-11-22T10:00:00+01:00\"},"
  "\"complaint_id\":null,\"checked_in_at\":null,\"checked_out_at\":null,"
  "\"updated_at\":\"2026-11-22T10:00:00+01:00\"}";

static JsonNode *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = sd_json_parse (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* The valid appointment with one member of @object_path replaced by @value_json (NULL
 * removes it). @object_path is "" for the top level or "payment", "cancellation"… */
static char *
appointment_with (const char *object_path, const char *member, const char *value_json)
{
  g_autoptr(JsonNode) root = parse_ok (valid_appointment);
  JsonObject *object = json_node_get_object (root);

  if (*object_path != '\0')
    object = json_object_get_object_member (object, object_path);
  if (value_json == NULL)
    json_object_remove_member (object, member);
  else
    json_object_set_member (object, member, parse_ok (value_json));
  return sd_json_to_string (root, FALSE);
}

static void
assert_refused (const char *text, SdJsonError code, const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(SdAppointment) apt = NULL;
  SdJsonRefs refs = { 0 };

  node = sd_json_parse (text, -1, &error);
  if (node != NULL)
    apt = sd_json_to_appointment (node, &refs, &error);
  g_assert_null (apt);
  g_assert_error (error, SD_JSON_ERROR, (int) code);
  if (field != NULL && strstr (error->message, field) == NULL)
    g_error ("“%s” does not name the field %s", error->message, field);
  /* Refused means nothing handed back, not even the references. */
  g_assert_null (refs.staff_id);
  g_assert_null (refs.service_id);
}

static void
test_read_valid (void)
{
  g_autoptr(JsonNode) node = parse_ok (valid_appointment);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) apt = NULL;
  SdJsonRefs refs = { 0 };
  const SdCancellation *c;
  const gint64 *starts;
  guint n = 0;

  apt = sd_json_to_appointment (node, &refs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sd_appointment_get_remote_id (apt), ==, "apt_9f2");
  g_assert_cmpint (sd_appointment_get_id (apt), ==, 0);
  g_assert_cmpint (sd_appointment_get_version (apt), ==, 3);
  g_assert_cmpint (sd_appointment_get_state (apt), ==, SD_STATE_CANCELLED);
  g_assert_cmpint (sd_appointment_get_start (apt), ==, START);
  g_assert_cmpint (sd_appointment_get_end (apt), ==, START + 45 * 60);
  g_assert_cmpstr (sd_appointment_get_service_name (apt), ==, "Cut & blow-dry");
  g_assert_cmpstr (sd_appointment_get_client_name (apt), ==, "Anna Rossi");
  g_assert_null (sd_appointment_get_client_phone (apt));
  g_assert_false (sd_appointment_get_phone_revealed (apt));
  g_assert_cmpint (sd_appointment_get_payment_mode (apt), ==, SD_PAYMENT_PREPAID);
  g_assert_cmpint (sd_appointment_get_refunded_cents (apt), ==, 4500);
  g_assert_cmpstr (sd_appointment_get_currency (apt), ==, "EUR");
  starts = sd_appointment_get_proposed_starts (apt, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (starts[0], ==, START + 86400 - 4 * 3600 - 30 * 60);
  c = sd_appointment_get_cancellation (apt);
  g_assert_nonnull (c);
  g_assert_cmpint (c->by, ==, SD_PARTY_CLIENT);
  g_assert_cmpint (c->reason, ==, SD_CANCEL_REASON_CLIENT_REQUEST);
  g_assert_cmpstr (c->note, ==, "sick child");
  g_assert_cmpint (c->refund, ==, SD_REFUND_CHOICE_FULL);
  /* Remote references come back as sent, for the sync engine to resolve. */
  g_assert_cmpstr (refs.staff_id, ==, "stf_a1");
  g_assert_cmpstr (refs.service_id, ==, "svc_7");
  g_assert_cmpstr (refs.client_id, ==, "cli_3");
  g_assert_null (refs.complaint_id);
  g_assert_cmpint (sd_appointment_get_staff_id (apt), ==, 0);
  sd_json_refs_clear (&refs);
}

static SdAppointment *
make_appointment (void)
{
  SdAppointment *apt = sd_appointment_new ();
  SdCancellation c = { SD_PARTY_SALON, SD_CANCEL_REASON_ILLNESS, (char *) "fever",
                       SD_REFUND_CHOICE_FULL, 4500, START - 3600 };
  gint64 proposed[] = { START + 86400, START + 2 * 86400, START + 3 * 86400 };

  sd_appointment_set_id (apt, 12);
  sd_appointment_set_version (apt, 4);
  sd_appointment_set_state (apt, SD_STATE_CANCELLED);
  sd_appointment_set_start (apt, START);
  sd_appointment_set_end (apt, START + 45 * 60);
  sd_appointment_set_staff_id (apt, 2);
  sd_appointment_set_service_id (apt, 5);
  sd_appointment_set_service_name (apt, "Colour");
  sd_appointment_set_price_cents (apt, 4500);
  sd_appointment_set_currency (apt, "EUR");
  sd_appointment_set_client_id (apt, 9);
  sd_appointment_set_client_name (apt, "Jan de Vries");
  sd_appointment_set_client_email (apt, "jan@example.nl");
  sd_appointment_set_client_phone (apt, "+31 6 1234 5678");
  sd_appointment_set_phone_revealed (apt, TRUE);
  sd_appointment_set_payment_mode (apt, SD_PAYMENT_PREPAID);
  sd_appointment_set_amount_cents (apt, 4500);
  sd_appointment_set_refunded_cents (apt, 4500);
  sd_appointment_set_created_at (apt, START - 5 * 86400);
  sd_appointment_set_confirm_by (apt, START - 4 * 86400);
  sd_appointment_set_proposed_starts (apt, proposed, G_N_ELEMENTS (proposed));
  sd_appointment_set_cancellation (apt, &c);
  sd_appointment_set_complaint_id (apt, 3);
  sd_appointment_set_checked_in_at (apt, 0);
  sd_appointment_set_updated_at (apt, START - 3600);
  return apt;
}

static void
test_round_trip (void)
{
  g_autoptr(SdAppointment) apt = make_appointment ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr(JsonNode) written = sd_json_from_appointment (apt, tz);
  g_autofree char *text = sd_json_to_string (written, FALSE);
  g_autoptr(JsonNode) reread = parse_ok (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdAppointment) back = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *text_again = NULL;
  const SdCancellation *c;
  const gint64 *starts;
  guint n = 0;

  /* Times in the salon's zone, with the offset. */
  g_assert_nonnull (strstr (text, "\"start\":\"2026-11-23T14:30:00+01:00\""));
  g_assert_nonnull (strstr (text, "\"id\":\"apt_local_12\""));
  g_assert_nonnull (strstr (text, "\"staff_id\":\"stf_local_2\""));
  g_assert_nonnull (strstr (text, "\"checked_in_at\":null"));

  back = sd_json_to_appointment (reread, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_appointment_get_id (back), ==, 12);
  g_assert_null (sd_appointment_get_remote_id (back));
  g_assert_cmpint (sd_appointment_get_version (back), ==, 4);
  g_assert_cmpint (sd_appointment_get_state (back), ==, SD_STATE_CANCELLED);
  g_assert_cmpint (sd_appointment_get_start (back), ==, START);
  g_assert_cmpint (sd_appointment_get_end (back), ==, START + 45 * 60);
  g_assert_cmpint (sd_appointment_get_staff_id (back), ==, 2);
  g_assert_cmpint (sd_appointment_get_service_id (back), ==, 5);
  g_assert_cmpint (sd_appointment_get_client_id (back), ==, 9);
  g_assert_cmpint (sd_appointment_get_complaint_id (back), ==, 3);
  g_assert_cmpstr (sd_appointment_get_client_phone (back), ==, "+31 6 1234 5678");
  g_assert_true (sd_appointment_get_phone_revealed (back));
  g_assert_cmpint (sd_appointment_get_confirm_by (back), ==, START - 4 * 86400);
  g_assert_cmpint (sd_appointment_get_checked_in_at (back), ==, 0);
  starts = sd_appointment_get_proposed_starts (back, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (starts[2], ==, START + 3 * 86400);
  c = sd_appointment_get_cancellation (back);
  g_assert_nonnull (c);
  g_assert_cmpint (c->by, ==, SD_PARTY_SALON);
  g_assert_cmpint (c->reason, ==, SD_CANCEL_REASON_ILLNESS);
  g_assert_cmpstr (c->note, ==, "fever");
  g_assert_cmpint (c->refund_cents, ==, 4500);
  g_assert_cmpint (c->at, ==, START - 3600);

  /* And writing it again gives the same document. */
  again = sd_json_from_appointment (back, tz);
  text_again = sd_json_to_string (again, FALSE);
  g_assert_cmpstr (text_again, ==, text);
}

/* Times in the salon's zone carry that day's offset, also in the DST weeks. */
static void
test_dst_offsets (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr(SdAppointment) apt = make_appointment ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  /* 2026-03-29 01:30 UTC is 03:30 CEST, just after the spring change. */
  sd_appointment_set_start (apt, 1774747800);
  sd_appointment_set_end (apt, 1774747800 + 3600);
  sd_appointment_set_created_at (apt, 1774747800 - 3600);  /* 00:30 UTC = 01:30 CET */
  node = sd_json_from_appointment (apt, tz);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "start"), ==,
                   "2026-03-29T03:30:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (object, "created_at"), ==,
                   "2026-03-29T01:30:00+01:00");
}

static void
test_refuse_malformed (void)
{
  g_autofree char *truncated = g_strndup (valid_appointment, strlen (valid_appointment) / 2);
  g_autofree char *deep = NULL;
  GString *nested = g_string_new (NULL);

  assert_refused (truncated, SD_JSON_ERROR_MALFORMED, NULL);
  assert_refused ("", SD_JSON_ERROR_MALFORMED, NULL);
  assert_refused ("[1,2,3]", SD_JSON_ERROR_MALFORMED, NULL);
  assert_refused ("\"apt\"", SD_JSON_ERROR_MALFORMED, NULL);
  assert_refused ("{\"id\":\"apt_1\",}", SD_JSON_ERROR_MALFORMED, NULL);
  assert_refused ("{\"id\":\"\xff\xfe\"}", SD_JSON_ERROR_MALFORMED, NULL);

  for (int i = 0; i < 10000; i++)
    g_string_append_c (nested, '[');
  deep = g_string_free (nested, FALSE);
  assert_refused (deep, SD_JSON_ERROR_TOO_LARGE, NULL);
}

static void
test_refuse_fields (void)
{
  struct
  {
    const char *object, *member, *value;
    SdJsonError code;
    const char *field;
  } cases[] = {
    /* missing */
    { "", "status", NULL, SD_JSON_ERROR_MISSING_FIELD, "appointment.status" },
    { "", "start", NULL, SD_JSON_ERROR_MISSING_FIELD, "appointment.start" },
    { "payment", "amount_cents", NULL, SD_JSON_ERROR_MISSING_FIELD, "appointment.payment.amount_cents" },
    { "client", "name", NULL, SD_JSON_ERROR_MISSING_FIELD, "appointment.client.name" },
    { "", "proposed_starts", NULL, SD_JSON_ERROR_MISSING_FIELD, "appointment.proposed_starts" },
    { "", "service", NULL, SD_JSON_ERROR_MISSING_FIELD, "appointment.service" },
    /* wrong types */
    { "", "version", "\"3\"", SD_JSON_ERROR_WRONG_TYPE, "appointment.version" },
    { "", "version", "3.5", SD_JSON_ERROR_WRONG_TYPE, "appointment.version" },
    { "payment", "amount_cents", "\"4500\"", SD_JSON_ERROR_WRONG_TYPE, "appointment.payment.amount_cents" },
    { "payment", "amount_cents", "45.00", SD_JSON_ERROR_WRONG_TYPE, "appointment.payment.amount_cents" },
    { "", "status", "1", SD_JSON_ERROR_WRONG_TYPE, "appointment.status" },
    { "", "status", "null", SD_JSON_ERROR_WRONG_TYPE, "appointment.status" },
    { "", "client", "\"Anna\"", SD_JSON_ERROR_WRONG_TYPE, "appointment.client" },
    { "", "proposed_starts", "{}", SD_JSON_ERROR_WRONG_TYPE, "appointment.proposed_starts" },
    { "", "proposed_starts", "[42]", SD_JSON_ERROR_WRONG_TYPE, "appointment.proposed_starts" },
    { "", "cancellation", "true", SD_JSON_ERROR_WRONG_TYPE, "appointment.cancellation" },
    /* unknown values */
    { "", "status", "\"on_hold\"", SD_JSON_ERROR_UNKNOWN_VALUE, "appointment.status" },
    { "payment", "mode", "\"crypto\"", SD_JSON_ERROR_UNKNOWN_VALUE, "appointment.payment.mode" },
    { "cancellation", "by", "\"system\"", SD_JSON_ERROR_UNKNOWN_VALUE, "appointment.cancellation.by" },
    { "cancellation", "reason", "\"bored\"", SD_JSON_ERROR_UNKNOWN_VALUE, "appointment.cancellation.reason" },
    { "cancellation", "refund", "\"half\"", SD_JSON_ERROR_UNKNOWN_VALUE, "appointment.cancellation.refund" },
    /* invalid values */
    { "", "start", "\"2026-11-23T14:30:00\"", SD_JSON_ERROR_INVALID_VALUE, "appointment.start" },
    { "", "start", "\"2026-11-23 14:30\"", SD_JSON_ERROR_INVALID_VALUE, "appointment.start" },
    { "", "start", "\"2026-13-45T14:30:00Z\"", SD_JSON_ERROR_INVALID_VALUE, "appointment.start" },
    { "", "end", "\"2026-11-23T14:30:00+01:00\"", SD_JSON_ERROR_INVALID_VALUE, "appointment.end" },
    { "", "proposed_starts", "[\"tomorrow\"]", SD_JSON_ERROR_INVALID_VALUE, "appointment.proposed_starts" },
    { "payment", "amount_cents", "-4500", SD_JSON_ERROR_INVALID_VALUE, "appointment.payment.amount_cents" },
    { "payment", "refunded_cents", "9000", SD_JSON_ERROR_INVALID_VALUE, "appointment.payment.refunded_cents" },
    { "payment", "currency", "\"euro\"", SD_JSON_ERROR_INVALID_VALUE, "appointment.payment.currency" },
    { "service", "price_cents", "-1", SD_JSON_ERROR_INVALID_VALUE, "appointment.service.price_cents" },
    { "", "version", "-1", SD_JSON_ERROR_INVALID_VALUE, "appointment.version" },
    { "", "id", "\"\"", SD_JSON_ERROR_INVALID_VALUE, "appointment.id" },
    /* absurd sizes */
    { "", "proposed_starts",
      "[\"2026-11-24T10:00:00Z\",\"2026-11-24T11:00:00Z\",\"2026-11-24T12:00:00Z\","
      "\"2026-11-24T13:00:00Z\"]", SD_JSON_ERROR_TOO_LARGE, "appointment.proposed_starts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = appointment_with (cases[i].object, cases[i].member, cases[i].value);

      g_test_message ("case %u: %s.%s = %s", i, cases[i].object, cases[i].member,
                      cases[i].value ? cases[i].value : "(absent)");
      assert_refused (text, cases[i].code, cases[i].field);
    }
}

static void
test_refuse_huge_strings (void)
{
  g_autofree char *long_name = g_strnfill (SD_JSON_MAX_STRING + 1, 'a');
  g_autofree char *fits = g_strnfill (SD_JSON_MAX_STRING, 'a');
  g_autofree char *long_json = g_strdup_printf ("\"%s\"", long_name);
  g_autofree char *fits_json = g_strdup_printf ("\"%s\"", fits);
  g_autofree char *too_long = appointment_with ("client", "name", long_json);
  g_autofree char *just_fits = appointment_with ("client", "name", fits_json);
  g_autofree char *long_id = appointment_with ("", "id", long_json);
  g_autoptr(JsonNode) node = parse_ok (just_fits);
  g_autoptr(SdAppointment) apt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;
  g_autoptr(JsonNode) none = NULL;

  assert_refused (too_long, SD_JSON_ERROR_TOO_LARGE, "appointment.client.name");
  assert_refused (long_id, SD_JSON_ERROR_TOO_LARGE, "appointment.id");
  apt = sd_json_to_appointment (node, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (sd_appointment_get_client_name (apt)), ==, SD_JSON_MAX_STRING);

  /* A whole document past the limit is not even parsed. */
  big = g_strnfill (SD_JSON_MAX_DOCUMENT + 1, ' ');
  none = sd_json_parse (big, -1, &error);
  g_assert_null (none);
  g_assert_error (error, SD_JSON_ERROR, SD_JSON_ERROR_TOO_LARGE);
}

static void
test_complaint (void)
{
  static const char *text =
    "{\"id\":\"cmp_5\",\"version\":2,\"appointment_id\":\"apt_local_12\",\"opened_by\":\"client\","
    "\"opened_at\":\"2026-11-23T16:00:00+01:00\",\"reason\":\"Uneven cut\","
    "\"refund_requested_cents\":2000,\"deadline_kind\":\"hours_24\","
    "\"reply_by\":\"2026-11-24T16:00:00+01:00\",\"status\":\"under_review\","
    "\"comments\":[{\"id\":\"c1\",\"author\":\"client\",\"body\":\"See photo\","
    "\"at\":\"2026-11-23T16:00:00+01:00\",\"attachments\":[{\"id\":\"att_1\","
    "\"filename\":\"back.png\",\"content_type\":\"image/png\",\"size\":1234}]},"
    "{\"id\":\"c2\",\"author\":\"salon\",\"body\":\"It was agreed\","
    "\"at\":\"2026-11-23T17:00:00+01:00\",\"attachments\":[]}],"
    "\"response\":{\"action\":\"contest\",\"amount_cents\":null,\"redo_start\":null},"
    "\"resolution\":null}";
  g_autoptr(JsonNode) node = parse_ok (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(SdComplaint) complaint = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(SdComplaint) refused = NULL;
  SdJsonRefs refs = { 0 };
  JsonObject *object;

  complaint = sd_json_to_complaint (node, &refs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sd_complaint_get_remote_id (complaint), ==, "cmp_5");
  g_assert_cmpint (sd_complaint_get_appointment_id (complaint), ==, 12);
  g_assert_cmpstr (refs.appointment_id, ==, "apt_local_12");
  g_assert_cmpint (sd_complaint_get_status (complaint), ==, SD_COMPLAINT_UNDER_REVIEW);
  g_assert_cmpint (sd_complaint_get_response_action (complaint), ==, SD_RESPONSE_CONTEST);
  g_assert_cmpstr (sd_complaint_get_response_body (complaint), ==, "It was agreed");
  sd_json_refs_clear (&refs);

  /* Written back: the API's shape, the salon's comment kept. */
  written = sd_json_from_complaint (complaint, NULL);
  object = json_node_get_object (written);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "under_review");
  g_assert_cmpstr (json_object_get_string_member (object, "reply_by"), ==,
                   "2026-11-24T15:00:00+00:00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "comments")), ==, 1);
  g_assert_true (json_object_get_null_member (object, "resolution"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "response"),
                                                  "action"), ==, "contest");

  /* An attachment past 10 MiB, and a comment from nobody the API knows. */
  changed = parse_ok (text);
  object = json_node_get_object (changed);
  json_object_set_string_member (object, "deadline_kind", "hours_48");
  refused = sd_json_to_complaint (changed, &refs, &error);
  g_assert_null (refused);
  g_assert_error (error, SD_JSON_ERROR, SD_JSON_ERROR_UNKNOWN_VALUE);
  g_assert_nonnull (strstr (error->message, "complaint.deadline_kind"));
  g_assert_null (refs.appointment_id);
}

static void
test_complaint_refusals (void)
{
  static const char *base =
    "{\"id\":\"cmp_5\",\"version\":1,\"appointment_id\":\"apt_1\",\"opened_by\":\"client\","
    "\"opened_at\":\"2026-11-23T16:00:00Z\",\"reason\":\"r\",\"refund_requested_cents\":0,"
    "\"deadline_kind\":\"business_days_2\",\"reply_by\":null,\"status\":\"awaiting_reply\",";
  struct
  {
    const char *comments, *response, *resolution;
    SdJsonError code;
    const char *field;
  } cases[] = {
    { "[{\"id\":\"c\",\"author\":\"robot\",\"body\":\"b\",\"at\":\"2026-11-23T16:00:00Z\",\"attachments\":[]}]",
      "null", "null", SD_JSON_ERROR_UNKNOWN_VALUE, "complaint.comments[0].author" },
    { "[{\"id\":\"c\",\"author\":\"client\",\"body\":\"b\",\"at\":\"2026-11-23T16:00:00Z\","
      "\"attachments\":[{\"id\":\"a\",\"filename\":\"x.png\",\"content_type\":\"image/png\",\"size\":99999999}]}]",
      "null", "null", SD_JSON_ERROR_INVALID_VALUE, "complaint.comments[0].attachments[0].size" },
    { "[1]", "null", "null", SD_JSON_ERROR_WRONG_TYPE, "complaint.comments" },
    { "[]", "{\"action\":\"refund\",\"amount_cents\":null,\"redo_start\":null}", "null",
      SD_JSON_ERROR_MISSING_FIELD, "complaint.response.amount_cents" },
    { "[]", "{\"action\":\"none\",\"amount_cents\":null,\"redo_start\":null}", "null",
      SD_JSON_ERROR_UNKNOWN_VALUE, "complaint.response.action" },
    { "[]", "null", "{\"outcome\":\"refund_full\",\"amount_cents\":-5,\"note\":null,\"at\":\"2026-11-25T10:00:00Z\"}",
      SD_JSON_ERROR_INVALID_VALUE, "complaint.resolution.amount_cents" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (base, "\"comments\":", cases[i].comments,
                                           ",\"response\":", cases[i].response,
                                           ",\"resolution\":", cases[i].resolution, "}", NULL);
      g_autoptr(JsonNode) node = parse_ok (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(SdComplaint) complaint = sd_json_to_complaint (node, NULL, &error);

      g_test_message ("case %u", i);
      g_assert_null (complaint);
      g_assert_error (error, SD_JSON_ERROR, (int) cases[i].code);
      if (strstr (error->message, cases[i].field) == NULL)
        g_error ("“%s” does not name %s", error->message, cases[i].field);
    }
}

static void
test_message_review_transaction (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) m_node = parse_ok ("{\"id\":\"msg_1\",\"appointment_id\":\"apt_9\","
                                         "\"author\":\"system\",\"body\":\"The salon confirmed\","
                                         "\"at\":\"2026-11-23T10:00:00+01:00\"}");
  g_autoptr(JsonNode) r_node = parse_ok ("{\"id\":\"rev_1\",\"appointment_id\":\"apt_9\","
                                         "\"scores\":{\"punctuality\":5,\"service\":4,\"value\":3,"
                                         "\"cleanliness\":5,\"relationship\":4},\"comment\":\"Nice\","
                                         "\"at\":\"2026-11-23T18:00:00+01:00\"}");
  g_autoptr(JsonNode) bad_review = parse_ok ("{\"id\":\"rev_1\",\"appointment_id\":\"apt_9\","
                                             "\"scores\":{\"punctuality\":6,\"service\":4,\"value\":3,"
                                             "\"cleanliness\":5,\"relationship\":4},\"comment\":null,"
                                             "\"at\":\"2026-11-23T18:00:00+01:00\"}");
  g_autoptr(JsonNode) t_node = parse_ok ("{\"id\":\"txn_1\",\"appointment_id\":null,"
                                         "\"kind\":\"payout\",\"amount_cents\":120000,"
                                         "\"currency\":\"EUR\",\"at\":\"2026-11-30T00:00:00Z\"}");
  g_autoptr(JsonNode) bad_txn = parse_ok ("{\"id\":\"txn_2\",\"appointment_id\":\"apt_9\","
                                          "\"kind\":\"refund\",\"amount_cents\":-4500,"
                                          "\"currency\":\"EUR\",\"at\":\"2026-11-30T00:00:00Z\"}");
  g_autoptr(SdMessage) message = NULL;
  g_autoptr(SdReview) review = NULL;
  g_autoptr(SdReview) no_review = NULL;
  g_autoptr(SdTransaction) txn = NULL;
  g_autoptr(SdTransaction) no_txn = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *text = NULL;
  SdJsonRefs refs = { 0 };

  message = sd_json_to_message (m_node, &refs, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_message_get_author (message), ==, SD_PARTY_SYSTEM);
  g_assert_cmpstr (refs.appointment_id, ==, "apt_9");
  sd_json_refs_clear (&refs);

  review = sd_json_to_review (r_node, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_review_get_value (review), ==, 3);
  written = sd_json_from_review (review, NULL);
  text = sd_json_to_string (written, FALSE);
  g_assert_nonnull (strstr (text, "\"scores\":{\"punctuality\":5,\"service\":4,\"value\":3,"
                                  "\"cleanliness\":5,\"relationship\":4}"));

  no_review = sd_json_to_review (bad_review, NULL, &error);
  g_assert_null (no_review);
  g_assert_error (error, SD_JSON_ERROR, SD_JSON_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "review.scores.punctuality"));
  g_clear_error (&error);

  txn = sd_json_to_transaction (t_node, &refs, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_transaction_get_kind (txn), ==, SD_TRANSACTION_PAYOUT);
  g_assert_cmpint (sd_transaction_get_appointment_id (txn), ==, 0);
  g_assert_null (refs.appointment_id);

  no_txn = sd_json_to_transaction (bad_txn, NULL, &error);
  g_assert_null (no_txn);
  g_assert_error (error, SD_JSON_ERROR, SD_JSON_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "transaction.amount_cents"));
}

static void
test_write_small_shapes (void)
{
  g_autoptr(SdStaff) staff = sd_staff_new ();
  g_autoptr(SdService) service = sd_service_new ();
  g_autoptr(SdHistoryEntry) entry = sd_history_entry_new ();
  g_autoptr(SdHistoryEntry) created = sd_history_entry_new ();
  g_autoptr(JsonNode) s = NULL, v = NULL, h = NULL, c = NULL;
  g_autofree char *s_text = NULL, *v_text = NULL, *h_text = NULL;

  sd_staff_set_id (staff, 3);
  sd_staff_set_name (staff, "Marco");
  s = sd_json_from_staff (staff);
  s_text = sd_json_to_string (s, FALSE);
  g_assert_cmpstr (s_text, ==, "{\"id\":\"stf_local_3\",\"name\":\"Marco\"}");

  sd_service_set_id (service, 1);
  sd_service_set_remote_id (service, "svc_abc");
  sd_service_set_name (service, "Cut");
  sd_service_set_duration_min (service, 30);
  sd_service_set_price_cents (service, 2500);
  v = sd_json_from_service (service, "EUR");
  v_text = sd_json_to_string (v, FALSE);
  g_assert_cmpstr (v_text, ==, "{\"id\":\"svc_abc\",\"name\":\"Cut\",\"duration_min\":30,"
                               "\"price_cents\":2500,\"currency\":\"EUR\"}");

  sd_history_entry_set_id (entry, 7);
  sd_history_entry_set_appointment_id (entry, 12);
  sd_history_entry_set_at (entry, START);
  sd_history_entry_set_action (entry, SD_ACTION_CANCEL);
  sd_history_entry_set_by (entry, SD_PARTY_SALON);
  sd_history_entry_set_from_state (entry, SD_STATE_CONFIRMED);
  sd_history_entry_set_to_state (entry, SD_STATE_CANCELLED);
  sd_history_entry_set_amount_cents (entry, 4500);
  sd_history_entry_set_event (entry, "cancel");
  h = sd_json_from_history_entry (entry, NULL);
  h_text = sd_json_to_string (h, FALSE);
  g_assert_cmpstr (h_text, ==, "{\"id\":\"hst_local_7\",\"appointment_id\":\"apt_local_12\","
                               "\"at\":\"2026-11-23T13:30:00+00:00\",\"action\":\"cancel\","
                               "\"by\":\"salon\",\"from\":\"confirmed\",\"to\":\"cancelled\","
                               "\"detail\":null,\"amount_cents\":4500}");

  /* The store's own events are no action: their name is written all the same. */
  sd_history_entry_set_event (created, "create");
  sd_history_entry_set_action (created, SD_N_ACTIONS);
  c = sd_json_from_history_entry (created, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (c), "action"), ==, "create");
}

static void
test_local_ids (void)
{
  gint64 id = -1;

  g_assert_true (sd_json_parse_local_id ("apt_local_12", "apt", &id));
  g_assert_cmpint (id, ==, 12);
  g_assert_false (sd_json_parse_local_id ("apt_local_", "apt", &id));
  g_assert_false (sd_json_parse_local_id ("apt_local_+1", "apt", &id));
  g_assert_false (sd_json_parse_local_id ("apt_local_0", "apt", &id));
  g_assert_false (sd_json_parse_local_id ("stf_local_3", "apt", &id));
  g_assert_false (sd_json_parse_local_id ("apt_local_99999999999999999999", "apt", &id));
  g_assert_false (sd_json_parse_local_id ("apt_9f2", "apt", &id));
  g_assert_cmpint (id, ==, 12);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/json/read-valid", test_read_valid);
  g_test_add_func ("/cli/json/round-trip", test_round_trip);
  g_test_add_func ("/cli/json/dst-offsets", test_dst_offsets);
  g_test_add_func ("/cli/json/refuse/malformed", test_refuse_malformed);
  g_test_add_func ("/cli/json/refuse/fields", test_refuse_fields);
  g_test_add_func ("/cli/json/refuse/huge-strings", test_refuse_huge_strings);
  g_test_add_func ("/cli/json/complaint", test_complaint);
  g_test_add_func ("/cli/json/complaint-refusals", test_complaint_refusals);
  g_test_add_func ("/cli/json/message-review-transaction", test_message_review_transaction);
  g_test_add_func ("/cli/json/small-shapes", test_write_small_shapes);
  g_test_add_func ("/cli/json/local-ids", test_local_ids);

  return g_test_run ();
}

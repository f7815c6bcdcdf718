/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-json.h — the marketplace's resource shapes (../shared/marketplace-api.md) in JSON, for
 * the CLI's --json, the sync engine and the sandbox.
 *
 * Writing: one JsonNode (an object) per resource, exactly in the API's shape. Times are
 * RFC 3339 in the given zone (the salon's), "not set" instants are null. Ids are the
 * remote id when the object has one, else a local id such as "apt_local_12". Objects only
 * know the LOCAL ids of what they refer to (an appointment's staff member, a complaint's
 * appointment…), so references are written as local ids ("stf_local_3"); a caller that
 * knows the remote id replaces the member (json_object_set_string_member).
 *
 * Reading: strict. An appointment, complaint, message, review or transaction as the
 * changes feed delivers it is either parsed completely or refused with FALSE/NULL and an
 * SD_JSON_ERROR naming the field ("payment.amount_cents"); never a half-filled object.
 * Unknown members are ignored (the API may grow). Local ids ("apt_local_12") read back
 * into the object's local id; any other id is the remote id. References to other
 * resources are returned as sent in an SdJsonRefs, for the caller to resolve; references
 * in local form also set the object's local reference (so a written object reads back
 * equal).
 *
 * History entries are the desk's own resource (the API has none); their shape is
 *   {"id":"hst_local_7","appointment_id":"apt_local_12","at":"…","action":"cancel",
 *    "by":"salon|client|staff|system","from":"confirmed","to":"cancelled",
 *    "detail":"…"|null,"amount_cents":0}
 * with the wire names of sd-types.h for by and the two states; "action" is the entry's
 * event: an action's wire name or one of the store's own events ("create", "expire"…).
 *
 * Complaint statuses: the desk writes its own "missed" (a reply deadline passed
 * unanswered) besides the API's three, and reads it back.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_JSON_ERROR (sd_json_error_quark ())

typedef enum
{
  SD_JSON_ERROR_MALFORMED,      /* not JSON, truncated, or not an object where one is due */
  SD_JSON_ERROR_MISSING_FIELD,  /* a required member is absent */
  SD_JSON_ERROR_WRONG_TYPE,     /* e.g. a string where an integer is due */
  SD_JSON_ERROR_UNKNOWN_VALUE,  /* an enumeration's value the desk does not know */
  SD_JSON_ERROR_INVALID_VALUE,  /* out of range: negative money, a time without offset… */
  SD_JSON_ERROR_TOO_LARGE,      /* strings over 10,000 bytes, > 3 proposed starts, … */
} SdJsonError;

GQuark sd_json_error_quark (void);

/* Longest string member accepted, in bytes. */
#define SD_JSON_MAX_STRING 10000
/* Largest document sd_json_parse() accepts, in bytes, and deepest nesting. */
#define SD_JSON_MAX_DOCUMENT (1024 * 1024)
#define SD_JSON_MAX_DEPTH 32

/* "apt_local_12" for ("apt", 12). Free with g_free. */
char     *sd_json_local_id          (const char *prefix, gint64 id);
/* The local id in @id when it reads "<prefix>_local_<n>" (n > 0), else FALSE. */
gboolean  sd_json_parse_local_id    (const char *id, const char *prefix, gint64 *out);

/* ---- Writing ---- */

JsonNode *sd_json_from_appointment  (SdAppointment *appointment, GTimeZone *tz);
JsonNode *sd_json_from_complaint    (SdComplaint *complaint, GTimeZone *tz);
JsonNode *sd_json_from_message      (SdMessage *message, GTimeZone *tz);
JsonNode *sd_json_from_review       (SdReview *review, GTimeZone *tz);
JsonNode *sd_json_from_transaction  (SdTransaction *transaction, GTimeZone *tz);
JsonNode *sd_json_from_staff        (SdStaff *staff);
/* @currency: the salon's, used when the service has none. */
JsonNode *sd_json_from_service      (SdService *service, const char *currency);
JsonNode *sd_json_from_history_entry (SdHistoryEntry *entry, GTimeZone *tz);

/* Text of @node; @pretty indents by two spaces. Free with g_free. */
char     *sd_json_to_string         (JsonNode *node, gboolean pretty);

/* ---- Reading ---- */

/* What a parsed resource refers to, exactly as sent (NULL when absent or null). */
typedef struct
{
  char *appointment_id;  /* complaint, message, review, transaction */
  char *staff_id;        /* appointment */
  char *service_id;      /* appointment */
  char *client_id;       /* appointment */
  char *complaint_id;    /* appointment */
} SdJsonRefs;

void      sd_json_refs_clear        (SdJsonRefs *refs);

/* Parses a whole document (SD_JSON_ERROR_MALFORMED on bad or truncated JSON, TOO_LARGE past
 * SD_JSON_MAX_DOCUMENT bytes or SD_JSON_MAX_DEPTH levels). @length may be -1 for a
 * NUL-terminated @data. */
JsonNode *sd_json_parse             (const char *data, gssize length, GError **error);

/* @refs may be NULL; on failure it is left cleared. */
SdAppointment *sd_json_to_appointment (JsonNode *node, SdJsonRefs *refs, GError **error);
SdComplaint   *sd_json_to_complaint   (JsonNode *node, SdJsonRefs *refs, GError **error);
SdMessage     *sd_json_to_message     (JsonNode *node, SdJsonRefs *refs, GError **error);
SdReview      *sd_json_to_review      (JsonNode *node, SdJsonRefs *refs, GError **error);
SdTransaction *sd_json_to_transaction (JsonNode *node, SdJsonRefs *refs, GError **error);

G_END_DECLS

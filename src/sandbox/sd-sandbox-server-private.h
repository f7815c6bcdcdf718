/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-server-private.h — what the sandbox's source files share: the server's
 * state, one salon, one request, the route tables and the resource helpers. */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "sd-sandbox-server.h"
#include "sd-sandbox-db.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* Body limits (docs/api.md). */
#define SD_SANDBOX_MAX_JSON       (1024 * 1024)
#define SD_SANDBOX_MAX_MULTIPART  (25 * 1024 * 1024)
#define SD_SANDBOX_MAX_ATTACHMENT (10 * 1024 * 1024)

typedef struct
{
  gint64 id;
  char *name;
  char *token;
  SdStore *store;
  /* Token bucket of --rate-limit, in requests; refilled by monotonic time. */
  double bucket;
  gint64 bucket_at_us;
} SdSandboxSalon;

typedef struct
{
  double fail_rate;              /* 503 before doing anything */
  guint delay_ms;                /* every answer waits this long */
  double drop_after_commit_rate; /* commit, then close the connection without an answer */
} SdSandboxFaults;

struct _SdSandboxServer
{
  GObject parent_instance;

  SdSandboxOptions options;
  char *db_path;
  char *temp_dir;            /* set when no --db was given: removed on shutdown */
  SdSandboxDb *db;
  SdClock *clock;
  GPtrArray *salons;         /* SdSandboxSalon, by id */
  SoupServer *soup;
  char *url;
  GRand *rand;
  SdSandboxFaults faults;
  guint deadline_timer;
  GObject *simulator;        /* SdSandboxSimulator when --simulate */
};

typedef struct _SdSandboxRequest SdSandboxRequest;

/* A route's work: returns the response (status 200 unless it sets req->status), or NULL
 * with an error that sd_sandbox_error_status() maps to HTTP. */
typedef JsonNode *(*SdSandboxHandler) (SdSandboxRequest *req, GError **error);

typedef enum
{
  SD_ROUTE_MUTATION = 1 << 0,  /* needs Idempotency-Key; replayed from the first answer */
  SD_ROUTE_NO_AUTH  = 1 << 1,  /* no token: POST /sandbox/salons */
  SD_ROUTE_MULTIPART = 1 << 2, /* multipart/form-data body instead of JSON */
  SD_ROUTE_RAW      = 1 << 3,  /* answers bytes (req->raw_body), not JSON */
} SdRouteFlags;

typedef struct
{
  const char *method;
  const char *pattern;         /* "/v1/appointments/ * /confirm": '*' is one segment */
  SdRouteFlags flags;
  SdSandboxHandler handler;
  gint64 data;                 /* e.g. the SdAction of an appointment action */
} SdSandboxRoute;

struct _SdSandboxRequest
{
  SdSandboxServer *server;
  SoupServerMessage *msg;
  const SdSandboxRoute *route;
  SdSandboxSalon *salon;       /* NULL for SD_ROUTE_NO_AUTH */
  char *args[4];               /* the '*' segments */
  GHashTable *query;           /* may be NULL */
  GBytes *body;
  JsonObject *json;            /* the parsed body of a JSON route (an empty object if none) */
  /* The answer. */
  guint status;
  JsonNode *error_current;     /* 409: the resource as it is now */
  GBytes *raw_body;            /* SD_ROUTE_RAW */
  char *raw_content_type;
};

extern const SdSandboxRoute sd_sandbox_v1_routes[];
extern const guint sd_sandbox_n_v1_routes;
extern const SdSandboxRoute sd_sandbox_extra_routes[];
extern const guint sd_sandbox_n_extra_routes;

/* sd-sandbox-server.c */
SdSandboxSalon *sd_sandbox_server_add_salon   (SdSandboxServer *self, const char *name,
                                               const char *tzid, const char *currency,
                                               const char *token, GError **error);
SdSandboxSalon *sd_sandbox_server_first_salon (SdSandboxServer *self);
char           *sd_sandbox_new_token          (SdSandboxServer *self);

/* sd-sandbox-resources.c: ids, JSON, versions and the changes feed. */
char       *sd_sandbox_id          (const char *prefix, gint64 id);
gboolean    sd_sandbox_parse_id    (const char *text, const char *prefix, gint64 *out,
                                    GError **error);
/* Rewrites sd-json's local references ("stf_local_3") as the marketplace's ("stf_3"). */
void        sd_sandbox_publish_ids (JsonNode *node);
GTimeZone  *sd_sandbox_salon_tz    (SdSandboxSalon *salon);
char       *sd_sandbox_format_time (SdSandboxSalon *salon, gint64 instant);
JsonNode   *sd_sandbox_appointment_json      (SdSandboxServer *self, SdSandboxSalon *salon,
                                              SdAppointment *appointment);
JsonNode   *sd_sandbox_load_appointment_json (SdSandboxServer *self, SdSandboxSalon *salon,
                                              gint64 id, GError **error);
JsonNode   *sd_sandbox_complaint_json        (SdSandboxServer *self, SdSandboxSalon *salon,
                                              SdComplaint *complaint);
JsonNode   *sd_sandbox_load_complaint_json   (SdSandboxServer *self, SdSandboxSalon *salon,
                                              gint64 id, GError **error);
/* The resource of a change as it is now (NULL if it is gone). */
JsonNode   *sd_sandbox_change_data           (SdSandboxServer *self, SdSandboxSalon *salon,
                                              const char *kind, gint64 id, GError **error);
/* Records a change of the appointment (new version + feed), and of what it implies: a
 * refund transaction when refunded_cents grew since @before, its complaint when that
 * changed. @before may be NULL (a new appointment). */
gboolean    sd_sandbox_record_appointment    (SdSandboxServer *self, SdSandboxSalon *salon,
                                              SdAppointment *before, SdAppointment *after,
                                              GError **error);
gboolean    sd_sandbox_record_complaint      (SdSandboxServer *self, SdSandboxSalon *salon,
                                              SdComplaint *complaint, GError **error);
/* Resources kept as JSON (message, transaction, review): stored with a new id, recorded in
 * the feed, and returned as the API shows them. The review's "at" is set to now. */
JsonNode   *sd_sandbox_add_message           (SdSandboxServer *self, SdSandboxSalon *salon,
                                              gint64 appointment_id, SdParty author,
                                              const char *body, GError **error);
JsonNode   *sd_sandbox_add_transaction       (SdSandboxServer *self, SdSandboxSalon *salon,
                                              gint64 appointment_id, SdTransactionKind kind,
                                              gint64 amount_cents, const char *currency,
                                              GError **error);
JsonNode   *sd_sandbox_add_review            (SdSandboxServer *self, SdSandboxSalon *salon,
                                              SdReview *review, GError **error);
/* Applies the clock to the salon (expired requests, missed complaints) and records what
 * changed in the feed, in its own transaction. */
gboolean    sd_sandbox_apply_deadlines       (SdSandboxServer *self, SdSandboxSalon *salon,
                                              GError **error);
/* Records every appointment and complaint of the salon that the feed does not know yet
 * (after bulk demo data). */
gboolean    sd_sandbox_record_unknown        (SdSandboxServer *self, SdSandboxSalon *salon,
                                              GError **error);

/* sd-sandbox-request.c: reading a request's JSON. Each getter sets a 400 naming the
 * member when it is missing (and required) or of the wrong type. */
const char *sd_sandbox_get_string  (JsonObject *obj, const char *member, gboolean required,
                                    GError **error);
gboolean    sd_sandbox_get_int     (JsonObject *obj, const char *member, gboolean required,
                                    gint64 *out, GError **error);
gboolean    sd_sandbox_get_bool    (JsonObject *obj, const char *member, gboolean *out,
                                    GError **error);
gboolean    sd_sandbox_get_time    (JsonObject *obj, const char *member, gboolean required,
                                    gint64 *out, GError **error);
JsonObject *sd_sandbox_get_object  (JsonObject *obj, const char *member, gboolean required,
                                    GError **error);
/* Maps an error to its HTTP status and API code. */
guint       sd_sandbox_error_status (const GError *error, const char **code_out);

G_END_DECLS

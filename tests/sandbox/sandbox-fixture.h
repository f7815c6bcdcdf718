/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sandbox-fixture.h — what the sandbox tests share: start the REAL salon-desk-sandbox on
 * 127.0.0.1 port 0, read its "URL TOKEN" line, talk HTTP to it with libsoup, stop it. The
 * child gets SIGTERM if the test process dies (a failed assertion), so none is left. */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  GSubprocess *process;
  char *dir;          /* temporary folder with the database; removed by _free */
  char *db;
  char *url;
  char *token;
  SoupSession *session;
} SandboxServer;

typedef struct
{
  guint status;       /* 0: no answer (connection lost) */
  GBytes *body;
  JsonNode *json;     /* NULL when the body is not JSON */
  char *retry_after;
  GError *error;      /* the transport error when status is 0 */
} SandboxResponse;

/* Starts the server with a database in a new temporary folder, plus @args (NULL-ended,
 * may be NULL). */
SandboxServer   *sandbox_server_start       (const char *const *args);
/* Starts it again on the same database (after sandbox_server_stop). */
void             sandbox_server_restart     (SandboxServer *server, const char *const *args);
/* SIGTERM, then waits (bounded); returns the exit status (-1 if it had to be killed). */
int              sandbox_server_stop        (SandboxServer *server);
void             sandbox_server_free        (SandboxServer *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandboxServer, sandbox_server_free)

/* One request. @token NULL: none; @key NULL: no Idempotency-Key; @if_match NULL: none;
 * @json: the body (NULL: none). */
SandboxResponse *sandbox_request            (SandboxServer *server, const char *method,
                                             const char *path, const char *token,
                                             const char *key, const char *if_match,
                                             const char *json);
/* The same with a ready message (multipart bodies, raw bytes). */
SandboxResponse *sandbox_send               (SandboxServer *server, SoupMessage *msg);
void             sandbox_response_free      (SandboxResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandboxResponse, sandbox_response_free)

/* Shorthands on a response's JSON object. */
const char      *sandbox_json_string        (SandboxResponse *response, const char *member);
gint64           sandbox_json_int           (SandboxResponse *response, const char *member);
/* A fresh Idempotency-Key. Free with g_free. */
char            *sandbox_key                (void);
/* Books on the client's side (POST /sandbox/bookings) at @start, returns the appointment's
 * id ("apt_…"). Free with g_free. */
char            *sandbox_book               (SandboxServer *server, const char *token,
                                             const char *start, const char *payment_mode,
                                             gboolean instant);
/* Sets the server's clock (POST /sandbox/clock). */
void             sandbox_set_clock          (SandboxServer *server, const char *now);
/* Every change of the feed from the beginning (pages of @limit), as a JSON array. */
JsonArray       *sandbox_pull_all           (SandboxServer *server, const char *token,
                                             guint limit);

G_END_DECLS

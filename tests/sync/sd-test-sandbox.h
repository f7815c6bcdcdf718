/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-test-sandbox.h — the tests' handle on a real salon-desk-sandbox process (started on
 * 127.0.0.1, stopped at the end) and on desk databases to sync with it. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sd-store.h"

G_BEGIN_DECLS

typedef struct
{
  GSubprocess *process;
  char *url;
  char *token;
  guint port;
  SoupSession *session;
} SdTestSandbox;

/* The binary to run (SD_SANDBOX in the environment), or NULL: the test skips. */
const char    *sd_test_sandbox_binary (void);
/* Starts it on @port (0: a free one) with @db_path (NULL: a temporary one). */
SdTestSandbox *sd_test_sandbox_start  (const char *db_path, guint port, const char *token);
/* SIGTERM, then waits. */
void           sd_test_sandbox_stop   (SdTestSandbox *sandbox);
void           sd_test_sandbox_free   (SdTestSandbox *sandbox);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdTestSandbox, sd_test_sandbox_free)

/* A request with the salon's token (and a fresh Idempotency-Key for POST). Returns the
 * parsed answer (NULL for an empty one); *@status_out the HTTP status. */
JsonNode      *sd_test_sandbox_request (SdTestSandbox *sandbox, const char *method,
                                        const char *path, const char *body,
                                        guint *status_out);
/* POST that must succeed (2xx). */
JsonNode      *sd_test_sandbox_post    (SdTestSandbox *sandbox, const char *path,
                                        const char *body);
/* Every change of the feed, from the beginning: kind "appointment" etc. -> JsonObject data,
 * latest per id. Returns a hash table id -> JsonNode (owned). */
GHashTable    *sd_test_sandbox_resources (SdTestSandbox *sandbox, const char *kind);

/* A desk database in @dir named @name, with a salon, on the system clock. */
SdStore       *sd_test_desk_new         (const char *dir, const char *name);

/* RFC 3339 in UTC for an instant. */
char          *sd_test_rfc3339          (gint64 instant);
/* Removes a folder and what is in it (one level deep + WAL files). */
void           sd_test_rm_rf            (const char *dir);

/* One value from the desk's database, read beside the store's own connection; @arg binds
 * the first parameter (may be NULL). -1 / NULL when there is no row. */
gint64         sd_test_db_int           (SdStore *store, const char *sql, const char *arg);
char          *sd_test_db_text          (SdStore *store, const char *sql, const char *arg);

G_END_DECLS

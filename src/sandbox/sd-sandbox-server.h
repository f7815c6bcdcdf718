/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-server.h — the sandbox marketplace: a real HTTP server (SoupServer) that
 * implements ../../docs/api.md over one SdStore per salon plus its own database
 * (sd-sandbox-db.h). The rules are the core's, through the store: the sandbox only maps
 * the core's refusals to HTTP. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SD_SANDBOX_ERROR (sd_sandbox_error_quark ())

/* The HTTP errors the sandbox makes itself; SD_POLICY_ERROR and SD_STORE_ERROR are mapped
 * too (see docs/api.md). */
typedef enum
{
  SD_SANDBOX_ERROR_BAD_REQUEST,      /* 400 bad_request */
  SD_SANDBOX_ERROR_UNAUTHORIZED,     /* 401 unauthorized */
  SD_SANDBOX_ERROR_NOT_FOUND,        /* 404 not_found */
  SD_SANDBOX_ERROR_METHOD,           /* 405 method_not_allowed */
  SD_SANDBOX_ERROR_VERSION_CONFLICT, /* 409 version_conflict */
  SD_SANDBOX_ERROR_GONE,             /* 410 cursor_expired */
  SD_SANDBOX_ERROR_TOO_LARGE,        /* 413 too_large */
  SD_SANDBOX_ERROR_RATE_LIMITED,     /* 429 rate_limited */
  SD_SANDBOX_ERROR_UNAVAILABLE,      /* 503 unavailable */
} SdSandboxError;

GQuark sd_sandbox_error_quark (void);

typedef struct
{
  const char *db_path;        /* NULL: a new temporary folder, removed on exit */
  const char *token;          /* the first salon's token; NULL: kept, or a new random one */
  gboolean sandbox_endpoints; /* the /sandbox/ extras */
  double rate_limit;          /* requests per second per salon; 0 = no limit */
  double simulate_per_min;    /* --simulate: activities per minute; 0 = off */
  guint32 seed;               /* faults and simulation; 0 = random */
} SdSandboxOptions;

void sd_sandbox_options_init (SdSandboxOptions *options);

#define SD_TYPE_SANDBOX_SERVER (sd_sandbox_server_get_type ())
G_DECLARE_FINAL_TYPE (SdSandboxServer, sd_sandbox_server, SD, SANDBOX_SERVER, GObject)

/* Opens (or creates) the database and every salon's store; creates the first salon. */
SdSandboxServer *sd_sandbox_server_new       (const SdSandboxOptions *options, GError **error);
/* Listens on 127.0.0.1:@port (0 = a free port). */
gboolean         sd_sandbox_server_listen    (SdSandboxServer *self, guint port, GError **error);
/* "http://127.0.0.1:PORT" once listening. */
const char      *sd_sandbox_server_get_url   (SdSandboxServer *self);
/* The first salon's token. */
const char      *sd_sandbox_server_get_token (SdSandboxServer *self);
/* Stops listening and closes the databases; the object can then only be unreffed. */
void             sd_sandbox_server_shutdown  (SdSandboxServer *self);

G_END_DECLS

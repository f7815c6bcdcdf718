/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sync-error.h — why talking to the marketplace failed. The codes follow the API's HTTP
 * answers (../../shared/marketplace-api.md) so a user message and the retry decision can be
 * chosen from the code alone. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SD_SYNC_ERROR (sd_sync_error_quark ())

typedef enum
{
  SD_SYNC_ERROR_NETWORK,        /* unreachable, connection lost, timeout: retried */
  SD_SYNC_ERROR_TLS,            /* a certificate was refused: never retried */
  SD_SYNC_ERROR_INSECURE,       /* an http:// URL that is not loopback */
  SD_SYNC_ERROR_BAD_REQUEST,    /* 400 */
  SD_SYNC_ERROR_UNAUTHORIZED,   /* 401: the token is missing or wrong */
  SD_SYNC_ERROR_NOT_FOUND,      /* 404 */
  SD_SYNC_ERROR_CONFLICT,       /* 409: the resource changed on the marketplace */
  SD_SYNC_ERROR_CURSOR_EXPIRED, /* 410: pull again from the beginning */
  SD_SYNC_ERROR_TOO_LARGE,      /* 413 */
  SD_SYNC_ERROR_REFUSED,        /* 422 and any other 4xx */
  SD_SYNC_ERROR_LOCKED,         /* 423: the appointment is disputed */
  SD_SYNC_ERROR_RATE_LIMITED,   /* 429: retried after Retry-After */
  SD_SYNC_ERROR_SERVER,         /* 5xx: retried */
  SD_SYNC_ERROR_MALFORMED,      /* the answer is not what the API promises: nothing applied */
  SD_SYNC_ERROR_NO_TOKEN,       /* not connected: no token in the keyring */
} SdSyncError;

GQuark   sd_sync_error_quark     (void);

/* TRUE for the errors a client retries with backoff (network, 429, 5xx). */
gboolean sd_sync_error_is_retryable (const GError *error);

G_END_DECLS

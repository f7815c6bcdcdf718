/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sd-sync-error.h"

G_DEFINE_QUARK (sd-sync-error-quark, sd_sync_error)

gboolean
sd_sync_error_is_retryable (const GError *error)
{
  return error != NULL && error->domain == SD_SYNC_ERROR &&
         (error->code == SD_SYNC_ERROR_NETWORK || error->code == SD_SYNC_ERROR_RATE_LIMITED ||
          error->code == SD_SYNC_ERROR_SERVER);
}

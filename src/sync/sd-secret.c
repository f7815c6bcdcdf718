/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "sd-secret.h"

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "app.salondesk.SalonDesk.MarketplaceToken", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

gboolean
sd_secret_store_token (const char *url, const char *token, GCancellable *cancellable,
                       GError **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (url != NULL && token != NULL, FALSE);

  label = g_strdup_printf (_("Salon Desk marketplace token for %s"), url);
  return secret_password_store_sync (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                                     cancellable, error, "url", url, NULL);
}

char *
sd_secret_lookup_token (const char *url, GCancellable *cancellable, GError **error)
{
  char *secret;
  char *token;

  g_return_val_if_fail (url != NULL, NULL);

  secret = secret_password_lookup_sync (token_schema (), cancellable, error, "url", url, NULL);
  if (secret == NULL)
    return NULL;
  /* libsecret's copy lives in non-pageable memory: hand out a plain one and wipe it. */
  token = g_strdup (secret);
  secret_password_free (secret);
  return token;
}

gboolean
sd_secret_delete_token (const char *url, GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  secret_password_clear_sync (token_schema (), cancellable, &local_error, "url", url, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

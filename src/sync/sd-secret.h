/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-secret.h — the salon's marketplace token, kept in the desktop's keyring (libsecret,
 * the Secret Service), keyed by the marketplace's URL. Never in GSettings or a file.
 * These calls block on D-Bus: the app calls them from a worker thread or at start-up. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Stores (or replaces) the token for @url. */
gboolean  sd_secret_store_token  (const char *url, const char *token,
                                  GCancellable *cancellable, GError **error);
/* The token for @url, or NULL (without error) when there is none. */
char     *sd_secret_lookup_token (const char *url, GCancellable *cancellable, GError **error);
/* TRUE (without error) also when there was none. */
gboolean  sd_secret_delete_token (const char *url, GCancellable *cancellable, GError **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-marketplace-client-private.h — what the client's source files share: the instance,
 * sending one request, and the strict readers of an answer. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sd-marketplace-client.h"

G_BEGIN_DECLS

/* Ids are short; a longer one is not what the API promises. */
#define MAX_ID_LENGTH 256

struct _SdMarketplaceClient
{
  GObject parent_instance;

  char *base_url;          /* without a trailing '/' */
  char *token;
  gboolean loopback;
  gboolean insecure_loopback;
  SoupSession *session;
};

/* The token, Accept, and when given the Idempotency-Key and If-Match (> 0). */
G_GNUC_INTERNAL void        mc_set_headers        (SdMarketplaceClient *self, SoupMessage *msg,
                                                   const char *accept,
                                                   const char *idempotency_key,
                                                   gint64 if_match);
/* Sends @msg; the body of a 2xx answer, or NULL with the mapped SD_SYNC_ERROR (and the body
 * of a failed answer in *@error_body). */
G_GNUC_INTERNAL GBytes     *mc_exchange           (SdMarketplaceClient *self, SoupMessage *msg,
                                                   gint64 *retry_after_out,
                                                   GBytes **error_body, guint *status_out,
                                                   GCancellable *cancellable, GError **error);
/* @local_error (a request without an answer) as an SD_SYNC_ERROR, or cancelled. */
G_GNUC_INTERNAL void        mc_set_transport_error (SoupMessage *msg, GError *local_error,
                                                    GError **error);
/* An HTTP error status (and its {"error","message"} body) as an SD_SYNC_ERROR. */
G_GNUC_INTERNAL void        mc_set_status_error   (guint status, GBytes *body, GError **error);
G_GNUC_INTERNAL JsonNode   *mc_parse_answer       (GBytes *bytes, GError **error);
G_GNUC_INTERNAL void        mc_set_malformed_text (GError **error, const char *what);
/* A non-empty UTF-8 string of at most @max bytes. */
G_GNUC_INTERNAL gboolean    mc_member_string      (JsonObject *obj, const char *member,
                                                   gsize max, const char **out,
                                                   GError **error);
G_GNUC_INTERNAL gboolean    mc_member_int         (JsonObject *obj, const char *member,
                                                   gint64 min, gint64 max, gint64 *out,
                                                   GError **error);
G_GNUC_INTERNAL JsonObject *mc_element_object     (JsonArray *array, guint i, GError **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-marketplace-client.h — one salon's connection to the marketplace
 * (../../shared/marketplace-api.md): a libsoup 3 session with the token, strict reading of
 * every answer (sd-json.h: a malformed answer is an SD_SYNC_ERROR_MALFORMED and nothing of
 * it is returned), and the mapping of HTTP statuses to SD_SYNC_ERROR.
 *
 * TLS: certificates are checked by the system's database and a refused certificate fails
 * the request (SD_SYNC_ERROR_TLS). Plain http:// and skipping the check are allowed only for
 * loopback addresses (a sandbox on this computer).
 *
 * Threading: a client (its SoupSession) belongs to the thread that made it; the calls here
 * block that thread. The app runs them in a worker thread (SdSyncEngine), never on the main
 * thread. */
#pragma once

#include <gio/gio.h>

#include "sd-store-sync.h"
#include "sd-sync-error.h"

G_BEGIN_DECLS

#define SD_TYPE_MARKETPLACE_CLIENT (sd_marketplace_client_get_type ())
G_DECLARE_FINAL_TYPE (SdMarketplaceClient, sd_marketplace_client, SD, MARKETPLACE_CLIENT, GObject)

/* SD_SYNC_ERROR_INSECURE for an http:// URL that is not loopback or a URL that is not
 * http(s). */
SdMarketplaceClient *sd_marketplace_client_new        (const char *base_url, const char *token,
                                                       GError **error);
const char          *sd_marketplace_client_get_base_url (SdMarketplaceClient *self);
/* TRUE when @url's host is 127.0.0.0/8, ::1 or localhost. */
gboolean             sd_marketplace_url_is_loopback   (const char *url);
/* Accept any certificate: honoured only for a loopback URL. */
void                 sd_marketplace_client_set_insecure_loopback (SdMarketplaceClient *self,
                                                                  gboolean insecure);
void                 sd_marketplace_client_set_timeout (SdMarketplaceClient *self, guint seconds);

/* GET /v1/changes. Returns the page's changes (SdRemoteChange), all parsed, or NULL. */
GPtrArray *sd_marketplace_client_get_changes  (SdMarketplaceClient *self, const char *cursor,
                                               guint limit, char **next_cursor_out,
                                               gboolean *has_more_out,
                                               GCancellable *cancellable, GError **error);
/* GET /v1/staff and /v1/services: GPtrArray of SdStaff / SdService with their remote ids. */
GPtrArray *sd_marketplace_client_get_staff    (SdMarketplaceClient *self,
                                               GCancellable *cancellable, GError **error);
GPtrArray *sd_marketplace_client_get_services (SdMarketplaceClient *self,
                                               GCancellable *cancellable, GError **error);

/* A mutation: @body (JSON) to @path with the Idempotency-Key and, when @if_match > 0,
 * If-Match. The answer is parsed as @answer_kind ("appointment", "message", "complaint")
 * into *@answer_out; NULL: not read. On 409 returns FALSE with SD_SYNC_ERROR_CONFLICT and
 * *@current_out set to the resource as it now is (when the answer holds one).
 * *@retry_after_out: the server's Retry-After in seconds, or -1. */
gboolean        sd_marketplace_client_post (SdMarketplaceClient *self, const char *path,
                                            const char *body, const char *idempotency_key,
                                            gint64 if_match, const char *answer_kind,
                                            SdRemoteChange **answer_out,
                                            SdRemoteChange **current_out,
                                            gint64 *retry_after_out,
                                            GCancellable *cancellable, GError **error);

/* ---- Attachments ---- */

/* The API's limit on one attachment. */
#define SD_MARKETPLACE_MAX_ATTACHMENT (10 * 1024 * 1024)

/* One file of a comment. */
typedef struct
{
  const char *filename;
  const char *content_type;   /* image/png, image/jpeg or application/pdf */
  GBytes *data;
} SdCommentFile;

/* POST @path (/v1/complaints/<id>/comments) as multipart/form-data: a "body" field and one
 * "attachment" part per file, with the Idempotency-Key. The answer must be a 201 comment by
 * the salon holding exactly the files sent (same count and sizes), else
 * SD_SYNC_ERROR_MALFORMED. *@comment_id_out (optional): the comment's id. */
gboolean        sd_marketplace_client_post_comment (SdMarketplaceClient *self,
                                                    const char *path, const char *body,
                                                    const SdCommentFile *files, guint n_files,
                                                    const char *idempotency_key,
                                                    char **comment_id_out,
                                                    gint64 *retry_after_out,
                                                    GCancellable *cancellable, GError **error);
/* GET /v1/attachments/<id>: the file's bytes. SD_SYNC_ERROR_TOO_LARGE past @max_size bytes
 * (read no further), SD_SYNC_ERROR_MALFORMED when its Content-Type is not PNG, JPEG or PDF.
 * *@content_type_out (optional): its type. */
GBytes         *sd_marketplace_client_get_attachment (SdMarketplaceClient *self,
                                                      const char *attachment_id,
                                                      gsize max_size, char **content_type_out,
                                                      GCancellable *cancellable,
                                                      GError **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-marketplace-client-attachments.c — complaint files: a comment sent as
 * multipart/form-data, and attachments downloaded with a size cap. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-marketplace-client.h"
#include "sd-marketplace-client-private.h"

static const char *const attachment_types[] = { "image/png", "image/jpeg", "application/pdf",
                                                NULL };

static gboolean
is_attachment_type (const char *type)
{
  return type != NULL && g_strv_contains (attachment_types, type);
}

static void
set_too_large (GError **error, gsize max)
{
  g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_TOO_LARGE,
               _("The attachment is larger than %u MiB; it was not downloaded."),
               (guint) (max >> 20));
}

/* The 201 comment, strictly: the salon's, holding exactly the files sent. */
static gboolean
read_comment (JsonNode *root, const SdCommentFile *files, guint n_files, char **comment_id_out,
              GError **error)
{
  JsonObject *obj, *att;
  JsonNode *body, *list;
  JsonArray *array;
  const char *id, *author, *at, *att_id, *filename, *type;
  gint64 size;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      mc_set_malformed_text (error, _("the comment is not an object"));
      return FALSE;
    }
  obj = json_node_get_object (root);
  body = json_object_get_member (obj, "body");
  list = json_object_get_member (obj, "attachments");
  if (!mc_member_string (obj, "id", MAX_ID_LENGTH, &id, error) ||
      !mc_member_string (obj, "author", 16, &author, error) ||
      !mc_member_string (obj, "at", 64, &at, error))
    return FALSE;
  /* The body may be empty (a comment of files only), so it is not a member_string(). */
  if (g_strcmp0 (author, "salon") != 0 || body == NULL || !JSON_NODE_HOLDS_VALUE (body) ||
      json_node_get_value_type (body) != G_TYPE_STRING)
    {
      mc_set_malformed_text (error, _("the comment is not the salon’s"));
      return FALSE;
    }
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) ||
      json_array_get_length (array = json_node_get_array (list)) != n_files)
    {
      mc_set_malformed_text (error, _("the comment does not hold the files sent"));
      return FALSE;
    }
  for (guint i = 0; i < n_files; i++)
    {
      if ((att = mc_element_object (array, i, error)) == NULL ||
          !mc_member_string (att, "id", MAX_ID_LENGTH, &att_id, error) ||
          !mc_member_string (att, "filename", SD_JSON_MAX_STRING, &filename, error) ||
          !mc_member_string (att, "content_type", 64, &type, error) ||
          !mc_member_int (att, "size", 0, SD_MARKETPLACE_MAX_ATTACHMENT, &size, error))
        return FALSE;
      if ((gsize) size != g_bytes_get_size (files[i].data) || !is_attachment_type (type))
        {
          mc_set_malformed_text (error, _("an attachment of the comment is not the file sent"));
          return FALSE;
        }
    }
  if (comment_id_out != NULL)
    *comment_id_out = g_strdup (id);
  return TRUE;
}

gboolean
sd_marketplace_client_post_comment (SdMarketplaceClient *self, const char *path,
                                    const char *body, const SdCommentFile *files,
                                    guint n_files, const char *idempotency_key,
                                    char **comment_id_out, gint64 *retry_after_out,
                                    GCancellable *cancellable, GError **error)
{
  g_autofree char *url = NULL;
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (SD_IS_MARKETPLACE_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL && idempotency_key != NULL, FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);

  soup_multipart_append_form_string (multipart, "body", body != NULL ? body : "");
  for (guint i = 0; i < n_files; i++)
    soup_multipart_append_form_file (multipart, "attachment", files[i].filename,
                                     files[i].content_type, files[i].data);
  url = g_strconcat (self->base_url, path, NULL);
  msg = soup_message_new_from_multipart (url, multipart);
  if (msg == NULL)
    {
      g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_BAD_REQUEST,
                   _("“%s” is not a valid marketplace address."), url);
      return FALSE;
    }
  mc_set_headers (self, msg, "application/json", idempotency_key, 0);
  bytes = mc_exchange (self, msg, retry_after_out, NULL, NULL, cancellable, error);
  if (bytes == NULL || (root = mc_parse_answer (bytes, error)) == NULL)
    return FALSE;
  if (soup_message_get_status (msg) != SOUP_STATUS_CREATED)
    {
      mc_set_malformed_text (error, _("a comment was expected to be created"));
      return FALSE;
    }
  return read_comment (root, files, n_files, comment_id_out, error);
}

/* Reads @stream to its end, refusing more than @max bytes. */
static GBytes *
read_capped (GInputStream *stream, gsize max, GCancellable *cancellable, GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 chunk[16384];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > max)
        {
          set_too_large (error, max);
          return NULL;
        }
      g_byte_array_append (data, chunk, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GBytes *
sd_marketplace_client_get_attachment (SdMarketplaceClient *self, const char *attachment_id,
                                      gsize max_size, char **content_type_out,
                                      GCancellable *cancellable, GError **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) data = NULL;
  SoupMessageHeaders *headers;
  const char *type;
  guint status;

  g_return_val_if_fail (SD_IS_MARKETPLACE_CLIENT (self), NULL);
  g_return_val_if_fail (attachment_id != NULL, NULL);

  escaped = g_uri_escape_string (attachment_id, NULL, FALSE);
  url = g_strconcat (self->base_url, "/v1/attachments/", escaped, NULL);
  msg = soup_message_new ("GET", url);
  if (msg == NULL)
    {
      g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_BAD_REQUEST,
                   _("“%s” is not a valid marketplace address."), url);
      return NULL;
    }
  mc_set_headers (self, msg, "image/png, image/jpeg, application/pdf", NULL, 0);
  /* Streamed, so that an oversized file is refused without being held in memory. */
  stream = soup_session_send (self->session, msg, cancellable, &local_error);
  if (stream == NULL)
    {
      mc_set_transport_error (msg, local_error, error);
      return NULL;
    }
  status = soup_message_get_status (msg);
  if (status < 200 || status >= 300)
    {
      g_autoptr(GBytes) body = read_capped (stream, 65536, cancellable, NULL);

      mc_set_status_error (status, body, error);
      return NULL;
    }
  headers = soup_message_get_response_headers (msg);
  type = soup_message_headers_get_content_type (headers, NULL);
  if (!is_attachment_type (type))
    {
      g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_MALFORMED,
                   _("The attachment is not a PNG, JPEG or PDF file (%s); it was not "
                     "downloaded."), type != NULL ? type : _("no type"));
      return NULL;
    }
  if (soup_message_headers_get_content_length (headers) > (goffset) max_size)
    {
      set_too_large (error, max_size);
      return NULL;
    }
  data = read_capped (stream, max_size, cancellable, &local_error);
  if (data == NULL)
    {
      if (local_error->domain == SD_SYNC_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        mc_set_transport_error (msg, local_error, error);
      return NULL;
    }
  if (content_type_out != NULL)
    *content_type_out = g_strdup (type);
  return g_steal_pointer (&data);
}

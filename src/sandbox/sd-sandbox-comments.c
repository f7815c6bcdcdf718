/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-comments.c — POST /v1/complaints/<id>/comments: a multipart/form-data body
 * with a "body" field and "attachment" files. Each file is at most 10 MiB and must BE a
 * PNG, JPEG or PDF by its first bytes, whatever its name or declared type says. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-sandbox-routes.h"
#include "sd-complaint.h"
#include "sd-policy-error.h"

typedef struct
{
  char *filename;
  const char *content_type;
  GBytes *data;
} Attachment;

static void
attachment_free (Attachment *a)
{
  g_free (a->filename);
  g_bytes_unref (a->data);
  g_free (a);
}

/* The type by content (magic numbers), or NULL. */
static const char *
sniff (GBytes *data)
{
  gsize len = 0;
  const guchar *p = g_bytes_get_data (data, &len);

  if (len >= 8 && memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
    return "image/jpeg";
  if (len >= 5 && memcmp (p, "%PDF-", 5) == 0)
    return "application/pdf";
  return NULL;
}

/* A plain file name: no folders, no control characters, at most 200 bytes. */
static char *
clean_filename (const char *name)
{
  g_autofree char *base = name != NULL && *name != '\0' ? g_path_get_basename (name)
                                                       : g_strdup ("attachment");
  char *clean;

  if (!g_utf8_validate (base, -1, NULL) || g_str_equal (base, ".") || g_str_equal (base, "/"))
    return g_strdup ("attachment");
  for (char *p = base; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == '\\')
      *p = '_';
  clean = g_utf8_substring (base, 0, MIN (g_utf8_strlen (base, -1), 200));
  return clean;
}

static gboolean
read_parts (SdSandboxRequest *req, char **body_out, GPtrArray *attachments, GError **error)
{
  g_autoptr (SoupMultipart) multipart = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);

  multipart = soup_multipart_new_from_message (headers, req->body);
  if (multipart == NULL)
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("The body must be multipart/form-data with a “body” field."));
      return FALSE;
    }
  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *part_headers = NULL;
      GBytes *part_body = NULL;
      g_autofree char *disposition = NULL;
      g_autoptr (GHashTable) params = NULL;
      const char *name;

      if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body) ||
          !soup_message_headers_get_content_disposition (part_headers, &disposition, &params))
        continue;
      name = g_hash_table_lookup (params, "name");
      if (g_strcmp0 (name, "body") == 0)
        {
          gsize len = 0;
          const char *text = g_bytes_get_data (part_body, &len);

          if (!g_utf8_validate_len (text, len, NULL))
            {
              g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                           _("The “body” field must be UTF-8 text."));
              return FALSE;
            }
          g_free (*body_out);
          *body_out = g_strndup (text, len);
        }
      else if (g_strcmp0 (name, "attachment") == 0)
        {
          Attachment *a;
          const char *type;

          if (g_bytes_get_size (part_body) > SD_SANDBOX_MAX_ATTACHMENT)
            {
              g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_TOO_LARGE,
                           _("An attachment is larger than %d MiB."),
                           SD_SANDBOX_MAX_ATTACHMENT >> 20);
              return FALSE;
            }
          type = sniff (part_body);
          if (type == NULL)
            {
              g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                           _("Attachments must be PNG, JPEG or PDF files."));
              return FALSE;
            }
          a = g_new0 (Attachment, 1);
          a->filename = clean_filename (g_hash_table_lookup (params, "filename"));
          a->content_type = type;
          a->data = g_bytes_ref (part_body);
          g_ptr_array_add (attachments, a);
        }
    }
  if (*body_out == NULL)
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("The body must be multipart/form-data with a “body” field."));
      return FALSE;
    }
  return TRUE;
}

JsonNode *
sd_sandbox_post_comment (SdSandboxRequest *req, GError **error)
{
  SdSandboxServer *self = req->server;
  g_autoptr (GPtrArray) attachments = g_ptr_array_new_with_free_func (
    (GDestroyNotify) attachment_free);
  g_autoptr (SdComplaint) complaint = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *body = NULL;
  g_autofree char *comment_id = NULL;
  g_autofree char *at = NULL;
  g_autofree char *json = NULL;
  g_auto (GStrv) resolutions = NULL;
  gint64 id, rid;

  if (!sd_sandbox_parse_id (req->args[0], "cmp", &id, error) ||
      (complaint = sd_store_get_complaint (req->salon->store, id, error)) == NULL ||
      !read_parts (req, &body, attachments, error))
    return NULL;
  resolutions = sd_sandbox_db_list_json (self->db, req->salon->id, "resolution", id, error);
  if (resolutions == NULL)
    return NULL;
  if (sd_complaint_get_status (complaint) == SD_COMPLAINT_RESOLVED || resolutions[0] != NULL)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_INVALID_TRANSITION,
                   _("This complaint is resolved: it takes no more comments."));
      return NULL;
    }
  if (*body == '\0' && attachments->len == 0)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("A comment needs text or an attachment."));
      return NULL;
    }

  rid = sd_sandbox_db_add_resource (self->db, req->salon->id, "comment", id, error);
  if (rid == 0)
    return NULL;
  comment_id = sd_sandbox_id ("cmt", rid);
  at = sd_sandbox_format_time (req->salon, sd_clock_get_now (self->clock));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, comment_id);
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, "salon");
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < attachments->len; i++)
    {
      Attachment *a = g_ptr_array_index (attachments, i);
      gint64 aid = sd_sandbox_db_add_attachment (self->db, req->salon->id, rid, a->filename,
                                                 a->content_type, a->data, error);
      g_autofree char *attachment_id = NULL;

      if (aid == 0)
        return NULL;
      attachment_id = sd_sandbox_id ("att", aid);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, attachment_id);
      json_builder_set_member_name (builder, "filename");
      json_builder_add_string_value (builder, a->filename);
      json_builder_set_member_name (builder, "content_type");
      json_builder_add_string_value (builder, a->content_type);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) g_bytes_get_size (a->data));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  json = json_to_string (node, FALSE);
  if (!sd_sandbox_db_set_json (self->db, rid, json, error) ||
      sd_sandbox_db_record_change (self->db, req->salon->id, "complaint", id, NULL, error) == 0)
    return NULL;
  req->status = 201;
  return g_steal_pointer (&node);
}

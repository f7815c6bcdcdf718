/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-complaints.c — the salon's answer to a complaint (refund, redo, contest) with
 * its attachments, and the reputation figures that complaints feed. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sd-complaint.h"
#include "sd-deadline.h"
#include "sd-lifecycle.h"
#include "sd-overlap.h"
#include "sd-policy-error.h"
#include "sd-reputation.h"
#include "sd-store-private.h"
#include "sd-time.h"

#define MAX_ATTACHMENT_SIZE (10 * 1024 * 1024)

typedef struct
{
  char *source;
  char *filename;
  const char *content_type;
  goffset size;
  char *copy;            /* where it was copied, once it was */
} Attachment;

static void
attachment_clear (gpointer data)
{
  Attachment *att = data;

  g_free (att->source);
  g_free (att->filename);
  g_free (att->copy);
}

/* The type comes from the first bytes, never from the name: a renamed executable is not
 * a picture. */
static const char *
sniff_type (const guchar *head, gsize len)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff };

  if (len >= sizeof png && memcmp (head, png, sizeof png) == 0)
    return "image/png";
  if (len >= sizeof jpeg && memcmp (head, jpeg, sizeof jpeg) == 0)
    return "image/jpeg";
  if (len >= 5 && memcmp (head, "%PDF-", 5) == 0)
    return "application/pdf";
  return NULL;
}

static gboolean
inspect_attachment (const char *path, Attachment *att, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  guchar head[8];
  gsize got = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Cannot read the attachment “%s”."), name);
      return FALSE;
    }
  if (g_file_info_get_size (info) > MAX_ATTACHMENT_SIZE)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("The attachment “%s” is larger than 10 MB."), name);
      return FALSE;
    }
  in = g_file_read (file, NULL, &local_error);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &got, NULL, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Cannot read the attachment “%s”."), name);
      return FALSE;
    }
  att->content_type = sniff_type (head, got);
  if (att->content_type == NULL)
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                   _("The attachment “%s” is not a PNG or JPEG picture or a PDF document."),
                   name);
      return FALSE;
    }
  att->source = g_strdup (path);
  att->filename = g_steal_pointer (&name);
  att->size = g_file_info_get_size (info);
  return TRUE;
}

/* Copies into "attachments/<complaint>/" beside the database, under a name of its own
 * ("2-photo.png") so two files called "photo.png" both survive. */
static gboolean
copy_attachments (SdStore *self, gint64 complaint_id, GArray *atts, GError **error)
{
  g_autofree char *base = g_path_get_dirname (self->path);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, complaint_id);
  g_autofree char *dir = g_build_filename (base, "attachments", id, NULL);

  if (atts->len == 0)
    return TRUE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_IO,
                   _("Cannot create the folder “%s”."), dir);
      return FALSE;
    }
  for (guint i = 0; i < atts->len; i++)
    {
      Attachment *att = &g_array_index (atts, Attachment, i);
      g_autoptr(GFile) from = g_file_new_for_path (att->source);
      g_autoptr(GFile) to = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *target = NULL;

      for (guint n = 1; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
        {
          g_free (name);
          g_free (target);
          name = g_strdup_printf ("%u-%s", n, att->filename);
          target = g_build_filename (dir, name, NULL);
        }
      to = g_file_new_for_path (target);
      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        {
          g_set_error (error, SD_STORE_ERROR,
                       g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                         ? SD_STORE_ERROR_FULL : SD_STORE_ERROR_IO,
                       _("Cannot copy the attachment “%s”: %s"), att->filename,
                       local_error->message);
          return FALSE;
        }
      att->copy = g_steal_pointer (&target);
    }
  return TRUE;
}

static void
remove_copies (GArray *atts)
{
  for (guint i = 0; i < atts->len; i++)
    {
      Attachment *att = &g_array_index (atts, Attachment, i);
      if (att->copy != NULL)
        g_unlink (att->copy);
    }
}

static gboolean
refuse (GError **error, SdPolicyError code, const char *message)
{
  g_set_error_literal (error, SD_POLICY_ERROR, code, message);
  return FALSE;
}

static void
add_member (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static char *
builder_text (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static gboolean
respond_locked (SdStore *self, gint64 complaint_id, const SdComplaintResponse *response,
                GArray *atts, GError **error)
{
  g_autoptr(SdComplaint) cm = NULL;
  g_autoptr(SdAppointment) a = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *payload = NULL;
  g_autofree char *endpoint = NULL;
  gint64 now = sd_store_now (self);
  SdComplaintStatus status = SD_COMPLAINT_UNDER_REVIEW;
  SdOutcome outcome = SD_OUTCOME_NONE;
  gint64 amount = 0, redo_start = 0;
  SdState from;

  cm = sd_store_get_complaint_locked (self, complaint_id, error);
  if (cm == NULL)
    return FALSE;
  if (sd_complaint_get_status (cm) != SD_COMPLAINT_AWAITING_REPLY)
    return refuse (error, SD_POLICY_ERROR_INVALID_TRANSITION,
                   _("Not allowed: this complaint is not waiting for the salon’s reply."));
  if (sd_complaint_get_reply_by (cm) != 0 &&
      sd_deadline_passed (sd_complaint_get_reply_by (cm), now))
    return refuse (error, SD_POLICY_ERROR_DEADLINE_PASSED,
                   _("Too late: the deadline to answer this complaint has passed."));
  a = sd_store_get_appointment_locked (self, sd_complaint_get_appointment_id (cm), error);
  if (a == NULL)
    return FALSE;
  from = sd_appointment_get_state (a);

  json_builder_begin_object (b);
  add_member (b, "action", sd_response_action_to_string (response->action));
  switch (response->action)
    {
    case SD_RESPONSE_REFUND:
      if (response->amount_cents <= 0 ||
          response->amount_cents > sd_appointment_get_refundable_cents (a))
        return refuse (error, SD_POLICY_ERROR_VALIDATION,
                       _("The refund must be more than nothing and at most what was paid and "
                         "not yet refunded."));
      amount = response->amount_cents;
      /* SPEC §3: refunding closes the complaint. */
      status = SD_COMPLAINT_RESOLVED;
      outcome = amount == sd_appointment_get_refundable_cents (a) ? SD_OUTCOME_REFUND_FULL
                                                                 : SD_OUTCOME_REFUND_PARTIAL;
      sd_appointment_set_refunded_cents (a, sd_appointment_get_refunded_cents (a) + amount);
      sd_appointment_set_state (a, sd_lifecycle_next_state (a, SD_ACTION_RESOLVE_COMPLAINT));
      json_builder_set_member_name (b, "amount_cents");
      json_builder_add_int_value (b, amount);
      break;

    case SD_RESPONSE_OFFER_REDO:
      {
        g_autoptr(SdAppointment) redo = sd_appointment_copy (a);
        g_autoptr(GPtrArray) others = NULL;
        g_autofree char *text = NULL;
        gint64 duration = sd_appointment_get_end (a) - sd_appointment_get_start (a);

        redo_start = response->redo_start;
        if (!sd_lifecycle_check_reschedule (redo_start, redo_start + duration, now, error))
          return FALSE;
        /* A new booking, not this one: it must not be mistaken for itself. */
        sd_appointment_set_id (redo, 0);
        sd_appointment_set_start (redo, redo_start);
        sd_appointment_set_end (redo, redo_start + duration);
        others = sd_store_neighbours_locked (self, sd_appointment_get_staff_id (a), redo_start,
                                             redo_start + duration, error);
        if (others == NULL ||
            !sd_overlap_check_in_zone (redo, others, FALSE,
                                       sd_salon_get_timezone (self->salon), NULL, error))
          return FALSE;
        text = sd_store_format_time (self, redo_start);
        add_member (b, "redo_start", text);
      }
      break;

    case SD_RESPONSE_CONTEST:
      if (sd_store_is_blank (response->body))
        return refuse (error, SD_POLICY_ERROR_VALIDATION,
                       _("Contesting needs the salon’s side of the story."));
      add_member (b, "body", response->body);
      break;

    case SD_RESPONSE_NONE:
    default:
      return refuse (error, SD_POLICY_ERROR_VALIDATION,
                     _("Choose an answer: refund, offer a redo, or contest."));
    }

  {
    g_autoptr(SdStmt) stmt = sd_store_stmt (self,
      "UPDATE complaints SET status = ?2, response_action = ?3, response_amount_cents = ?4,"
      " response_redo_start = ?5, response_body = ?6, responded_at = ?7, outcome = ?8,"
      " outcome_amount_cents = ?9, resolved_at = ?10 WHERE id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, complaint_id);
    sd_store_bind_text (stmt, 2, sd_complaint_status_to_string (status));
    sd_store_bind_text (stmt, 3, sd_response_action_to_string (response->action));
    sqlite3_bind_int64 (stmt, 4, amount);
    sqlite3_bind_int64 (stmt, 5, redo_start);
    sd_store_bind_text (stmt, 6, response->body);
    sqlite3_bind_int64 (stmt, 7, now);
    sd_store_bind_text (stmt, 8, sd_outcome_to_string (outcome));
    sqlite3_bind_int64 (stmt, 9, outcome != SD_OUTCOME_NONE ? amount : 0);
    sqlite3_bind_int64 (stmt, 10, status == SD_COMPLAINT_RESOLVED ? now : 0);
    if (!sd_store_step_done (self, stmt, error))
      return FALSE;
  }

  sd_appointment_set_updated_at (a, now);
  if (!sd_store_update_appointment (self, a, error) ||
      !sd_store_write_history (self, sd_appointment_get_id (a), "respond_complaint",
                               SD_PARTY_SALON, from, sd_appointment_get_state (a),
                               response->body != NULL ? response->body
                                                      : sd_response_action_to_string (response->action),
                               amount, NULL, error))
    return FALSE;

  payload = builder_text (b);
  endpoint = g_strdup ("/v1/complaints/{complaint}/respond");
  if (!sd_store_write_outbox (self, sd_appointment_get_id (a), complaint_id, "respond", endpoint,
                              payload, sd_complaint_get_version (cm), 0, error))
    return FALSE;

  if (atts->len == 0)
    return TRUE;

  /* Attachments travel as a comment (multipart) that the sync engine builds from this row. */
  if (!copy_attachments (self, complaint_id, atts, error))
    return FALSE;
  {
    g_autoptr(JsonBuilder) c = json_builder_new ();
    g_autofree char *comment = NULL;

    json_builder_begin_object (c);
    add_member (c, "body", response->body != NULL ? response->body : "");
    json_builder_set_member_name (c, "attachments");
    json_builder_begin_array (c);
    for (guint i = 0; i < atts->len; i++)
      {
        Attachment *att = &g_array_index (atts, Attachment, i);
        g_autoptr(SdStmt) stmt = sd_store_stmt (self,
          "INSERT INTO complaint_attachments (complaint_id, filename, content_type, size, path)"
          " VALUES (?, ?, ?, ?, ?)", error);

        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, complaint_id);
        sd_store_bind_text (stmt, 2, att->filename);
        sd_store_bind_text (stmt, 3, att->content_type);
        sqlite3_bind_int64 (stmt, 4, att->size);
        sd_store_bind_text (stmt, 5, att->copy);
        if (!sd_store_step_done (self, stmt, error))
          return FALSE;

        json_builder_begin_object (c);
        add_member (c, "path", att->copy);
        add_member (c, "filename", att->filename);
        add_member (c, "content_type", att->content_type);
        json_builder_set_member_name (c, "size");
        json_builder_add_int_value (c, att->size);
        json_builder_end_object (c);
      }
    json_builder_end_array (c);
    comment = builder_text (c);
    return sd_store_write_outbox (self, sd_appointment_get_id (a), complaint_id, "comment",
                                  "/v1/complaints/{complaint}/comments", comment, 0, 0,
                                  error) != 0;
  }
}

SdComplaint *
sd_store_respond_complaint (SdStore *self, gint64 complaint_id,
                            const SdComplaintResponse *response, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GArray) atts = g_array_new (FALSE, TRUE, sizeof (Attachment));

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (response != NULL, NULL);

  g_array_set_clear_func (atts, attachment_clear);
  for (guint i = 0; response->attachments != NULL && response->attachments[i] != NULL; i++)
    {
      Attachment att = { 0 };

      if (!inspect_attachment (response->attachments[i], &att, error))
        return NULL;
      g_array_append_val (atts, att);
    }

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error) || !sd_store_begin (self, error))
    return NULL;
  if (!respond_locked (self, complaint_id, response, atts, error))
    {
      sd_store_rollback (self);
      remove_copies (atts);
      return NULL;
    }
  if (!sd_store_commit (self, error))
    {
      remove_copies (atts);
      return NULL;
    }
  return sd_store_get_complaint_locked (self, complaint_id, error);
}

gboolean
sd_store_check_attachment (const char *path, const char **content_type_out, goffset *size_out,
                           GError **error)
{
  Attachment att = { 0 };

  g_return_val_if_fail (path != NULL, FALSE);

  if (!inspect_attachment (path, &att, error))
    return FALSE;
  if (content_type_out != NULL)
    *content_type_out = att.content_type;
  if (size_out != NULL)
    *size_out = att.size;
  attachment_clear (&att);
  return TRUE;
}

/* ---- The comments thread ---- */

void
sd_complaint_comment_free (SdComplaintComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->body);
  g_strfreev (comment->attachment_names);
  g_free (comment);
}

/* The file names of a comment's attachments column (a JSON array of objects). */
static char **
attachment_names (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            g_strv_builder_add (names, json_object_get_string_member_with_default (
                                         json_node_get_object (element), "filename", "?"));
        }
    }
  return g_strv_builder_end (names);
}

GPtrArray *
sd_store_list_complaint_comments (SdStore *self, gint64 complaint_id, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = sd_store_stmt (self, "SELECT author, body, at, attachments FROM complaint_comments"
                              " WHERE complaint_id = ? ORDER BY at, id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_complaint_comment_free);
  sqlite3_bind_int64 (stmt, 1, complaint_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdComplaintComment *comment = g_new0 (SdComplaintComment, 1);

      comment->author = SD_PARTY_CLIENT;
      sd_party_from_string (sd_store_column_text (stmt, 0), &comment->author);
      comment->body = g_strdup (sd_store_column_text (stmt, 1));
      comment->at = sqlite3_column_int64 (stmt, 2);
      comment->attachment_names = attachment_names (sd_store_column_text (stmt, 3));
      g_ptr_array_add (list, comment);
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Free slots (a redo's time) ---- */

static GArray *
free_slots_locked (SdStore *self, gint64 staff_id, gint64 duration, gint64 from, gint64 to,
                   gint64 step, guint limit, GError **error)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(SdAppointment) candidate = sd_appointment_new ();
  GTimeZone *tz = sd_salon_get_timezone (self->salon);
  gint64 now = sd_store_now (self);

  /* One range query for the whole period; the core's overlap rule then decides per slot,
   * so a free slot here is exactly one that booking the redo would accept. */
  others = sd_store_neighbours_locked (self, staff_id, from, to + duration, error);
  if (others == NULL)
    return NULL;
  sd_appointment_set_staff_id (candidate, staff_id);

  for (gint64 day = sd_time_local_midnight (from, tz); day < to;
       day = sd_time_add_days (day, tz, 1))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (day);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (local),
                                              g_date_time_get_month (local),
                                              g_date_time_get_year (local));
      int open_min = 0, close_min = 0;

      sd_salon_get_hours (self->salon, g_date_time_get_day_of_week (local), &open_min,
                          &close_min);
      if (open_min >= close_min || sd_salon_is_closing_day (self->salon, date))
        continue;
      for (gint64 minute = open_min; minute < close_min; minute += MAX (step / 60, 1))
        {
          gint64 start = sd_time_from_local (tz, g_date_time_get_year (local),
                                             g_date_time_get_month (local),
                                             g_date_time_get_day_of_month (local),
                                             minute / 60, minute % 60);
          gint64 closing = sd_time_from_local (tz, g_date_time_get_year (local),
                                               g_date_time_get_month (local),
                                               g_date_time_get_day_of_month (local),
                                               close_min / 60, close_min % 60);

          if (start < from || start < now || start >= to || start + duration > closing)
            continue;
          sd_appointment_set_start (candidate, start);
          sd_appointment_set_end (candidate, start + duration);
          if (!sd_overlap_check (candidate, others, FALSE, NULL, NULL))
            continue;
          g_array_append_val (slots, start);
          if (limit > 0 && slots->len >= limit)
            return g_steal_pointer (&slots);
        }
    }
  return g_steal_pointer (&slots);
}

GArray *
sd_store_list_free_slots (SdStore *self, gint64 staff_id, gint64 duration, gint64 from,
                          gint64 to, gint64 step, guint limit, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (duration > 0 && step >= 60, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!sd_store_require_salon (self, error))
    return NULL;
  return free_slots_locked (self, staff_id, duration, from, to, step, limit, error);
}

/* ---- Reputation ---- */

static gboolean
count_appointments (SdStore *self, gint64 from, gint64 to, SdReputation *r, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self,
    "SELECT a.state, a.confirm_by, a.created_at, a.cancel_by,"
    " (SELECT min(h.at) FROM history h WHERE h.appointment_id = a.id"
    "  AND h.event IN ('accept', 'decline', 'unavailable'))"
    " FROM appointments a WHERE a.start >= ? AND a.start < ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdState state = SD_STATE_CONFIRMED;
      SdParty by = SD_PARTY_SYSTEM;

      sd_state_from_string (sd_store_column_text (stmt, 0), &state);
      /* A request is an appointment that had a deadline to be answered. */
      if (sqlite3_column_int64 (stmt, 1) != 0)
        {
          gint64 answered = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                            ? -1 : sqlite3_column_int64 (stmt, 4) - sqlite3_column_int64 (stmt, 2);
          sd_reputation_add_request (r, state, answered >= 0 ? answered : -1);
        }
      if (state == SD_STATE_REQUESTED || state == SD_STATE_DECLINED || state == SD_STATE_EXPIRED)
        continue;
      if (state == SD_STATE_CANCELLED)
        sd_party_from_string (sd_store_column_text (stmt, 3), &by);
      sd_reputation_add_booking (r, by);
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
count_complaints (SdStore *self, gint64 from, gint64 to, SdReputation *r, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self,
    "SELECT status, outcome, opened_at, reply_by, responded_at FROM complaints"
    " WHERE opened_at >= ? AND opened_at < ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SdComplaintStatus status = SD_COMPLAINT_AWAITING_REPLY;
      SdOutcome outcome = SD_OUTCOME_NONE;
      gint64 opened = sqlite3_column_int64 (stmt, 2);
      gint64 reply_by = sqlite3_column_int64 (stmt, 3);
      gint64 responded = sqlite3_column_int64 (stmt, 4);
      gboolean in_time;

      sd_complaint_status_from_string (sd_store_column_text (stmt, 0), &status);
      sd_outcome_from_string (sd_store_column_text (stmt, 1), &outcome);
      in_time = responded != 0 && (reply_by == 0 || !sd_deadline_passed (reply_by, responded));
      sd_reputation_add_complaint (r, status, outcome, in_time);
      if (responded != 0 && responded >= opened)
        sd_reputation_add_response (r, responded - opened);
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
count_reviews (SdStore *self, gint64 from, gint64 to, SdReputation *r, GError **error)
{
  g_autoptr(SdStmt) stmt = sd_store_stmt (self,
    "SELECT punctuality, service, value, cleanliness, relationship FROM reviews"
    " WHERE at >= ? AND at < ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int scores[SD_REPUTATION_N_CRITERIA];
      gboolean valid = TRUE;

      for (int i = 0; i < SD_REPUTATION_N_CRITERIA; i++)
        {
          scores[i] = sqlite3_column_int (stmt, i);
          valid = valid && scores[i] >= 1 && scores[i] <= 5;
        }
      if (valid)
        sd_reputation_add_review (r, scores);
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sd_store_get_reputation (SdStore *self, gint64 from, gint64 to, SdReputation *out,
                         GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  sd_reputation_init (out);
  locker = g_mutex_locker_new (&self->lock);
  /* One read transaction, so the three counts see the same moment. */
  if (!sd_store_exec (self, "BEGIN", error))
    return FALSE;
  if (!count_appointments (self, from, to, out, error) ||
      !count_complaints (self, from, to, out, error) ||
      !count_reviews (self, from, to, out, error))
    {
      sd_store_rollback (self);
      return FALSE;
    }
  sd_store_rollback (self);
  sd_reputation_finish (out);
  return TRUE;
}

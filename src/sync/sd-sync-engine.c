/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sync-engine.c — the pull and push passes and the automatic mode. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-marketplace-client.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-store-sync.h"
#include "sd-sync-engine.h"

#define PAGE_SIZE 500
/* A feed that keeps saying "has_more" with the same cursor would loop forever. */
#define MAX_PAGES_PER_PASS 100000

struct _SdSyncEngine
{
  GObject parent_instance;

  SdStore *store;
  char *url;
  char *token;
  SdBackoff *backoff;
  guint max_attempts;
  guint interval_s;
  gboolean insecure_loopback;

  /* Status: main thread only (or the thread of sync_once). */
  SdSyncState state;
  guint pending;
  gint64 last_sync;
  char *last_error;

  /* Automatic mode. */
  gboolean started;
  gboolean running;
  gboolean again;
  guint failures;          /* consecutive failed passes, for the timer's backoff */
  guint timer_id;
  gulong network_handler;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (SdSyncEngine, sd_sync_engine, G_TYPE_OBJECT)

enum { STATUS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
sd_sync_engine_dispose (GObject *object)
{
  SdSyncEngine *self = SD_SYNC_ENGINE (object);

  sd_sync_engine_stop (self);
  G_OBJECT_CLASS (sd_sync_engine_parent_class)->dispose (object);
}

static void
sd_sync_engine_finalize (GObject *object)
{
  SdSyncEngine *self = SD_SYNC_ENGINE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->backoff);
  g_free (self->url);
  g_free (self->token);
  g_free (self->last_error);
  G_OBJECT_CLASS (sd_sync_engine_parent_class)->finalize (object);
}

static void
sd_sync_engine_class_init (SdSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sd_sync_engine_dispose;
  object_class->finalize = sd_sync_engine_finalize;

  signals[STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
sd_sync_engine_init (SdSyncEngine *self)
{
  self->backoff = sd_backoff_new (500, 60000);
  self->max_attempts = 6;
  self->interval_s = 60;
}

SdSyncEngine *
sd_sync_engine_new (SdStore *store, const char *url, const char *token)
{
  SdSyncEngine *self;
  g_autofree char *last = NULL;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (SD_TYPE_SYNC_ENGINE, NULL);
  self->store = g_object_ref (store);
  self->url = g_strdup (url);
  self->token = g_strdup (token);
  self->pending = sd_store_sync_count_unsent (store, NULL);
  last = sd_store_get_meta (store, SD_STORE_META_LAST_SYNC, NULL);
  if (last != NULL)
    self->last_sync = g_ascii_strtoll (last, NULL, 10);
  return self;
}

SdStore *
sd_sync_engine_get_store (SdSyncEngine *self)
{
  g_return_val_if_fail (SD_IS_SYNC_ENGINE (self), NULL);
  return self->store;
}

const char *
sd_sync_engine_get_url (SdSyncEngine *self)
{
  g_return_val_if_fail (SD_IS_SYNC_ENGINE (self), NULL);
  return self->url;
}

void
sd_sync_engine_set_backoff (SdSyncEngine *self, SdBackoff *backoff)
{
  g_return_if_fail (SD_IS_SYNC_ENGINE (self));
  g_return_if_fail (SD_IS_BACKOFF (backoff));
  g_set_object (&self->backoff, backoff);
}

void
sd_sync_engine_set_max_attempts (SdSyncEngine *self, guint attempts)
{
  g_return_if_fail (SD_IS_SYNC_ENGINE (self));
  self->max_attempts = MAX (attempts, 1);
}

void
sd_sync_engine_set_interval (SdSyncEngine *self, guint seconds)
{
  g_return_if_fail (SD_IS_SYNC_ENGINE (self));
  self->interval_s = MAX (seconds, 1);
}

void
sd_sync_engine_set_insecure_loopback (SdSyncEngine *self, gboolean insecure)
{
  g_return_if_fail (SD_IS_SYNC_ENGINE (self));
  self->insecure_loopback = insecure;
}

SdSyncState
sd_sync_engine_get_state (SdSyncEngine *self)
{
  g_return_val_if_fail (SD_IS_SYNC_ENGINE (self), SD_SYNC_STATE_ERROR);
  return self->state;
}

guint
sd_sync_engine_get_pending (SdSyncEngine *self)
{
  g_return_val_if_fail (SD_IS_SYNC_ENGINE (self), 0);
  return self->pending;
}

gint64
sd_sync_engine_get_last_sync (SdSyncEngine *self)
{
  g_return_val_if_fail (SD_IS_SYNC_ENGINE (self), 0);
  return self->last_sync;
}

const char *
sd_sync_engine_get_last_error (SdSyncEngine *self)
{
  g_return_val_if_fail (SD_IS_SYNC_ENGINE (self), NULL);
  return self->last_error;
}

/* ---- One pass (any thread) ---- */

/* Waits @ms, waking early when cancelled. */
static gboolean
pause_ms (guint ms, GCancellable *cancellable, GError **error)
{
  gint64 left_us = (gint64) ms * 1000;

  while (left_us > 0)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_usleep (MIN (left_us, 20000));
      left_us -= 20000;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
pull_salon_data (SdSyncEngine *self, SdMarketplaceClient *client, GCancellable *cancellable,
                 GError **error)
{
  g_autoptr(GPtrArray) staff = sd_marketplace_client_get_staff (client, cancellable, error);
  g_autoptr(GPtrArray) services = NULL;

  if (staff == NULL)
    return FALSE;
  for (guint i = 0; i < staff->len; i++)
    {
      SdStaff *s = g_ptr_array_index (staff, i);
      if (!sd_store_sync_staff (self->store, sd_staff_get_remote_id (s), sd_staff_get_name (s),
                                error))
        return FALSE;
    }
  services = sd_marketplace_client_get_services (client, cancellable, error);
  if (services == NULL)
    return FALSE;
  for (guint i = 0; i < services->len; i++)
    {
      SdService *s = g_ptr_array_index (services, i);
      if (!sd_store_sync_service (self->store, sd_service_get_remote_id (s),
                                  sd_service_get_name (s), sd_service_get_duration_min (s),
                                  sd_service_get_price_cents (s), sd_service_get_currency (s),
                                  error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
pull (SdSyncEngine *self, SdMarketplaceClient *client, GCancellable *cancellable,
      GError **error)
{
  g_autofree char *cursor = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean resynced = FALSE;
  guint attempt = 0;

  if (!pull_salon_data (self, client, cancellable, error))
    return FALSE;
  cursor = sd_store_get_meta (self->store, SD_STORE_META_CURSOR, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint page = 0; page < MAX_PAGES_PER_PASS; page++)
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree char *next = NULL;
      gboolean has_more = FALSE;
      guint applied = 0;

      changes = sd_marketplace_client_get_changes (client, cursor, PAGE_SIZE, &next, &has_more,
                                                   cancellable, &local_error);
      if (changes == NULL)
        {
          if (g_error_matches (local_error, SD_SYNC_ERROR, SD_SYNC_ERROR_CURSOR_EXPIRED) &&
              !resynced)
            {
              /* The feed forgot our place: read it whole again. Versions make that safe,
               * and the outbox is not touched, so unsent actions stay. */
              g_debug ("cursor expired: full resync");
              g_clear_error (&local_error);
              g_clear_pointer (&cursor, g_free);
              if (!sd_store_set_meta (self->store, SD_STORE_META_CURSOR, NULL, error))
                return FALSE;
              resynced = TRUE;
              continue;
            }
          if (sd_sync_error_is_retryable (local_error) && ++attempt < self->max_attempts)
            {
              g_debug ("pull: %s; retrying", local_error->message);
              g_clear_error (&local_error);
              if (!pause_ms (sd_backoff_delay_ms (self->backoff, attempt, -1), cancellable,
                             error))
                return FALSE;
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      attempt = 0;
      if (!sd_store_apply_changes (self->store, changes, next, &applied, error))
        return FALSE;
      g_debug ("pulled %u changes (%u applied)", changes->len, applied);
      if (!has_more || g_strcmp0 (next, cursor) == 0)
        return TRUE;
      g_free (cursor);
      cursor = g_steal_pointer (&next);
    }
  return TRUE;
}

/* What the marketplace answers to a row's endpoint. */
static const char *
answer_kind (const char *endpoint)
{
  if (g_str_has_suffix (endpoint, "/messages"))
    return "message";
  if (g_str_has_suffix (endpoint, "/comments"))
    return NULL;
  if (g_str_has_prefix (endpoint, "/v1/complaints"))
    return "complaint";
  return "appointment";
}

/* A comment row read back into its multipart parts: the payload the store wrote,
 * {"body","attachments":[{"path","filename","content_type","size"}]}, and the files' bytes
 * (read now, from the copies kept beside the database). */
typedef struct
{
  JsonNode *payload;
  const char *body;
  GArray *files;   /* SdCommentFile, borrowing names from payload */
} Comment;

static void
comment_clear (Comment *comment)
{
  for (guint i = 0; comment->files != NULL && i < comment->files->len; i++)
    g_bytes_unref (g_array_index (comment->files, SdCommentFile, i).data);
  g_clear_pointer (&comment->files, g_array_unref);
  g_clear_pointer (&comment->payload, json_node_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Comment, comment_clear)

/* FALSE with the reason when the row cannot become a request (a file gone, or far past the
 * marketplace's limit: the marketplace itself refuses anything over 10 MiB with a 413). */
static gboolean
load_comment (const char *payload, Comment *comment, GError **error)
{
  JsonObject *obj;
  JsonArray *list;

  comment->files = g_array_new (FALSE, TRUE, sizeof (SdCommentFile));
  comment->payload = json_from_string (payload, NULL);
  if (comment->payload == NULL || !JSON_NODE_HOLDS_OBJECT (comment->payload))
    goto malformed;
  obj = json_node_get_object (comment->payload);
  comment->body = json_object_get_string_member_with_default (obj, "body", "");
  if (!json_object_has_member (obj, "attachments") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, "attachments")))
    goto malformed;
  list = json_object_get_array_member (obj, "attachments");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) local_error = NULL;
      SdCommentFile part = { 0 };
      const char *path;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto malformed;
      obj = json_node_get_object (node);
      path = json_object_get_string_member_with_default (obj, "path", NULL);
      part.filename = json_object_get_string_member_with_default (obj, "filename", NULL);
      part.content_type = json_object_get_string_member_with_default (obj, "content_type",
                                                                      NULL);
      if (path == NULL || part.filename == NULL || part.content_type == NULL)
        goto malformed;
      file = g_file_new_for_path (path);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                NULL, &local_error);
      if (info != NULL && g_file_info_get_size (info) > 4 * SD_MARKETPLACE_MAX_ATTACHMENT)
        {
          g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_TOO_LARGE,
                       _("The attachment “%s” is larger than 10 MB; the comment was not "
                         "sent."), part.filename);
          return FALSE;
        }
      if (info == NULL || (part.data = g_file_load_bytes (file, NULL, NULL, &local_error)) == NULL)
        {
          g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_NOT_FOUND,
                       _("The attachment “%s” cannot be read (%s); the comment was not sent."),
                       part.filename, local_error->message);
          return FALSE;
        }
      g_array_append_val (comment->files, part);
    }
  return TRUE;

malformed:
  g_set_error (error, SD_SYNC_ERROR, SD_SYNC_ERROR_BAD_REQUEST,
               _("The desk’s comment could not be read back; it was not sent."));
  return FALSE;
}

/* Sends one row until it is answered, refused, or the attempts are used up. */
static gboolean
push_entry (SdSyncEngine *self, SdMarketplaceClient *client, SdOutboxEntry *entry,
            GCancellable *cancellable, GError **error)
{
  gint64 id = sd_outbox_entry_get_id (entry);
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *kind = answer_kind (sd_outbox_entry_get_endpoint (entry));
  gboolean is_comment = g_strcmp0 (sd_outbox_entry_get_action (entry), "comment") == 0;
  g_auto(Comment) comment = { 0 };
  gint64 if_match = 0;

  if (!sd_store_sync_prepare (self->store, entry, &path, &body, &if_match, &local_error))
    {
      /* About a booking the marketplace refused: this one cannot be sent either. */
      if (g_error_matches (local_error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND))
        return sd_store_sync_fail (self->store, id, local_error->message, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* A comment goes as multipart/form-data with its files, not as the JSON of its row. */
  if (is_comment && !load_comment (body, &comment, &local_error))
    return sd_store_sync_fail (self->store, id, local_error->message, error);

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(SdRemoteChange) answer = NULL;
      g_autoptr(SdRemoteChange) current = NULL;
      gint64 retry_after = -1;

      g_clear_error (&local_error);
      if (!sd_store_outbox_begin_send (self->store, id, error))
        return FALSE;
      if (is_comment
            ? sd_marketplace_client_post_comment (client, path, comment.body,
                                                  (SdCommentFile *) comment.files->data,
                                                  comment.files->len,
                                                  sd_outbox_entry_get_idempotency_key (entry),
                                                  NULL, &retry_after, cancellable, &local_error)
            : sd_marketplace_client_post (client, path, body,
                                          sd_outbox_entry_get_idempotency_key (entry), if_match,
                                          kind, &answer, &current, &retry_after, cancellable,
                                          &local_error))
        return sd_store_sync_mark_sent (self->store, id, answer, error);

      g_debug ("outbox %" G_GINT64_FORMAT " (%s %s): %s", id, sd_outbox_entry_get_action (entry),
               path, local_error->message);
      if (local_error->domain != SD_SYNC_ERROR)
        break;
      if (sd_sync_error_is_retryable (local_error))
        {
          if (!sd_store_sync_retry (self->store, id, local_error->message, error))
            return FALSE;
          if (attempt >= self->max_attempts)
            break;
          /* The same key again: if the lost answer's change was committed, the marketplace
           * answers with its first response and changes nothing. */
          if (!pause_ms (sd_backoff_delay_ms (self->backoff, attempt, retry_after), cancellable,
                         error))
            return FALSE;
          continue;
        }
      switch (local_error->code)
        {
        case SD_SYNC_ERROR_CONFLICT:
          if (current != NULL && current->kind == SD_REMOTE_APPOINTMENT)
            return sd_store_sync_conflict (self->store, id, current, error);
          return sd_store_sync_fail (self->store, id, local_error->message, error);
        case SD_SYNC_ERROR_TOO_LARGE:
          if (is_comment)
            return sd_store_sync_fail (self->store, id,
                                       _("an attachment is larger than the marketplace takes "
                                         "(10 MB at most); the comment and its files were not "
                                         "sent."), error);
          return sd_store_sync_fail (self->store, id, local_error->message, error);
        case SD_SYNC_ERROR_BAD_REQUEST:
        case SD_SYNC_ERROR_NOT_FOUND:
        case SD_SYNC_ERROR_REFUSED:
        case SD_SYNC_ERROR_LOCKED:
          return sd_store_sync_fail (self->store, id, local_error->message, error);
        default:
          /* 401, TLS, a malformed answer: the row stays as it is, to be sent again later
           * with the same key. */
          break;
        }
      break;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
push (SdSyncEngine *self, SdMarketplaceClient *client, GCancellable *cancellable,
      GError **error)
{
  for (;;)
    {
      g_autoptr(SdOutboxEntry) entry = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 not_before = 0;

      entry = sd_store_sync_next (self->store, &not_before, &local_error);
      if (entry == NULL)
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Held (a cancellation's undo window): everything else due has gone. */
      if (not_before > sd_clock_get_now (sd_store_get_clock (self->store)))
        return TRUE;
      if (!push_entry (self, client, entry, cancellable, error))
        return FALSE;
    }
}

typedef struct
{
  guint pending;
  gint64 finished_at;
} PassResult;

static gboolean
run_pass (SdSyncEngine *self, PassResult *result, GCancellable *cancellable, GError **error)
{
  g_autoptr(SdMarketplaceClient) client = NULL;
  g_autofree char *stamp = NULL;
  gboolean ok;

  /* The client (its SoupSession) is made in the thread that uses it. */
  client = sd_marketplace_client_new (self->url, self->token, error);
  if (client == NULL)
    return FALSE;
  sd_marketplace_client_set_insecure_loopback (client, self->insecure_loopback);

  ok = pull (self, client, cancellable, error) && push (self, client, cancellable, error);
  result->pending = sd_store_sync_count_unsent (self->store, NULL);
  if (!ok)
    return FALSE;
  result->finished_at = sd_clock_get_now (sd_store_get_clock (self->store));
  stamp = g_strdup_printf ("%" G_GINT64_FORMAT, result->finished_at);
  return sd_store_set_meta (self->store, SD_STORE_META_LAST_SYNC, stamp, error);
}

static void
set_status (SdSyncEngine *self, SdSyncState state, const PassResult *result,
            const GError *error)
{
  self->state = state;
  if (result != NULL)
    {
      self->pending = result->pending;
      if (result->finished_at != 0)
        self->last_sync = result->finished_at;
    }
  g_clear_pointer (&self->last_error, g_free);
  if (error != NULL)
    self->last_error = g_strdup (error->message);
  g_signal_emit (self, signals[STATUS_CHANGED], 0);
}

static SdSyncState
state_for_error (const GError *error)
{
  if (error == NULL)
    return SD_SYNC_STATE_IDLE;
  if (g_error_matches (error, SD_SYNC_ERROR, SD_SYNC_ERROR_UNAUTHORIZED))
    return SD_SYNC_STATE_UNAUTHORIZED;
  if (g_error_matches (error, SD_SYNC_ERROR, SD_SYNC_ERROR_NETWORK))
    return SD_SYNC_STATE_OFFLINE;
  return SD_SYNC_STATE_ERROR;
}

gboolean
sd_sync_engine_sync_once (SdSyncEngine *self, GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  PassResult result = { 0 };
  gboolean ok;

  g_return_val_if_fail (SD_IS_SYNC_ENGINE (self), FALSE);

  set_status (self, SD_SYNC_STATE_SYNCING, NULL, NULL);
  ok = run_pass (self, &result, cancellable, &local_error);
  set_status (self, state_for_error (local_error), &result, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/* ---- In a worker thread ---- */

static void
pass_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PassResult *result = task_data;
  GError *error = NULL;

  if (run_pass (SD_SYNC_ENGINE (source), result, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sd_sync_engine_sync_async (SdSyncEngine *self, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SD_IS_SYNC_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sd_sync_engine_sync_async);
  g_task_set_task_data (task, g_new0 (PassResult, 1), g_free);
  set_status (self, SD_SYNC_STATE_SYNCING, NULL, NULL);
  g_task_run_in_thread (task, pass_thread);
}

gboolean
sd_sync_engine_sync_finish (SdSyncEngine *self, GAsyncResult *result, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  GTask *task = G_TASK (result);
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  ok = g_task_propagate_boolean (task, &local_error);
  set_status (self, state_for_error (local_error), g_task_get_task_data (task), local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/* ---- Automatic mode ---- */

static void start_pass (SdSyncEngine *self);

static gboolean
on_timer (gpointer user_data)
{
  SdSyncEngine *self = user_data;

  self->timer_id = 0;
  start_pass (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (SdSyncEngine *self, guint delay_ms)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->started)
    self->timer_id = g_timeout_add (delay_ms, on_timer, self);
}

static void
on_pass_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(SdSyncEngine) self = user_data;
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  if (sd_sync_engine_sync_finish (self, result, &error))
    self->failures = 0;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  else
    self->failures++;

  if (!self->started)
    return;
  if (self->again)
    {
      self->again = FALSE;
      start_pass (self);
    }
  else if (error != NULL && (sd_sync_error_is_retryable (error) ||
                             error->domain != SD_SYNC_ERROR))
    schedule (self, sd_backoff_delay_ms (self->backoff, self->failures, -1));
  else
    schedule (self, self->interval_s * 1000);
}

static void
start_pass (SdSyncEngine *self)
{
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->running = TRUE;
  sd_sync_engine_sync_async (self, self->cancellable, on_pass_done, g_object_ref (self));
}

static void
on_network_changed (GNetworkMonitor *monitor, gboolean available, SdSyncEngine *self)
{
  /* Back online: send what waited, without waiting for the backoff timer. */
  if (available && self->state == SD_SYNC_STATE_OFFLINE)
    start_pass (self);
}

void
sd_sync_engine_start (SdSyncEngine *self)
{
  g_return_if_fail (SD_IS_SYNC_ENGINE (self));

  if (self->started)
    return;
  self->started = TRUE;
  self->cancellable = g_cancellable_new ();
  self->network_handler = g_signal_connect_object (g_network_monitor_get_default (),
                                                   "network-changed",
                                                   G_CALLBACK (on_network_changed), self, 0);
  start_pass (self);
}

void
sd_sync_engine_stop (SdSyncEngine *self)
{
  g_return_if_fail (SD_IS_SYNC_ENGINE (self));

  if (!self->started)
    return;
  self->started = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_signal_handler (&self->network_handler, g_network_monitor_get_default ());
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

void
sd_sync_engine_request_sync (SdSyncEngine *self)
{
  g_return_if_fail (SD_IS_SYNC_ENGINE (self));

  if (self->started)
    start_pass (self);
}

void
sd_sync_engine_local_change (SdSyncEngine *self)
{
  g_return_if_fail (SD_IS_SYNC_ENGINE (self));

  self->pending = sd_store_sync_count_unsent (self->store, NULL);
  g_signal_emit (self, signals[STATUS_CHANGED], 0);
  sd_sync_engine_request_sync (self);
}

char *
sd_sync_engine_download_attachment (SdSyncEngine *self, gint64 complaint_id,
                                    const char *attachment_id, const char *filename,
                                    GCancellable *cancellable, GError **error)
{
  g_autoptr(SdMarketplaceClient) client = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *type = NULL;

  g_return_val_if_fail (SD_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (attachment_id != NULL, NULL);

  client = sd_marketplace_client_new (self->url, self->token, error);
  if (client == NULL)
    return NULL;
  sd_marketplace_client_set_insecure_loopback (client, self->insecure_loopback);
  data = sd_marketplace_client_get_attachment (client, attachment_id,
                                               SD_MARKETPLACE_MAX_ATTACHMENT, &type,
                                               cancellable, error);
  if (data == NULL)
    return NULL;
  return sd_store_sync_save_attachment (self->store, complaint_id, attachment_id, filename,
                                        type, data, error);
}

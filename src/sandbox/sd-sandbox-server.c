/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-server.c — the server object: salons, listening, and the path every request
 * takes before its route runs (auth, rate limit, faults, body limits, idempotency, one
 * transaction) and after (the answer, or a dropped connection). */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sd-sandbox-server-private.h"
#include "sd-sandbox-simulator.h"
#include "sd-json.h"
#include "sd-policy-error.h"
#include "sd-salon.h"

G_DEFINE_QUARK (sd-sandbox-error-quark, sd_sandbox_error)
G_DEFINE_FINAL_TYPE (SdSandboxServer, sd_sandbox_server, G_TYPE_OBJECT)

/* Bodies announced larger than this are refused before they are read; smaller ones are
 * read and then checked against the route's own limit, so the client always gets its 413
 * instead of a connection reset in the middle of its upload. */
#define EARLY_BODY_LIMIT (64 * 1024 * 1024)
#define DEADLINE_SWEEP_SECONDS 30

static const struct
{
  const char *name;
  int duration_min;
  gint64 price_cents;
} default_services[] = {
  { "Cut & blow-dry", 45, 4500 },
  { "Colour", 90, 8500 },
  { "Beard trim", 20, 1800 },
  { "Manicure", 30, 2500 },
};
static const char *const default_staff[] = { "Giulia", "Sanne", "Camille" };

void
sd_sandbox_options_init (SdSandboxOptions *options)
{
  memset (options, 0, sizeof *options);
  options->sandbox_endpoints = TRUE;
}

static void
salon_free (SdSandboxSalon *salon)
{
  g_free (salon->name);
  g_free (salon->token);
  g_clear_object (&salon->store);
  g_free (salon);
}

char *
sd_sandbox_new_token (SdSandboxServer *self)
{
  GString *token = g_string_new ("sk_test_");

  /* The global generator is seeded from the system's entropy, unlike self->rand, which
   * --seed makes repeatable. */
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (token, "%08x", g_random_int ());
  return g_string_free (token, FALSE);
}

static char *
store_path (SdSandboxServer *self, const char *store_file)
{
  g_autofree char *dir = g_path_get_dirname (self->db_path);

  return g_build_filename (dir, store_file, NULL);
}

static SdSandboxSalon *
open_salon (SdSandboxServer *self, gint64 id, const char *name, const char *token,
            const char *store_file, GError **error)
{
  g_autofree char *path = store_path (self, store_file);
  SdSandboxSalon *salon;
  SdStore *store = sd_store_open (path, self->clock, error);

  if (store == NULL)
    return NULL;
  salon = g_new0 (SdSandboxSalon, 1);
  salon->id = id;
  salon->name = g_strdup (name);
  salon->token = g_strdup (token);
  salon->store = store;
  salon->bucket = MAX (self->options.rate_limit, 1.0);
  salon->bucket_at_us = g_get_monotonic_time ();
  g_ptr_array_add (self->salons, salon);
  return salon;
}

SdSandboxSalon *
sd_sandbox_server_add_salon (SdSandboxServer *self, const char *name, const char *tzid,
                             const char *currency, const char *token, GError **error)
{
  g_autofree char *db_base = g_path_get_basename (self->db_path);
  g_autofree char *store_file = NULL;
  g_autofree char *new_token = token != NULL ? g_strdup (token) : sd_sandbox_new_token (self);
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (tzid);
  SdSandboxSalon *salon;
  gint64 id;

  if (tz == NULL)
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“%s” is not a known time zone."), tzid);
      return NULL;
    }
  if (strlen (currency) != 3 || !g_ascii_isupper (currency[0]) ||
      !g_ascii_isupper (currency[1]) || !g_ascii_isupper (currency[2]))
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“%s” is not an ISO 4217 currency code."), currency);
      return NULL;
    }

  store_file = g_strdup_printf ("%s.salon-%u.sqlite", db_base, self->salons->len + 1);
  id = sd_sandbox_db_add_salon (self->db, name, new_token, store_file, error);
  if (id == 0)
    return NULL;
  salon = open_salon (self, id, name, new_token, store_file, error);
  if (salon == NULL)
    return NULL;
  if (sd_store_get_salon (salon->store) == NULL &&
      !sd_store_init_salon (salon->store, name, tzid, currency, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (default_staff); i++)
    if (sd_store_add_staff (salon->store, default_staff[i], error) == 0)
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (default_services); i++)
    if (sd_store_add_service (salon->store, default_services[i].name,
                              default_services[i].duration_min,
                              default_services[i].price_cents, error) == 0)
      return NULL;
  return salon;
}

SdSandboxSalon *
sd_sandbox_server_first_salon (SdSandboxServer *self)
{
  return self->salons != NULL && self->salons->len > 0 ? g_ptr_array_index (self->salons, 0)
                                                       : NULL;
}

static gboolean
on_deadline_timer (gpointer user_data)
{
  SdSandboxServer *self = user_data;

  for (guint i = 0; i < self->salons->len; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!sd_sandbox_apply_deadlines (self, g_ptr_array_index (self->salons, i), &error))
        g_warning ("Could not apply deadlines: %s", error->message);
    }
  return G_SOURCE_CONTINUE;
}

static void
sd_sandbox_server_finalize (GObject *object)
{
  SdSandboxServer *self = SD_SANDBOX_SERVER (object);

  sd_sandbox_server_shutdown (self);
  g_clear_pointer (&self->rand, g_rand_free);
  g_free (self->db_path);
  g_free (self->temp_dir);
  g_free (self->url);
  g_free ((char *) self->options.token);
  G_OBJECT_CLASS (sd_sandbox_server_parent_class)->finalize (object);
}

static void
sd_sandbox_server_class_init (SdSandboxServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sd_sandbox_server_finalize;
}

static void
sd_sandbox_server_init (SdSandboxServer *self)
{
  self->salons = g_ptr_array_new_with_free_func ((GDestroyNotify) salon_free);
}

static gboolean
load_salons (SdSandboxServer *self, GError **error)
{
  g_autoptr (GPtrArray) rows = sd_sandbox_db_list_salons (self->db, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      SdSandboxSalonRow *row = g_ptr_array_index (rows, i);

      if (open_salon (self, row->id, row->name, row->token, row->store_file, error) == NULL)
        return FALSE;
    }
  return TRUE;
}

SdSandboxServer *
sd_sandbox_server_new (const SdSandboxOptions *options, GError **error)
{
  g_autoptr (SdSandboxServer) self = g_object_new (SD_TYPE_SANDBOX_SERVER, NULL);
  SdSandboxSalon *first;

  self->options = *options;
  self->options.token = g_strdup (options->token);
  self->options.db_path = NULL;
  self->rand = options->seed != 0 ? g_rand_new_with_seed (options->seed) : g_rand_new ();
  self->clock = sd_clock_new_system ();

  if (options->db_path != NULL)
    self->db_path = g_strdup (options->db_path);
  else
    {
      self->temp_dir = g_dir_make_tmp ("salon-desk-sandbox-XXXXXX", error);
      if (self->temp_dir == NULL)
        return NULL;
      self->db_path = g_build_filename (self->temp_dir, "sandbox.sqlite", NULL);
    }

  self->db = sd_sandbox_db_open (self->db_path, error);
  if (self->db == NULL || !sd_sandbox_db_check (self->db, error) || !load_salons (self, error))
    return NULL;

  first = sd_sandbox_server_first_salon (self);
  if (first == NULL)
    {
      first = sd_sandbox_server_add_salon (self, "Sandbox Salon", "Europe/Amsterdam", "EUR",
                                           self->options.token, error);
      if (first == NULL)
        return NULL;
    }
  else if (self->options.token != NULL && g_strcmp0 (first->token, self->options.token) != 0)
    {
      if (!sd_sandbox_db_set_token (self->db, first->id, self->options.token, error))
        return NULL;
      g_free (first->token);
      first->token = g_strdup (self->options.token);
    }

  for (guint i = 0; i < self->salons->len; i++)
    if (!sd_sandbox_apply_deadlines (self, g_ptr_array_index (self->salons, i), error))
      return NULL;
  self->deadline_timer = g_timeout_add_seconds (DEADLINE_SWEEP_SECONDS, on_deadline_timer,
                                                self);
  if (options->simulate_per_min > 0)
    self->simulator = G_OBJECT (sd_sandbox_simulator_new (self, options->simulate_per_min));
  return g_steal_pointer (&self);
}

/* ---- Requests ---- */

static gboolean
match_route (const SdSandboxRoute *route, char **segments, char **args)
{
  g_auto (GStrv) pattern = g_strsplit (route->pattern, "/", -1);
  guint n_args = 0;

  if (g_strv_length (pattern) != g_strv_length (segments))
    return FALSE;
  for (guint i = 0; pattern[i] != NULL; i++)
    {
      if (g_str_equal (pattern[i], "*"))
        {
          if (segments[i][0] == '\0' || n_args == 4)
            return FALSE;
          args[n_args++] = segments[i];
        }
      else if (!g_str_equal (pattern[i], segments[i]))
        return FALSE;
    }
  return TRUE;
}

/* The route for @method and the path's @segments; sets *@path_known when only the method
 * differs. */
static const SdSandboxRoute *
find_route (SdSandboxServer *self, const char *method, char **segments, char **args,
            gboolean *path_known)
{
  const SdSandboxRoute *tables[] = { sd_sandbox_v1_routes, sd_sandbox_extra_routes };
  const guint sizes[] = { sd_sandbox_n_v1_routes, sd_sandbox_n_extra_routes };

  *path_known = FALSE;
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      if (t == 1 && !self->options.sandbox_endpoints)
        break;
      for (guint i = 0; i < sizes[t]; i++)
        {
          char *found[4] = { NULL };

          if (!match_route (&tables[t][i], segments, found))
            continue;
          if (!g_str_equal (tables[t][i].method, method))
            {
              *path_known = TRUE;
              continue;
            }
          memcpy (args, found, sizeof found);
          return &tables[t][i];
        }
    }
  return NULL;
}

static SdSandboxSalon *
authenticate (SdSandboxServer *self, SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0)
    return NULL;
  auth += 7;
  while (*auth == ' ')
    auth++;
  for (guint i = 0; i < self->salons->len; i++)
    {
      SdSandboxSalon *salon = g_ptr_array_index (self->salons, i);

      if (g_str_equal (salon->token, auth))
        return salon;
    }
  return NULL;
}

/* A token bucket per salon: --rate-limit requests per second, bursts up to one second's
 * worth. Returns 0 when the request may go on, else the seconds to wait. */
static guint
take_token (SdSandboxServer *self, SdSandboxSalon *salon)
{
  double rate = self->options.rate_limit;
  gint64 now_us = g_get_monotonic_time ();

  if (rate <= 0 || salon == NULL)
    return 0;
  salon->bucket = MIN (MAX (rate, 1.0),
                       salon->bucket + rate * (now_us - salon->bucket_at_us) / G_USEC_PER_SEC);
  salon->bucket_at_us = now_us;
  if (salon->bucket >= 1.0)
    {
      salon->bucket -= 1.0;
      return 0;
    }
  return MAX (1, (guint) ceil ((1.0 - salon->bucket) / rate));
}

static GBytes *
node_bytes (JsonNode *node)
{
  char *text = json_to_string (node, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
error_body (const GError *error, JsonNode *current, guint *status_out)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;
  const char *code = NULL;

  *status_out = sd_sandbox_error_status (error, &code);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, error->message);
  if (current != NULL)
    {
      json_builder_set_member_name (builder, "current");
      json_builder_add_value (builder, json_node_copy (current));
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return node_bytes (node);
}

static void
respond (SoupServerMessage *msg, guint status, const char *content_type, GBytes *body)
{
  gsize len = 0;
  gconstpointer data = g_bytes_get_data (body, &len);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, data, len);
}

static void
request_clear (SdSandboxRequest *req)
{
  g_clear_pointer (&req->body, g_bytes_unref);
  g_clear_pointer (&req->json, json_object_unref);
  g_clear_pointer (&req->error_current, json_node_unref);
  g_clear_pointer (&req->raw_body, g_bytes_unref);
  g_clear_pointer (&req->raw_content_type, g_free);
}

static gboolean
parse_json_body (SdSandboxRequest *req, GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (req->body, &len);
  g_autoptr (JsonNode) node = NULL;

  if (len == 0)
    {
      req->json = json_object_new ();
      return TRUE;
    }
  node = sd_json_parse (data, len, error);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("The body must be a JSON object."));
      return FALSE;
    }
  req->json = json_node_dup_object (node);
  return TRUE;
}

/* Runs the route in one transaction of the sandbox database. Returns the answer's body and
 * sets *@status_out. */
static GBytes *
run_route (SdSandboxRequest *req, guint *status_out, gboolean *committed_out)
{
  SdSandboxServer *self = req->server;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) response = NULL;
  GBytes *body;
  guint status;

  *committed_out = FALSE;
  if (req->salon != NULL && !sd_sandbox_apply_deadlines (self, req->salon, &error))
    return error_body (error, NULL, status_out);
  if (!(req->route->flags & (SD_ROUTE_MULTIPART | SD_ROUTE_RAW)) &&
      !parse_json_body (req, &error))
    return error_body (error, NULL, status_out);
  if (!sd_sandbox_db_begin (self->db, &error))
    return error_body (error, NULL, status_out);

  response = req->route->handler (req, &error);
  if (response == NULL)
    body = error_body (error, req->error_current, &status);
  else if (req->route->flags & SD_ROUTE_RAW)
    {
      status = 200;
      body = g_bytes_new (NULL, 0);
    }
  else
    {
      status = req->status != 0 ? req->status : 200;
      body = node_bytes (response);
    }

  if (status >= 500)
    {
      sd_sandbox_db_rollback (self->db);
      *status_out = status;
      return body;
    }

  if (req->route->flags & SD_ROUTE_MUTATION)
    {
      const char *key = soup_message_headers_get_one (
        soup_server_message_get_request_headers (req->msg), "Idempotency-Key");
      g_autofree char *request = g_strdup_printf ("%s %s",
                                                  soup_server_message_get_method (req->msg),
                                                  g_uri_get_path (soup_server_message_get_uri (req->msg)));

      if (!sd_sandbox_db_save_response (self->db, req->salon != NULL ? req->salon->id : 0, key,
                                        request, status, body, &error))
        {
          sd_sandbox_db_rollback (self->db);
          g_bytes_unref (body);
          return error_body (error, NULL, status_out);
        }
    }
  if (!sd_sandbox_db_commit (self->db, &error))
    {
      sd_sandbox_db_rollback (self->db);
      g_bytes_unref (body);
      return error_body (error, NULL, status_out);
    }
  *committed_out = TRUE;
  *status_out = status;
  return body;
}

/* Handles one request. Returns TRUE when the fault injection wants the connection dropped
 * (the change is committed, the answer is lost). */
static gboolean
process (SdSandboxServer *self, SoupServerMessage *msg, const char *path, GHashTable *query)
{
  SdSandboxRequest req = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  g_auto (GStrv) segments = g_strsplit (path, "/", -1);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  const char *method = soup_server_message_get_method (msg);
  gboolean is_v1 = g_str_has_prefix (path, "/v1/");
  gboolean path_known = FALSE, committed = FALSE, drop = FALSE;
  const char *content_type = "application/json";
  guint status = 0, retry_after;

  req.server = self;
  req.msg = msg;
  req.query = query;
  req.route = find_route (self, method, segments, req.args, &path_known);

  if (req.route == NULL)
    g_set_error (&error, SD_SANDBOX_ERROR,
                 path_known ? SD_SANDBOX_ERROR_METHOD : SD_SANDBOX_ERROR_NOT_FOUND,
                 path_known ? _("This method is not allowed here.") : _("No such endpoint."));
  else if (!(req.route->flags & SD_ROUTE_NO_AUTH) &&
           (req.salon = authenticate (self, msg)) == NULL)
    g_set_error (&error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_UNAUTHORIZED,
                 _("A valid “Authorization: Bearer <token>” header is required."));
  else if ((retry_after = take_token (self, req.salon)) > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%u", retry_after);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", seconds);
      g_set_error (&error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_RATE_LIMITED,
                   _("Too many requests: retry after %u s."), retry_after);
    }
  else if (is_v1 && self->faults.fail_rate > 0 &&
           g_rand_double (self->rand) < self->faults.fail_rate)
    g_set_error (&error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_UNAVAILABLE,
                 _("Injected fault: the marketplace is unavailable, retry later."));
  else if (request_body->length >
           (goffset) ((req.route->flags & SD_ROUTE_MULTIPART) ? SD_SANDBOX_MAX_MULTIPART
                                                              : SD_SANDBOX_MAX_JSON))
    g_set_error (&error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_TOO_LARGE,
                 _("The request body is too large (at most %d MiB)."),
                 (req.route->flags & SD_ROUTE_MULTIPART) ? SD_SANDBOX_MAX_MULTIPART >> 20
                                                         : SD_SANDBOX_MAX_JSON >> 20);

  if (error == NULL && (req.route->flags & SD_ROUTE_MUTATION))
    {
      const char *key = soup_message_headers_get_one (headers, "Idempotency-Key");
      g_autofree char *seen_request = NULL;
      g_autofree char *this_request = g_strdup_printf ("%s %s", method, path);

      if (key == NULL || *key == '\0' || strlen (key) > 200)
        g_set_error (&error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                     _("Every change needs an “Idempotency-Key” header (at most 200 characters)."));
      else if (sd_sandbox_db_find_response (self->db, req.salon != NULL ? req.salon->id : 0, key,
                                            &seen_request, &status, &body, &error))
        {
          if (!g_str_equal (seen_request, this_request))
            {
              g_clear_pointer (&body, g_bytes_unref);
              g_set_error (&error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                           _("This Idempotency-Key was already used for “%s”."), seen_request);
            }
          else
            g_debug ("replaying %s for key %s", this_request, key);
        }
    }

  if (error != NULL)
    {
      g_clear_pointer (&body, g_bytes_unref);
      body = error_body (error, NULL, &status);
    }
  else if (body == NULL)
    {
      req.body = soup_message_body_flatten (request_body);
      body = run_route (&req, &status, &committed);
      if (req.raw_body != NULL && status == 200)
        {
          g_bytes_unref (body);
          body = g_bytes_ref (req.raw_body);
          content_type = req.raw_content_type;
        }
      drop = committed && is_v1 && (req.route->flags & SD_ROUTE_MUTATION) &&
             status < 300 && self->faults.drop_after_commit_rate > 0 &&
             g_rand_double (self->rand) < self->faults.drop_after_commit_rate;
    }

  respond (msg, status, content_type, body);
  request_clear (&req);
  return drop;
}

/* The answer is lost after the commit: the connection is taken from libsoup and closed
 * without a byte written, exactly like a network failure after the server did the work. */
static void
drop_connection (SoupServerMessage *msg)
{
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

typedef struct
{
  SdSandboxServer *self;
  SoupServerMessage *msg;
  char *path;
  GHashTable *query;
} Delayed;

static gboolean
on_delay_done (gpointer user_data)
{
  Delayed *d = user_data;

  if (d->self->soup != NULL && process (d->self, d->msg, d->path, d->query))
    drop_connection (d->msg);
  else
    soup_server_message_unpause (d->msg);
  g_object_unref (d->msg);
  g_object_unref (d->self);
  g_clear_pointer (&d->query, g_hash_table_unref);
  g_free (d->path);
  g_free (d);
  return G_SOURCE_REMOVE;
}

static void
on_request (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer user_data)
{
  SdSandboxServer *self = user_data;

  if (self->faults.delay_ms > 0 && g_str_has_prefix (path, "/v1/"))
    {
      Delayed *d = g_new0 (Delayed, 1);

      d->self = g_object_ref (self);
      d->msg = g_object_ref (msg);
      d->path = g_strdup (path);
      d->query = query != NULL ? g_hash_table_ref (query) : NULL;
      soup_server_message_pause (msg);
      g_timeout_add (self->faults.delay_ms, on_delay_done, d);
      return;
    }
  if (process (self, msg, path, query))
    drop_connection (msg);
}

static void
on_early_request (SoupServer *soup, SoupServerMessage *msg, const char *path,
                  GHashTable *query, gpointer user_data)
{
  goffset length = soup_message_headers_get_content_length (
    soup_server_message_get_request_headers (msg));

  if (length > EARLY_BODY_LIMIT)
    {
      g_autoptr (GError) error = g_error_new (SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_TOO_LARGE,
                                              _("The request body is too large."));
      guint status;
      g_autoptr (GBytes) body = error_body (error, NULL, &status);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      respond (msg, status, "application/json", body);
    }
}

gboolean
sd_sandbox_server_listen (SdSandboxServer *self, guint port, GError **error)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  GSList *uris;

  g_return_val_if_fail (self->soup == NULL, FALSE);

  self->soup = soup_server_new ("server-header", "salon-desk-sandbox/" PACKAGE_VERSION, NULL);
  soup_server_add_early_handler (self->soup, NULL, on_early_request, self, NULL);
  soup_server_add_handler (self->soup, NULL, on_request, self, NULL);
  if (!soup_server_listen (self->soup, address, 0, error))
    {
      g_clear_object (&self->soup);
      return FALSE;
    }
  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    {
      g_autofree char *text = g_uri_to_string (uris->data);

      /* Without the trailing slash: clients append "/v1/…". */
      if (g_str_has_suffix (text, "/"))
        text[strlen (text) - 1] = '\0';
      g_free (self->url);
      self->url = g_steal_pointer (&text);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

const char *
sd_sandbox_server_get_url (SdSandboxServer *self)
{
  return self->url;
}

const char *
sd_sandbox_server_get_token (SdSandboxServer *self)
{
  SdSandboxSalon *first = sd_sandbox_server_first_salon (self);

  return first != NULL ? first->token : NULL;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

void
sd_sandbox_server_shutdown (SdSandboxServer *self)
{
  g_clear_object (&self->simulator);
  g_clear_handle_id (&self->deadline_timer, g_source_remove);
  if (self->soup != NULL)
    {
      soup_server_disconnect (self->soup);
      g_clear_object (&self->soup);
      /* Lets the closed connections go (bounded: they need a few idle callbacks). */
      for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
        ;
    }
  if (self->db != NULL)
    sd_sandbox_db_rollback (self->db);
  g_clear_pointer (&self->salons, g_ptr_array_unref);
  g_clear_object (&self->db);
  g_clear_object (&self->clock);
  if (self->temp_dir != NULL)
    remove_temp_dir (self->temp_dir);
  g_clear_pointer (&self->temp_dir, g_free);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-routes-sandbox.c — the /sandbox/ extras: the client's side (book, cancel,
 * complain, review, write), the marketplace staff's side (resolve), and the test controls
 * (clock, faults, seed, compaction of the feed). Off with --no-sandbox-endpoints. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-sandbox-routes.h"
#include "sd-policy-error.h"
#include "sd-time.h"

#define MAX_SEED_APPOINTMENTS 200000

static JsonNode *
post_salon (SdSandboxRequest *req, GError **error)
{
  GError *local_error = NULL;
  const char *name, *tzid, *currency;
  SdSandboxSalon *salon;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = NULL;

  if ((name = sd_sandbox_get_string (req->json, "name", TRUE, error)) == NULL)
    return NULL;
  tzid = sd_sandbox_get_string (req->json, "timezone", FALSE, &local_error);
  if (local_error == NULL)
    currency = sd_sandbox_get_string (req->json, "currency", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  salon = sd_sandbox_server_add_salon (req->server, name,
                                       tzid != NULL ? tzid : "Europe/Amsterdam",
                                       currency != NULL ? currency : "EUR", NULL, error);
  if (salon == NULL)
    return NULL;
  id = sd_sandbox_id ("sal", salon->id);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, salon->token);
  json_builder_end_object (builder);
  req->status = 201;
  return json_builder_get_root (builder);
}

static JsonNode *
post_booking (SdSandboxRequest *req, GError **error)
{
  req->status = 201;
  return sd_sandbox_book (req->server, req->salon, req->json, error);
}

static JsonNode *
post_client_cancel (SdSandboxRequest *req, GError **error)
{
  gint64 id;

  if (!sd_sandbox_parse_id (req->args[0], "apt", &id, error))
    return NULL;
  return sd_sandbox_client_cancel (req->server, req->salon, id, req->json, error);
}

static JsonNode *
post_client_complaint (SdSandboxRequest *req, GError **error)
{
  req->status = 201;
  return sd_sandbox_open_complaint (req->server, req->salon, SD_PARTY_CLIENT, req->json, error);
}

static JsonNode *
post_resolve (SdSandboxRequest *req, GError **error)
{
  gint64 id;

  if (!sd_sandbox_parse_id (req->args[0], "cmp", &id, error))
    return NULL;
  return sd_sandbox_resolve (req->server, req->salon, id, req->json, error);
}

static JsonNode *
post_review (SdSandboxRequest *req, GError **error)
{
  req->status = 201;
  return sd_sandbox_review (req->server, req->salon, req->json, error);
}

static JsonNode *
post_client_message (SdSandboxRequest *req, GError **error)
{
  const char *appointment_id;
  gint64 id;

  if ((appointment_id = sd_sandbox_get_string (req->json, "appointment_id", TRUE, error)) == NULL ||
      !sd_sandbox_parse_id (appointment_id, "apt", &id, error))
    return NULL;
  req->status = 201;
  return sd_sandbox_write_message (req->server, req->salon, id, SD_PARTY_CLIENT, req->json,
                                   error);
}

static JsonNode *
clock_json (SdSandboxRequest *req)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *now = sd_sandbox_format_time (req->salon,
                                                 sd_clock_get_now (req->server->clock));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "now");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "fixed");
  json_builder_add_boolean_value (builder, sd_clock_is_fixed (req->server->clock));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
get_clock (SdSandboxRequest *req, GError **error)
{
  return clock_json (req);
}

/* {"now":"…"} stops the clock there; {"advance_seconds":N} moves it on. Every salon's
 * deadlines are applied at once, so the feed shows what expired. */
static JsonNode *
post_clock (SdSandboxRequest *req, GError **error)
{
  SdSandboxServer *self = req->server;
  gint64 now = 0, advance = 0;

  if (!sd_sandbox_get_time (req->json, "now", FALSE, &now, error) ||
      !sd_sandbox_get_int (req->json, "advance_seconds", FALSE, &advance, error))
    return NULL;
  if ((now == 0) == (advance == 0))
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("Give either “now” or “advance_seconds”."));
      return NULL;
    }
  if (now != 0)
    sd_clock_set_now (self->clock, now);
  else
    sd_clock_advance (self->clock, advance);
  for (guint i = 0; i < self->salons->len; i++)
    if (!sd_sandbox_apply_deadlines (self, g_ptr_array_index (self->salons, i), error))
      return NULL;
  return clock_json (req);
}

static JsonNode *
faults_json (SdSandboxServer *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fail_rate");
  json_builder_add_double_value (builder, self->faults.fail_rate);
  json_builder_set_member_name (builder, "delay_ms");
  json_builder_add_int_value (builder, self->faults.delay_ms);
  json_builder_set_member_name (builder, "drop_after_commit_rate");
  json_builder_add_double_value (builder, self->faults.drop_after_commit_rate);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
get_faults (SdSandboxRequest *req, GError **error)
{
  return faults_json (req->server);
}

static gboolean
read_rate (JsonObject *obj, const char *name, double *out, GError **error)
{
  JsonNode *node = json_object_get_member (obj, name);
  double value;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    value = -1;
  else
    value = json_node_get_double (node);
  if (value < 0 || value > 1)
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“%s” must be a number from 0 to 1."), name);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* Members left out keep their value; {} shows them; all zero turns faults off. */
static JsonNode *
post_faults (SdSandboxRequest *req, GError **error)
{
  SdSandboxFaults faults = req->server->faults;
  gint64 delay = faults.delay_ms;

  if (!read_rate (req->json, "fail_rate", &faults.fail_rate, error) ||
      !read_rate (req->json, "drop_after_commit_rate", &faults.drop_after_commit_rate, error) ||
      !sd_sandbox_get_int (req->json, "delay_ms", FALSE, &delay, error))
    return NULL;
  if (delay < 0 || delay > 60000)
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“delay_ms” must be from 0 to 60000."));
      return NULL;
    }
  faults.delay_ms = (guint) delay;
  req->server->faults = faults;
  return faults_json (req->server);
}

static JsonNode *
post_seed (SdSandboxRequest *req, GError **error)
{
  SdDemoOptions options;
  gint64 n = 50, seed = 1, staff = 3;
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (!sd_sandbox_get_int (req->json, "appointments", FALSE, &n, error) ||
      !sd_sandbox_get_int (req->json, "seed", FALSE, &seed, error) ||
      !sd_sandbox_get_int (req->json, "staff", FALSE, &staff, error))
    return NULL;
  if (n < 1 || n > MAX_SEED_APPOINTMENTS || staff < 1 || staff > 50 || seed < 0 ||
      seed > G_MAXUINT32)
    {
      g_set_error (error, SD_SANDBOX_ERROR, SD_SANDBOX_ERROR_BAD_REQUEST,
                   _("“appointments” must be from 1 to %d and “staff” from 1 to 50."),
                   MAX_SEED_APPOINTMENTS);
      return NULL;
    }
  sd_demo_options_init (&options);
  options.n_appointments = (guint) n;
  options.n_staff = (guint) staff;
  options.seed = (guint32) seed;
  if (!sd_store_fill_demo (req->salon->store, &options, error) ||
      !sd_sandbox_record_unknown (req->server, req->salon, error))
    return NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "appointments");
  json_builder_add_int_value (builder, n);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Drops superseded changes; cursors from before are answered 410 from now on, so a client's
 * "start over" path can be tested. */
static JsonNode *
post_compact (SdSandboxRequest *req, GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  gint64 horizon = sd_sandbox_db_compact (req->server->db, req->salon->id, error);

  if (horizon < 0)
    return NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "compacted_through");
  json_builder_add_int_value (builder, horizon);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

const SdSandboxRoute sd_sandbox_extra_routes[] = {
  { "POST", "/sandbox/salons", SD_ROUTE_MUTATION | SD_ROUTE_NO_AUTH, post_salon, 0 },
  { "POST", "/sandbox/bookings", SD_ROUTE_MUTATION, post_booking, 0 },
  { "POST", "/sandbox/appointments/*/client-cancel", SD_ROUTE_MUTATION, post_client_cancel, 0 },
  { "POST", "/sandbox/complaints", SD_ROUTE_MUTATION, post_client_complaint, 0 },
  { "POST", "/sandbox/complaints/*/resolve", SD_ROUTE_MUTATION, post_resolve, 0 },
  { "POST", "/sandbox/reviews", SD_ROUTE_MUTATION, post_review, 0 },
  { "POST", "/sandbox/messages", SD_ROUTE_MUTATION, post_client_message, 0 },
  { "GET", "/sandbox/clock", 0, get_clock, 0 },
  { "POST", "/sandbox/clock", SD_ROUTE_MUTATION, post_clock, 0 },
  { "GET", "/sandbox/faults", 0, get_faults, 0 },
  { "POST", "/sandbox/faults", SD_ROUTE_MUTATION, post_faults, 0 },
  { "POST", "/sandbox/seed", SD_ROUTE_MUTATION, post_seed, 0 },
  { "POST", "/sandbox/compact", SD_ROUTE_MUTATION, post_compact, 0 },
};
const guint sd_sandbox_n_extra_routes = G_N_ELEMENTS (sd_sandbox_extra_routes);

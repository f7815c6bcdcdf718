/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sd-sandbox-simulator.h"
#include "sd-sandbox-routes.h"
#include "sd-time.h"

struct _SdSandboxSimulator
{
  GObject parent_instance;

  SdSandboxServer *server;
  guint timer;
};

G_DEFINE_FINAL_TYPE (SdSandboxSimulator, sd_sandbox_simulator, G_TYPE_OBJECT)

static const char *const first_names[] = {
  "Anna", "Luca", "Sophie", "Daan", "Chloé", "Marco", "Lucía", "Emma", "Noah", "Giulia",
};
static const char *const last_names[] = {
  "Rossi", "de Vries", "Martin", "Bianchi", "García", "Jansen", "Dubois", "López",
};
static const char *const messages[] = {
  "Hi! Could you do a slightly shorter cut than last time?",
  "I might be 10 minutes late, sorry!",
  "Is there parking near the salon?",
  "Thank you, see you soon.",
  "Can I bring my daughter along?",
};
static const char *const complaints[] = {
  "The colour came out much darker than agreed.",
  "I waited 40 minutes past my appointment time.",
  "The cut is uneven on the left side.",
};
static const char *const reviews[] = {
  "Lovely team, great result.", "A bit rushed, but good.", "Will come back!",
};

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* Appointments of the first salon from a week ago to two weeks ahead in @state. */
static GPtrArray *
candidates (SdSandboxServer *server, SdSandboxSalon *salon, SdState state)
{
  gint64 now = sd_clock_get_now (server->clock);
  SdQuery query;

  sd_query_init (&query, now - 7 * 86400, now + 14 * 86400);
  query.state = state;
  return sd_store_list_appointments (salon->store, &query, NULL);
}

static SdAppointment *
pick (SdSandboxServer *server, SdSandboxSalon *salon, SdState state)
{
  g_autoptr (GPtrArray) found = candidates (server, salon, state);

  if (found == NULL || found->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (found, g_rand_int_range (server->rand, 0,
                                                                    found->len)));
}

static char *
api_id (SdAppointment *appointment)
{
  return sd_sandbox_id ("apt", sd_appointment_get_id (appointment));
}

static JsonNode *
book (SdSandboxServer *server, SdSandboxSalon *salon, GError **error)
{
  g_autoptr (JsonObject) body = json_object_new ();
  JsonObject *service = json_object_new ();
  JsonObject *client = json_object_new ();
  GTimeZone *tz = sd_sandbox_salon_tz (salon);
  gint64 day = sd_time_add_days (sd_time_local_midnight (sd_clock_get_now (server->clock), tz),
                                 tz, g_rand_int_range (server->rand, 1, 10));
  /* A half hour between 09:00 and 17:30 local. */
  gint64 start = day + (9 * 60 + 30 * g_rand_int_range (server->rand, 0, 18)) * 60;
  g_autofree char *start_text = sd_sandbox_format_time (salon, start);
  g_autofree char *name = g_strdup_printf ("%s %s", PICK (server->rand, first_names),
                                           PICK (server->rand, last_names));
  g_autofree char *email = g_strdup_printf ("client%u@example.com",
                                            g_rand_int_range (server->rand, 1000, 9999));

  json_object_set_string_member (service, "name", "Cut & blow-dry");
  json_object_set_int_member (service, "duration_min", 45);
  json_object_set_int_member (service, "price_cents", 4500);
  json_object_set_string_member (client, "name", name);
  json_object_set_string_member (client, "email", email);
  json_object_set_string_member (client, "phone", "+31 6 1234 5678");
  json_object_set_string_member (body, "start", start_text);
  json_object_set_object_member (body, "service", service);
  json_object_set_object_member (body, "client", client);
  json_object_set_string_member (body, "payment_mode",
                                 g_rand_boolean (server->rand) ? "prepaid" : "at_salon");
  return sd_sandbox_book (server, salon, body, error);
}

static JsonNode *
cancel (SdSandboxServer *server, SdSandboxSalon *salon, GError **error)
{
  g_autoptr (SdAppointment) a = pick (server, salon, SD_STATE_CONFIRMED);
  g_autoptr (JsonObject) body = json_object_new ();

  if (a == NULL)
    return NULL;
  json_object_set_string_member (body, "reason", "I have to work late, sorry.");
  return sd_sandbox_client_cancel (server, salon, sd_appointment_get_id (a), body, error);
}

static JsonNode *
message (SdSandboxServer *server, SdSandboxSalon *salon, GError **error)
{
  g_autoptr (SdAppointment) a = pick (server, salon, g_rand_boolean (server->rand)
                                                     ? SD_STATE_REQUESTED : SD_STATE_CONFIRMED);
  g_autoptr (JsonObject) body = json_object_new ();

  if (a == NULL)
    return NULL;
  json_object_set_string_member (body, "body", PICK (server->rand, messages));
  return sd_sandbox_write_message (server, salon, sd_appointment_get_id (a), SD_PARTY_CLIENT,
                                   body, error);
}

static JsonNode *
complain (SdSandboxServer *server, SdSandboxSalon *salon, GError **error)
{
  g_autoptr (SdAppointment) a = pick (server, salon, SD_STATE_COMPLETED);
  g_autoptr (JsonObject) body = json_object_new ();
  g_autofree char *id = NULL;

  if (a == NULL)
    return NULL;
  id = api_id (a);
  json_object_set_string_member (body, "appointment_id", id);
  json_object_set_string_member (body, "reason", PICK (server->rand, complaints));
  json_object_set_int_member (body, "refund_requested_cents",
                              sd_appointment_get_amount_cents (a));
  json_object_set_string_member (body, "deadline_kind", "business_days_2");
  return sd_sandbox_open_complaint (server, salon, SD_PARTY_CLIENT, body, error);
}

static JsonNode *
review (SdSandboxServer *server, SdSandboxSalon *salon, GError **error)
{
  g_autoptr (SdAppointment) a = pick (server, salon, SD_STATE_COMPLETED);
  g_autoptr (JsonObject) body = json_object_new ();
  JsonObject *scores = json_object_new ();
  const char *criteria[] = { "punctuality", "service", "value", "cleanliness", "relationship" };
  g_autofree char *id = NULL;

  if (a == NULL)
    return NULL;
  id = api_id (a);
  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    json_object_set_int_member (scores, criteria[i], g_rand_int_range (server->rand, 3, 6));
  json_object_set_string_member (body, "appointment_id", id);
  json_object_set_object_member (body, "scores", scores);
  json_object_set_string_member (body, "comment", PICK (server->rand, reviews));
  return sd_sandbox_review (server, salon, body, error);
}

const char *
sd_sandbox_simulator_step (SdSandboxSimulator *self)
{
  static const struct
  {
    const char *kind;
    JsonNode *(*act) (SdSandboxServer *, SdSandboxSalon *, GError **);
    int weight;
  } activities[] = {
    { "booking", book, 40 }, { "client-cancel", cancel, 15 }, { "message", message, 20 },
    { "complaint", complain, 10 }, { "review", review, 15 },
  };
  SdSandboxServer *server = self->server;
  SdSandboxSalon *salon = sd_sandbox_server_first_salon (server);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) done = NULL;
  int roll = g_rand_int_range (server->rand, 0, 100);
  guint i = 0;

  if (salon == NULL || !sd_sandbox_db_begin (server->db, &error))
    return NULL;
  while (roll >= activities[i].weight && i + 1 < G_N_ELEMENTS (activities))
    roll -= activities[i++].weight;
  done = activities[i].act (server, salon, &error);
  if (done == NULL)
    {
      sd_sandbox_db_rollback (server->db);
      g_debug ("simulated %s: nothing done (%s)", activities[i].kind,
               error != NULL ? error->message : "no candidate");
      return NULL;
    }
  if (!sd_sandbox_db_commit (server->db, &error))
    {
      sd_sandbox_db_rollback (server->db);
      g_warning ("Could not save a simulated %s: %s", activities[i].kind, error->message);
      return NULL;
    }
  g_debug ("simulated %s", activities[i].kind);
  return activities[i].kind;
}

static gboolean
on_tick (gpointer user_data)
{
  sd_sandbox_simulator_step (user_data);
  return G_SOURCE_CONTINUE;
}

static void
sd_sandbox_simulator_dispose (GObject *object)
{
  SdSandboxSimulator *self = SD_SANDBOX_SIMULATOR (object);

  g_clear_handle_id (&self->timer, g_source_remove);
  G_OBJECT_CLASS (sd_sandbox_simulator_parent_class)->dispose (object);
}

static void
sd_sandbox_simulator_class_init (SdSandboxSimulatorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sd_sandbox_simulator_dispose;
}

static void
sd_sandbox_simulator_init (SdSandboxSimulator *self)
{
}

SdSandboxSimulator *
sd_sandbox_simulator_new (SdSandboxServer *server, double per_minute)
{
  SdSandboxSimulator *self = g_object_new (SD_TYPE_SANDBOX_SIMULATOR, NULL);
  guint interval_ms = (guint) CLAMP (60000.0 / per_minute, 50.0, 3600000.0);

  self->server = server;
  self->timer = g_timeout_add (interval_ms, on_tick, self);
  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-outbox-entry.c — getters and setters only (see the header). */

#include "config.h"

#include "sd-outbox-entry.h"

struct _SdOutboxEntry
{
  GObject parent_instance;

  gint64 id;
  char *idempotency_key;
  gint64 appointment_id;
  gint64 complaint_id;
  char *action;
  char *method;
  char *endpoint;
  char *payload;
  gint64 base_version;
  gint64 created_at;
  int attempts;
  char *state;
  char *last_error;
};

G_DEFINE_FINAL_TYPE (SdOutboxEntry, sd_outbox_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_IDEMPOTENCY_KEY,
  PROP_APPOINTMENT_ID,
  PROP_COMPLAINT_ID,
  PROP_ACTION,
  PROP_METHOD,
  PROP_ENDPOINT,
  PROP_PAYLOAD,
  PROP_BASE_VERSION,
  PROP_CREATED_AT,
  PROP_ATTEMPTS,
  PROP_STATE,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_outbox_entry_finalize (GObject *object)
{
  SdOutboxEntry *self = SD_OUTBOX_ENTRY (object);

  g_free (self->idempotency_key);
  g_free (self->action);
  g_free (self->method);
  g_free (self->endpoint);
  g_free (self->payload);
  g_free (self->state);
  g_free (self->last_error);

  G_OBJECT_CLASS (sd_outbox_entry_parent_class)->finalize (object);
}

static void
sd_outbox_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdOutboxEntry *self = SD_OUTBOX_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_IDEMPOTENCY_KEY:
      g_value_set_string (value, self->idempotency_key);
      break;
    case PROP_APPOINTMENT_ID:
      g_value_set_int64 (value, self->appointment_id);
      break;
    case PROP_COMPLAINT_ID:
      g_value_set_int64 (value, self->complaint_id);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;
    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    case PROP_PAYLOAD:
      g_value_set_string (value, self->payload);
      break;
    case PROP_BASE_VERSION:
      g_value_set_int64 (value, self->base_version);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_ATTEMPTS:
      g_value_set_int (value, self->attempts);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_outbox_entry_class_init (SdOutboxEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_outbox_entry_finalize;
  object_class->get_property = sd_outbox_entry_get_property;

  /* Read-only properties for list views' expressions. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDEMPOTENCY_KEY] =
    g_param_spec_string ("idempotency-key", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT_ID] =
    g_param_spec_int64 ("appointment-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLAINT_ID] =
    g_param_spec_int64 ("complaint-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT] =
    g_param_spec_string ("endpoint", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAYLOAD] =
    g_param_spec_string ("payload", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_VERSION] =
    g_param_spec_int64 ("base-version", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTEMPTS] =
    g_param_spec_int ("attempts", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_outbox_entry_init (SdOutboxEntry *self)
{
}

SdOutboxEntry *
sd_outbox_entry_new (void)
{
  return g_object_new (SD_TYPE_OUTBOX_ENTRY, NULL);
}

gint64
sd_outbox_entry_get_id (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), 0);
  return self->id;
}

void
sd_outbox_entry_set_id (SdOutboxEntry *self, gint64 value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sd_outbox_entry_get_idempotency_key (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), NULL);
  return self->idempotency_key;
}

void
sd_outbox_entry_set_idempotency_key (SdOutboxEntry *self, const char *value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (g_strcmp0 (self->idempotency_key, value) == 0)
    return;
  g_free (self->idempotency_key);
  self->idempotency_key = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDEMPOTENCY_KEY]);
}

gint64
sd_outbox_entry_get_appointment_id (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), 0);
  return self->appointment_id;
}

void
sd_outbox_entry_set_appointment_id (SdOutboxEntry *self, gint64 value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (self->appointment_id == value)
    return;
  self->appointment_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_ID]);
}

gint64
sd_outbox_entry_get_complaint_id (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), 0);
  return self->complaint_id;
}

void
sd_outbox_entry_set_complaint_id (SdOutboxEntry *self, gint64 value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (self->complaint_id == value)
    return;
  self->complaint_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT_ID]);
}

const char *
sd_outbox_entry_get_action (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), NULL);
  return self->action;
}

void
sd_outbox_entry_set_action (SdOutboxEntry *self, const char *value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (g_strcmp0 (self->action, value) == 0)
    return;
  g_free (self->action);
  self->action = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

const char *
sd_outbox_entry_get_method (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), NULL);
  return self->method;
}

void
sd_outbox_entry_set_method (SdOutboxEntry *self, const char *value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (g_strcmp0 (self->method, value) == 0)
    return;
  g_free (self->method);
  self->method = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

const char *
sd_outbox_entry_get_endpoint (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), NULL);
  return self->endpoint;
}

void
sd_outbox_entry_set_endpoint (SdOutboxEntry *self, const char *value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (g_strcmp0 (self->endpoint, value) == 0)
    return;
  g_free (self->endpoint);
  self->endpoint = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT]);
}

const char *
sd_outbox_entry_get_payload (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), NULL);
  return self->payload;
}

void
sd_outbox_entry_set_payload (SdOutboxEntry *self, const char *value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (g_strcmp0 (self->payload, value) == 0)
    return;
  g_free (self->payload);
  self->payload = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAYLOAD]);
}

gint64
sd_outbox_entry_get_base_version (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), 0);
  return self->base_version;
}

void
sd_outbox_entry_set_base_version (SdOutboxEntry *self, gint64 value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (self->base_version == value)
    return;
  self->base_version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_VERSION]);
}

gint64
sd_outbox_entry_get_created_at (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), 0);
  return self->created_at;
}

void
sd_outbox_entry_set_created_at (SdOutboxEntry *self, gint64 value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

int
sd_outbox_entry_get_attempts (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), 0);
  return self->attempts;
}

void
sd_outbox_entry_set_attempts (SdOutboxEntry *self, int value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (self->attempts == value)
    return;
  self->attempts = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTEMPTS]);
}

const char *
sd_outbox_entry_get_state (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), NULL);
  return self->state;
}

void
sd_outbox_entry_set_state (SdOutboxEntry *self, const char *value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (g_strcmp0 (self->state, value) == 0)
    return;
  g_free (self->state);
  self->state = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
sd_outbox_entry_get_last_error (SdOutboxEntry *self)
{
  g_return_val_if_fail (SD_IS_OUTBOX_ENTRY (self), NULL);
  return self->last_error;
}

void
sd_outbox_entry_set_last_error (SdOutboxEntry *self, const char *value)
{
  g_return_if_fail (SD_IS_OUTBOX_ENTRY (self));

  if (g_strcmp0 (self->last_error, value) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

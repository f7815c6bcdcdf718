/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-message.c — getters and setters only (see the header). */

#include "config.h"

#include "sd-message.h"

struct _SdMessage
{
  GObject parent_instance;

  gint64 id;
  char *remote_id;
  gint64 appointment_id;
  SdParty author;
  char *body;
  gint64 at;
};

G_DEFINE_FINAL_TYPE (SdMessage, sd_message, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REMOTE_ID,
  PROP_APPOINTMENT_ID,
  PROP_AUTHOR,
  PROP_BODY,
  PROP_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_message_finalize (GObject *object)
{
  SdMessage *self = SD_MESSAGE (object);

  g_free (self->remote_id);
  g_free (self->body);

  G_OBJECT_CLASS (sd_message_parent_class)->finalize (object);
}

static void
sd_message_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdMessage *self = SD_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;
    case PROP_APPOINTMENT_ID:
      g_value_set_int64 (value, self->appointment_id);
      break;
    case PROP_AUTHOR:
      g_value_set_int (value, self->author);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_message_class_init (SdMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_message_finalize;
  object_class->get_property = sd_message_get_property;

  /* Read-only properties for list views' expressions; enumerations are ints because they
   * are not registered as GEnums. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT_ID] =
    g_param_spec_int64 ("appointment-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_int ("author", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_message_init (SdMessage *self)
{
}

SdMessage *
sd_message_new (void)
{
  return g_object_new (SD_TYPE_MESSAGE, NULL);
}

gint64
sd_message_get_id (SdMessage *self)
{
  g_return_val_if_fail (SD_IS_MESSAGE (self), 0);
  return self->id;
}

void
sd_message_set_id (SdMessage *self, gint64 value)
{
  g_return_if_fail (SD_IS_MESSAGE (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sd_message_get_remote_id (SdMessage *self)
{
  g_return_val_if_fail (SD_IS_MESSAGE (self), NULL);
  return self->remote_id;
}

void
sd_message_set_remote_id (SdMessage *self, const char *value)
{
  g_return_if_fail (SD_IS_MESSAGE (self));

  if (g_strcmp0 (self->remote_id, value) == 0)
    return;
  g_free (self->remote_id);
  self->remote_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
}

gint64
sd_message_get_appointment_id (SdMessage *self)
{
  g_return_val_if_fail (SD_IS_MESSAGE (self), 0);
  return self->appointment_id;
}

void
sd_message_set_appointment_id (SdMessage *self, gint64 value)
{
  g_return_if_fail (SD_IS_MESSAGE (self));

  if (self->appointment_id == value)
    return;
  self->appointment_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_ID]);
}

SdParty
sd_message_get_author (SdMessage *self)
{
  g_return_val_if_fail (SD_IS_MESSAGE (self), 0);
  return self->author;
}

void
sd_message_set_author (SdMessage *self, SdParty value)
{
  g_return_if_fail (SD_IS_MESSAGE (self));

  if (self->author == value)
    return;
  self->author = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
sd_message_get_body (SdMessage *self)
{
  g_return_val_if_fail (SD_IS_MESSAGE (self), NULL);
  return self->body;
}

void
sd_message_set_body (SdMessage *self, const char *value)
{
  g_return_if_fail (SD_IS_MESSAGE (self));

  if (g_strcmp0 (self->body, value) == 0)
    return;
  g_free (self->body);
  self->body = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

gint64
sd_message_get_at (SdMessage *self)
{
  g_return_val_if_fail (SD_IS_MESSAGE (self), 0);
  return self->at;
}

void
sd_message_set_at (SdMessage *self, gint64 value)
{
  g_return_if_fail (SD_IS_MESSAGE (self));

  if (self->at == value)
    return;
  self->at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

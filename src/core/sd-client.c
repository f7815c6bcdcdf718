/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-client.c — getters and setters only (see the header). */

#include "config.h"

#include "sd-client.h"

struct _SdClient
{
  GObject parent_instance;

  gint64 id;
  char *remote_id;
  char *name;
  char *email;
  char *phone;
};

G_DEFINE_FINAL_TYPE (SdClient, sd_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REMOTE_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_client_finalize (GObject *object)
{
  SdClient *self = SD_CLIENT (object);

  g_free (self->remote_id);
  g_free (self->name);
  g_free (self->email);
  g_free (self->phone);

  G_OBJECT_CLASS (sd_client_parent_class)->finalize (object);
}

static void
sd_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdClient *self = SD_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_client_class_init (SdClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_client_finalize;
  object_class->get_property = sd_client_get_property;

  /* Read-only properties for list views' expressions. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_client_init (SdClient *self)
{
}

SdClient *
sd_client_new (void)
{
  return g_object_new (SD_TYPE_CLIENT, NULL);
}

gint64
sd_client_get_id (SdClient *self)
{
  g_return_val_if_fail (SD_IS_CLIENT (self), 0);
  return self->id;
}

void
sd_client_set_id (SdClient *self, gint64 value)
{
  g_return_if_fail (SD_IS_CLIENT (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sd_client_get_remote_id (SdClient *self)
{
  g_return_val_if_fail (SD_IS_CLIENT (self), NULL);
  return self->remote_id;
}

void
sd_client_set_remote_id (SdClient *self, const char *value)
{
  g_return_if_fail (SD_IS_CLIENT (self));

  if (g_strcmp0 (self->remote_id, value) == 0)
    return;
  g_free (self->remote_id);
  self->remote_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
}

const char *
sd_client_get_name (SdClient *self)
{
  g_return_val_if_fail (SD_IS_CLIENT (self), NULL);
  return self->name;
}

void
sd_client_set_name (SdClient *self, const char *value)
{
  g_return_if_fail (SD_IS_CLIENT (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
sd_client_get_email (SdClient *self)
{
  g_return_val_if_fail (SD_IS_CLIENT (self), NULL);
  return self->email;
}

void
sd_client_set_email (SdClient *self, const char *value)
{
  g_return_if_fail (SD_IS_CLIENT (self));

  if (g_strcmp0 (self->email, value) == 0)
    return;
  g_free (self->email);
  self->email = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
sd_client_get_phone (SdClient *self)
{
  g_return_val_if_fail (SD_IS_CLIENT (self), NULL);
  return self->phone;
}

void
sd_client_set_phone (SdClient *self, const char *value)
{
  g_return_if_fail (SD_IS_CLIENT (self));

  if (g_strcmp0 (self->phone, value) == 0)
    return;
  g_free (self->phone);
  self->phone = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-service.c — getters and setters only (see the header). */

#include "config.h"

#include "sd-service.h"

struct _SdService
{
  GObject parent_instance;

  gint64 id;
  char *remote_id;
  char *name;
  int duration_min;
  gint64 price_cents;
  char *currency;
};

G_DEFINE_FINAL_TYPE (SdService, sd_service, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REMOTE_ID,
  PROP_NAME,
  PROP_DURATION_MIN,
  PROP_PRICE_CENTS,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_service_finalize (GObject *object)
{
  SdService *self = SD_SERVICE (object);

  g_free (self->remote_id);
  g_free (self->name);
  g_free (self->currency);

  G_OBJECT_CLASS (sd_service_parent_class)->finalize (object);
}

static void
sd_service_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdService *self = SD_SERVICE (object);

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
    case PROP_DURATION_MIN:
      g_value_set_int (value, self->duration_min);
      break;
    case PROP_PRICE_CENTS:
      g_value_set_int64 (value, self->price_cents);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_service_class_init (SdServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_service_finalize;
  object_class->get_property = sd_service_get_property;

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
  properties[PROP_DURATION_MIN] =
    g_param_spec_int ("duration-min", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRICE_CENTS] =
    g_param_spec_int64 ("price-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_service_init (SdService *self)
{
}

SdService *
sd_service_new (void)
{
  return g_object_new (SD_TYPE_SERVICE, NULL);
}

gint64
sd_service_get_id (SdService *self)
{
  g_return_val_if_fail (SD_IS_SERVICE (self), 0);
  return self->id;
}

void
sd_service_set_id (SdService *self, gint64 value)
{
  g_return_if_fail (SD_IS_SERVICE (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sd_service_get_remote_id (SdService *self)
{
  g_return_val_if_fail (SD_IS_SERVICE (self), NULL);
  return self->remote_id;
}

void
sd_service_set_remote_id (SdService *self, const char *value)
{
  g_return_if_fail (SD_IS_SERVICE (self));

  if (g_strcmp0 (self->remote_id, value) == 0)
    return;
  g_free (self->remote_id);
  self->remote_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
}

const char *
sd_service_get_name (SdService *self)
{
  g_return_val_if_fail (SD_IS_SERVICE (self), NULL);
  return self->name;
}

void
sd_service_set_name (SdService *self, const char *value)
{
  g_return_if_fail (SD_IS_SERVICE (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

int
sd_service_get_duration_min (SdService *self)
{
  g_return_val_if_fail (SD_IS_SERVICE (self), 0);
  return self->duration_min;
}

void
sd_service_set_duration_min (SdService *self, int value)
{
  g_return_if_fail (SD_IS_SERVICE (self));

  if (self->duration_min == value)
    return;
  self->duration_min = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MIN]);
}

gint64
sd_service_get_price_cents (SdService *self)
{
  g_return_val_if_fail (SD_IS_SERVICE (self), 0);
  return self->price_cents;
}

void
sd_service_set_price_cents (SdService *self, gint64 value)
{
  g_return_if_fail (SD_IS_SERVICE (self));

  if (self->price_cents == value)
    return;
  self->price_cents = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_CENTS]);
}

const char *
sd_service_get_currency (SdService *self)
{
  g_return_val_if_fail (SD_IS_SERVICE (self), NULL);
  return self->currency;
}

void
sd_service_set_currency (SdService *self, const char *value)
{
  g_return_if_fail (SD_IS_SERVICE (self));

  if (g_strcmp0 (self->currency, value) == 0)
    return;
  g_free (self->currency);
  self->currency = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

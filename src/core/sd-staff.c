/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-staff.c — getters and setters only (see the header). */

#include "config.h"

#include "sd-staff.h"

struct _SdStaff
{
  GObject parent_instance;

  gint64 id;
  char *remote_id;
  char *name;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (SdStaff, sd_staff, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REMOTE_ID,
  PROP_NAME,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_staff_finalize (GObject *object)
{
  SdStaff *self = SD_STAFF (object);

  g_free (self->remote_id);
  g_free (self->name);

  G_OBJECT_CLASS (sd_staff_parent_class)->finalize (object);
}

static void
sd_staff_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdStaff *self = SD_STAFF (object);

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
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_staff_class_init (SdStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_staff_finalize;
  object_class->get_property = sd_staff_get_property;

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
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_staff_init (SdStaff *self)
{
  self->active = TRUE;
}

SdStaff *
sd_staff_new (void)
{
  return g_object_new (SD_TYPE_STAFF, NULL);
}

gint64
sd_staff_get_id (SdStaff *self)
{
  g_return_val_if_fail (SD_IS_STAFF (self), 0);
  return self->id;
}

void
sd_staff_set_id (SdStaff *self, gint64 value)
{
  g_return_if_fail (SD_IS_STAFF (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sd_staff_get_remote_id (SdStaff *self)
{
  g_return_val_if_fail (SD_IS_STAFF (self), NULL);
  return self->remote_id;
}

void
sd_staff_set_remote_id (SdStaff *self, const char *value)
{
  g_return_if_fail (SD_IS_STAFF (self));

  if (g_strcmp0 (self->remote_id, value) == 0)
    return;
  g_free (self->remote_id);
  self->remote_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
}

const char *
sd_staff_get_name (SdStaff *self)
{
  g_return_val_if_fail (SD_IS_STAFF (self), NULL);
  return self->name;
}

void
sd_staff_set_name (SdStaff *self, const char *value)
{
  g_return_if_fail (SD_IS_STAFF (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
sd_staff_get_active (SdStaff *self)
{
  g_return_val_if_fail (SD_IS_STAFF (self), FALSE);
  return self->active;
}

void
sd_staff_set_active (SdStaff *self, gboolean value)
{
  g_return_if_fail (SD_IS_STAFF (self));

  value = !!value;
  if (self->active == value)
    return;
  self->active = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

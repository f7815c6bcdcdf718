/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sd-clock.h"

struct _SdClock
{
  GObject parent_instance;
  gboolean fixed;
  gint64 now;
};

G_DEFINE_FINAL_TYPE (SdClock, sd_clock, G_TYPE_OBJECT)

enum { PROP_0, PROP_NOW, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
sd_clock_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdClock *self = SD_CLOCK (object);

  switch (prop_id)
    {
    case PROP_NOW:
      g_value_set_int64 (value, sd_clock_get_now (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_clock_class_init (SdClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sd_clock_get_property;

  properties[PROP_NOW] = g_param_spec_int64 ("now", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_clock_init (SdClock *self)
{
}

SdClock *
sd_clock_new_system (void)
{
  return g_object_new (SD_TYPE_CLOCK, NULL);
}

SdClock *
sd_clock_new_fixed (gint64 now)
{
  SdClock *self = g_object_new (SD_TYPE_CLOCK, NULL);

  self->fixed = TRUE;
  self->now = now;
  return self;
}

gint64
sd_clock_get_now (SdClock *self)
{
  g_return_val_if_fail (SD_IS_CLOCK (self), 0);

  if (self->fixed)
    return self->now;
  /* The only place in the project that reads the system's time. */
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
sd_clock_set_now (SdClock *self, gint64 now)
{
  g_return_if_fail (SD_IS_CLOCK (self));

  self->fixed = TRUE;
  self->now = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

void
sd_clock_advance (SdClock *self, gint64 seconds)
{
  g_return_if_fail (SD_IS_CLOCK (self));

  sd_clock_set_now (self, sd_clock_get_now (self) + seconds);
}

gboolean
sd_clock_is_fixed (SdClock *self)
{
  g_return_val_if_fail (SD_IS_CLOCK (self), FALSE);
  return self->fixed;
}

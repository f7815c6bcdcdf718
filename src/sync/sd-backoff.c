/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sd-backoff.h"

struct _SdBackoff
{
  GObject parent_instance;

  guint base_ms;
  guint max_ms;
  SdBackoffRandom random;
  gpointer random_data;
};

G_DEFINE_FINAL_TYPE (SdBackoff, sd_backoff, G_TYPE_OBJECT)

/* A Retry-After past this is taken as a mistake of the server, not a week-long pause. */
#define MAX_RETRY_AFTER_S 3600

static double
default_random (gpointer user_data)
{
  return g_random_double ();
}

static void
sd_backoff_class_init (SdBackoffClass *klass)
{
}

static void
sd_backoff_init (SdBackoff *self)
{
  self->random = default_random;
}

SdBackoff *
sd_backoff_new (guint base_ms, guint max_ms)
{
  SdBackoff *self = g_object_new (SD_TYPE_BACKOFF, NULL);

  self->base_ms = MAX (base_ms, 1);
  self->max_ms = MAX (max_ms, self->base_ms);
  return self;
}

guint
sd_backoff_get_base_ms (SdBackoff *self)
{
  g_return_val_if_fail (SD_IS_BACKOFF (self), 0);
  return self->base_ms;
}

guint
sd_backoff_get_max_ms (SdBackoff *self)
{
  g_return_val_if_fail (SD_IS_BACKOFF (self), 0);
  return self->max_ms;
}

void
sd_backoff_set_random (SdBackoff *self, SdBackoffRandom random, gpointer user_data)
{
  g_return_if_fail (SD_IS_BACKOFF (self));

  self->random = random != NULL ? random : default_random;
  self->random_data = user_data;
}

guint
sd_backoff_delay_ms (SdBackoff *self, guint attempt, gint64 retry_after_s)
{
  guint64 cap = self->base_ms;
  double r;
  guint64 delay;

  g_return_val_if_fail (SD_IS_BACKOFF (self), 0);

  for (guint i = 1; i < attempt && cap < self->max_ms; i++)
    cap *= 2;
  cap = MIN (cap, self->max_ms);
  r = CLAMP (self->random (self->random_data), 0.0, 1.0);
  delay = cap / 2 + (guint64) ((cap - cap / 2) * r);
  if (retry_after_s >= 0)
    delay = MAX (delay, (guint64) MIN (retry_after_s, MAX_RETRY_AFTER_S) * 1000);
  return (guint) delay;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-review.c — getters and setters only (see the header). */

#include "config.h"

#include "sd-review.h"

struct _SdReview
{
  GObject parent_instance;

  gint64 id;
  char *remote_id;
  gint64 appointment_id;
  int punctuality;
  int service;
  int value;
  int cleanliness;
  int relationship;
  char *comment;
  gint64 at;
  gboolean reported;
};

G_DEFINE_FINAL_TYPE (SdReview, sd_review, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REMOTE_ID,
  PROP_APPOINTMENT_ID,
  PROP_PUNCTUALITY,
  PROP_SERVICE,
  PROP_VALUE,
  PROP_CLEANLINESS,
  PROP_RELATIONSHIP,
  PROP_COMMENT,
  PROP_AT,
  PROP_REPORTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_review_finalize (GObject *object)
{
  SdReview *self = SD_REVIEW (object);

  g_free (self->remote_id);
  g_free (self->comment);

  G_OBJECT_CLASS (sd_review_parent_class)->finalize (object);
}

static void
sd_review_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdReview *self = SD_REVIEW (object);

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
    case PROP_PUNCTUALITY:
      g_value_set_int (value, self->punctuality);
      break;
    case PROP_SERVICE:
      g_value_set_int (value, self->service);
      break;
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    case PROP_CLEANLINESS:
      g_value_set_int (value, self->cleanliness);
      break;
    case PROP_RELATIONSHIP:
      g_value_set_int (value, self->relationship);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case PROP_REPORTED:
      g_value_set_boolean (value, self->reported);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_review_class_init (SdReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_review_finalize;
  object_class->get_property = sd_review_get_property;

  /* Read-only properties for list views' expressions. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT_ID] =
    g_param_spec_int64 ("appointment-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUNCTUALITY] =
    g_param_spec_int ("punctuality", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE] =
    g_param_spec_int ("service", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLEANLINESS] =
    g_param_spec_int ("cleanliness", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELATIONSHIP] =
    g_param_spec_int ("relationship", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORTED] =
    g_param_spec_boolean ("reported", NULL, NULL, FALSE,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_review_init (SdReview *self)
{
}

SdReview *
sd_review_new (void)
{
  return g_object_new (SD_TYPE_REVIEW, NULL);
}

gint64
sd_review_get_id (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), 0);
  return self->id;
}

void
sd_review_set_id (SdReview *self, gint64 value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sd_review_get_remote_id (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), NULL);
  return self->remote_id;
}

void
sd_review_set_remote_id (SdReview *self, const char *value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  if (g_strcmp0 (self->remote_id, value) == 0)
    return;
  g_free (self->remote_id);
  self->remote_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
}

gint64
sd_review_get_appointment_id (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), 0);
  return self->appointment_id;
}

void
sd_review_set_appointment_id (SdReview *self, gint64 value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  if (self->appointment_id == value)
    return;
  self->appointment_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_ID]);
}

int
sd_review_get_punctuality (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), 0);
  return self->punctuality;
}

void
sd_review_set_punctuality (SdReview *self, int value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  if (self->punctuality == value)
    return;
  self->punctuality = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUNCTUALITY]);
}

int
sd_review_get_service (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), 0);
  return self->service;
}

void
sd_review_set_service (SdReview *self, int value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  if (self->service == value)
    return;
  self->service = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

int
sd_review_get_value (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), 0);
  return self->value;
}

void
sd_review_set_value (SdReview *self, int value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  if (self->value == value)
    return;
  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

int
sd_review_get_cleanliness (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), 0);
  return self->cleanliness;
}

void
sd_review_set_cleanliness (SdReview *self, int value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  if (self->cleanliness == value)
    return;
  self->cleanliness = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEANLINESS]);
}

int
sd_review_get_relationship (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), 0);
  return self->relationship;
}

void
sd_review_set_relationship (SdReview *self, int value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  if (self->relationship == value)
    return;
  self->relationship = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIONSHIP]);
}

const char *
sd_review_get_comment (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), NULL);
  return self->comment;
}

void
sd_review_set_comment (SdReview *self, const char *value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  if (g_strcmp0 (self->comment, value) == 0)
    return;
  g_free (self->comment);
  self->comment = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMENT]);
}

gint64
sd_review_get_at (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), 0);
  return self->at;
}

void
sd_review_set_at (SdReview *self, gint64 value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  if (self->at == value)
    return;
  self->at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

gboolean
sd_review_get_reported (SdReview *self)
{
  g_return_val_if_fail (SD_IS_REVIEW (self), FALSE);
  return self->reported;
}

void
sd_review_set_reported (SdReview *self, gboolean value)
{
  g_return_if_fail (SD_IS_REVIEW (self));

  value = !!value;
  if (self->reported == value)
    return;
  self->reported = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORTED]);
}

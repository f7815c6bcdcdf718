/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-inbox-item.c — getters and setters only (see the header). */

#include "config.h"

#include "sd-inbox-item.h"

struct _SdInboxItem
{
  GObject parent_instance;

  SdInboxKind kind;
  gint64 appointment_id;
  gint64 complaint_id;
  gint64 deadline;
  SdState state;
  gint64 start;
  char *client_name;
  char *service_name;
  char *staff_name;
  guint overlap_count;
  gint64 overlap_start;
  char *overlap_client_name;
};

G_DEFINE_FINAL_TYPE (SdInboxItem, sd_inbox_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_APPOINTMENT_ID,
  PROP_COMPLAINT_ID,
  PROP_DEADLINE,
  PROP_STATE,
  PROP_START,
  PROP_CLIENT_NAME,
  PROP_SERVICE_NAME,
  PROP_STAFF_NAME,
  PROP_OVERLAP_COUNT,
  PROP_OVERLAP_START,
  PROP_OVERLAP_CLIENT_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_inbox_item_finalize (GObject *object)
{
  SdInboxItem *self = SD_INBOX_ITEM (object);

  g_free (self->client_name);
  g_free (self->service_name);
  g_free (self->staff_name);
  g_free (self->overlap_client_name);

  G_OBJECT_CLASS (sd_inbox_item_parent_class)->finalize (object);
}

static void
sd_inbox_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdInboxItem *self = SD_INBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_APPOINTMENT_ID:
      g_value_set_int64 (value, self->appointment_id);
      break;
    case PROP_COMPLAINT_ID:
      g_value_set_int64 (value, self->complaint_id);
      break;
    case PROP_DEADLINE:
      g_value_set_int64 (value, self->deadline);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case PROP_SERVICE_NAME:
      g_value_set_string (value, self->service_name);
      break;
    case PROP_STAFF_NAME:
      g_value_set_string (value, self->staff_name);
      break;
    case PROP_OVERLAP_COUNT:
      g_value_set_uint (value, self->overlap_count);
      break;
    case PROP_OVERLAP_START:
      g_value_set_int64 (value, self->overlap_start);
      break;
    case PROP_OVERLAP_CLIENT_NAME:
      g_value_set_string (value, self->overlap_client_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_inbox_item_class_init (SdInboxItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_inbox_item_finalize;
  object_class->get_property = sd_inbox_item_get_property;

  /* Read-only properties for list views' expressions; enumerations are ints because they
   * are not registered as GEnums. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT_ID] =
    g_param_spec_int64 ("appointment-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLAINT_ID] =
    g_param_spec_int64 ("complaint-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE] =
    g_param_spec_int64 ("deadline", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE_NAME] =
    g_param_spec_string ("service-name", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF_NAME] =
    g_param_spec_string ("staff-name", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERLAP_COUNT] =
    g_param_spec_uint ("overlap-count", NULL, NULL, 0, G_MAXUINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERLAP_START] =
    g_param_spec_int64 ("overlap-start", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERLAP_CLIENT_NAME] =
    g_param_spec_string ("overlap-client-name", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_inbox_item_init (SdInboxItem *self)
{
}

SdInboxItem *
sd_inbox_item_new (void)
{
  return g_object_new (SD_TYPE_INBOX_ITEM, NULL);
}

SdInboxKind
sd_inbox_item_get_kind (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), 0);
  return self->kind;
}

void
sd_inbox_item_set_kind (SdInboxItem *self, SdInboxKind value)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (self));

  if (self->kind == value)
    return;
  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
sd_inbox_item_get_appointment_id (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), 0);
  return self->appointment_id;
}

void
sd_inbox_item_set_appointment_id (SdInboxItem *self, gint64 value)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (self));

  if (self->appointment_id == value)
    return;
  self->appointment_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_ID]);
}

gint64
sd_inbox_item_get_complaint_id (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), 0);
  return self->complaint_id;
}

void
sd_inbox_item_set_complaint_id (SdInboxItem *self, gint64 value)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (self));

  if (self->complaint_id == value)
    return;
  self->complaint_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT_ID]);
}

gint64
sd_inbox_item_get_deadline (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), 0);
  return self->deadline;
}

void
sd_inbox_item_set_deadline (SdInboxItem *self, gint64 value)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (self));

  if (self->deadline == value)
    return;
  self->deadline = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

SdState
sd_inbox_item_get_state (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), 0);
  return self->state;
}

void
sd_inbox_item_set_state (SdInboxItem *self, SdState value)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (self));

  if (self->state == value)
    return;
  self->state = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gint64
sd_inbox_item_get_start (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), 0);
  return self->start;
}

void
sd_inbox_item_set_start (SdInboxItem *self, gint64 value)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (self));

  if (self->start == value)
    return;
  self->start = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

const char *
sd_inbox_item_get_client_name (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), NULL);
  return self->client_name;
}

void
sd_inbox_item_set_client_name (SdInboxItem *self, const char *value)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (self));

  if (g_strcmp0 (self->client_name, value) == 0)
    return;
  g_free (self->client_name);
  self->client_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_NAME]);
}

const char *
sd_inbox_item_get_service_name (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), NULL);
  return self->service_name;
}

void
sd_inbox_item_set_service_name (SdInboxItem *self, const char *value)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (self));

  if (g_strcmp0 (self->service_name, value) == 0)
    return;
  g_free (self->service_name);
  self->service_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_NAME]);
}

const char *
sd_inbox_item_get_staff_name (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), NULL);
  return self->staff_name;
}

void
sd_inbox_item_set_staff_name (SdInboxItem *self, const char *value)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (self));

  if (g_strcmp0 (self->staff_name, value) == 0)
    return;
  g_free (self->staff_name);
  self->staff_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_NAME]);
}

guint
sd_inbox_item_get_overlap_count (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), 0);
  return self->overlap_count;
}

gint64
sd_inbox_item_get_overlap_start (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), 0);
  return self->overlap_start;
}

const char *
sd_inbox_item_get_overlap_client_name (SdInboxItem *self)
{
  g_return_val_if_fail (SD_IS_INBOX_ITEM (self), NULL);
  return self->overlap_client_name;
}

void
sd_inbox_item_set_overlap (SdInboxItem *self, guint count, gint64 first_start,
                           const char *first_client_name)
{
  g_return_if_fail (SD_IS_INBOX_ITEM (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (count == 0)
    {
      first_start = 0;
      first_client_name = NULL;
    }
  if (self->overlap_count != count)
    {
      self->overlap_count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERLAP_COUNT]);
    }
  if (self->overlap_start != first_start)
    {
      self->overlap_start = first_start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERLAP_START]);
    }
  if (g_strcmp0 (self->overlap_client_name, first_client_name) != 0)
    {
      g_free (self->overlap_client_name);
      self->overlap_client_name = g_strdup (first_client_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERLAP_CLIENT_NAME]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-history-entry.c — getters and setters only (see the header). */

#include "config.h"

#include "sd-history-entry.h"

struct _SdHistoryEntry
{
  GObject parent_instance;

  gint64 id;
  gint64 appointment_id;
  gint64 at;
  char *event;
  SdAction action;
  SdParty by;
  SdState from_state;
  SdState to_state;
  char *detail;
  gint64 amount_cents;
};

G_DEFINE_FINAL_TYPE (SdHistoryEntry, sd_history_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_APPOINTMENT_ID,
  PROP_AT,
  PROP_EVENT,
  PROP_ACTION,
  PROP_BY,
  PROP_FROM_STATE,
  PROP_TO_STATE,
  PROP_DETAIL,
  PROP_AMOUNT_CENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_history_entry_finalize (GObject *object)
{
  SdHistoryEntry *self = SD_HISTORY_ENTRY (object);

  g_free (self->event);
  g_free (self->detail);

  G_OBJECT_CLASS (sd_history_entry_parent_class)->finalize (object);
}

static void
sd_history_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdHistoryEntry *self = SD_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_APPOINTMENT_ID:
      g_value_set_int64 (value, self->appointment_id);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case PROP_EVENT:
      g_value_set_string (value, self->event);
      break;
    case PROP_ACTION:
      g_value_set_int (value, self->action);
      break;
    case PROP_BY:
      g_value_set_int (value, self->by);
      break;
    case PROP_FROM_STATE:
      g_value_set_int (value, self->from_state);
      break;
    case PROP_TO_STATE:
      g_value_set_int (value, self->to_state);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_history_entry_class_init (SdHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_history_entry_finalize;
  object_class->get_property = sd_history_entry_get_property;

  /* Read-only properties for list views' expressions; enumerations are ints because they
   * are not registered as GEnums. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT_ID] =
    g_param_spec_int64 ("appointment-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
    g_param_spec_string ("event", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_int ("action", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BY] =
    g_param_spec_int ("by", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM_STATE] =
    g_param_spec_int ("from-state", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO_STATE] =
    g_param_spec_int ("to-state", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_history_entry_init (SdHistoryEntry *self)
{
}

SdHistoryEntry *
sd_history_entry_new (void)
{
  return g_object_new (SD_TYPE_HISTORY_ENTRY, NULL);
}

gint64
sd_history_entry_get_id (SdHistoryEntry *self)
{
  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (self), 0);
  return self->id;
}

void
sd_history_entry_set_id (SdHistoryEntry *self, gint64 value)
{
  g_return_if_fail (SD_IS_HISTORY_ENTRY (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
sd_history_entry_get_appointment_id (SdHistoryEntry *self)
{
  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (self), 0);
  return self->appointment_id;
}

void
sd_history_entry_set_appointment_id (SdHistoryEntry *self, gint64 value)
{
  g_return_if_fail (SD_IS_HISTORY_ENTRY (self));

  if (self->appointment_id == value)
    return;
  self->appointment_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_ID]);
}

gint64
sd_history_entry_get_at (SdHistoryEntry *self)
{
  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (self), 0);
  return self->at;
}

void
sd_history_entry_set_at (SdHistoryEntry *self, gint64 value)
{
  g_return_if_fail (SD_IS_HISTORY_ENTRY (self));

  if (self->at == value)
    return;
  self->at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

const char *
sd_history_entry_get_event (SdHistoryEntry *self)
{
  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (self), NULL);
  return self->event;
}

void
sd_history_entry_set_event (SdHistoryEntry *self, const char *value)
{
  g_return_if_fail (SD_IS_HISTORY_ENTRY (self));

  if (g_strcmp0 (self->event, value) == 0)
    return;
  g_free (self->event);
  self->event = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

SdAction
sd_history_entry_get_action (SdHistoryEntry *self)
{
  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (self), 0);
  return self->action;
}

void
sd_history_entry_set_action (SdHistoryEntry *self, SdAction value)
{
  g_return_if_fail (SD_IS_HISTORY_ENTRY (self));

  if (self->action == value)
    return;
  self->action = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

SdParty
sd_history_entry_get_by (SdHistoryEntry *self)
{
  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (self), 0);
  return self->by;
}

void
sd_history_entry_set_by (SdHistoryEntry *self, SdParty value)
{
  g_return_if_fail (SD_IS_HISTORY_ENTRY (self));

  if (self->by == value)
    return;
  self->by = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BY]);
}

SdState
sd_history_entry_get_from_state (SdHistoryEntry *self)
{
  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (self), 0);
  return self->from_state;
}

void
sd_history_entry_set_from_state (SdHistoryEntry *self, SdState value)
{
  g_return_if_fail (SD_IS_HISTORY_ENTRY (self));

  if (self->from_state == value)
    return;
  self->from_state = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_STATE]);
}

SdState
sd_history_entry_get_to_state (SdHistoryEntry *self)
{
  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (self), 0);
  return self->to_state;
}

void
sd_history_entry_set_to_state (SdHistoryEntry *self, SdState value)
{
  g_return_if_fail (SD_IS_HISTORY_ENTRY (self));

  if (self->to_state == value)
    return;
  self->to_state = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_STATE]);
}

const char *
sd_history_entry_get_detail (SdHistoryEntry *self)
{
  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (self), NULL);
  return self->detail;
}

void
sd_history_entry_set_detail (SdHistoryEntry *self, const char *value)
{
  g_return_if_fail (SD_IS_HISTORY_ENTRY (self));

  if (g_strcmp0 (self->detail, value) == 0)
    return;
  g_free (self->detail);
  self->detail = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}

gint64
sd_history_entry_get_amount_cents (SdHistoryEntry *self)
{
  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (self), 0);
  return self->amount_cents;
}

void
sd_history_entry_set_amount_cents (SdHistoryEntry *self, gint64 value)
{
  g_return_if_fail (SD_IS_HISTORY_ENTRY (self));

  if (self->amount_cents == value)
    return;
  self->amount_cents = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_CENTS]);
}

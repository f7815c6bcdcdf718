/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-transaction.c — getters and setters only (see the header). */

#include "config.h"

#include "sd-transaction.h"

struct _SdTransaction
{
  GObject parent_instance;

  gint64 id;
  char *remote_id;
  gint64 appointment_id;
  SdTransactionKind kind;
  gint64 amount_cents;
  char *currency;
  gint64 at;
};

G_DEFINE_FINAL_TYPE (SdTransaction, sd_transaction, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REMOTE_ID,
  PROP_APPOINTMENT_ID,
  PROP_KIND,
  PROP_AMOUNT_CENTS,
  PROP_CURRENCY,
  PROP_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_transaction_finalize (GObject *object)
{
  SdTransaction *self = SD_TRANSACTION (object);

  g_free (self->remote_id);
  g_free (self->currency);

  G_OBJECT_CLASS (sd_transaction_parent_class)->finalize (object);
}

static void
sd_transaction_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdTransaction *self = SD_TRANSACTION (object);

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
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_transaction_class_init (SdTransactionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_transaction_finalize;
  object_class->get_property = sd_transaction_get_property;

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
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_transaction_init (SdTransaction *self)
{
}

SdTransaction *
sd_transaction_new (void)
{
  return g_object_new (SD_TYPE_TRANSACTION, NULL);
}

gint64
sd_transaction_get_id (SdTransaction *self)
{
  g_return_val_if_fail (SD_IS_TRANSACTION (self), 0);
  return self->id;
}

void
sd_transaction_set_id (SdTransaction *self, gint64 value)
{
  g_return_if_fail (SD_IS_TRANSACTION (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sd_transaction_get_remote_id (SdTransaction *self)
{
  g_return_val_if_fail (SD_IS_TRANSACTION (self), NULL);
  return self->remote_id;
}

void
sd_transaction_set_remote_id (SdTransaction *self, const char *value)
{
  g_return_if_fail (SD_IS_TRANSACTION (self));

  if (g_strcmp0 (self->remote_id, value) == 0)
    return;
  g_free (self->remote_id);
  self->remote_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
}

gint64
sd_transaction_get_appointment_id (SdTransaction *self)
{
  g_return_val_if_fail (SD_IS_TRANSACTION (self), 0);
  return self->appointment_id;
}

void
sd_transaction_set_appointment_id (SdTransaction *self, gint64 value)
{
  g_return_if_fail (SD_IS_TRANSACTION (self));

  if (self->appointment_id == value)
    return;
  self->appointment_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_ID]);
}

SdTransactionKind
sd_transaction_get_kind (SdTransaction *self)
{
  g_return_val_if_fail (SD_IS_TRANSACTION (self), 0);
  return self->kind;
}

void
sd_transaction_set_kind (SdTransaction *self, SdTransactionKind value)
{
  g_return_if_fail (SD_IS_TRANSACTION (self));

  if (self->kind == value)
    return;
  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
sd_transaction_get_amount_cents (SdTransaction *self)
{
  g_return_val_if_fail (SD_IS_TRANSACTION (self), 0);
  return self->amount_cents;
}

void
sd_transaction_set_amount_cents (SdTransaction *self, gint64 value)
{
  g_return_if_fail (SD_IS_TRANSACTION (self));

  if (self->amount_cents == value)
    return;
  self->amount_cents = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_CENTS]);
}

const char *
sd_transaction_get_currency (SdTransaction *self)
{
  g_return_val_if_fail (SD_IS_TRANSACTION (self), NULL);
  return self->currency;
}

void
sd_transaction_set_currency (SdTransaction *self, const char *value)
{
  g_return_if_fail (SD_IS_TRANSACTION (self));

  if (g_strcmp0 (self->currency, value) == 0)
    return;
  g_free (self->currency);
  self->currency = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gint64
sd_transaction_get_at (SdTransaction *self)
{
  g_return_val_if_fail (SD_IS_TRANSACTION (self), 0);
  return self->at;
}

void
sd_transaction_set_at (SdTransaction *self, gint64 value)
{
  g_return_if_fail (SD_IS_TRANSACTION (self));

  if (self->at == value)
    return;
  self->at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

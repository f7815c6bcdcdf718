/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-appointment.c — getters and setters only: the rules live elsewhere (see the header). */

#include "config.h"

#include <string.h>

#include "sd-appointment.h"

struct _SdAppointment
{
  GObject parent_instance;

  gint64 id;
  char *remote_id;
  gint64 version;
  SdState state;
  SdState state_before_dispute;
  gint64 start;
  gint64 end;
  gint64 staff_id;
  char *staff_name;
  gint64 service_id;
  char *service_name;
  gint64 price_cents;
  char *currency;
  gint64 client_id;
  char *client_name;
  char *client_email;
  char *client_phone;
  gboolean phone_revealed;
  SdPaymentMode payment_mode;
  gint64 amount_cents;
  gint64 refunded_cents;
  gint64 created_at;
  gint64 confirm_by;
  gint64 updated_at;
  gint64 checked_in_at;
  gint64 checked_out_at;
  gint64 complaint_id;
  gboolean review_requested;
  SdCancellation *cancellation;
  GArray *proposed_starts; /* gint64 */
};

G_DEFINE_FINAL_TYPE (SdAppointment, sd_appointment, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (SdCancellation, sd_cancellation, sd_cancellation_copy, sd_cancellation_free)

enum { PROP_0, PROP_ID, PROP_STATE, PROP_START, PROP_END, PROP_STAFF_ID, PROP_STAFF_NAME, PROP_SERVICE_NAME, PROP_CLIENT_NAME, PROP_CLIENT_PHONE, PROP_COMPLAINT_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

SdCancellation *
sd_cancellation_copy (const SdCancellation *self)
{
  SdCancellation *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->note = g_strdup (self->note);
  return copy;
}

void
sd_cancellation_free (SdCancellation *self)
{
  if (self == NULL)
    return;
  g_free (self->note);
  g_free (self);
}

static void
sd_appointment_finalize (GObject *object)
{
  SdAppointment *self = SD_APPOINTMENT (object);

  g_free (self->remote_id);
  g_free (self->staff_name);
  g_free (self->service_name);
  g_free (self->currency);
  g_free (self->client_name);
  g_free (self->client_email);
  g_free (self->client_phone);
  g_clear_pointer (&self->cancellation, sd_cancellation_free);
  g_array_unref (self->proposed_starts);

  G_OBJECT_CLASS (sd_appointment_parent_class)->finalize (object);
}

static void
sd_appointment_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdAppointment *self = SD_APPOINTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->staff_id);
      break;
    case PROP_STAFF_NAME:
      g_value_set_string (value, self->staff_name);
      break;
    case PROP_SERVICE_NAME:
      g_value_set_string (value, self->service_name);
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case PROP_CLIENT_PHONE:
      g_value_set_string (value, self->client_phone);
      break;
    case PROP_COMPLAINT_ID:
      g_value_set_int64 (value, self->complaint_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_appointment_class_init (SdAppointmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_appointment_finalize;
  object_class->get_property = sd_appointment_get_property;

  /* Read-only properties for list views' expressions and bindings; the rest are
   * plain getters. The state is an int: SdState is not registered as a GEnum. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, SD_N_STATES - 1, 0,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] = g_param_spec_int64 ("start", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] = g_param_spec_int64 ("end", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF_ID] = g_param_spec_int64 ("staff-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF_NAME] = g_param_spec_string ("staff-name", NULL, NULL, NULL,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE_NAME] = g_param_spec_string ("service-name", NULL, NULL, NULL,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_NAME] = g_param_spec_string ("client-name", NULL, NULL, NULL,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_PHONE] = g_param_spec_string ("client-phone", NULL, NULL, NULL,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLAINT_ID] = g_param_spec_int64 ("complaint-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_appointment_init (SdAppointment *self)
{
  self->proposed_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->payment_mode = SD_PAYMENT_AT_SALON;
}

SdAppointment *
sd_appointment_new (void)
{
  return g_object_new (SD_TYPE_APPOINTMENT, NULL);
}

SdAppointment *
sd_appointment_copy (SdAppointment *self)
{
  SdAppointment *copy;
  GArray *starts;

  g_return_val_if_fail (SD_IS_APPOINTMENT (self), NULL);

  copy = sd_appointment_new ();
  starts = copy->proposed_starts;
  /* Copy every plain field at once, then give the copy its own strings and arrays. */
  memcpy ((char *) copy + sizeof (GObject), (char *) self + sizeof (GObject),
          sizeof (SdAppointment) - sizeof (GObject));
  copy->remote_id = g_strdup (self->remote_id);
  copy->staff_name = g_strdup (self->staff_name);
  copy->service_name = g_strdup (self->service_name);
  copy->currency = g_strdup (self->currency);
  copy->client_name = g_strdup (self->client_name);
  copy->client_email = g_strdup (self->client_email);
  copy->client_phone = g_strdup (self->client_phone);
  copy->cancellation = self->cancellation ? sd_cancellation_copy (self->cancellation) : NULL;
  copy->proposed_starts = starts;
  g_array_append_vals (starts, self->proposed_starts->data, self->proposed_starts->len);
  return copy;
}

gint64
sd_appointment_get_id (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->id;
}

void
sd_appointment_set_id (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sd_appointment_get_remote_id (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), NULL);
  return self->remote_id;
}

void
sd_appointment_set_remote_id (SdAppointment *self, const char *value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (g_strcmp0 (self->remote_id, value) == 0)
    return;
  g_free (self->remote_id);
  self->remote_id = g_strdup (value);
}

gint64
sd_appointment_get_version (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->version;
}

void
sd_appointment_set_version (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->version == value)
    return;
  self->version = value;
}

SdState
sd_appointment_get_state (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->state;
}

void
sd_appointment_set_state (SdAppointment *self, SdState value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->state == value)
    return;
  self->state = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

SdState
sd_appointment_get_state_before_dispute (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->state_before_dispute;
}

void
sd_appointment_set_state_before_dispute (SdAppointment *self, SdState value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->state_before_dispute == value)
    return;
  self->state_before_dispute = value;
}

gint64
sd_appointment_get_start (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->start;
}

void
sd_appointment_set_start (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->start == value)
    return;
  self->start = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

gint64
sd_appointment_get_end (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->end;
}

void
sd_appointment_set_end (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->end == value)
    return;
  self->end = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

gint64
sd_appointment_get_staff_id (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->staff_id;
}

void
sd_appointment_set_staff_id (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->staff_id == value)
    return;
  self->staff_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
}

const char *
sd_appointment_get_staff_name (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), NULL);
  return self->staff_name;
}

void
sd_appointment_set_staff_name (SdAppointment *self, const char *value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (g_strcmp0 (self->staff_name, value) == 0)
    return;
  g_free (self->staff_name);
  self->staff_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_NAME]);
}

gint64
sd_appointment_get_service_id (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->service_id;
}

void
sd_appointment_set_service_id (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->service_id == value)
    return;
  self->service_id = value;
}

const char *
sd_appointment_get_service_name (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), NULL);
  return self->service_name;
}

void
sd_appointment_set_service_name (SdAppointment *self, const char *value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (g_strcmp0 (self->service_name, value) == 0)
    return;
  g_free (self->service_name);
  self->service_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_NAME]);
}

gint64
sd_appointment_get_price_cents (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->price_cents;
}

void
sd_appointment_set_price_cents (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->price_cents == value)
    return;
  self->price_cents = value;
}

const char *
sd_appointment_get_currency (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), NULL);
  return self->currency;
}

void
sd_appointment_set_currency (SdAppointment *self, const char *value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (g_strcmp0 (self->currency, value) == 0)
    return;
  g_free (self->currency);
  self->currency = g_strdup (value);
}

gint64
sd_appointment_get_client_id (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->client_id;
}

void
sd_appointment_set_client_id (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->client_id == value)
    return;
  self->client_id = value;
}

const char *
sd_appointment_get_client_name (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), NULL);
  return self->client_name;
}

void
sd_appointment_set_client_name (SdAppointment *self, const char *value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (g_strcmp0 (self->client_name, value) == 0)
    return;
  g_free (self->client_name);
  self->client_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_NAME]);
}

const char *
sd_appointment_get_client_email (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), NULL);
  return self->client_email;
}

void
sd_appointment_set_client_email (SdAppointment *self, const char *value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (g_strcmp0 (self->client_email, value) == 0)
    return;
  g_free (self->client_email);
  self->client_email = g_strdup (value);
}

const char *
sd_appointment_get_client_phone (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), NULL);
  return self->client_phone;
}

void
sd_appointment_set_client_phone (SdAppointment *self, const char *value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (g_strcmp0 (self->client_phone, value) == 0)
    return;
  g_free (self->client_phone);
  self->client_phone = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_PHONE]);
}

gboolean
sd_appointment_get_phone_revealed (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), FALSE);
  return self->phone_revealed;
}

void
sd_appointment_set_phone_revealed (SdAppointment *self, gboolean value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->phone_revealed == value)
    return;
  self->phone_revealed = value;
}

SdPaymentMode
sd_appointment_get_payment_mode (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->payment_mode;
}

void
sd_appointment_set_payment_mode (SdAppointment *self, SdPaymentMode value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->payment_mode == value)
    return;
  self->payment_mode = value;
}

gint64
sd_appointment_get_amount_cents (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->amount_cents;
}

void
sd_appointment_set_amount_cents (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->amount_cents == value)
    return;
  self->amount_cents = value;
}

gint64
sd_appointment_get_refunded_cents (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->refunded_cents;
}

void
sd_appointment_set_refunded_cents (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->refunded_cents == value)
    return;
  self->refunded_cents = value;
}

gint64
sd_appointment_get_created_at (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->created_at;
}

void
sd_appointment_set_created_at (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->created_at == value)
    return;
  self->created_at = value;
}

gint64
sd_appointment_get_confirm_by (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->confirm_by;
}

void
sd_appointment_set_confirm_by (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->confirm_by == value)
    return;
  self->confirm_by = value;
}

gint64
sd_appointment_get_updated_at (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->updated_at;
}

void
sd_appointment_set_updated_at (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->updated_at == value)
    return;
  self->updated_at = value;
}

gint64
sd_appointment_get_checked_in_at (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->checked_in_at;
}

void
sd_appointment_set_checked_in_at (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->checked_in_at == value)
    return;
  self->checked_in_at = value;
}

gint64
sd_appointment_get_checked_out_at (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->checked_out_at;
}

void
sd_appointment_set_checked_out_at (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->checked_out_at == value)
    return;
  self->checked_out_at = value;
}

gint64
sd_appointment_get_complaint_id (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return self->complaint_id;
}

void
sd_appointment_set_complaint_id (SdAppointment *self, gint64 value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->complaint_id == value)
    return;
  self->complaint_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT_ID]);
}

gboolean
sd_appointment_get_review_requested (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), FALSE);
  return self->review_requested;
}

void
sd_appointment_set_review_requested (SdAppointment *self, gboolean value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  if (self->review_requested == value)
    return;
  self->review_requested = value;
}

const SdCancellation *
sd_appointment_get_cancellation (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), NULL);
  return self->cancellation;
}

void
sd_appointment_set_cancellation (SdAppointment *self, const SdCancellation *value)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));

  g_clear_pointer (&self->cancellation, sd_cancellation_free);
  if (value != NULL)
    self->cancellation = sd_cancellation_copy (value);
}

const gint64 *
sd_appointment_get_proposed_starts (SdAppointment *self, guint *n_starts)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), NULL);

  if (n_starts)
    *n_starts = self->proposed_starts->len;
  return (const gint64 *) (gpointer) self->proposed_starts->data;
}

void
sd_appointment_set_proposed_starts (SdAppointment *self, const gint64 *starts, guint n_starts)
{
  g_return_if_fail (SD_IS_APPOINTMENT (self));
  g_return_if_fail (n_starts == 0 || starts != NULL);
  g_return_if_fail (n_starts <= 3);

  g_array_set_size (self->proposed_starts, 0);
  g_array_append_vals (self->proposed_starts, starts, n_starts);
}

int
sd_appointment_get_duration_min (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return (int) ((self->end - self->start) / 60);
}

gint64
sd_appointment_get_refundable_cents (SdAppointment *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT (self), 0);
  return MAX (0, self->amount_cents - self->refunded_cents);
}

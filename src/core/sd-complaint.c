/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaint.c — getters and setters only (see the header). */

#include "config.h"

#include "sd-complaint.h"

struct _SdComplaint
{
  GObject parent_instance;

  gint64 id;
  char *remote_id;
  gint64 version;
  gint64 appointment_id;
  SdParty opened_by;
  gint64 opened_at;
  char *reason;
  gint64 refund_requested_cents;
  SdDeadlineKind deadline_kind;
  gint64 reply_by;
  SdComplaintStatus status;
  SdResponseAction response_action;
  gint64 response_amount_cents;
  gint64 response_redo_start;
  char *response_body;
  gint64 responded_at;
  SdOutcome outcome;
  gint64 outcome_amount_cents;
  char *outcome_note;
  gint64 resolved_at;
  char *client_name;
  char *service_name;
  gint64 appointment_start;
  char **attachments;
};

G_DEFINE_FINAL_TYPE (SdComplaint, sd_complaint, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REMOTE_ID,
  PROP_VERSION,
  PROP_APPOINTMENT_ID,
  PROP_OPENED_BY,
  PROP_OPENED_AT,
  PROP_REASON,
  PROP_REFUND_REQUESTED_CENTS,
  PROP_DEADLINE_KIND,
  PROP_REPLY_BY,
  PROP_STATUS,
  PROP_RESPONSE_ACTION,
  PROP_RESPONSE_AMOUNT_CENTS,
  PROP_RESPONSE_REDO_START,
  PROP_RESPONSE_BODY,
  PROP_RESPONDED_AT,
  PROP_OUTCOME,
  PROP_OUTCOME_AMOUNT_CENTS,
  PROP_OUTCOME_NOTE,
  PROP_RESOLVED_AT,
  PROP_CLIENT_NAME,
  PROP_SERVICE_NAME,
  PROP_APPOINTMENT_START,
  PROP_ATTACHMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sd_complaint_finalize (GObject *object)
{
  SdComplaint *self = SD_COMPLAINT (object);

  g_free (self->remote_id);
  g_free (self->reason);
  g_free (self->response_body);
  g_free (self->outcome_note);
  g_free (self->client_name);
  g_free (self->service_name);
  g_strfreev (self->attachments);

  G_OBJECT_CLASS (sd_complaint_parent_class)->finalize (object);
}

static void
sd_complaint_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdComplaint *self = SD_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_APPOINTMENT_ID:
      g_value_set_int64 (value, self->appointment_id);
      break;
    case PROP_OPENED_BY:
      g_value_set_int (value, self->opened_by);
      break;
    case PROP_OPENED_AT:
      g_value_set_int64 (value, self->opened_at);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_REFUND_REQUESTED_CENTS:
      g_value_set_int64 (value, self->refund_requested_cents);
      break;
    case PROP_DEADLINE_KIND:
      g_value_set_int (value, self->deadline_kind);
      break;
    case PROP_REPLY_BY:
      g_value_set_int64 (value, self->reply_by);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_RESPONSE_ACTION:
      g_value_set_int (value, self->response_action);
      break;
    case PROP_RESPONSE_AMOUNT_CENTS:
      g_value_set_int64 (value, self->response_amount_cents);
      break;
    case PROP_RESPONSE_REDO_START:
      g_value_set_int64 (value, self->response_redo_start);
      break;
    case PROP_RESPONSE_BODY:
      g_value_set_string (value, self->response_body);
      break;
    case PROP_RESPONDED_AT:
      g_value_set_int64 (value, self->responded_at);
      break;
    case PROP_OUTCOME:
      g_value_set_int (value, self->outcome);
      break;
    case PROP_OUTCOME_AMOUNT_CENTS:
      g_value_set_int64 (value, self->outcome_amount_cents);
      break;
    case PROP_OUTCOME_NOTE:
      g_value_set_string (value, self->outcome_note);
      break;
    case PROP_RESOLVED_AT:
      g_value_set_int64 (value, self->resolved_at);
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case PROP_SERVICE_NAME:
      g_value_set_string (value, self->service_name);
      break;
    case PROP_APPOINTMENT_START:
      g_value_set_int64 (value, self->appointment_start);
      break;
    case PROP_ATTACHMENTS:
      g_value_set_boxed (value, self->attachments);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_complaint_class_init (SdComplaintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_complaint_finalize;
  object_class->get_property = sd_complaint_get_property;

  /* Read-only properties for list views' expressions; enumerations are ints because they
   * are not registered as GEnums. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT_ID] =
    g_param_spec_int64 ("appointment-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENED_BY] =
    g_param_spec_int ("opened-by", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENED_AT] =
    g_param_spec_int64 ("opened-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFUND_REQUESTED_CENTS] =
    g_param_spec_int64 ("refund-requested-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE_KIND] =
    g_param_spec_int ("deadline-kind", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLY_BY] =
    g_param_spec_int64 ("reply-by", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONSE_ACTION] =
    g_param_spec_int ("response-action", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONSE_AMOUNT_CENTS] =
    g_param_spec_int64 ("response-amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONSE_REDO_START] =
    g_param_spec_int64 ("response-redo-start", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONSE_BODY] =
    g_param_spec_string ("response-body", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONDED_AT] =
    g_param_spec_int64 ("responded-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME] =
    g_param_spec_int ("outcome", NULL, NULL, G_MININT, G_MAXINT, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME_AMOUNT_CENTS] =
    g_param_spec_int64 ("outcome-amount-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME_NOTE] =
    g_param_spec_string ("outcome-note", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLVED_AT] =
    g_param_spec_int64 ("resolved-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE_NAME] =
    g_param_spec_string ("service-name", NULL, NULL, NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT_START] =
    g_param_spec_int64 ("appointment-start", NULL, NULL, G_MININT64, G_MAXINT64, 0,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTACHMENTS] =
    g_param_spec_boxed ("attachments", NULL, NULL, G_TYPE_STRV,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_complaint_init (SdComplaint *self)
{
}

SdComplaint *
sd_complaint_new (void)
{
  return g_object_new (SD_TYPE_COMPLAINT, NULL);
}

gint64
sd_complaint_get_id (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->id;
}

void
sd_complaint_set_id (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sd_complaint_get_remote_id (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), NULL);
  return self->remote_id;
}

void
sd_complaint_set_remote_id (SdComplaint *self, const char *value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (g_strcmp0 (self->remote_id, value) == 0)
    return;
  g_free (self->remote_id);
  self->remote_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
}

gint64
sd_complaint_get_version (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->version;
}

void
sd_complaint_set_version (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->version == value)
    return;
  self->version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
sd_complaint_get_appointment_id (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->appointment_id;
}

void
sd_complaint_set_appointment_id (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->appointment_id == value)
    return;
  self->appointment_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_ID]);
}

SdParty
sd_complaint_get_opened_by (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->opened_by;
}

void
sd_complaint_set_opened_by (SdComplaint *self, SdParty value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->opened_by == value)
    return;
  self->opened_by = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENED_BY]);
}

gint64
sd_complaint_get_opened_at (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->opened_at;
}

void
sd_complaint_set_opened_at (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->opened_at == value)
    return;
  self->opened_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENED_AT]);
}

const char *
sd_complaint_get_reason (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), NULL);
  return self->reason;
}

void
sd_complaint_set_reason (SdComplaint *self, const char *value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (g_strcmp0 (self->reason, value) == 0)
    return;
  g_free (self->reason);
  self->reason = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

gint64
sd_complaint_get_refund_requested_cents (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->refund_requested_cents;
}

void
sd_complaint_set_refund_requested_cents (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->refund_requested_cents == value)
    return;
  self->refund_requested_cents = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUND_REQUESTED_CENTS]);
}

SdDeadlineKind
sd_complaint_get_deadline_kind (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->deadline_kind;
}

void
sd_complaint_set_deadline_kind (SdComplaint *self, SdDeadlineKind value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->deadline_kind == value)
    return;
  self->deadline_kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE_KIND]);
}

gint64
sd_complaint_get_reply_by (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->reply_by;
}

void
sd_complaint_set_reply_by (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->reply_by == value)
    return;
  self->reply_by = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLY_BY]);
}

SdComplaintStatus
sd_complaint_get_status (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->status;
}

void
sd_complaint_set_status (SdComplaint *self, SdComplaintStatus value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->status == value)
    return;
  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

SdResponseAction
sd_complaint_get_response_action (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->response_action;
}

void
sd_complaint_set_response_action (SdComplaint *self, SdResponseAction value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->response_action == value)
    return;
  self->response_action = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSE_ACTION]);
}

gint64
sd_complaint_get_response_amount_cents (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->response_amount_cents;
}

void
sd_complaint_set_response_amount_cents (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->response_amount_cents == value)
    return;
  self->response_amount_cents = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSE_AMOUNT_CENTS]);
}

gint64
sd_complaint_get_response_redo_start (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->response_redo_start;
}

void
sd_complaint_set_response_redo_start (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->response_redo_start == value)
    return;
  self->response_redo_start = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSE_REDO_START]);
}

const char *
sd_complaint_get_response_body (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), NULL);
  return self->response_body;
}

void
sd_complaint_set_response_body (SdComplaint *self, const char *value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (g_strcmp0 (self->response_body, value) == 0)
    return;
  g_free (self->response_body);
  self->response_body = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSE_BODY]);
}

gint64
sd_complaint_get_responded_at (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->responded_at;
}

void
sd_complaint_set_responded_at (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->responded_at == value)
    return;
  self->responded_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONDED_AT]);
}

SdOutcome
sd_complaint_get_outcome (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->outcome;
}

void
sd_complaint_set_outcome (SdComplaint *self, SdOutcome value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->outcome == value)
    return;
  self->outcome = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

gint64
sd_complaint_get_outcome_amount_cents (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->outcome_amount_cents;
}

void
sd_complaint_set_outcome_amount_cents (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->outcome_amount_cents == value)
    return;
  self->outcome_amount_cents = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME_AMOUNT_CENTS]);
}

const char *
sd_complaint_get_outcome_note (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), NULL);
  return self->outcome_note;
}

void
sd_complaint_set_outcome_note (SdComplaint *self, const char *value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (g_strcmp0 (self->outcome_note, value) == 0)
    return;
  g_free (self->outcome_note);
  self->outcome_note = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME_NOTE]);
}

gint64
sd_complaint_get_resolved_at (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->resolved_at;
}

void
sd_complaint_set_resolved_at (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->resolved_at == value)
    return;
  self->resolved_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED_AT]);
}

const char *
sd_complaint_get_client_name (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), NULL);
  return self->client_name;
}

void
sd_complaint_set_client_name (SdComplaint *self, const char *value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (g_strcmp0 (self->client_name, value) == 0)
    return;
  g_free (self->client_name);
  self->client_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_NAME]);
}

const char *
sd_complaint_get_service_name (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), NULL);
  return self->service_name;
}

void
sd_complaint_set_service_name (SdComplaint *self, const char *value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (g_strcmp0 (self->service_name, value) == 0)
    return;
  g_free (self->service_name);
  self->service_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_NAME]);
}

gint64
sd_complaint_get_appointment_start (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), 0);
  return self->appointment_start;
}

void
sd_complaint_set_appointment_start (SdComplaint *self, gint64 value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  if (self->appointment_start == value)
    return;
  self->appointment_start = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_START]);
}

const char * const *
sd_complaint_get_attachments (SdComplaint *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINT (self), NULL);
  return (const char * const *) self->attachments;
}

void
sd_complaint_set_attachments (SdComplaint *self, const char * const *value)
{
  g_return_if_fail (SD_IS_COMPLAINT (self));

  g_strfreev (self->attachments);
  self->attachments = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTACHMENTS]);
}

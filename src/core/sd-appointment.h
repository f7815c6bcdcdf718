/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-appointment.h — one appointment as the desk knows it: a plain value object. It holds
 * no rules: what may happen to it is decided by sd-lifecycle, sd-refund and sd-overlap, and
 * the store applies those decisions. Instants are epoch seconds (UTC); 0 means "not set". */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_APPOINTMENT (sd_appointment_get_type ())
G_DECLARE_FINAL_TYPE (SdAppointment, sd_appointment, SD, APPOINTMENT, GObject)

/* How an appointment was cancelled (SPEC §2); set only in the cancelled state. */
typedef struct
{
  SdParty by;               /* SD_PARTY_SALON or SD_PARTY_CLIENT */
  SdCancelReason reason;
  char *note;               /* may be NULL */
  SdRefundChoice refund;
  gint64 refund_cents;
  gint64 at;
} SdCancellation;

#define SD_TYPE_CANCELLATION (sd_cancellation_get_type ())
GType           sd_cancellation_get_type (void) G_GNUC_CONST;
SdCancellation *sd_cancellation_copy     (const SdCancellation *self);
void            sd_cancellation_free     (SdCancellation *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdCancellation, sd_cancellation_free)

SdAppointment *sd_appointment_new  (void);
/* A deep copy, e.g. to compute a change without touching the shown object. */
SdAppointment *sd_appointment_copy (SdAppointment *self);

/* Local row id (0 until stored). */
gint64        sd_appointment_get_id (SdAppointment *self);
void          sd_appointment_set_id (SdAppointment *self, gint64 value);
/* The marketplace's id ("apt_…"), NULL until synced. */
const char *  sd_appointment_get_remote_id (SdAppointment *self);
void          sd_appointment_set_remote_id (SdAppointment *self, const char *value);
/* The marketplace's version of this resource. */
gint64        sd_appointment_get_version (SdAppointment *self);
void          sd_appointment_set_version (SdAppointment *self, gint64 value);
SdState       sd_appointment_get_state (SdAppointment *self);
void          sd_appointment_set_state (SdAppointment *self, SdState value);
SdState       sd_appointment_get_state_before_dispute (SdAppointment *self);
void          sd_appointment_set_state_before_dispute (SdAppointment *self, SdState value);
gint64        sd_appointment_get_start (SdAppointment *self);
void          sd_appointment_set_start (SdAppointment *self, gint64 value);
gint64        sd_appointment_get_end (SdAppointment *self);
void          sd_appointment_set_end (SdAppointment *self, gint64 value);
gint64        sd_appointment_get_staff_id (SdAppointment *self);
void          sd_appointment_set_staff_id (SdAppointment *self, gint64 value);
const char *  sd_appointment_get_staff_name (SdAppointment *self);
void          sd_appointment_set_staff_name (SdAppointment *self, const char *value);
gint64        sd_appointment_get_service_id (SdAppointment *self);
void          sd_appointment_set_service_id (SdAppointment *self, gint64 value);
const char *  sd_appointment_get_service_name (SdAppointment *self);
void          sd_appointment_set_service_name (SdAppointment *self, const char *value);
gint64        sd_appointment_get_price_cents (SdAppointment *self);
void          sd_appointment_set_price_cents (SdAppointment *self, gint64 value);
const char *  sd_appointment_get_currency (SdAppointment *self);
void          sd_appointment_set_currency (SdAppointment *self, const char *value);
gint64        sd_appointment_get_client_id (SdAppointment *self);
void          sd_appointment_set_client_id (SdAppointment *self, gint64 value);
const char *  sd_appointment_get_client_name (SdAppointment *self);
void          sd_appointment_set_client_name (SdAppointment *self, const char *value);
const char *  sd_appointment_get_client_email (SdAppointment *self);
void          sd_appointment_set_client_email (SdAppointment *self, const char *value);
const char *  sd_appointment_get_client_phone (SdAppointment *self);
void          sd_appointment_set_client_phone (SdAppointment *self, const char *value);
gboolean      sd_appointment_get_phone_revealed (SdAppointment *self);
void          sd_appointment_set_phone_revealed (SdAppointment *self, gboolean value);
SdPaymentMode sd_appointment_get_payment_mode (SdAppointment *self);
void          sd_appointment_set_payment_mode (SdAppointment *self, SdPaymentMode value);
/* What the client paid or will pay. */
gint64        sd_appointment_get_amount_cents (SdAppointment *self);
void          sd_appointment_set_amount_cents (SdAppointment *self, gint64 value);
gint64        sd_appointment_get_refunded_cents (SdAppointment *self);
void          sd_appointment_set_refunded_cents (SdAppointment *self, gint64 value);
gint64        sd_appointment_get_created_at (SdAppointment *self);
void          sd_appointment_set_created_at (SdAppointment *self, gint64 value);
/* Deadline to answer a request; 0 when not a request. */
gint64        sd_appointment_get_confirm_by (SdAppointment *self);
void          sd_appointment_set_confirm_by (SdAppointment *self, gint64 value);
gint64        sd_appointment_get_updated_at (SdAppointment *self);
void          sd_appointment_set_updated_at (SdAppointment *self, gint64 value);
/* 0 = not yet. */
gint64        sd_appointment_get_checked_in_at (SdAppointment *self);
void          sd_appointment_set_checked_in_at (SdAppointment *self, gint64 value);
/* 0 = not yet. */
gint64        sd_appointment_get_checked_out_at (SdAppointment *self);
void          sd_appointment_set_checked_out_at (SdAppointment *self, gint64 value);
/* The open or last complaint, 0 = none. */
gint64        sd_appointment_get_complaint_id (SdAppointment *self);
void          sd_appointment_set_complaint_id (SdAppointment *self, gint64 value);
gboolean      sd_appointment_get_review_requested (SdAppointment *self);
void          sd_appointment_set_review_requested (SdAppointment *self, gboolean value);

/* The cancellation, or NULL. The setter copies; NULL clears it. */
const SdCancellation *sd_appointment_get_cancellation (SdAppointment *self);
void          sd_appointment_set_cancellation (SdAppointment *self, const SdCancellation *value);

/* Start times proposed to the client with "unavailable" (at most 3). */
const gint64 *sd_appointment_get_proposed_starts (SdAppointment *self, guint *n_starts);
void          sd_appointment_set_proposed_starts (SdAppointment *self, const gint64 *starts,
                                                  guint n_starts);

/* Convenience: the minutes between start and end. */
int           sd_appointment_get_duration_min (SdAppointment *self);
/* What can still be refunded: amount - refunded (never below 0). */
gint64        sd_appointment_get_refundable_cents (SdAppointment *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaint.h — a complaint (dispute) on an appointment, SPEC §3.
 * A plain value object: getters and setters, no rules. Instants are epoch seconds (UTC),
 * 0 means "not set"; money is cents in the salon's currency. */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_COMPLAINT (sd_complaint_get_type ())
G_DECLARE_FINAL_TYPE (SdComplaint, sd_complaint, SD, COMPLAINT, GObject)

SdComplaint *sd_complaint_new (void);

/* Local row id (0 until stored). */
gint64 sd_complaint_get_id (SdComplaint *self);
void sd_complaint_set_id (SdComplaint *self, gint64 value);
/* The marketplace's id ("cmp_…"), NULL until synced. */
const char *sd_complaint_get_remote_id (SdComplaint *self);
void sd_complaint_set_remote_id (SdComplaint *self, const char *value);
gint64 sd_complaint_get_version (SdComplaint *self);
void sd_complaint_set_version (SdComplaint *self, gint64 value);
gint64 sd_complaint_get_appointment_id (SdComplaint *self);
void sd_complaint_set_appointment_id (SdComplaint *self, gint64 value);
SdParty sd_complaint_get_opened_by (SdComplaint *self);
void sd_complaint_set_opened_by (SdComplaint *self, SdParty value);
gint64 sd_complaint_get_opened_at (SdComplaint *self);
void sd_complaint_set_opened_at (SdComplaint *self, gint64 value);
const char *sd_complaint_get_reason (SdComplaint *self);
void sd_complaint_set_reason (SdComplaint *self, const char *value);
gint64 sd_complaint_get_refund_requested_cents (SdComplaint *self);
void sd_complaint_set_refund_requested_cents (SdComplaint *self, gint64 value);
SdDeadlineKind sd_complaint_get_deadline_kind (SdComplaint *self);
void sd_complaint_set_deadline_kind (SdComplaint *self, SdDeadlineKind value);
/* When the salon must have answered; 0 when the salon opened it. */
gint64 sd_complaint_get_reply_by (SdComplaint *self);
void sd_complaint_set_reply_by (SdComplaint *self, gint64 value);
SdComplaintStatus sd_complaint_get_status (SdComplaint *self);
void sd_complaint_set_status (SdComplaint *self, SdComplaintStatus value);
/* The salon's answer (SD_RESPONSE_NONE until it answers). */
SdResponseAction sd_complaint_get_response_action (SdComplaint *self);
void sd_complaint_set_response_action (SdComplaint *self, SdResponseAction value);
gint64 sd_complaint_get_response_amount_cents (SdComplaint *self);
void sd_complaint_set_response_amount_cents (SdComplaint *self, gint64 value);
gint64 sd_complaint_get_response_redo_start (SdComplaint *self);
void sd_complaint_set_response_redo_start (SdComplaint *self, gint64 value);
const char *sd_complaint_get_response_body (SdComplaint *self);
void sd_complaint_set_response_body (SdComplaint *self, const char *value);
gint64 sd_complaint_get_responded_at (SdComplaint *self);
void sd_complaint_set_responded_at (SdComplaint *self, gint64 value);
/* The marketplace staff's resolution (SD_OUTCOME_NONE until resolved). */
SdOutcome sd_complaint_get_outcome (SdComplaint *self);
void sd_complaint_set_outcome (SdComplaint *self, SdOutcome value);
gint64 sd_complaint_get_outcome_amount_cents (SdComplaint *self);
void sd_complaint_set_outcome_amount_cents (SdComplaint *self, gint64 value);
const char *sd_complaint_get_outcome_note (SdComplaint *self);
void sd_complaint_set_outcome_note (SdComplaint *self, const char *value);
gint64 sd_complaint_get_resolved_at (SdComplaint *self);
void sd_complaint_set_resolved_at (SdComplaint *self, gint64 value);
/* Denormalised from the appointment, for lists. */
const char *sd_complaint_get_client_name (SdComplaint *self);
void sd_complaint_set_client_name (SdComplaint *self, const char *value);
const char *sd_complaint_get_service_name (SdComplaint *self);
void sd_complaint_set_service_name (SdComplaint *self, const char *value);
gint64 sd_complaint_get_appointment_start (SdComplaint *self);
void sd_complaint_set_appointment_start (SdComplaint *self, gint64 value);
/* Files attached by the salon (paths in the attachments folder). */
const char * const *sd_complaint_get_attachments (SdComplaint *self);
void sd_complaint_set_attachments (SdComplaint *self, const char * const *value);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-outbox-entry.h — one change waiting to be sent to the marketplace (or sent).
 * A plain value object: getters and setters, no rules. Instants are epoch seconds (UTC),
 * 0 means "not set". */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_OUTBOX_ENTRY (sd_outbox_entry_get_type ())
G_DECLARE_FINAL_TYPE (SdOutboxEntry, sd_outbox_entry, SD, OUTBOX_ENTRY, GObject)

SdOutboxEntry *sd_outbox_entry_new (void);

gint64 sd_outbox_entry_get_id (SdOutboxEntry *self);
void sd_outbox_entry_set_id (SdOutboxEntry *self, gint64 value);
/* A UUID, kept across retries so the marketplace applies it once. */
const char *sd_outbox_entry_get_idempotency_key (SdOutboxEntry *self);
void sd_outbox_entry_set_idempotency_key (SdOutboxEntry *self, const char *value);
/* 0 when not about an appointment. */
gint64 sd_outbox_entry_get_appointment_id (SdOutboxEntry *self);
void sd_outbox_entry_set_appointment_id (SdOutboxEntry *self, gint64 value);
/* 0 when not about a complaint. */
gint64 sd_outbox_entry_get_complaint_id (SdOutboxEntry *self);
void sd_outbox_entry_set_complaint_id (SdOutboxEntry *self, gint64 value);
/* "create", "confirm", "cancel", "respond", … */
const char *sd_outbox_entry_get_action (SdOutboxEntry *self);
void sd_outbox_entry_set_action (SdOutboxEntry *self, const char *value);
/* "POST". */
const char *sd_outbox_entry_get_method (SdOutboxEntry *self);
void sd_outbox_entry_set_method (SdOutboxEntry *self, const char *value);
/* The API path; "{appointment}" and "{complaint}" stand for the remote ids, which
 * may not exist yet when the row is written. */
const char *sd_outbox_entry_get_endpoint (SdOutboxEntry *self);
void sd_outbox_entry_set_endpoint (SdOutboxEntry *self, const char *value);
/* The JSON body (marketplace-api.md). */
const char *sd_outbox_entry_get_payload (SdOutboxEntry *self);
void sd_outbox_entry_set_payload (SdOutboxEntry *self, const char *value);
/* The If-Match version; 0 for none. */
gint64 sd_outbox_entry_get_base_version (SdOutboxEntry *self);
void sd_outbox_entry_set_base_version (SdOutboxEntry *self, gint64 value);
gint64 sd_outbox_entry_get_created_at (SdOutboxEntry *self);
void sd_outbox_entry_set_created_at (SdOutboxEntry *self, gint64 value);
int sd_outbox_entry_get_attempts (SdOutboxEntry *self);
void sd_outbox_entry_set_attempts (SdOutboxEntry *self, int value);
/* "pending", "sent" or "failed". */
const char *sd_outbox_entry_get_state (SdOutboxEntry *self);
void sd_outbox_entry_set_state (SdOutboxEntry *self, const char *value);
const char *sd_outbox_entry_get_last_error (SdOutboxEntry *self);
void sd_outbox_entry_set_last_error (SdOutboxEntry *self, const char *value);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-history-entry.h — one event of an appointment's timeline: a state change, a
 * message, a complaint event or a refund.
 * A plain value object: getters and setters, no rules. Instants are epoch seconds (UTC),
 * 0 means "not set"; money is cents in the salon's currency. */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_HISTORY_ENTRY (sd_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (SdHistoryEntry, sd_history_entry, SD, HISTORY_ENTRY, GObject)

SdHistoryEntry *sd_history_entry_new (void);

gint64 sd_history_entry_get_id (SdHistoryEntry *self);
void sd_history_entry_set_id (SdHistoryEntry *self, gint64 value);
gint64 sd_history_entry_get_appointment_id (SdHistoryEntry *self);
void sd_history_entry_set_appointment_id (SdHistoryEntry *self, gint64 value);
gint64 sd_history_entry_get_at (SdHistoryEntry *self);
void sd_history_entry_set_at (SdHistoryEntry *self, gint64 value);
/* What happened: an action's wire name (sd_action_to_string) or "create",
 * "respond_complaint", "miss_complaint". */
const char *sd_history_entry_get_event (SdHistoryEntry *self);
void sd_history_entry_set_event (SdHistoryEntry *self, const char *value);
/* The action, or SD_N_ACTIONS when the event is not one. */
SdAction sd_history_entry_get_action (SdHistoryEntry *self);
void sd_history_entry_set_action (SdHistoryEntry *self, SdAction value);
/* Who did it. */
SdParty sd_history_entry_get_by (SdHistoryEntry *self);
void sd_history_entry_set_by (SdHistoryEntry *self, SdParty value);
SdState sd_history_entry_get_from_state (SdHistoryEntry *self);
void sd_history_entry_set_from_state (SdHistoryEntry *self, SdState value);
/* Equal to from_state when the state did not change. */
SdState sd_history_entry_get_to_state (SdHistoryEntry *self);
void sd_history_entry_set_to_state (SdHistoryEntry *self, SdState value);
/* Untranslated detail: a reason, a note, a message body; may be NULL. */
const char *sd_history_entry_get_detail (SdHistoryEntry *self);
void sd_history_entry_set_detail (SdHistoryEntry *self, const char *value);
/* A refund or a requested amount; 0 when none. */
gint64 sd_history_entry_get_amount_cents (SdHistoryEntry *self);
void sd_history_entry_set_amount_cents (SdHistoryEntry *self, gint64 value);

G_END_DECLS

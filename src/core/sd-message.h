/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-message.h — one message of an appointment's chat.
 * A plain value object: getters and setters, no rules. Instants are epoch seconds (UTC),
 * 0 means "not set"; money is cents in the salon's currency. */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_MESSAGE (sd_message_get_type ())
G_DECLARE_FINAL_TYPE (SdMessage, sd_message, SD, MESSAGE, GObject)

SdMessage *sd_message_new (void);

/* Local row id (0 until stored). */
gint64 sd_message_get_id (SdMessage *self);
void sd_message_set_id (SdMessage *self, gint64 value);
const char *sd_message_get_remote_id (SdMessage *self);
void sd_message_set_remote_id (SdMessage *self, const char *value);
gint64 sd_message_get_appointment_id (SdMessage *self);
void sd_message_set_appointment_id (SdMessage *self, gint64 value);
/* SD_PARTY_CLIENT, SD_PARTY_SALON or SD_PARTY_SYSTEM. */
SdParty sd_message_get_author (SdMessage *self);
void sd_message_set_author (SdMessage *self, SdParty value);
const char *sd_message_get_body (SdMessage *self);
void sd_message_set_body (SdMessage *self, const char *value);
gint64 sd_message_get_at (SdMessage *self);
void sd_message_set_at (SdMessage *self, gint64 value);

G_END_DECLS

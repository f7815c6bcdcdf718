/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-transaction.h — one money movement: charge, refund, commission or payout.
 * A plain value object: getters and setters, no rules. Instants are epoch seconds (UTC),
 * 0 means "not set"; money is cents in the salon's currency. */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_TRANSACTION (sd_transaction_get_type ())
G_DECLARE_FINAL_TYPE (SdTransaction, sd_transaction, SD, TRANSACTION, GObject)

SdTransaction *sd_transaction_new (void);

/* Local row id (0 until stored). */
gint64 sd_transaction_get_id (SdTransaction *self);
void sd_transaction_set_id (SdTransaction *self, gint64 value);
const char *sd_transaction_get_remote_id (SdTransaction *self);
void sd_transaction_set_remote_id (SdTransaction *self, const char *value);
/* 0 for a payout. */
gint64 sd_transaction_get_appointment_id (SdTransaction *self);
void sd_transaction_set_appointment_id (SdTransaction *self, gint64 value);
SdTransactionKind sd_transaction_get_kind (SdTransaction *self);
void sd_transaction_set_kind (SdTransaction *self, SdTransactionKind value);
gint64 sd_transaction_get_amount_cents (SdTransaction *self);
void sd_transaction_set_amount_cents (SdTransaction *self, gint64 value);
const char *sd_transaction_get_currency (SdTransaction *self);
void sd_transaction_set_currency (SdTransaction *self, const char *value);
gint64 sd_transaction_get_at (SdTransaction *self);
void sd_transaction_set_at (SdTransaction *self, gint64 value);

G_END_DECLS

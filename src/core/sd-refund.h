/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-refund.h — SPEC §2's refund rule as one pure function, for the cancel wizard, the
 * CLI and the store alike.
 *
 *   paid at the salon                                  -> nothing to refund
 *   prepaid, cancelled by the salon                    -> full refund, always
 *   prepaid, by the client, start - now >= free window -> full refund, automatically
 *   prepaid, by the client, start - now <  free window -> late: the salon chooses
 *
 * Exactly 24 h (the window) before start is still inside the window; one second less is
 * late. */
#pragma once

#include <glib.h>

#include "sd-types.h"

G_BEGIN_DECLS

typedef enum
{
  SD_REFUND_RULE_NOTHING_TO_REFUND, /* paid at the salon, or nothing left to refund */
  SD_REFUND_RULE_FORCED_FULL,       /* full refund, no choice */
  SD_REFUND_RULE_CHOICE,            /* late client cancellation: full or none */
} SdRefundRule;

typedef struct
{
  SdRefundRule rule;
  gboolean late;                /* start - now < free window (for any mode and party) */
  gint64 full_amount_cents;     /* what a full refund pays back (the refundable amount) */
  /* The inputs the description needs. */
  SdPaymentMode mode;
  gint64 free_window_seconds;
} SdRefundDecision;

void     sd_refund_decide   (SdPaymentMode     mode,
                             SdParty           by,
                             gint64            start,
                             gint64            now,
                             gint64            free_window_seconds,
                             gint64            refundable_cents,
                             SdRefundDecision *out);

/* sd_refund_decide() for @appointment (its payment mode, start and refundable amount) with
 * @salon's free_cancel_hours (the spec's default when @salon is NULL). */
void     sd_refund_decide_for_appointment (SdAppointment    *appointment,
                                           SdParty           by,
                                           SdSalon          *salon,
                                           gint64            now,
                                           SdRefundDecision *out);

/* The refund for @choice: FORCED_FULL accepts only FULL, NOTHING_TO_REFUND only NONE,
 * CHOICE either; anything else is SD_POLICY_ERROR_VALIDATION. */
gboolean sd_refund_resolve  (const SdRefundDecision *decision,
                             SdRefundChoice          choice,
                             gint64                 *refund_cents_out,
                             GError                **error);

/* Translated plain words for the wizard's summary and the CLI, e.g. "Prepaid, cancelled by
 * the salon: the client is refunded in full (€45.00)." Free with g_free. */
char    *sd_refund_describe (const SdRefundDecision *decision,
                             SdParty                 by,
                             SdRefundChoice          choice,
                             const char             *currency);

G_END_DECLS

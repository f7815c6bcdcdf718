/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-types.c — the wire names of the domain's enumerations, in one table each. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-types.h"

static const char *const state_names[] = {
  "requested", "confirmed", "in_progress", "completed", "cancelled",
  "declined", "expired", "no_show", "disputed",
};
static const char *const action_names[] = {
  "accept", "decline", "unavailable", "reschedule", "cancel", "undo_cancel", "check_in",
  "check_out", "no_show", "expire", "open_complaint", "resolve_complaint", "message",
};
static const char *const payment_names[] = { "prepaid", "at_salon" };
static const char *const party_names[] = { "salon", "client", "staff", "system" };
static const char *const reason_names[] = {
  "illness", "staff_unavailable", "double_booking", "client_request", "other",
};
static const char *const refund_names[] = { "none", "full" };
static const char *const deadline_names[] = { "hours_24", "business_days_2" };
static const char *const complaint_status_names[] = {
  "awaiting_reply", "under_review", "resolved", "missed",
};
static const char *const response_names[] = { "none", "refund", "offer_redo", "contest" };
static const char *const outcome_names[] = {
  "none", "refund_full", "refund_partial", "no_refund", "redo", "withdrawn_helped",
};
static const char *const transaction_names[] = { "charge", "refund", "commission", "payout" };

G_STATIC_ASSERT (G_N_ELEMENTS (state_names) == SD_N_STATES);
G_STATIC_ASSERT (G_N_ELEMENTS (action_names) == SD_N_ACTIONS);

static const char *
name_of (const char *const *names, guint n, guint value)
{
  g_return_val_if_fail (value < n, NULL);
  return names[value];
}

static gboolean
value_of (const char *const *names, guint n, const char *str, guint *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (names[i], str))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* One pair of functions per enum, all over the same two helpers. */
#define SD_ENUM_NAMES(prefix, Type, table)                                        \
  const char *prefix##_to_string (Type v)                                         \
  {                                                                               \
    return name_of (table, G_N_ELEMENTS (table), (guint) v);                      \
  }                                                                               \
  gboolean prefix##_from_string (const char *str, Type *out)                      \
  {                                                                               \
    guint v;                                                                      \
    if (!value_of (table, G_N_ELEMENTS (table), str, &v))                         \
      return FALSE;                                                               \
    *out = (Type) v;                                                              \
    return TRUE;                                                                  \
  }

SD_ENUM_NAMES (sd_state, SdState, state_names)
SD_ENUM_NAMES (sd_action, SdAction, action_names)
SD_ENUM_NAMES (sd_payment_mode, SdPaymentMode, payment_names)
SD_ENUM_NAMES (sd_party, SdParty, party_names)
SD_ENUM_NAMES (sd_cancel_reason, SdCancelReason, reason_names)
SD_ENUM_NAMES (sd_refund_choice, SdRefundChoice, refund_names)
SD_ENUM_NAMES (sd_deadline_kind, SdDeadlineKind, deadline_names)
SD_ENUM_NAMES (sd_complaint_status, SdComplaintStatus, complaint_status_names)
SD_ENUM_NAMES (sd_response_action, SdResponseAction, response_names)
SD_ENUM_NAMES (sd_outcome, SdOutcome, outcome_names)
SD_ENUM_NAMES (sd_transaction_kind, SdTransactionKind, transaction_names)

const char *
sd_state_get_label (SdState state)
{
  switch (state)
    {
    case SD_STATE_REQUESTED:   return _("Awaiting confirmation");
    case SD_STATE_CONFIRMED:   return _("Confirmed");
    case SD_STATE_IN_PROGRESS: return _("In progress");
    case SD_STATE_COMPLETED:   return _("Completed");
    case SD_STATE_CANCELLED:   return _("Cancelled");
    case SD_STATE_DECLINED:    return _("Declined");
    case SD_STATE_EXPIRED:     return _("Expired");
    case SD_STATE_NO_SHOW:     return _("No-show");
    case SD_STATE_DISPUTED:    return _("Disputed");
    case SD_N_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sd_cancel_reason_get_label (SdCancelReason reason)
{
  switch (reason)
    {
    case SD_CANCEL_REASON_ILLNESS:           return _("Illness");
    case SD_CANCEL_REASON_STAFF_UNAVAILABLE: return _("Staff unavailable");
    case SD_CANCEL_REASON_DOUBLE_BOOKING:    return _("Double booking");
    case SD_CANCEL_REASON_CLIENT_REQUEST:    return _("Client request");
    case SD_CANCEL_REASON_OTHER:             return _("Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
sd_state_is_active (SdState state)
{
  switch (state)
    {
    case SD_STATE_REQUESTED:
    case SD_STATE_CONFIRMED:
    case SD_STATE_IN_PROGRESS:
    case SD_STATE_COMPLETED:
    case SD_STATE_DISPUTED:
      return TRUE;
    case SD_STATE_CANCELLED:
    case SD_STATE_DECLINED:
    case SD_STATE_EXPIRED:
    case SD_STATE_NO_SHOW:
    case SD_N_STATES:
    default:
      return FALSE;
    }
}

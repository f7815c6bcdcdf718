/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-types.h — forward declarations and the domain's enumerations.
 *
 * Times everywhere in the core are instants: gint64 seconds since the Unix epoch (UTC).
 * They are turned into wall-clock times only with the salon's GTimeZone. Ranges are
 * half-open [start, end). Money is gint64 minor units ("cents") plus an ISO 4217 code.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SdAppointment   SdAppointment;
typedef struct _SdSalon         SdSalon;
typedef struct _SdClock         SdClock;
typedef struct _SdStaff         SdStaff;
typedef struct _SdService       SdService;
typedef struct _SdClient        SdClient;
typedef struct _SdComplaint     SdComplaint;
typedef struct _SdMessage       SdMessage;
typedef struct _SdReview        SdReview;
typedef struct _SdTransaction   SdTransaction;
typedef struct _SdHistoryEntry  SdHistoryEntry;
typedef struct _SdReputation    SdReputation;   /* plain struct, sd-reputation.h */
typedef struct _SdInboxItem     SdInboxItem;    /* src/store */
typedef struct _SdOutboxEntry   SdOutboxEntry;  /* src/store */

/* SPEC §1. The order is stable: it is stored in the database as text, never as a number. */
typedef enum
{
  SD_STATE_REQUESTED,
  SD_STATE_CONFIRMED,
  SD_STATE_IN_PROGRESS,
  SD_STATE_COMPLETED,
  SD_STATE_CANCELLED,
  SD_STATE_DECLINED,
  SD_STATE_EXPIRED,
  SD_STATE_NO_SHOW,
  SD_STATE_DISPUTED,
  SD_N_STATES
} SdState;

/* Everything that can happen to an appointment. The lifecycle table (sd-lifecycle.c)
 * says, for each state, which of these are allowed and what they lead to. */
typedef enum
{
  SD_ACTION_ACCEPT,
  SD_ACTION_DECLINE,
  SD_ACTION_UNAVAILABLE,
  SD_ACTION_RESCHEDULE,
  SD_ACTION_CANCEL,
  SD_ACTION_UNDO_CANCEL,
  SD_ACTION_CHECK_IN,
  SD_ACTION_CHECK_OUT,
  SD_ACTION_NO_SHOW,
  SD_ACTION_EXPIRE,           /* the confirmation deadline passed (done by the clock) */
  SD_ACTION_OPEN_COMPLAINT,   /* either side; the appointment becomes disputed */
  SD_ACTION_RESOLVE_COMPLAINT,/* the marketplace closed it; back to the state before */
  SD_ACTION_MESSAGE,
  SD_N_ACTIONS
} SdAction;

typedef enum
{
  SD_PAYMENT_PREPAID,
  SD_PAYMENT_AT_SALON,
} SdPaymentMode;

/* Who did something. Not every party can do everything: a cancellation is by the salon or
 * the client; a comment may also come from the marketplace staff; messages from the system. */
typedef enum
{
  SD_PARTY_SALON,
  SD_PARTY_CLIENT,
  SD_PARTY_STAFF,
  SD_PARTY_SYSTEM,
} SdParty;

typedef enum
{
  SD_CANCEL_REASON_ILLNESS,
  SD_CANCEL_REASON_STAFF_UNAVAILABLE,
  SD_CANCEL_REASON_DOUBLE_BOOKING,
  SD_CANCEL_REASON_CLIENT_REQUEST,
  SD_CANCEL_REASON_OTHER,
} SdCancelReason;

typedef enum
{
  SD_REFUND_CHOICE_NONE,
  SD_REFUND_CHOICE_FULL,
} SdRefundChoice;

typedef enum
{
  SD_DEADLINE_HOURS_24,
  SD_DEADLINE_BUSINESS_DAYS_2,
} SdDeadlineKind;

typedef enum
{
  SD_COMPLAINT_AWAITING_REPLY,
  SD_COMPLAINT_UNDER_REVIEW,
  SD_COMPLAINT_RESOLVED,
  SD_COMPLAINT_MISSED,        /* the reply deadline passed unanswered (shown in red, counts) */
} SdComplaintStatus;

typedef enum
{
  SD_RESPONSE_NONE,
  SD_RESPONSE_REFUND,
  SD_RESPONSE_OFFER_REDO,
  SD_RESPONSE_CONTEST,
} SdResponseAction;

typedef enum
{
  SD_OUTCOME_NONE,
  SD_OUTCOME_REFUND_FULL,
  SD_OUTCOME_REFUND_PARTIAL,
  SD_OUTCOME_NO_REFUND,
  SD_OUTCOME_REDO,
  SD_OUTCOME_WITHDRAWN_HELPED,
} SdOutcome;

typedef enum
{
  SD_TRANSACTION_CHARGE,
  SD_TRANSACTION_REFUND,
  SD_TRANSACTION_COMMISSION,
  SD_TRANSACTION_PAYOUT,
} SdTransactionKind;

/* Wire / database names ("requested", "in_progress", "at_salon", …), exactly the strings
 * of ../shared/marketplace-api.md. The _from_string functions return FALSE on an unknown
 * name and leave *out untouched. */
const char *sd_state_to_string            (SdState state);
gboolean    sd_state_from_string          (const char *str, SdState *out);
const char *sd_action_to_string           (SdAction action);
gboolean    sd_action_from_string         (const char *str, SdAction *out);
const char *sd_payment_mode_to_string     (SdPaymentMode mode);
gboolean    sd_payment_mode_from_string   (const char *str, SdPaymentMode *out);
const char *sd_party_to_string            (SdParty party);
gboolean    sd_party_from_string          (const char *str, SdParty *out);
const char *sd_cancel_reason_to_string    (SdCancelReason reason);
gboolean    sd_cancel_reason_from_string  (const char *str, SdCancelReason *out);
const char *sd_refund_choice_to_string    (SdRefundChoice choice);
gboolean    sd_refund_choice_from_string  (const char *str, SdRefundChoice *out);
const char *sd_deadline_kind_to_string    (SdDeadlineKind kind);
gboolean    sd_deadline_kind_from_string  (const char *str, SdDeadlineKind *out);
const char *sd_complaint_status_to_string (SdComplaintStatus status);
gboolean    sd_complaint_status_from_string (const char *str, SdComplaintStatus *out);
const char *sd_response_action_to_string  (SdResponseAction action);
gboolean    sd_response_action_from_string (const char *str, SdResponseAction *out);
const char *sd_outcome_to_string          (SdOutcome outcome);
gboolean    sd_outcome_from_string        (const char *str, SdOutcome *out);
const char *sd_transaction_kind_to_string (SdTransactionKind kind);
gboolean    sd_transaction_kind_from_string (const char *str, SdTransactionKind *out);

/* Translated, human labels for the UI and the CLI ("Awaiting confirmation", "Disputed"…). */
const char *sd_state_get_label            (SdState state);
const char *sd_cancel_reason_get_label    (SdCancelReason reason);

/* TRUE for states that hold their slot in the calendar (requested, confirmed, in progress,
 * completed, disputed): the double-booking check considers only these. Cancelled,
 * declined, expired and no-show appointments free their slot. */
gboolean    sd_state_is_active            (SdState state);

G_END_DECLS

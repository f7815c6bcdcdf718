/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-reputation.h — the reputation dashboard's figures (SPEC §4), computed from counts the
 * store collects. A plain struct: fill it with _init and the _add functions (or the counts
 * directly), then sd_reputation_finish() derives the rates and averages. */
#pragma once

#include <glib.h>

#include "sd-types.h"

G_BEGIN_DECLS

/* Punctuality, service, value for money, cleanliness, relationship (SPEC §4). */
#define SD_REPUTATION_N_CRITERIA 5

struct _SdReputation
{
  guint requests_total, requests_declined, requests_expired;
  guint bookings_total, salon_cancellations, client_cancellations;
  guint complaints_open, complaints_lost, complaints_total;
  gint64 response_seconds_sum;   /* time to answer requests and complaints */
  guint responses;
  double rating_sum[SD_REPUTATION_N_CRITERIA];
  guint n_reviews;

  /* Derived by sd_reputation_finish(); rates in [0, 1], 0 when there is no data. */
  double cancellation_rate;      /* salon_cancellations / bookings_total */
  double decline_rate;           /* requests_declined / requests_total */
  double mean_response_seconds;  /* response_seconds_sum / responses */
  double rating_avg[SD_REPUTATION_N_CRITERIA];
  double expiry_rate;            /* requests_expired / requests_total */
};

void        sd_reputation_init            (SdReputation *r);
/* One request. @answered_after: seconds from its creation to the salon's answer, or -1
 * when it was never answered. It counts towards the decline and expiry rates only: an
 * accepted request is a booking too, which the caller adds with sd_reputation_add_booking(). */
void        sd_reputation_add_request     (SdReputation *r, SdState outcome,
                                           gint64 answered_after);
/* One confirmed booking and whether (and by whom) it was cancelled: @cancelled_by is
 * SD_PARTY_SALON, SD_PARTY_CLIENT, or anything else for "not cancelled". */
void        sd_reputation_add_booking     (SdReputation *r, SdParty cancelled_by);
/* One time to answer (a request or a complaint), in seconds. */
void        sd_reputation_add_response    (SdReputation *r, gint64 seconds);
/* A complaint is lost when it was missed (deadline passed unanswered), or resolved against
 * the salon (refund or redo) when the salon had not answered in time. Withdrawn by a
 * client who was helped reverts the effect: never lost. Awaiting reply and under review
 * count as open. */
void        sd_reputation_add_complaint   (SdReputation *r, SdComplaintStatus status,
                                           SdOutcome outcome, gboolean answered_in_time);
/* Scores 1–5 per criterion, in the order of sd_reputation_criterion_label. */
void        sd_reputation_add_review      (SdReputation *r,
                                           const int     scores[SD_REPUTATION_N_CRITERIA]);
void        sd_reputation_finish          (SdReputation *r);
/* Translated: "Punctuality", "Service", "Value for money", "Cleanliness", "Relationship". */
const char *sd_reputation_criterion_label (guint i);

G_END_DECLS

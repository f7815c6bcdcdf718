/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-reputation.h"

void
sd_reputation_init (SdReputation *r)
{
  g_return_if_fail (r != NULL);

  memset (r, 0, sizeof *r);
}

void
sd_reputation_add_request (SdReputation *r, SdState outcome, gint64 answered_after)
{
  g_return_if_fail (r != NULL);

  r->requests_total++;
  if (outcome == SD_STATE_DECLINED)
    r->requests_declined++;
  else if (outcome == SD_STATE_EXPIRED)
    r->requests_expired++;
  if (answered_after >= 0)
    sd_reputation_add_response (r, answered_after);
}

void
sd_reputation_add_booking (SdReputation *r, SdParty cancelled_by)
{
  g_return_if_fail (r != NULL);

  r->bookings_total++;
  if (cancelled_by == SD_PARTY_SALON)
    r->salon_cancellations++;
  else if (cancelled_by == SD_PARTY_CLIENT)
    r->client_cancellations++;
}

void
sd_reputation_add_response (SdReputation *r, gint64 seconds)
{
  g_return_if_fail (r != NULL);
  g_return_if_fail (seconds >= 0);

  r->response_seconds_sum += seconds;
  r->responses++;
}

static gboolean
outcome_against_salon (SdOutcome outcome)
{
  return outcome == SD_OUTCOME_REFUND_FULL || outcome == SD_OUTCOME_REFUND_PARTIAL
         || outcome == SD_OUTCOME_REDO;
}

void
sd_reputation_add_complaint (SdReputation *r, SdComplaintStatus status, SdOutcome outcome,
                             gboolean answered_in_time)
{
  g_return_if_fail (r != NULL);

  r->complaints_total++;
  switch (status)
    {
    case SD_COMPLAINT_AWAITING_REPLY:
    case SD_COMPLAINT_UNDER_REVIEW:
      r->complaints_open++;
      break;
    case SD_COMPLAINT_MISSED:
      /* A client who says they were helped takes the claim back, whatever came before. */
      if (outcome != SD_OUTCOME_WITHDRAWN_HELPED)
        r->complaints_lost++;
      break;
    case SD_COMPLAINT_RESOLVED:
      /* SPEC §3: a refund within the deadline does not hurt; the claim standing after the
       * deadline passed unanswered does. */
      if (!answered_in_time && outcome_against_salon (outcome))
        r->complaints_lost++;
      break;
    default:
      g_return_if_reached ();
    }
}

void
sd_reputation_add_review (SdReputation *r, const int scores[SD_REPUTATION_N_CRITERIA])
{
  g_return_if_fail (r != NULL);
  g_return_if_fail (scores != NULL);

  for (guint i = 0; i < SD_REPUTATION_N_CRITERIA; i++)
    g_return_if_fail (scores[i] >= 1 && scores[i] <= 5);

  for (guint i = 0; i < SD_REPUTATION_N_CRITERIA; i++)
    r->rating_sum[i] += scores[i];
  r->n_reviews++;
}

static double
ratio (double part, double whole)
{
  return whole > 0 ? part / whole : 0.0;
}

/* Counts can come from the store out of step (a cancellation of a booking outside the
 * queried period); a rate still stays a rate. */
static double
rate (double part, double whole)
{
  return CLAMP (ratio (part, whole), 0.0, 1.0);
}

void
sd_reputation_finish (SdReputation *r)
{
  g_return_if_fail (r != NULL);

  r->cancellation_rate = rate (r->salon_cancellations, r->bookings_total);
  r->decline_rate = rate (r->requests_declined, r->requests_total);
  r->expiry_rate = rate (r->requests_expired, r->requests_total);
  r->mean_response_seconds = ratio ((double) r->response_seconds_sum, r->responses);
  for (guint i = 0; i < SD_REPUTATION_N_CRITERIA; i++)
    r->rating_avg[i] = ratio (r->rating_sum[i], r->n_reviews);
}

const char *
sd_reputation_criterion_label (guint i)
{
  switch (i)
    {
    case 0: return _("Punctuality");
    case 1: return _("Service");
    case 2: return _("Value for money");
    case 3: return _("Cleanliness");
    case 4: return _("Relationship");
    default:
      g_return_val_if_reached (NULL);
    }
}

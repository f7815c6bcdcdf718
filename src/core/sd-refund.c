/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-appointment.h"
#include "sd-money.h"
#include "sd-policy-error.h"
#include "sd-refund.h"
#include "sd-salon.h"

void
sd_refund_decide (SdPaymentMode mode, SdParty by, gint64 start, gint64 now,
                  gint64 free_window_seconds, gint64 refundable_cents, SdRefundDecision *out)
{
  g_return_if_fail (out != NULL);

  out->mode = mode;
  out->free_window_seconds = free_window_seconds;
  out->full_amount_cents = MAX (refundable_cents, 0);
  /* Exactly the window before start is still free: late only with less time left. */
  out->late = start - now < free_window_seconds;

  if (mode != SD_PAYMENT_PREPAID || out->full_amount_cents == 0)
    out->rule = SD_REFUND_RULE_NOTHING_TO_REFUND;
  else if (by == SD_PARTY_CLIENT && out->late)
    out->rule = SD_REFUND_RULE_CHOICE;
  else
    /* The salon cancelling, or the client inside the free window (and, defensively, any
     * other party: only the client's own late cancellation may cost the client). */
    out->rule = SD_REFUND_RULE_FORCED_FULL;
}

void
sd_refund_decide_for_appointment (SdAppointment *appointment, SdParty by, SdSalon *salon,
                                  gint64 now, SdRefundDecision *out)
{
  SdSalonSettings settings;

  g_return_if_fail (SD_IS_APPOINTMENT (appointment));
  g_return_if_fail (salon == NULL || SD_IS_SALON (salon));
  g_return_if_fail (out != NULL);

  if (salon != NULL)
    settings = *sd_salon_get_settings (salon);
  else
    sd_salon_settings_init (&settings);

  sd_refund_decide (sd_appointment_get_payment_mode (appointment), by,
                    sd_appointment_get_start (appointment), now,
                    (gint64) settings.free_cancel_hours * 3600,
                    sd_appointment_get_refundable_cents (appointment), out);
}

gboolean
sd_refund_resolve (const SdRefundDecision *decision, SdRefundChoice choice,
                   gint64 *refund_cents_out, GError **error)
{
  gint64 cents = 0;

  g_return_val_if_fail (decision != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (decision->rule)
    {
    case SD_REFUND_RULE_NOTHING_TO_REFUND:
      if (choice == SD_REFUND_CHOICE_FULL)
        {
          g_set_error_literal (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                               _("There is nothing to refund: the appointment is paid at "
                                 "the salon or already refunded."));
          return FALSE;
        }
      break;
    case SD_REFUND_RULE_FORCED_FULL:
      if (choice == SD_REFUND_CHOICE_NONE)
        {
          g_set_error_literal (error, SD_POLICY_ERROR, SD_POLICY_ERROR_VALIDATION,
                               _("This cancellation must be refunded in full: the salon "
                                 "cancelled, or the client cancelled within the free "
                                 "cancellation window."));
          return FALSE;
        }
      cents = decision->full_amount_cents;
      break;
    case SD_REFUND_RULE_CHOICE:
      cents = choice == SD_REFUND_CHOICE_FULL ? decision->full_amount_cents : 0;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (refund_cents_out != NULL)
    *refund_cents_out = cents;
  return TRUE;
}

char *
sd_refund_describe (const SdRefundDecision *decision, SdParty by, SdRefundChoice choice,
                    const char *currency)
{
  g_autofree char *amount = NULL;
  int hours;

  g_return_val_if_fail (decision != NULL, NULL);

  amount = sd_money_format (decision->full_amount_cents, currency);
  hours = (int) (decision->free_window_seconds / 3600);

  switch (decision->rule)
    {
    case SD_REFUND_RULE_NOTHING_TO_REFUND:
      if (decision->mode == SD_PAYMENT_AT_SALON)
        return g_strdup (_("Paid at the salon: nothing to refund. The client is only "
                           "notified."));
      return g_strdup (_("Prepaid, but already refunded: nothing left to refund."));

    case SD_REFUND_RULE_FORCED_FULL:
      if (by == SD_PARTY_CLIENT)
        return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE,
                       /* TRANSLATORS: %d is the free cancellation window in hours, %s the
                        * amount ("€45.00") */
                       "Prepaid, cancelled by the client at least %d h before: the "
                       "client is refunded in full (%s), automatically.",
                       "Prepaid, cancelled by the client at least %d h before: the client "
                       "is refunded in full (%s), automatically.",
                       hours),
          hours, amount);
      /* TRANSLATORS: %s is the amount ("€45.00") */
      return g_strdup_printf (_("Prepaid, cancelled by the salon: the client is refunded in "
                                "full (%s)."),
                              amount);

    case SD_REFUND_RULE_CHOICE:
      if (choice == SD_REFUND_CHOICE_FULL)
        return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE,
                       /* TRANSLATORS: %d is the free cancellation window in hours, %s the
                        * amount ("€45.00") */
                       "Prepaid, cancelled by the client less than %d h before: you "
                       "chose to refund in full (%s), which cancels the whole order.",
                       "Prepaid, cancelled by the client less than %d h before: you chose "
                       "to refund in full (%s), which cancels the whole order.",
                       hours),
          hours, amount);
      return g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     /* TRANSLATORS: %d is the free cancellation window in hours, %s the
                      * amount ("€45.00") */
                     "Prepaid, cancelled by the client less than %d h before: you chose "
                     "to keep the payment (%s); nothing is refunded.",
                     "Prepaid, cancelled by the client less than %d h before: you chose to "
                     "keep the payment (%s); nothing is refunded.",
                     hours),
        hours, amount);

    default:
      g_return_val_if_reached (NULL);
    }
}

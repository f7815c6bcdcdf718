/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-appointment.h"
#include "sd-deadline.h"
#include "sd-lifecycle.h"
#include "sd-policy-error.h"
#include "sd-salon.h"

/* Not allowed. */
#define NO ((SdState) -1)
/* Allowed; the next state is the one to go back to (resolve_complaint, undo_cancel). */
#define BACK ((SdState) -2)
/* Allowed; the state does not change. */
#define SAME ((SdState) -3)

#define REQ  SD_STATE_REQUESTED
#define CONF SD_STATE_CONFIRMED
#define PROG SD_STATE_IN_PROGRESS
#define DONE SD_STATE_COMPLETED
#define CANC SD_STATE_CANCELLED
#define DECL SD_STATE_DECLINED
#define EXPD SD_STATE_EXPIRED
#define NOSH SD_STATE_NO_SHOW
#define DISP SD_STATE_DISPUTED

/* SPEC §1, the whole state machine. docs/rules.md shows this table; keep them together. */
static const SdState table[SD_N_STATES][SD_N_ACTIONS] = {
  /*          acc   dec   unav  resch cncl  undo  in    out   nosh  exp   cmpl  resv  msg */
  [REQ]  = { CONF, DECL, SAME, NO,   CANC, NO,   NO,   NO,   NO,   EXPD, NO,   NO,   SAME },
  [CONF] = { NO,   NO,   NO,   CONF, CANC, NO,   PROG, NO,   NOSH, NO,   DISP, NO,   SAME },
  [PROG] = { NO,   NO,   NO,   NO,   NO,   NO,   NO,   DONE, NO,   NO,   DISP, NO,   SAME },
  [DONE] = { NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   DISP, NO,   SAME },
  [CANC] = { NO,   NO,   NO,   NO,   NO,   BACK, NO,   NO,   NO,   NO,   NO,   NO,   NO },
  [DECL] = { NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO },
  [EXPD] = { NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO },
  [NOSH] = { NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   DISP, NO,   NO },
  [DISP] = { NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   NO,   BACK, SAME },
};

G_STATIC_ASSERT (SD_N_ACTIONS == 13);
G_STATIC_ASSERT (SD_ACTION_MESSAGE == 12);

static gboolean
valid (SdState state, SdAction action)
{
  return (guint) state < SD_N_STATES && (guint) action < SD_N_ACTIONS;
}

gboolean
sd_lifecycle_is_allowed (SdState state, SdAction action)
{
  g_return_val_if_fail (valid (state, action), FALSE);

  return table[state][action] != NO;
}

gboolean
sd_lifecycle_action_modifies (SdAction action)
{
  return action != SD_ACTION_MESSAGE;
}

SdState
sd_lifecycle_next (SdState state, SdAction action, SdState previous)
{
  SdState next;

  g_return_val_if_fail (valid (state, action), state);

  next = table[state][action];
  if (next == NO || next == SAME)
    return state;
  if (next == BACK)
    return previous;
  return next;
}

SdState
sd_lifecycle_next_state (SdAppointment *appointment, SdAction action)
{
  SdState previous;

  g_return_val_if_fail (SD_IS_APPOINTMENT (appointment), SD_STATE_REQUESTED);

  previous = action == SD_ACTION_RESOLVE_COMPLAINT
             ? sd_appointment_get_state_before_dispute (appointment)
             : SD_STATE_CONFIRMED;
  return sd_lifecycle_next (sd_appointment_get_state (appointment), action, previous);
}

guint
sd_lifecycle_allowed_actions (SdState state, SdAction actions[SD_N_ACTIONS])
{
  guint n = 0;

  g_return_val_if_fail ((guint) state < SD_N_STATES, 0);

  for (guint a = 0; a < SD_N_ACTIONS; a++)
    if (table[state][a] != NO)
      actions[n++] = (SdAction) a;
  return n;
}

static SdSalonSettings
settings_of (SdSalon *salon)
{
  SdSalonSettings settings;

  if (salon != NULL)
    return *sd_salon_get_settings (salon);
  sd_salon_settings_init (&settings);
  return settings;
}

/* The request's deadline: stored with it, or computed from its creation when missing. */
static gint64
confirm_by_of (SdAppointment *appointment, SdSalon *salon)
{
  gint64 confirm_by = sd_appointment_get_confirm_by (appointment);

  if (confirm_by != 0)
    return confirm_by;
  return sd_deadline_confirm_by (salon, sd_appointment_get_created_at (appointment));
}

static gboolean
refuse (GError **error, SdPolicyError code, const char *message)
{
  g_set_error_literal (error, SD_POLICY_ERROR, code, message);
  return FALSE;
}

gint64
sd_lifecycle_opens_at (SdAppointment *appointment, SdAction action, SdSalon *salon)
{
  SdSalonSettings settings;
  gint64 start;

  g_return_val_if_fail (SD_IS_APPOINTMENT (appointment), 0);
  g_return_val_if_fail (salon == NULL || SD_IS_SALON (salon), 0);

  settings = settings_of (salon);
  start = sd_appointment_get_start (appointment);
  switch (action)
    {
    case SD_ACTION_CHECK_IN:
      return start - (gint64) settings.checkin_early_min * 60;
    case SD_ACTION_NO_SHOW:
      return start + (gint64) settings.no_show_grace_min * 60;
    default:
      return 0;
    }
}

gboolean
sd_lifecycle_check (SdAppointment *appointment, SdAction action, SdSalon *salon, gint64 now,
                    GError **error)
{
  SdState state;
  SdSalonSettings settings;
  gint64 start;

  g_return_val_if_fail (SD_IS_APPOINTMENT (appointment), FALSE);
  g_return_val_if_fail ((guint) action < SD_N_ACTIONS, FALSE);
  g_return_val_if_fail (salon == NULL || SD_IS_SALON (salon), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  state = sd_appointment_get_state (appointment);
  g_return_val_if_fail ((guint) state < SD_N_STATES, FALSE);
  settings = settings_of (salon);
  start = sd_appointment_get_start (appointment);

  if (state == SD_STATE_DISPUTED && sd_lifecycle_action_modifies (action)
      && action != SD_ACTION_RESOLVE_COMPLAINT)
    return refuse (error, SD_POLICY_ERROR_LOCKED,
                   _("Locked: a complaint is open on this appointment. It cannot be "
                     "changed until the complaint is resolved."));

  if (!sd_lifecycle_is_allowed (state, action))
    {
      g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_INVALID_TRANSITION,
                   /* TRANSLATORS: "%s" is an action ("check_in") and a state label
                    * ("Cancelled") */
                   _("Not allowed: “%s” cannot be done on an appointment that is “%s”."),
                   sd_action_to_string (action), sd_state_get_label (state));
      return FALSE;
    }

  switch (action)
    {
    case SD_ACTION_ACCEPT:
    case SD_ACTION_DECLINE:
    case SD_ACTION_UNAVAILABLE:
      if (sd_deadline_passed (confirm_by_of (appointment, salon), now))
        return refuse (error, SD_POLICY_ERROR_DEADLINE_PASSED,
                       _("Too late: the deadline to answer this request has passed."));
      break;

    case SD_ACTION_EXPIRE:
      if (!sd_deadline_passed (confirm_by_of (appointment, salon), now))
        return refuse (error, SD_POLICY_ERROR_TOO_EARLY,
                       _("Too early: the request can still be answered; it expires only "
                         "after its deadline."));
      break;

    case SD_ACTION_CHECK_IN:
      if (now < sd_lifecycle_opens_at (appointment, action, salon))
        {
          g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_TOO_EARLY,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Too early: check-in opens %d minute before the start.",
                                    "Too early: check-in opens %d minutes before the start.",
                                    settings.checkin_early_min),
                       settings.checkin_early_min);
          return FALSE;
        }
      break;

    case SD_ACTION_NO_SHOW:
      if (now < sd_lifecycle_opens_at (appointment, action, salon))
        {
          g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_TOO_EARLY,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Too early: a no-show can be marked from %d minute "
                                    "after the start.",
                                    "Too early: a no-show can be marked from %d minutes "
                                    "after the start.",
                                    settings.no_show_grace_min),
                       settings.no_show_grace_min);
          return FALSE;
        }
      break;

    case SD_ACTION_OPEN_COMPLAINT:
      if (state == SD_STATE_NO_SHOW)
        {
          /* The appointment is last updated when it is marked no-show, and nothing else
           * changes a no-show before it is contested. */
          gint64 marked = sd_appointment_get_updated_at (appointment);

          if (marked == 0)
            marked = start + (gint64) settings.no_show_grace_min * 60;
          if (sd_deadline_passed (sd_deadline_contest_by (salon, marked), now))
            {
              g_set_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_DEADLINE_PASSED,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "Too late: a no-show can be contested only within "
                                        "%d hour of being marked.",
                                        "Too late: a no-show can be contested only within "
                                        "%d hours of being marked.",
                                        settings.contest_hours),
                           settings.contest_hours);
              return FALSE;
            }
        }
      break;

    case SD_ACTION_RESCHEDULE:
      if (now >= start)
        return refuse (error, SD_POLICY_ERROR_INVALID_TRANSITION,
                       _("Not allowed: this appointment has already started, so it can no "
                         "longer be rescheduled."));
      break;

    default:
      break;
    }

  return TRUE;
}

gboolean
sd_lifecycle_check_by (SdAppointment *appointment, SdAction action, SdParty by, SdSalon *salon,
                       gint64 now, GError **error)
{
  if (!sd_lifecycle_check (appointment, action, salon, now, error))
    return FALSE;

  if (action == SD_ACTION_CANCEL && by != SD_PARTY_CLIENT
      && sd_appointment_get_state (appointment) == SD_STATE_REQUESTED)
    return refuse (error, SD_POLICY_ERROR_INVALID_TRANSITION,
                   _("Not allowed: only the client can cancel a request; the salon declines "
                     "it instead."));
  return TRUE;
}

gboolean
sd_lifecycle_check_reschedule (gint64 new_start, gint64 new_end, gint64 now, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_end <= new_start)
    return refuse (error, SD_POLICY_ERROR_VALIDATION,
                   _("The new end must be after the new start."));
  if (new_start < now)
    return refuse (error, SD_POLICY_ERROR_VALIDATION,
                   _("The new time is in the past."));
  return TRUE;
}

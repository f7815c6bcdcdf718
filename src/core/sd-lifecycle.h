/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-lifecycle.h — SPEC §1's state machine as ONE table (state x action -> next state), plus
 * the guards that depend on time and the salon's settings. docs/rules.md shows the table.
 *
 * Guards, in the order they are checked (sd_lifecycle_check):
 * 1. disputed: every action but message and resolve_complaint -> SD_POLICY_ERROR_LOCKED;
 * 2. not in the table -> INVALID_TRANSITION;
 * 3. accept, decline, unavailable after confirm_by -> DEADLINE_PASSED;
 *    expire at or before confirm_by -> TOO_EARLY (a deadline at T accepts answers at T);
 * 4. check_in before start - checkin_early_min -> TOO_EARLY;
 *    no_show before start + no_show_grace_min -> TOO_EARLY;
 * 5. open_complaint on a no-show after updated_at (when it was marked) + contest_hours
 *    -> DEADLINE_PASSED;
 * 6. reschedule once the appointment has started (now >= start) -> INVALID_TRANSITION:
 *    it is no longer an upcoming appointment (see sd_lifecycle_check_reschedule for the new
 *    time itself).
 * A NULL salon means the default settings. */
#pragma once

#include <glib.h>

#include "sd-types.h"

G_BEGIN_DECLS

/* The table only, no guards. */
gboolean sd_lifecycle_is_allowed        (SdState state, SdAction action);

/* Whether @action changes the appointment (everything but message): used for "locked". */
gboolean sd_lifecycle_action_modifies   (SdAction action);

/* Table + guards; "now" from the caller (the store passes its SdClock's now). The GError
 * (SD_POLICY_ERROR) message is translated plain words naming the rule. */
gboolean sd_lifecycle_check             (SdAppointment *appointment,
                                         SdAction       action,
                                         SdSalon       *salon,
                                         gint64         now,
                                         GError       **error);

/* Guard 4's opening instant: when @action first passes its time guard — start minus
 * checkin_early_min for check_in, start plus no_show_grace_min for no_show. 0 for every
 * other action (no opening time). The guard itself refuses while now < this instant. */
gint64   sd_lifecycle_opens_at          (SdAppointment *appointment,
                                         SdAction       action,
                                         SdSalon       *salon);

/* sd_lifecycle_check() plus the party's rule: a request is cancelled only by the client
 * (the salon declines it instead) -> INVALID_TRANSITION for SD_PARTY_SALON. */
gboolean sd_lifecycle_check_by          (SdAppointment *appointment,
                                         SdAction       action,
                                         SdParty        by,
                                         SdSalon       *salon,
                                         gint64         now,
                                         GError       **error);

/* The new time of a reschedule: end after start, start not in the past (now itself is
 * fine) -> SD_POLICY_ERROR_VALIDATION otherwise. Overlaps are sd_overlap_check's job. */
gboolean sd_lifecycle_check_reschedule  (gint64   new_start,
                                         gint64   new_end,
                                         gint64   now,
                                         GError **error);

/* The state after @action from @state (allowed by the table, else @state itself).
 * @previous is the state to return to for resolve_complaint (the state before the
 * dispute) and undo_cancel (the state before the cancellation); ignored otherwise. */
SdState  sd_lifecycle_next              (SdState  state,
                                         SdAction action,
                                         SdState  previous);

/* The same for an appointment: resolve_complaint -> its state_before_dispute; undo_cancel
 * -> SD_STATE_CONFIRMED (the appointment does not remember whether it was a request or a
 * confirmed booking; a caller that knows uses sd_lifecycle_next with that state). */
SdState  sd_lifecycle_next_state        (SdAppointment *appointment,
                                         SdAction       action);

/* The allowed actions from @state, in SdAction order, for docs, menus and tests.
 * Returns how many were written to @actions (at most SD_N_ACTIONS). */
guint    sd_lifecycle_allowed_actions   (SdState  state,
                                         SdAction actions[SD_N_ACTIONS]);

G_END_DECLS

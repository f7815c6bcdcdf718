/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-overlap.h — the double-booking rule: one staff member, one appointment at a time. */
#pragma once

#include <glib.h>

#include "sd-types.h"

G_BEGIN_DECLS

/* @candidate: its id, staff_id, start and end are used. @others: appointments around it
 * (the store queries them by range; NULL is an empty list). Only others of the same staff
 * member in a state that holds its slot (sd_state_is_active: a request holds it, a
 * cancellation frees it) count, and never the candidate itself (same non-zero id). Ranges
 * are half-open, so back-to-back appointments do not overlap.
 *
 * If @allow is TRUE (the user chose to double-book) it passes. Otherwise, on the first
 * conflict (earliest start), returns FALSE with SD_POLICY_ERROR_OVERLAP, a message naming
 * the other appointment's time and client, and sets *@conflict (transfer none) if given. */
gboolean sd_overlap_check (SdAppointment  *candidate,
                           GPtrArray      *others,
                           gboolean        allow,
                           SdAppointment **conflict,
                           GError        **error);

/* The same rule, counted: how many of @others conflict with @candidate (0 = none), and
 * the earliest of them in *@first (transfer none; may be NULL). For flags that warn before
 * the user tries ("overlaps 2 appointments"). */
guint    sd_overlap_count         (SdAppointment  *candidate,
                                   GPtrArray      *others,
                                   SdAppointment **first);

/* The same, with the conflict's time in the message shown in @tz (the salon's zone);
 * sd_overlap_check() shows it in UTC. */
gboolean sd_overlap_check_in_zone (SdAppointment  *candidate,
                                   GPtrArray      *others,
                                   gboolean        allow,
                                   GTimeZone      *tz,
                                   SdAppointment **conflict,
                                   GError        **error);

G_END_DECLS

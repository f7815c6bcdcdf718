/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-deadline.h — the deadlines of SPEC.md, computed from the salon's settings.
 *
 * Two kinds of length:
 * - hours are elapsed time: "24 h" is 86400 s even across a DST change;
 * - business days are calendar days in the salon's zone that are neither Saturday, Sunday
 *   nor a closing day; the deadline keeps the local wall time of its start.
 *
 * A deadline at T still accepts an action at T exactly and refuses it at T + 1
 * (sd_deadline_passed). */
#pragma once

#include <glib.h>

#include "sd-types.h"

G_BEGIN_DECLS

gint64   sd_deadline_after_hours         (gint64 from, int hours);
/* @days business days after @from, at the same local wall time (DST-safe, see
 * sd_time_add_days for wall times that do not exist). Only the days after @from's local
 * date are counted, whatever @from's own day is: a complaint opened on Saturday 10:00
 * with 2 business days is due Tuesday 10:00, one opened on Friday 10:00 is due
 * Tuesday 10:00 too. @days <= 0 returns @from. */
gint64   sd_deadline_after_business_days (SdSalon *salon, gint64 from, int days);
/* A request must be answered by created_at + confirm_hours. */
gint64   sd_deadline_confirm_by          (SdSalon *salon, gint64 created_at);
/* SD_DEADLINE_HOURS_24: opened_at + complaint_hours (elapsed);
 * SD_DEADLINE_BUSINESS_DAYS_2: opened_at + claim_business_days business days. */
gint64   sd_deadline_complaint_reply_by  (SdSalon *salon, SdDeadlineKind kind, gint64 opened_at);
/* The client may book a redo until offered_at + redo_business_days business days. */
gint64   sd_deadline_redo_by             (SdSalon *salon, gint64 offered_at);
/* A no-show may be contested until marked_at + contest_hours (elapsed). */
gint64   sd_deadline_contest_by          (SdSalon *salon, gint64 marked_at);
/* TRUE when @now is after @deadline: at the deadline itself it has not passed yet. */
gboolean sd_deadline_passed              (gint64 deadline, gint64 now);

G_END_DECLS

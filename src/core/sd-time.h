/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-time.h — instants (gint64 epoch seconds, UTC) and the salon's wall clock.
 *
 * Every conversion between an instant and a local date/time goes through a GTimeZone
 * (the salon's, sd_salon_get_timezone), so days, weeks and deadlines stay right across
 * DST changes. Ranges are half-open [start, end). A NULL zone means UTC. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses RFC 3339 with an offset or "Z" ("2026-11-23T14:30:00+01:00",
 * "2026-11-23T13:30:00Z", fractions of a second are truncated). Returns FALSE, leaving
 * *out untouched, on anything else: missing offset, out-of-range fields, trailing text. */
gboolean sd_time_parse_rfc3339    (const char *text, gint64 *out);
/* "2026-11-23T14:30:00+01:00" in @tz ("+00:00" for UTC). Free with g_free. */
char    *sd_time_format_rfc3339   (gint64 instant, GTimeZone *tz);

/* The start of the local day that contains @instant. */
gint64   sd_time_local_midnight   (gint64 instant, GTimeZone *tz);
/* The same local wall time @days later (or earlier when negative): across a DST change
 * this is 23 or 25 elapsed hours, not 24. A wall time that does not exist on the target
 * day (DST gap) becomes the first valid instant after it; an ambiguous one (fall back)
 * takes its first occurrence. */
gint64   sd_time_add_days         (gint64 instant, GTimeZone *tz, int days);
/* Local Monday 00:00 of the week that contains @instant. */
gint64   sd_time_week_start       (gint64 instant, GTimeZone *tz);
/* Wall time -> instant. In a DST gap, the first valid instant after it (02:30 on the
 * spring-forward day in Europe/Amsterdam gives 03:00 CEST); an ambiguous wall time (the
 * hour repeated in autumn) gives its first occurrence. */
gint64   sd_time_from_local       (GTimeZone *tz, int year, int month, int day, int hour,
                                   int minute);
/* Like sd_time_from_local() with seconds. */
gint64   sd_time_from_local_full  (GTimeZone *tz, int year, int month, int day, int hour,
                                   int minute, int second);

/* Half-open: [a_start, a_end) and [b_start, b_end) overlap when they share at least one
 * second, so ranges that only touch (a_end == b_start) do not. An empty range overlaps
 * nothing. */
gboolean sd_time_ranges_overlap   (gint64 a_start, gint64 a_end, gint64 b_start, gint64 b_end);

/* Translated, rounded down to the two largest units: "45 s", "12 min", "2 h 15 min",
 * "3 days 4 h". Negative -> "overdue by 2 h 15 min". Free with g_free. */
char    *sd_time_format_duration  (gint64 seconds);

G_END_DECLS

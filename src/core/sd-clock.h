/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-clock.h — the one source of "now". Nothing else reads the system time, so tests and
 * the CLI's --now can set it, and deadlines are checked against a clock that can be moved. */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_CLOCK (sd_clock_get_type ())
G_DECLARE_FINAL_TYPE (SdClock, sd_clock, SD, CLOCK, GObject)

/* A clock that follows the system's real time. */
SdClock *sd_clock_new_system (void);
/* A clock stopped at @now (epoch seconds) until it is set or advanced. */
SdClock *sd_clock_new_fixed  (gint64 now);

/* Epoch seconds, UTC. */
gint64   sd_clock_get_now    (SdClock *self);
/* Stops the clock at @now. Emits notify::now. */
void     sd_clock_set_now    (SdClock *self, gint64 now);
/* Moves a fixed clock forward by @seconds (a system clock becomes fixed at now + seconds). */
void     sd_clock_advance    (SdClock *self, gint64 seconds);
gboolean sd_clock_is_fixed   (SdClock *self);

G_END_DECLS

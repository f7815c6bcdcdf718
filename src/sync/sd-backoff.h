/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-backoff.h — how long to wait before trying again: exponential (base × 2^(attempt-1),
 * capped) with jitter, so that many desks coming back online do not retry in step; a
 * server's Retry-After is a floor. The random source can be replaced, so tests know the
 * exact delays. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SD_TYPE_BACKOFF (sd_backoff_get_type ())
G_DECLARE_FINAL_TYPE (SdBackoff, sd_backoff, SD, BACKOFF, GObject)

/* A number in [0, 1). */
typedef double (*SdBackoffRandom) (gpointer user_data);

SdBackoff *sd_backoff_new        (guint base_ms, guint max_ms);
guint      sd_backoff_get_base_ms (SdBackoff *self);
guint      sd_backoff_get_max_ms  (SdBackoff *self);
/* NULL restores the default (GLib's g_random_double). */
void       sd_backoff_set_random (SdBackoff *self, SdBackoffRandom random, gpointer user_data);

/* The wait before attempt @attempt + 1, after @attempt failed ones (>= 1): "equal jitter",
 * in [cap / 2, cap] where cap = min (max, base × 2^(attempt-1)). @retry_after_s >= 0 (the
 * server's Retry-After) makes the wait at least that long, even past max; -1: none. */
guint      sd_backoff_delay_ms   (SdBackoff *self, guint attempt, gint64 retry_after_s);

G_END_DECLS

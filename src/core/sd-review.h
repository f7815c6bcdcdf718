/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-review.h — a client's review of a completed appointment: five scores and a comment.
 * A plain value object: getters and setters, no rules. Instants are epoch seconds (UTC),
 * 0 means "not set"; money is cents in the salon's currency. */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_REVIEW (sd_review_get_type ())
G_DECLARE_FINAL_TYPE (SdReview, sd_review, SD, REVIEW, GObject)

SdReview *sd_review_new (void);

/* Local row id (0 until stored). */
gint64 sd_review_get_id (SdReview *self);
void sd_review_set_id (SdReview *self, gint64 value);
const char *sd_review_get_remote_id (SdReview *self);
void sd_review_set_remote_id (SdReview *self, const char *value);
gint64 sd_review_get_appointment_id (SdReview *self);
void sd_review_set_appointment_id (SdReview *self, gint64 value);
/* Scores 1–5. */
int sd_review_get_punctuality (SdReview *self);
void sd_review_set_punctuality (SdReview *self, int value);
int sd_review_get_service (SdReview *self);
void sd_review_set_service (SdReview *self, int value);
int sd_review_get_value (SdReview *self);
void sd_review_set_value (SdReview *self, int value);
int sd_review_get_cleanliness (SdReview *self);
void sd_review_set_cleanliness (SdReview *self, int value);
int sd_review_get_relationship (SdReview *self);
void sd_review_set_relationship (SdReview *self, int value);
const char *sd_review_get_comment (SdReview *self);
void sd_review_set_comment (SdReview *self, const char *value);
gint64 sd_review_get_at (SdReview *self);
void sd_review_set_at (SdReview *self, gint64 value);
/* The salon reported the comment as abusive. */
gboolean sd_review_get_reported (SdReview *self);
void sd_review_set_reported (SdReview *self, gboolean value);

G_END_DECLS

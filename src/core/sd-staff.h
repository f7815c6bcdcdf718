/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-staff.h — a member of the salon's staff (one column in the day view).
 * A plain value object: getters and setters, no rules. Instants are epoch seconds (UTC),
 * 0 means "not set"; money is cents in the salon's currency. */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_STAFF (sd_staff_get_type ())
G_DECLARE_FINAL_TYPE (SdStaff, sd_staff, SD, STAFF, GObject)

SdStaff *sd_staff_new (void);

/* Local row id (0 until stored). */
gint64 sd_staff_get_id (SdStaff *self);
void sd_staff_set_id (SdStaff *self, gint64 value);
/* The marketplace's id ("stf_…"), NULL until synced. */
const char *sd_staff_get_remote_id (SdStaff *self);
void sd_staff_set_remote_id (SdStaff *self, const char *value);
const char *sd_staff_get_name (SdStaff *self);
void sd_staff_set_name (SdStaff *self, const char *value);
/* FALSE for someone who left: kept for history, hidden from new bookings. */
gboolean sd_staff_get_active (SdStaff *self);
void sd_staff_set_active (SdStaff *self, gboolean value);

G_END_DECLS

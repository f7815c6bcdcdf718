/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-appointment-block.h — one appointment in the day view: time, client, service and
 * state (icon + text + colour). It shows as many lines as its height allows, so a
 * 15-minute block still reads "09:15 Anna Rossi" and a long one shows everything. */
#pragma once

#include <gtk/gtk.h>

#include "sd-appointment.h"

G_BEGIN_DECLS

#define SD_TYPE_APPOINTMENT_BLOCK (sd_appointment_block_get_type ())
G_DECLARE_FINAL_TYPE (SdAppointmentBlock, sd_appointment_block, SD, APPOINTMENT_BLOCK, GtkWidget)

GtkWidget     *sd_appointment_block_new             (SdAppointment *appointment,
                                                     GTimeZone     *tz,
                                                     gint64         now);
SdAppointment *sd_appointment_block_get_appointment (SdAppointmentBlock *self);
/* Refreshes the countdown of a request. */
void           sd_appointment_block_set_now         (SdAppointmentBlock *self,
                                                     gint64              now);
void           sd_appointment_block_set_selected    (SdAppointmentBlock *self,
                                                     gboolean            selected);
gboolean       sd_appointment_block_get_selected    (SdAppointmentBlock *self);
/* The text lines as shown (time, client, service, status), for tests. */
const char    *sd_appointment_block_get_line        (SdAppointmentBlock *self,
                                                     guint               line);

/* "09:30–10:15" in @tz. Free with g_free. */
char          *sd_format_time_range                 (gint64     start,
                                                     gint64     end,
                                                     GTimeZone *tz);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-day-view.h — one day, one column per staff member.
 *
 * The time grid, the closed hours, the hour labels, the staff header and the "now" line
 * are drawn in snapshot(); the only child widgets are one SdAppointmentBlock per visible
 * appointment. Overlapping appointments of one staff member sit side by side. The view
 * scrolls vertically (GtkScrollable) with its staff header pinned on top. While hidden it
 * only remembers what changed and builds its blocks when shown. */
#pragma once

#include <gtk/gtk.h>

#include "sd-agenda-model.h"
#include "sd-appointment-block.h"
#include "sd-salon.h"

G_BEGIN_DECLS

#define SD_TYPE_DAY_VIEW (sd_day_view_get_type ())
G_DECLARE_FINAL_TYPE (SdDayView, sd_day_view, SD, DAY_VIEW, GtkWidget)

GtkWidget *sd_day_view_new             (void);
/* The salon gives the time zone and the opening hours. */
void       sd_day_view_set_salon       (SdDayView     *self,
                                        SdSalon       *salon);
void       sd_day_view_set_model       (SdDayView     *self,
                                        SdAgendaModel *model);
/* A GListModel of SdStaff: one column per active member, in order. */
void       sd_day_view_set_staff       (SdDayView     *self,
                                        GListModel    *staff);
/* Any instant of the day to show. */
void       sd_day_view_set_date        (SdDayView     *self,
                                        gint64         date);
gint64     sd_day_view_get_day_start   (SdDayView     *self);
void       sd_day_view_set_now         (SdDayView     *self,
                                        gint64         now);
void       sd_day_view_set_filter      (SdDayView     *self,
                                        gboolean       hide_cancelled,
                                        gboolean       show_declined_expired);
void       sd_day_view_set_selected_id (SdDayView     *self,
                                        gint64         id);
/* Rebuilds the blocks from the model (after the model loaded or changed). */
void       sd_day_view_refresh         (SdDayView     *self);

guint               sd_day_view_get_n_columns (SdDayView *self);
const char         *sd_day_view_get_column_name (SdDayView *self,
                                                 guint      column);
guint               sd_day_view_get_n_blocks  (SdDayView *self);
SdAppointmentBlock *sd_day_view_find_block    (SdDayView *self,
                                               gint64     appointment_id);

/* Signals:
 * "appointment-activated" (SdAppointment): a block was clicked or activated.
 * "slot-activated" (gint64 start, gint64 staff_id): an empty slot was double-clicked;
 *   @start is rounded down to the quarter hour. */

G_END_DECLS

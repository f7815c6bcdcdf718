/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-week-view.h — seven days side by side, hours down. Everything is drawn in
 * snapshot(): a busy week holds thousands of appointments, far too many for widgets.
 * Each appointment is a rectangle in its state's colour with the state's mark, so states
 * differ by more than colour; clicks are hit-tested against the drawn rectangles. */
#pragma once

#include <gtk/gtk.h>

#include "sd-agenda-model.h"
#include "sd-salon.h"

G_BEGIN_DECLS

#define SD_TYPE_WEEK_VIEW (sd_week_view_get_type ())
G_DECLARE_FINAL_TYPE (SdWeekView, sd_week_view, SD, WEEK_VIEW, GtkWidget)

GtkWidget *sd_week_view_new              (void);
void       sd_week_view_set_salon        (SdWeekView    *self,
                                          SdSalon       *salon);
void       sd_week_view_set_model        (SdWeekView    *self,
                                          SdAgendaModel *model);
/* Any instant of the week to show (weeks start on Monday). */
void       sd_week_view_set_date         (SdWeekView    *self,
                                          gint64         date);
gint64     sd_week_view_get_week_start   (SdWeekView    *self);
void       sd_week_view_set_now          (SdWeekView    *self,
                                          gint64         now);
/* 0 shows every staff member. */
void       sd_week_view_set_staff_filter (SdWeekView    *self,
                                          gint64         staff_id);
void       sd_week_view_set_filter       (SdWeekView    *self,
                                          gboolean       hide_cancelled,
                                          gboolean       show_declined_expired);
void       sd_week_view_set_selected_id  (SdWeekView    *self,
                                          gint64         id);
void       sd_week_view_refresh          (SdWeekView    *self);
/* How many appointments are drawn. */
guint      sd_week_view_get_n_shown      (SdWeekView    *self);
/* The appointment drawn at (@x, @y) in widget coordinates, or NULL. */
SdAppointment *sd_week_view_pick         (SdWeekView    *self,
                                          double         x,
                                          double         y);

/* Signals:
 * "appointment-activated" (SdAppointment): a rectangle was clicked.
 * "day-activated" (gint64 day_start): a day's header was clicked. */

G_END_DECLS

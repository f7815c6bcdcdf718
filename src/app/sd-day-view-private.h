/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-day-view-private.h — what sd-day-view.c (layout, blocks, scrolling, API) and
 * sd-day-view-draw.c (the grid, header and "now" line drawn in snapshot()) share. */
#pragma once

#include "sd-day-view.h"

G_BEGIN_DECLS

#define HEADER_HEIGHT   44
#define TIME_COL_WIDTH  60
#define HOUR_HEIGHT     64
#define MIN_COL_WIDTH   96
#define NAT_COL_WIDTH   180
#define BLOCK_GAP       2

typedef struct
{
  gint64 staff_id;
  char *name;
  guint n_appointments;
} Column;

typedef struct
{
  GtkWidget *block;
  guint column;
  int top_min;       /* wall-clock minutes after the day's midnight */
  int bottom_min;
  guint lane;
  guint n_lanes;
} Placed;

struct _SdDayView
{
  GtkWidget parent_instance;

  SdSalon *salon;
  GTimeZone *tz;
  SdAgendaModel *model;
  GListModel *staff;

  gint64 day_start;
  gint64 now;
  gint64 selected_id;
  gboolean hide_cancelled;
  gboolean show_declined_expired;

  int first_hour;    /* the grid shows [first_hour, last_hour) */
  int last_hour;
  int open_min;      /* this day's opening hours; equal when closed */
  int close_min;

  GArray *columns;   /* Column */
  GArray *placed;    /* Placed */

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;
  guint scrolled_to_hours : 1;
  guint stale : 1;           /* changed while hidden: rebuilt when mapped */
};

/* sd-day-view.c: geometry */
/* Minutes after the shown day's local midnight, clamped to [0, 24 h]. */
int    sd_day_view_wall_minutes   (SdDayView *self,
                                   gint64     instant);
double sd_day_view_y_of_minutes   (SdDayView *self,
                                   int        minutes);
double sd_day_view_content_height (SdDayView *self);
double sd_day_view_column_width   (SdDayView *self,
                                   int        width);

/* sd-day-view-draw.c */
void   sd_day_view_snapshot       (GtkWidget   *widget,
                                   GtkSnapshot *snapshot);

G_END_DECLS

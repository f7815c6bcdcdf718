/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-day-view-draw.c — the day view's grid, closed hours, hour labels, staff header and
 * "now" line, drawn in snapshot() rather than built from widgets (the blocks are the only
 * children). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-day-view-private.h"
#include "sd-staff.h"
#include "sd-state-style.h"
#include "sd-time.h"

static void
append_text (SdDayView       *self,
             GtkSnapshot     *snapshot,
             const char      *markup,
             double           x,
             double           y,
             int              width,
             PangoAlignment   align,
             const GdkRGBA   *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_grid (SdDayView   *self,
               GtkSnapshot *snapshot,
               int          width,
               int          height,
               const GdkRGBA *fg)
{
  double col_w = sd_day_view_column_width (self, width);
  GdkRGBA line = *fg, faint = *fg, shade = *fg, dim = *fg;

  line.alpha = 0.15;
  faint.alpha = 0.06;
  shade.alpha = 0.07;
  dim.alpha = 0.65;

  /* Closed hours, shaded in every column. */
  {
    double top = sd_day_view_y_of_minutes (self, self->first_hour * 60);
    double bottom = sd_day_view_y_of_minutes (self, self->last_hour * 60);
    double open_y = self->open_min < self->close_min ? sd_day_view_y_of_minutes (self, self->open_min) : bottom;
    double close_y = self->open_min < self->close_min ? sd_day_view_y_of_minutes (self, self->close_min) : bottom;

    if (open_y > top)
      gtk_snapshot_append_color (snapshot, &shade,
                                 &GRAPHENE_RECT_INIT (TIME_COL_WIDTH, top, width - TIME_COL_WIDTH,
                                                      open_y - top));
    if (bottom > close_y)
      gtk_snapshot_append_color (snapshot, &shade,
                                 &GRAPHENE_RECT_INIT (TIME_COL_WIDTH, close_y,
                                                      width - TIME_COL_WIDTH, bottom - close_y));
  }

  for (int hour = self->first_hour; hour <= self->last_hour; hour++)
    {
      double y = sd_day_view_y_of_minutes (self, hour * 60);
      g_autofree char *label = NULL;

      if (y < HEADER_HEIGHT - HOUR_HEIGHT || y > height)
        continue;
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (TIME_COL_WIDTH - 6, y,
                                                      width - TIME_COL_WIDTH + 6, 1));
      if (hour < self->last_hour)
        gtk_snapshot_append_color (snapshot, &faint,
                                   &GRAPHENE_RECT_INIT (TIME_COL_WIDTH, y + HOUR_HEIGHT / 2.0,
                                                        width - TIME_COL_WIDTH, 1));
      if (hour < self->last_hour)
        {
          label = g_strdup_printf ("<span font_features='tnum'>%02d:00</span>", hour);
          append_text (self, snapshot, label, 0, y - 8, TIME_COL_WIDTH - 10,
                       PANGO_ALIGN_RIGHT, &dim);
        }
    }

  for (guint c = 0; c <= self->columns->len; c++)
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (TIME_COL_WIDTH + c * col_w, HEADER_HEIGHT,
                                                    1, height - HEADER_HEIGHT));
}

static void
snapshot_now_line (SdDayView   *self,
                   GtkSnapshot *snapshot,
                   int          width)
{
  GdkRGBA red;
  double y;

  if (self->now < self->day_start || self->now >= sd_time_add_days (self->day_start, self->tz, 1))
    return;

  y = sd_day_view_y_of_minutes (self, sd_day_view_wall_minutes (self, self->now));
  if (y < HEADER_HEIGHT)
    return;
  gdk_rgba_parse (&red, "#e01b24");
  gtk_snapshot_append_color (snapshot, &red,
                             &GRAPHENE_RECT_INIT (TIME_COL_WIDTH - 4, y - 1,
                                                  width - TIME_COL_WIDTH + 4, 2));
  {
    GskRoundedRect dot;

    gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (TIME_COL_WIDTH - 8, y - 4, 8, 8), 4);
    gtk_snapshot_push_rounded_clip (snapshot, &dot);
    gtk_snapshot_append_color (snapshot, &red, &dot.bounds);
    gtk_snapshot_pop (snapshot);
  }
}

static void
snapshot_header (SdDayView     *self,
                 GtkSnapshot   *snapshot,
                 int            width,
                 const GdkRGBA *fg,
                 const GdkRGBA *bg)
{
  double col_w = sd_day_view_column_width (self, width);
  GdkRGBA line = *fg, dim = *fg;

  line.alpha = 0.15;
  dim.alpha = 0.65;

  gtk_snapshot_append_color (snapshot, bg, &GRAPHENE_RECT_INIT (0, 0, width, HEADER_HEIGHT));
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, width, 1));

  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *column = &g_array_index (self->columns, Column, c);
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", column->name ? column->name : "");
      g_autofree char *count = NULL;
      double x = TIME_COL_WIDTH + c * col_w;

      append_text (self, snapshot, name, x + 4, 4, (int) col_w - 8, PANGO_ALIGN_CENTER, fg);
      if (self->open_min == self->close_min)
        count = g_strdup (_("Closed"));
      else
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appointment",
                                              "%u appointments", column->n_appointments),
                                 column->n_appointments);
      {
        g_autofree char *text = g_markup_printf_escaped ("<small>%s</small>", count);

        append_text (self, snapshot, text, x + 4, 23, (int) col_w - 8, PANGO_ALIGN_CENTER, &dim);
      }
    }
}

void
sd_day_view_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  SdDayView *self = SD_DAY_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, bg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &bg))
    gdk_rgba_parse (&bg, "#ffffff");
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->salon == NULL || self->day_start == 0)
    return;

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, width, height - HEADER_HEIGHT));
  snapshot_grid (self, snapshot, width, height, &fg);
  for (guint i = 0; i < self->placed->len; i++)
    gtk_widget_snapshot_child (widget, g_array_index (self->placed, Placed, i).block, snapshot);
  snapshot_now_line (self, snapshot, width);
  gtk_snapshot_pop (snapshot);

  snapshot_header (self, snapshot, width, &fg, &bg);
}

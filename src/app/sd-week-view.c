/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-appointment-block.h"
#include "sd-state-style.h"
#include "sd-time.h"
#include "sd-week-view.h"

#define HEADER_HEIGHT  44
#define TIME_COL_WIDTH 52
#define MIN_HOUR_HEIGHT 24

typedef struct
{
  SdAppointment *appointment;   /* owned by the model's list, which outlives a refresh */
  guint day;
  int top_min;
  int bottom_min;
  guint lane;
  guint n_lanes;
} Item;

typedef struct
{
  gint64 start;
  int open_min;
  int close_min;
  guint n_items;
} Day;

struct _SdWeekView
{
  GtkWidget parent_instance;

  SdSalon *salon;
  GTimeZone *tz;
  SdAgendaModel *model;

  gint64 week_start;
  gint64 now;
  gint64 staff_filter;
  gint64 selected_id;
  gboolean hide_cancelled;
  gboolean show_declined_expired;

  int first_hour;
  int last_hour;
  Day days[7];
  GArray *items;                /* Item, by day then start */
  GPtrArray *refs;              /* keeps the drawn appointments alive */
  PangoLayout *layout;          /* reused for every label: one layout, many draws */
  gboolean stale;               /* changed while hidden: laid out again when shown */
};

G_DEFINE_FINAL_TYPE (SdWeekView, sd_week_view, GTK_TYPE_WIDGET)

enum { APPOINTMENT_ACTIVATED, DAY_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_shown (SdWeekView    *self,
          SdAppointment *a)
{
  SdState state = sd_appointment_get_state (a);

  if (self->staff_filter != 0 && sd_appointment_get_staff_id (a) != self->staff_filter)
    return FALSE;
  if (state == SD_STATE_CANCELLED && self->hide_cancelled)
    return FALSE;
  if ((state == SD_STATE_DECLINED || state == SD_STATE_EXPIRED) && !self->show_declined_expired)
    return FALSE;
  return TRUE;
}

static int
minutes_in_day (SdWeekView *self,
                guint       day,
                gint64      instant)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 end = day < 6 ? self->days[day + 1].start : sd_time_add_days (self->days[6].start, self->tz, 1);

  if (instant <= self->days[day].start)
    return 0;
  if (instant >= end)
    return 24 * 60;
  utc = g_date_time_new_from_unix_utc (instant);
  local = g_date_time_to_timezone (utc, self->tz);
  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

static void
assign_lanes (SdWeekView *self,
              guint       first,
              guint       last)
{
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (int));
  guint cluster_first = first;
  int cluster_end = -1;

  for (guint i = first; i <= last; i++)
    {
      Item *it = i < last ? &g_array_index (self->items, Item, i) : NULL;
      guint lane;

      if (i > cluster_first && (it == NULL || it->top_min >= cluster_end))
        {
          for (guint j = cluster_first; j < i; j++)
            g_array_index (self->items, Item, j).n_lanes = lane_ends->len;
          g_array_set_size (lane_ends, 0);
          cluster_first = i;
        }
      if (it == NULL)
        break;
      if (i == cluster_first)
        cluster_end = it->bottom_min;

      for (lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, int, lane) <= it->top_min)
          break;
      if (lane == lane_ends->len)
        g_array_append_val (lane_ends, it->bottom_min);
      else
        g_array_index (lane_ends, int, lane) = it->bottom_min;
      it->lane = lane;
      cluster_end = MAX (cluster_end, it->bottom_min);
    }
}

void
sd_week_view_refresh (SdWeekView *self)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  int min_open = 24 * 60, max_close = 0;
  guint day = 0, day_first = 0;

  g_return_if_fail (SD_IS_WEEK_VIEW (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  g_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->refs, 0);
  if (self->salon == NULL || self->week_start == 0)
    return;

  for (guint d = 0; d < 7; d++)
    {
      GDate date;

      self->days[d].start = sd_time_add_days (self->week_start, self->tz, d);
      self->days[d].n_items = 0;
      sd_salon_get_hours (self->salon, G_DATE_MONDAY + d, &self->days[d].open_min,
                          &self->days[d].close_min);
      sd_salon_local_date (self->salon, self->days[d].start, &date);
      if (sd_salon_is_closing_day (self->salon, &date))
        self->days[d].close_min = self->days[d].open_min;
      if (self->days[d].open_min < self->days[d].close_min)
        {
          min_open = MIN (min_open, self->days[d].open_min);
          max_close = MAX (max_close, self->days[d].close_min);
        }
    }
  if (min_open >= max_close)
    {
      min_open = 9 * 60;
      max_close = 19 * 60;
    }
  self->first_hour = min_open / 60;
  self->last_hour = (max_close + 59) / 60;

  if (self->model != NULL)
    sd_agenda_model_collect (self->model, self->week_start,
                             sd_time_add_days (self->week_start, self->tz, 7), found);

  /* @found is ordered by start, so the days come in order too. */
  for (guint i = 0; i < found->len; i++)
    {
      SdAppointment *a = g_ptr_array_index (found, i);
      gint64 start = sd_appointment_get_start (a);
      Item it = { 0 };

      if (!is_shown (self, a))
        continue;
      while (day < 6 && start >= self->days[day + 1].start)
        {
          assign_lanes (self, day_first, self->items->len);
          day_first = self->items->len;
          day++;
        }
      it.appointment = a;
      it.day = day;
      it.top_min = minutes_in_day (self, day, MAX (start, self->days[day].start));
      it.bottom_min = MIN (24 * 60, it.top_min + (int) ((sd_appointment_get_end (a) - start) / 60));
      it.bottom_min = MAX (it.bottom_min, it.top_min + 5);
      self->first_hour = MIN (self->first_hour, it.top_min / 60);
      self->last_hour = MAX (self->last_hour, (it.bottom_min + 59) / 60);
      self->days[day].n_items++;
      g_ptr_array_add (self->refs, g_object_ref (a));
      g_array_append_val (self->items, it);
    }
  assign_lanes (self, day_first, self->items->len);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

typedef struct
{
  double col_w;
  double hour_h;
} Geometry;

static Geometry
geometry (SdWeekView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int hours = MAX (1, self->last_hour - self->first_hour);

  return (Geometry) {
    .col_w = (width - TIME_COL_WIDTH) / 7.0,
    .hour_h = MAX (MIN_HOUR_HEIGHT, (height - HEADER_HEIGHT) / (double) hours),
  };
}

static double
y_of (SdWeekView     *self,
      const Geometry *g,
      int             minutes)
{
  return HEADER_HEIGHT + (minutes - self->first_hour * 60) * g->hour_h / 60.0;
}

static graphene_rect_t
item_rect (SdWeekView     *self,
           const Geometry *g,
           const Item     *it)
{
  double lane_w = (g->col_w - 4) / MAX (1, it->n_lanes);
  double x = TIME_COL_WIDTH + it->day * g->col_w + 2 + it->lane * lane_w;
  double y = y_of (self, g, it->top_min);
  double h = (it->bottom_min - it->top_min) * g->hour_h / 60.0;

  return GRAPHENE_RECT_INIT (x + 0.5, y + 0.5, MAX (1, lane_w - 1), MAX (2, h - 1));
}

static void
append_text (SdWeekView    *self,
             GtkSnapshot   *snapshot,
             const char    *text,
             gboolean       strike,
             double         x,
             double         y,
             double         width,
             const GdkRGBA *color)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  if (strike)
    pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
  pango_layout_set_attributes (self->layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (self->layout, text, -1);
  pango_layout_set_width (self->layout, (int) (width * PANGO_SCALE));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_grid (SdWeekView    *self,
               GtkSnapshot   *snapshot,
               const Geometry *g,
               int            width,
               int            height,
               const GdkRGBA *fg)
{
  GdkRGBA line = *fg, shade = *fg, dim = *fg;

  line.alpha = 0.15;
  shade.alpha = 0.07;
  dim.alpha = 0.65;

  for (guint d = 0; d < 7; d++)
    {
      const Day *day = &self->days[d];
      double x = TIME_COL_WIDTH + d * g->col_w;
      double top = y_of (self, g, self->first_hour * 60);
      double bottom = y_of (self, g, self->last_hour * 60);

      if (day->open_min >= day->close_min)
        gtk_snapshot_append_color (snapshot, &shade,
                                   &GRAPHENE_RECT_INIT (x, top, g->col_w, bottom - top));
      else
        {
          double open_y = y_of (self, g, day->open_min);
          double close_y = y_of (self, g, day->close_min);

          if (open_y > top)
            gtk_snapshot_append_color (snapshot, &shade,
                                       &GRAPHENE_RECT_INIT (x, top, g->col_w, open_y - top));
          if (bottom > close_y)
            gtk_snapshot_append_color (snapshot, &shade,
                                       &GRAPHENE_RECT_INIT (x, close_y, g->col_w, bottom - close_y));
        }
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (x, HEADER_HEIGHT, 1, height - HEADER_HEIGHT));
    }

  pango_layout_set_alignment (self->layout, PANGO_ALIGN_RIGHT);
  for (int hour = self->first_hour; hour <= self->last_hour; hour++)
    {
      double y = y_of (self, g, hour * 60);
      char label[8];

      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (TIME_COL_WIDTH - 4, y,
                                                      width - TIME_COL_WIDTH + 4, 1));
      if (hour < self->last_hour)
        {
          g_snprintf (label, sizeof label, "%02d:00", hour);
          append_text (self, snapshot, label, FALSE, 0, y + 2, TIME_COL_WIDTH - 8, &dim);
        }
    }
  pango_layout_set_alignment (self->layout, PANGO_ALIGN_LEFT);
}

static void
snapshot_items (SdWeekView     *self,
                GtkSnapshot    *snapshot,
                const Geometry *g,
                const GdkRGBA  *fg,
                const GdkRGBA  *accent)
{
  int line_h;

  pango_layout_set_text (self->layout, "09:00", -1);
  pango_layout_get_pixel_size (self->layout, NULL, &line_h);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *it = &g_array_index (self->items, Item, i);
      SdState state = sd_appointment_get_state (it->appointment);
      graphene_rect_t r = item_rect (self, g, it);
      GdkRGBA color, fill;

      sd_state_style_get_color (state, &color);
      if (r.size.width <= 6)
        {
          /* A sliver in a crowded week: one node, the stripe alone, keeps the frame cheap
           * with thousands of appointments. Inactive ones stay pale. */
          if (sd_state_style_is_inactive (state))
            color.alpha = 0.35;
          gtk_snapshot_append_color (snapshot, &color, &r);
        }
      else
        {
          fill = color;
          fill.alpha = sd_state_style_is_inactive (state) ? 0.12 : 0.24;
          gtk_snapshot_append_color (snapshot, &fill, &r);
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (r.origin.x, r.origin.y,
                                                          3, r.size.height));
        }
      if (sd_appointment_get_id (it->appointment) == self->selected_id)
        {
          GskRoundedRect outline;
          const GdkRGBA colors[4] = { *accent, *accent, *accent, *accent };
          const float widths[4] = { 2, 2, 2, 2 };

          gsk_rounded_rect_init_from_rect (&outline, &r, 0);
          gtk_snapshot_append_border (snapshot, &outline, widths, colors);
        }

      /* Text only where it can be read: the state's mark always, the client's name when
       * a useful part of it fits ("Lu…" helps nobody; the tooltip has it all). */
      if (r.size.width >= 14 && r.size.height >= line_h)
        {
          g_autofree char *text = NULL;

          if (r.size.width >= 76)
            text = g_strdup_printf ("%s %s", sd_state_style_get_glyph (state),
                                    sd_appointment_get_client_name (it->appointment));
          else
            text = g_strdup (sd_state_style_get_glyph (state));

          gtk_snapshot_push_clip (snapshot, &r);
          append_text (self, snapshot, text, state == SD_STATE_CANCELLED,
                       r.origin.x + 4, r.origin.y + 1, MAX (8, r.size.width - 6), fg);
          gtk_snapshot_pop (snapshot);
        }
    }
}

static void
snapshot_header (SdWeekView     *self,
                 GtkSnapshot    *snapshot,
                 const Geometry *g,
                 int             width,
                 const GdkRGBA  *fg,
                 const GdkRGBA  *accent)
{
  GdkRGBA line = *fg, dim = *fg;
  gint64 today = self->now != 0 ? sd_time_local_midnight (self->now, self->tz) : 0;

  line.alpha = 0.15;
  dim.alpha = 0.65;
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, width, 1));

  pango_layout_set_alignment (self->layout, PANGO_ALIGN_CENTER);
  for (guint d = 0; d < 7; d++)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->days[d].start);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);
      /* TRANSLATORS: a week view column header, "Mon 23"; see g_date_time_format() */
      g_autofree char *title = g_date_time_format (local, _("%a %e"));
      g_autofree char *count = NULL;
      double x = TIME_COL_WIDTH + d * g->col_w;
      gboolean is_today = self->days[d].start == today;

      if (self->days[d].open_min >= self->days[d].close_min)
        count = g_strdup (_("Closed"));
      else
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appointment",
                                              "%u appointments", self->days[d].n_items),
                                 self->days[d].n_items);
      append_text (self, snapshot, title, FALSE, x + 2, 4, g->col_w - 4, is_today ? accent : fg);
      append_text (self, snapshot, count, FALSE, x + 2, 22, g->col_w - 4, &dim);
      if (is_today)
        gtk_snapshot_append_color (snapshot, accent,
                                   &GRAPHENE_RECT_INIT (x + 8, HEADER_HEIGHT - 3, g->col_w - 16, 3));
    }
  pango_layout_set_alignment (self->layout, PANGO_ALIGN_LEFT);
}

static void
snapshot_now_line (SdWeekView     *self,
                   GtkSnapshot    *snapshot,
                   const Geometry *g)
{
  GdkRGBA red;

  for (guint d = 0; d < 7; d++)
    {
      gint64 end = d < 6 ? self->days[d + 1].start : sd_time_add_days (self->days[6].start, self->tz, 1);
      double y;

      if (self->now < self->days[d].start || self->now >= end)
        continue;
      y = y_of (self, g, minutes_in_day (self, d, self->now));
      gdk_rgba_parse (&red, "#e01b24");
      gtk_snapshot_append_color (snapshot, &red,
                                 &GRAPHENE_RECT_INIT (TIME_COL_WIDTH + d * g->col_w, y - 1,
                                                      g->col_w, 2));
    }
}

static void
sd_week_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SdWeekView *self = SD_WEEK_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  Geometry g;
  GdkRGBA fg, accent;

  if (self->salon == NULL || self->week_start == 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  G_GNUC_END_IGNORE_DEPRECATIONS

  g = geometry (self);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  snapshot_grid (self, snapshot, &g, width, height, &fg);
  snapshot_items (self, snapshot, &g, &fg, &accent);
  snapshot_now_line (self, snapshot, &g);
  snapshot_header (self, snapshot, &g, width, &fg, &accent);
}

static void
sd_week_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SdWeekView *self = SD_WEEK_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = TIME_COL_WIDTH + 7 * 60;
      *natural = TIME_COL_WIDTH + 7 * 160;
    }
  else
    {
      *minimum = HEADER_HEIGHT + MIN_HOUR_HEIGHT * MAX (1, self->last_hour - self->first_hour);
      *natural = HEADER_HEIGHT + 56 * MAX (1, self->last_hour - self->first_hour);
    }
}

SdAppointment *
sd_week_view_pick (SdWeekView *self,
                   double      x,
                   double      y)
{
  Geometry g;

  g_return_val_if_fail (SD_IS_WEEK_VIEW (self), NULL);

  g = geometry (self);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *it = &g_array_index (self->items, Item, i);
      graphene_rect_t r = item_rect (self, &g, it);

      if (graphene_rect_contains_point (&r, &GRAPHENE_POINT_INIT (x, y)))
        return it->appointment;
    }
  return NULL;
}

static void
on_released (SdWeekView      *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  Geometry g = geometry (self);
  SdAppointment *a;

  if (self->week_start == 0)
    return;
  if (y < HEADER_HEIGHT && x >= TIME_COL_WIDTH)
    {
      guint d = MIN (6, (guint) ((x - TIME_COL_WIDTH) / g.col_w));

      g_signal_emit (self, signals[DAY_ACTIVATED], 0, self->days[d].start);
      return;
    }
  a = sd_week_view_pick (self, x, y);
  if (a != NULL)
    g_signal_emit (self, signals[APPOINTMENT_ACTIVATED], 0, a);
}

static gboolean
on_query_tooltip (SdWeekView *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  SdAppointment *a = keyboard ? NULL : sd_week_view_pick (self, x, y);
  g_autofree char *text = NULL;
  g_autofree char *range = NULL;

  if (a == NULL)
    return FALSE;
  range = sd_format_time_range (sd_appointment_get_start (a), sd_appointment_get_end (a),
                                self->tz);
  text = g_strdup_printf ("%s\n%s\n%s · %s\n%s", range, sd_appointment_get_client_name (a),
                          sd_appointment_get_service_name (a), sd_appointment_get_staff_name (a),
                          sd_state_get_label (sd_appointment_get_state (a)));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
sd_week_view_map (GtkWidget *widget)
{
  SdWeekView *self = SD_WEEK_VIEW (widget);

  GTK_WIDGET_CLASS (sd_week_view_parent_class)->map (widget);
  if (self->stale)
    sd_week_view_refresh (self);
}

static void
sd_week_view_dispose (GObject *object)
{
  SdWeekView *self = SD_WEEK_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->salon);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->refs, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (sd_week_view_parent_class)->dispose (object);
}

static void
sd_week_view_class_init (SdWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_week_view_dispose;
  widget_class->snapshot = sd_week_view_snapshot;
  widget_class->measure = sd_week_view_measure;
  widget_class->map = sd_week_view_map;

  signals[APPOINTMENT_ACTIVATED] =
    g_signal_new ("appointment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SD_TYPE_APPOINTMENT);
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "week-view");
}

static void
sd_week_view_init (SdWeekView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->refs = g_ptr_array_new_with_free_func (g_object_unref);
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  self->first_hour = 9;
  self->last_hour = 19;

  g_signal_connect_object (click, "released", G_CALLBACK (on_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
sd_week_view_new (void)
{
  return g_object_new (SD_TYPE_WEEK_VIEW, NULL);
}

void
sd_week_view_set_salon (SdWeekView *self,
                        SdSalon    *salon)
{
  g_return_if_fail (SD_IS_WEEK_VIEW (self));
  g_return_if_fail (SD_IS_SALON (salon));

  g_set_object (&self->salon, salon);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = g_time_zone_ref (sd_salon_get_timezone (salon));
  if (self->week_start != 0)
    self->week_start = sd_time_week_start (self->week_start, self->tz);
  sd_week_view_refresh (self);
}

void
sd_week_view_set_model (SdWeekView    *self,
                        SdAgendaModel *model)
{
  g_return_if_fail (SD_IS_WEEK_VIEW (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "loaded", G_CALLBACK (sd_week_view_refresh), self,
                             G_CONNECT_SWAPPED);
  sd_week_view_refresh (self);
}

void
sd_week_view_set_date (SdWeekView *self,
                       gint64      date)
{
  g_return_if_fail (SD_IS_WEEK_VIEW (self));
  g_return_if_fail (self->tz != NULL);

  date = sd_time_week_start (date, self->tz);
  if (date == self->week_start)
    return;
  self->week_start = date;
  sd_week_view_refresh (self);
}

gint64
sd_week_view_get_week_start (SdWeekView *self)
{
  g_return_val_if_fail (SD_IS_WEEK_VIEW (self), 0);
  return self->week_start;
}

void
sd_week_view_set_now (SdWeekView *self,
                      gint64      now)
{
  g_return_if_fail (SD_IS_WEEK_VIEW (self));

  self->now = now;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sd_week_view_set_staff_filter (SdWeekView *self,
                               gint64      staff_id)
{
  g_return_if_fail (SD_IS_WEEK_VIEW (self));

  if (self->staff_filter == staff_id)
    return;
  self->staff_filter = staff_id;
  sd_week_view_refresh (self);
}

void
sd_week_view_set_filter (SdWeekView *self,
                         gboolean    hide_cancelled,
                         gboolean    show_declined_expired)
{
  g_return_if_fail (SD_IS_WEEK_VIEW (self));

  if (self->hide_cancelled == !!hide_cancelled
      && self->show_declined_expired == !!show_declined_expired)
    return;
  self->hide_cancelled = !!hide_cancelled;
  self->show_declined_expired = !!show_declined_expired;
  sd_week_view_refresh (self);
}

void
sd_week_view_set_selected_id (SdWeekView *self,
                              gint64      id)
{
  g_return_if_fail (SD_IS_WEEK_VIEW (self));

  self->selected_id = id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sd_week_view_get_n_shown (SdWeekView *self)
{
  g_return_val_if_fail (SD_IS_WEEK_VIEW (self), 0);
  return self->items->len;
}

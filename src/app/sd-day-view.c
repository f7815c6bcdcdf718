/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-day-view.c — the day view's columns, lanes, blocks, scrolling and API; the drawing is in
 * sd-day-view-draw.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-day-view-private.h"
#include "sd-staff.h"
#include "sd-state-style.h"
#include "sd-time.h"

static void sd_day_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SdDayView, sd_day_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      sd_day_view_scrollable_init))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum { APPOINTMENT_ACTIVATED, SLOT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
}

static void
sd_day_view_scrollable_init (GtkScrollableInterface *iface)
{
}

int
sd_day_view_wall_minutes (SdDayView *self,
              gint64     instant)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 next_day = sd_time_add_days (self->day_start, self->tz, 1);

  if (instant <= self->day_start)
    return 0;
  if (instant >= next_day)
    return 24 * 60;
  utc = g_date_time_new_from_unix_utc (instant);
  local = g_date_time_to_timezone (utc, self->tz);
  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

double
sd_day_view_y_of_minutes (SdDayView *self,
              int        minutes)
{
  double scroll = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;

  return HEADER_HEIGHT + (minutes - self->first_hour * 60) * (HOUR_HEIGHT / 60.0) - scroll;
}

double
sd_day_view_content_height (SdDayView *self)
{
  return (self->last_hour - self->first_hour) * HOUR_HEIGHT;
}

static gboolean
is_shown (SdDayView     *self,
          SdAppointment *a)
{
  SdState state = sd_appointment_get_state (a);

  if (state == SD_STATE_CANCELLED && self->hide_cancelled)
    return FALSE;
  if ((state == SD_STATE_DECLINED || state == SD_STATE_EXPIRED) && !self->show_declined_expired)
    return FALSE;
  return TRUE;
}

static void
on_block_activate (SdDayView          *self,
                   SdAppointmentBlock *block)
{
  g_signal_emit (self, signals[APPOINTMENT_ACTIVATED], 0,
                 sd_appointment_block_get_appointment (block));
}

static guint
column_for_staff (SdDayView     *self,
                  SdAppointment *a)
{
  gint64 staff_id = sd_appointment_get_staff_id (a);
  Column column = { 0 };

  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, Column, i).staff_id == staff_id)
      return i;

  /* Someone who left still shows on the days they worked. */
  column.staff_id = staff_id;
  column.name = g_strdup (sd_appointment_get_staff_name (a));
  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

static void
rebuild_columns (SdDayView *self)
{
  g_array_set_size (self->columns, 0);
  if (self->staff == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (self->staff); i++)
    {
      g_autoptr(SdStaff) staff = g_list_model_get_item (self->staff, i);
      Column column = { 0 };

      if (!sd_staff_get_active (staff))
        continue;
      column.staff_id = sd_staff_get_id (staff);
      column.name = g_strdup (sd_staff_get_name (staff));
      g_array_append_val (self->columns, column);
    }
}

/* Gives overlapping appointments of one column side-by-side lanes: a cluster is a run
 * of transitively overlapping blocks; each takes the first free lane, and every block of
 * the cluster shares the cluster's lane count. */
static void
assign_lanes (SdDayView *self)
{
  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (int));
      guint cluster_first = 0;
      int cluster_end = -1;
      gboolean in_cluster = FALSE;

      for (guint i = 0; i <= self->placed->len; i++)
        {
          Placed *p = i < self->placed->len ? &g_array_index (self->placed, Placed, i) : NULL;
          guint lane;

          if (p != NULL && p->column != c)
            continue;

          if (in_cluster && (p == NULL || p->top_min >= cluster_end))
            {
              for (guint j = cluster_first; j < i; j++)
                {
                  Placed *q = &g_array_index (self->placed, Placed, j);

                  if (q->column == c)
                    q->n_lanes = lane_ends->len;
                }
              g_array_set_size (lane_ends, 0);
              in_cluster = FALSE;
            }
          if (p == NULL)
            break;

          if (!in_cluster)
            {
              in_cluster = TRUE;
              cluster_first = i;
              cluster_end = p->bottom_min;
            }
          for (lane = 0; lane < lane_ends->len; lane++)
            if (g_array_index (lane_ends, int, lane) <= p->top_min)
              break;
          if (lane == lane_ends->len)
            g_array_append_val (lane_ends, p->bottom_min);
          else
            g_array_index (lane_ends, int, lane) = p->bottom_min;
          p->lane = lane;
          cluster_end = MAX (cluster_end, p->bottom_min);
        }
    }
}

static void
compute_hours (SdDayView *self)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->day_start);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);
  GDateWeekday weekday = g_date_time_get_day_of_week (local);
  int min_open = 24 * 60, max_close = 0;
  GDate date;

  /* The same hours for the whole week, so the grid does not jump from day to day. */
  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    {
      int open, close;

      sd_salon_get_hours (self->salon, d, &open, &close);
      if (open == close)
        continue;
      min_open = MIN (min_open, open);
      max_close = MAX (max_close, close);
    }
  if (min_open >= max_close)
    {
      min_open = 9 * 60;
      max_close = 19 * 60;
    }

  sd_salon_get_hours (self->salon, weekday, &self->open_min, &self->close_min);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  if (sd_salon_is_closing_day (self->salon, &date))
    self->open_min = self->close_min = 0;

  /* One shaded hour either side shows where the day ends. */
  self->first_hour = MAX (0, min_open / 60 - 1);
  self->last_hour = MIN (24, (max_close + 59) / 60 + 1);
}

static void
remove_blocks (SdDayView *self)
{
  for (guint i = 0; i < self->placed->len; i++)
    gtk_widget_unparent (g_array_index (self->placed, Placed, i).block);
  g_array_set_size (self->placed, 0);
}

void
sd_day_view_refresh (SdDayView *self)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  gint64 day_end;

  g_return_if_fail (SD_IS_DAY_VIEW (self));

  /* Hundreds of block widgets nobody sees would make every week step of the other views
   * pay for this day: build them when the day view is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  remove_blocks (self);
  rebuild_columns (self);
  if (self->salon == NULL || self->day_start == 0)
    return;

  compute_hours (self);
  day_end = sd_time_add_days (self->day_start, self->tz, 1);
  if (self->model != NULL)
    sd_agenda_model_collect (self->model, self->day_start, day_end, found);

  for (guint i = 0; i < found->len; i++)
    {
      SdAppointment *a = g_ptr_array_index (found, i);
      Placed p = { 0 };
      Column *column;

      if (!is_shown (self, a))
        continue;

      p.column = column_for_staff (self, a);
      p.top_min = sd_day_view_wall_minutes (self, sd_appointment_get_start (a));
      /* Elapsed time, not the end's wall clock: right on the night the clocks go back. */
      p.bottom_min = MIN (24 * 60, p.top_min + (int) ((sd_appointment_get_end (a)
                                                       - sd_appointment_get_start (a)) / 60));
      p.bottom_min = MAX (p.bottom_min, p.top_min + 10);
      self->first_hour = MIN (self->first_hour, p.top_min / 60);
      self->last_hour = MAX (self->last_hour, MIN (24, (p.bottom_min + 59) / 60));

      p.block = sd_appointment_block_new (a, self->tz, self->now);
      sd_appointment_block_set_selected (SD_APPOINTMENT_BLOCK (p.block),
                                         sd_appointment_get_id (a) == self->selected_id);
      g_signal_connect_object (p.block, "activate", G_CALLBACK (on_block_activate), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_set_parent (p.block, GTK_WIDGET (self));
      g_array_append_val (self->placed, p);

      column = &g_array_index (self->columns, Column, p.column);
      column->n_appointments++;
    }

  assign_lanes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
configure_adjustments (SdDayView *self,
                       int        width,
                       int        height)
{
  double page = MAX (0, height - HEADER_HEIGHT);
  double upper = sd_day_view_content_height (self);

  if (self->vadjustment != NULL)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (!self->scrolled_to_hours && page > 0 && self->last_hour > self->first_hour)
        {
          /* Open on the opening hour rather than on the shaded hour before it. */
          value = self->open_min < self->close_min
                  ? (self->open_min / 60 - self->first_hour) * HOUR_HEIGHT - HOUR_HEIGHT / 2
                  : 0;
          self->scrolled_to_hours = TRUE;
        }
      value = CLAMP (value, 0, MAX (0, upper - page));
      gtk_adjustment_configure (self->vadjustment, value, 0, upper, HOUR_HEIGHT / 4.0,
                                page * 0.9, page);
    }
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, 1, width, width);
}

double
sd_day_view_column_width (SdDayView *self,
              int        width)
{
  return (width - TIME_COL_WIDTH) / (double) MAX (1, self->columns->len);
}

static void
sd_day_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  SdDayView *self = SD_DAY_VIEW (widget);
  double col_w = sd_day_view_column_width (self, width);

  configure_adjustments (self, width, height);

  for (guint i = 0; i < self->placed->len; i++)
    {
      Placed *p = &g_array_index (self->placed, Placed, i);
      double lane_w = col_w / MAX (1, p->n_lanes);
      double x = TIME_COL_WIDTH + p->column * col_w + p->lane * lane_w + BLOCK_GAP;
      double y = sd_day_view_y_of_minutes (self, p->top_min) + 1;
      double h = (p->bottom_min - p->top_min) * (HOUR_HEIGHT / 60.0) - 2;
      double w = lane_w - 2 * BLOCK_GAP;

      gtk_widget_size_allocate (p->block,
                                &(GtkAllocation) { (int) x, (int) y, MAX (1, (int) w),
                                                   MAX (1, (int) h) }, -1);
    }
}

static void
sd_day_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  SdDayView *self = SD_DAY_VIEW (widget);
  guint n = MAX (1, self->columns->len);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = TIME_COL_WIDTH + n * MIN_COL_WIDTH;
      *natural = TIME_COL_WIDTH + n * NAT_COL_WIDTH;
    }
  else
    {
      *minimum = HEADER_HEIGHT + HOUR_HEIGHT * 2;
      *natural = HEADER_HEIGHT + (int) sd_day_view_content_height (self);
    }
}

static void
on_pressed (SdDayView       *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double col_w = sd_day_view_column_width (self, width);
  double scroll = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  GtkWidget *picked;
  guint column;
  int minutes;
  gint64 start;

  if (n_press != 2 || x < TIME_COL_WIDTH || y < HEADER_HEIGHT || self->columns->len == 0)
    return;
  picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  if (picked != GTK_WIDGET (self))
    return;

  column = MIN ((guint) ((x - TIME_COL_WIDTH) / col_w), self->columns->len - 1);
  minutes = self->first_hour * 60 + (int) ((y - HEADER_HEIGHT + scroll) / (HOUR_HEIGHT / 60.0));
  minutes -= minutes % 15;
  utc = g_date_time_new_from_unix_utc (self->day_start);
  local = g_date_time_to_timezone (utc, self->tz);
  start = sd_time_from_local (self->tz, g_date_time_get_year (local),
                              g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local), minutes / 60, minutes % 60);
  g_signal_emit (self, signals[SLOT_ACTIVATED], 0, start,
                 g_array_index (self->columns, Column, column).staff_id);
}

static void
on_scrolled (SdDayView *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (SdDayView      *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_scrolled, self);
  g_clear_object (slot);
  if (adjustment != NULL)
    {
      *slot = g_object_ref_sink (adjustment);
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
sd_day_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SdDayView *self = SD_DAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_day_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SdDayView *self = SD_DAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_day_view_map (GtkWidget *widget)
{
  SdDayView *self = SD_DAY_VIEW (widget);

  GTK_WIDGET_CLASS (sd_day_view_parent_class)->map (widget);
  if (self->stale)
    sd_day_view_refresh (self);
}

static void
sd_day_view_dispose (GObject *object)
{
  SdDayView *self = SD_DAY_VIEW (object);

  remove_blocks (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->salon);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  G_OBJECT_CLASS (sd_day_view_parent_class)->dispose (object);
}

static void
sd_day_view_finalize (GObject *object)
{
  SdDayView *self = SD_DAY_VIEW (object);

  g_array_unref (self->columns);
  g_array_unref (self->placed);

  G_OBJECT_CLASS (sd_day_view_parent_class)->finalize (object);
}

static void
sd_day_view_class_init (SdDayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_day_view_dispose;
  object_class->finalize = sd_day_view_finalize;
  object_class->get_property = sd_day_view_get_property;
  object_class->set_property = sd_day_view_set_property;
  widget_class->measure = sd_day_view_measure;
  widget_class->size_allocate = sd_day_view_size_allocate;
  widget_class->snapshot = sd_day_view_snapshot;
  widget_class->map = sd_day_view_map;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[APPOINTMENT_ACTIVATED] =
    g_signal_new ("appointment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SD_TYPE_APPOINTMENT);
  signals[SLOT_ACTIVATED] =
    g_signal_new ("slot-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "day-view");
}

static void
sd_day_view_init (SdDayView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->placed = g_array_new (FALSE, TRUE, sizeof (Placed));
  self->first_hour = 8;
  self->last_hour = 20;
  self->vscroll_policy = GTK_SCROLL_NATURAL;

  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
sd_day_view_new (void)
{
  return g_object_new (SD_TYPE_DAY_VIEW, NULL);
}

void
sd_day_view_set_salon (SdDayView *self,
                       SdSalon   *salon)
{
  g_return_if_fail (SD_IS_DAY_VIEW (self));
  g_return_if_fail (SD_IS_SALON (salon));

  g_set_object (&self->salon, salon);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = g_time_zone_ref (sd_salon_get_timezone (salon));
  if (self->day_start != 0)
    self->day_start = sd_time_local_midnight (self->day_start, self->tz);
  sd_day_view_refresh (self);
}

void
sd_day_view_set_model (SdDayView     *self,
                       SdAgendaModel *model)
{
  g_return_if_fail (SD_IS_DAY_VIEW (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "loaded", G_CALLBACK (sd_day_view_refresh), self,
                             G_CONNECT_SWAPPED);
  sd_day_view_refresh (self);
}

void
sd_day_view_set_staff (SdDayView  *self,
                       GListModel *staff)
{
  g_return_if_fail (SD_IS_DAY_VIEW (self));

  g_set_object (&self->staff, staff);
  sd_day_view_refresh (self);
}

void
sd_day_view_set_date (SdDayView *self,
                      gint64     date)
{
  g_return_if_fail (SD_IS_DAY_VIEW (self));
  g_return_if_fail (self->tz != NULL);

  date = sd_time_local_midnight (date, self->tz);
  if (date == self->day_start)
    return;
  self->day_start = date;
  self->scrolled_to_hours = FALSE;
  sd_day_view_refresh (self);
}

gint64
sd_day_view_get_day_start (SdDayView *self)
{
  g_return_val_if_fail (SD_IS_DAY_VIEW (self), 0);
  return self->day_start;
}

void
sd_day_view_set_now (SdDayView *self,
                     gint64     now)
{
  g_return_if_fail (SD_IS_DAY_VIEW (self));

  self->now = now;
  for (guint i = 0; i < self->placed->len; i++)
    sd_appointment_block_set_now (SD_APPOINTMENT_BLOCK (g_array_index (self->placed, Placed, i).block),
                                  now);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sd_day_view_set_filter (SdDayView *self,
                        gboolean   hide_cancelled,
                        gboolean   show_declined_expired)
{
  g_return_if_fail (SD_IS_DAY_VIEW (self));

  if (self->hide_cancelled == !!hide_cancelled
      && self->show_declined_expired == !!show_declined_expired)
    return;
  self->hide_cancelled = !!hide_cancelled;
  self->show_declined_expired = !!show_declined_expired;
  sd_day_view_refresh (self);
}

void
sd_day_view_set_selected_id (SdDayView *self,
                             gint64     id)
{
  g_return_if_fail (SD_IS_DAY_VIEW (self));

  self->selected_id = id;
  for (guint i = 0; i < self->placed->len; i++)
    {
      SdAppointmentBlock *block = SD_APPOINTMENT_BLOCK (g_array_index (self->placed, Placed, i).block);

      sd_appointment_block_set_selected (block,
                                         sd_appointment_get_id (sd_appointment_block_get_appointment (block)) == id);
    }
}

guint
sd_day_view_get_n_columns (SdDayView *self)
{
  g_return_val_if_fail (SD_IS_DAY_VIEW (self), 0);
  return self->columns->len;
}

const char *
sd_day_view_get_column_name (SdDayView *self,
                             guint      column)
{
  g_return_val_if_fail (SD_IS_DAY_VIEW (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_array_index (self->columns, Column, column).name;
}

guint
sd_day_view_get_n_blocks (SdDayView *self)
{
  g_return_val_if_fail (SD_IS_DAY_VIEW (self), 0);
  return self->placed->len;
}

SdAppointmentBlock *
sd_day_view_find_block (SdDayView *self,
                        gint64     appointment_id)
{
  g_return_val_if_fail (SD_IS_DAY_VIEW (self), NULL);

  for (guint i = 0; i < self->placed->len; i++)
    {
      SdAppointmentBlock *block = SD_APPOINTMENT_BLOCK (g_array_index (self->placed, Placed, i).block);

      if (sd_appointment_get_id (sd_appointment_block_get_appointment (block)) == appointment_id)
        return block;
    }
  return NULL;
}

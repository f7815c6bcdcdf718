/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-window-header.c — what the window's header and bars show: the date title and its
 * calendar popover, the legend of the states, the week's staff filter and its summary. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-staff.h"
#include "sd-state-style.h"
#include "sd-time.h"
#include "sd-window-private.h"

void
sd_window_update_week_summary (SdWindow *self)
{
  guint n = sd_week_view_get_n_shown (self->week_view);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appointment this week",
                                                        "%u appointments this week", n), n);

  gtk_label_set_label (self->week_summary, text);
}

void
sd_window_update_date_title (SdWindow *self)
{
  GTimeZone *tz = sd_agenda_model_get_timezone (self->model);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->date);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  const char *view = sd_window_get_view (self);
  g_autofree char *tooltip = NULL;

  g_free (self->date_title);
  if (g_strcmp0 (view, "day") == 0)
    /* TRANSLATORS: the shown day, "Tue 24 Nov 2026", short so that the view tabs fit beside
     * it; see g_date_time_format() */
    self->date_title = g_date_time_format (local, _("%a %e %b %Y"));
  else
    {
      gint64 week = sd_time_week_start (self->date, tz);
      gint64 last = sd_time_add_days (week, tz, 6);
      g_autoptr(GDateTime) wutc = g_date_time_new_from_unix_utc (week);
      g_autoptr(GDateTime) wlocal = g_date_time_to_timezone (wutc, tz);
      g_autoptr(GDateTime) lutc = g_date_time_new_from_unix_utc (last);
      g_autoptr(GDateTime) llocal = g_date_time_to_timezone (lutc, tz);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      /* Short, so that the five view tabs still fit beside it in a 1280 px window; the week
       * number is in the tooltip. */
      if (g_date_time_get_year (wlocal) != g_date_time_get_year (llocal))
        /* TRANSLATORS: first day of a week range across a new year, "28 Dec 2026"; see
         * g_date_time_format() */
        from = g_date_time_format (wlocal, _("%e %b %Y"));
      else if (g_date_time_get_month (wlocal) != g_date_time_get_month (llocal))
        /* TRANSLATORS: first day of a week range across two months, "30 Nov"; see
         * g_date_time_format() */
        from = g_date_time_format (wlocal, _("%e %b"));
      else
        /* TRANSLATORS: first day of a week range within one month, "23"; see
         * g_date_time_format() */
        from = g_date_time_format (wlocal, _("%e"));
      /* TRANSLATORS: last day of a week range, "29 Nov 2026"; see g_date_time_format() */
      to = g_date_time_format (llocal, _("%e %b %Y"));

      /* TRANSLATORS: a week, "23 – 29 Nov 2026" or "30 Nov – 6 Dec 2026" */
      self->date_title = g_strdup_printf (_("%s – %s"), g_strstrip (from), g_strstrip (to));
    }
  /* TRANSLATORS: the date button's tooltip, "Week 48 · Go to Date (Ctrl+G)" */
  tooltip = g_strdup_printf (_("Week %d · Go to Date (Ctrl+G)"),
                             g_date_time_get_week_of_year (local));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), tooltip);
  gtk_menu_button_set_label (self->date_button, g_strstrip (self->date_title));
}

void
sd_window_sync_calendar (SdWindow *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (self->calendar == NULL || self->model == NULL)
    return;
  utc = g_date_time_new_from_unix_utc (self->date);
  local = g_date_time_to_timezone (utc, sd_agenda_model_get_timezone (self->model));
  g_signal_handlers_block_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_calendar_select_day (self->calendar, local);
  g_signal_handlers_unblock_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

void
sd_window_fill_legend (SdWindow *self)
{
  static const char *descriptions[SD_N_STATES] = {
    [SD_STATE_REQUESTED] = N_("Booked online, waiting for you to accept"),
    [SD_STATE_CONFIRMED] = N_("Accepted, upcoming"),
    [SD_STATE_IN_PROGRESS] = N_("Checked in"),
    [SD_STATE_COMPLETED] = N_("Checked out"),
    [SD_STATE_CANCELLED] = N_("Struck through; can be hidden"),
    [SD_STATE_DECLINED] = N_("Refused; hidden unless shown in the menu"),
    [SD_STATE_EXPIRED] = N_("Not answered in time; hidden unless shown"),
    [SD_STATE_NO_SHOW] = N_("The client did not come"),
    [SD_STATE_DISPUTED] = N_("A complaint is open: locked"),
  };

  for (SdState s = 0; s < SD_N_STATES; s++)
    {
      GtkWidget *swatch = gtk_image_new_from_icon_name (sd_state_style_get_icon_name (s));
      GtkWidget *label = gtk_label_new (sd_state_get_label (s));
      GtkWidget *desc = gtk_label_new (_(descriptions[s]));

      gtk_widget_add_css_class (swatch, "legend-swatch");
      gtk_widget_add_css_class (swatch, sd_state_style_get_css_class (s));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (desc), 0);
      gtk_widget_add_css_class (desc, "dim-label");
      gtk_grid_attach (self->legend_grid, swatch, 0, s, 1, 1);
      gtk_grid_attach (self->legend_grid, label, 1, s, 1, 1);
      gtk_grid_attach (self->legend_grid, desc, 2, s, 1, 1);
    }
}

void
sd_window_fill_staff_filter (SdWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Everyone"));
  for (guint i = 0; self->staff != NULL && i < g_list_model_get_n_items (self->staff); i++)
    {
      g_autoptr(SdStaff) staff = g_list_model_get_item (self->staff, i);

      gtk_string_list_append (names, sd_staff_get_name (staff));
    }
  gtk_drop_down_set_model (self->week_staff_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->week_staff_filter, 0);
}

void
sd_window_on_week_staff_filter_changed (SdWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->week_staff_filter);
  gint64 staff_id = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->staff != NULL)
    {
      g_autoptr(SdStaff) staff = g_list_model_get_item (self->staff, selected - 1);

      if (staff != NULL)
        staff_id = sd_staff_get_id (staff);
    }
  sd_week_view_set_staff_filter (self->week_view, staff_id);
  sd_window_update_week_summary (self);
}

static void
on_calendar_day_selected (SdWindow    *self,
                          GtkCalendar *calendar)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  GTimeZone *tz = sd_agenda_model_get_timezone (self->model);

  sd_window_set_date (self, sd_time_from_local (tz, g_date_time_get_year (picked),
                                                g_date_time_get_month (picked),
                                                g_date_time_get_day_of_month (picked), 12, 0));
  gtk_popover_popdown (self->date_popover);
}

/* The date popover's calendar, built when it first pops up. */
void
sd_window_ensure_calendar (SdWindow *self)
{
  if (self->calendar != NULL)
    return;
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_calendar_day_selected),
                           self, G_CONNECT_SWAPPED);
  gtk_popover_set_child (self->date_popover, GTK_WIDGET (self->calendar));
  sd_window_sync_calendar (self);
}

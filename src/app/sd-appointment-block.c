/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-appointment-block.h"
#include "sd-state-style.h"
#include "sd-time.h"

struct _SdAppointmentBlock
{
  GtkWidget parent_instance;

  SdAppointment *appointment;
  GTimeZone *tz;
  gboolean selected;

  GtkWidget *compact;
  GtkImage *compact_icon;
  GtkLabel *compact_label;
  GtkWidget *header;
  GtkImage *state_icon;
  GtkImage *lock_icon;
  GtkLabel *time_label;
  GtkLabel *client_label;
  GtkLabel *service_label;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (SdAppointmentBlock, sd_appointment_block, GTK_TYPE_WIDGET)

enum { ACTIVATE, N_SIGNALS };
static guint signals[N_SIGNALS];

char *
sd_format_time_range (gint64     start,
                      gint64     end,
                      GTimeZone *tz)
{
  g_autoptr(GDateTime) s = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) e = g_date_time_new_from_unix_utc (end);
  g_autoptr(GDateTime) ls = g_date_time_to_timezone (s, tz);
  g_autoptr(GDateTime) le = g_date_time_to_timezone (e, tz);

  /* TRANSLATORS: a time range, "09:30–10:15" */
  return g_strdup_printf (_("%02d:%02d–%02d:%02d"),
                          g_date_time_get_hour (ls), g_date_time_get_minute (ls),
                          g_date_time_get_hour (le), g_date_time_get_minute (le));
}

static void
sd_appointment_block_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  /* The block gets the size its time span gives it; children that do not fit are hidden
   * in size_allocate, so the minimum is 0. */
  *minimum = 0;
  *natural = 0;
  for (GtkWidget *child = gtk_widget_get_next_sibling (SD_APPOINTMENT_BLOCK (widget)->compact);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        *natural += child_nat;
      else
        *natural = MAX (*natural, child_nat);
    }
}

static int
natural_height (GtkWidget *child,
                int        width)
{
  int min_w, min_h, nat_h;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, MAX (width, min_w), &min_h, &nat_h,
                      NULL, NULL);
  return MAX (min_h, nat_h);
}

static void
place (GtkWidget *child,
       int        width,
       int        y,
       int        height)
{
  int min_w;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_set_child_visible (child, TRUE);
  gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, MAX (width, min_w), height }, -1);
}

static void
sd_appointment_block_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  SdAppointmentBlock *self = SD_APPOINTMENT_BLOCK (widget);
  int header_h = natural_height (self->header, width);
  int client_h = natural_height (GTK_WIDGET (self->client_label), width);
  int y = 0;
  gboolean full = FALSE;

  /* Too short for time and client on their own lines: one line "09:15 Anna Rossi". */
  if (height < header_h + client_h)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        gtk_widget_set_child_visible (child, FALSE);
      place (self->compact, width, 0, natural_height (self->compact, width));
      return;
    }

  gtk_widget_set_child_visible (self->compact, FALSE);
  for (GtkWidget *child = gtk_widget_get_next_sibling (self->compact); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_h;

      if (!gtk_widget_get_visible (child))
        continue;
      child_h = natural_height (child, width);
      /* Only whole lines: a half-cut service name reads worse than none. */
      if (full || y + child_h > height)
        {
          full = TRUE;
          gtk_widget_set_child_visible (child, FALSE);
          continue;
        }
      place (child, width, y, child_h);
      y += child_h;
    }
}

static void
sd_appointment_block_dispose (GObject *object)
{
  SdAppointmentBlock *self = SD_APPOINTMENT_BLOCK (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_APPOINTMENT_BLOCK);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->appointment);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (sd_appointment_block_parent_class)->dispose (object);
}

static void
on_click_released (SdAppointmentBlock *self,
                   int                 n_press,
                   double              x,
                   double              y,
                   GtkGestureClick    *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
sd_appointment_block_class_init (SdAppointmentBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_appointment_block_dispose;
  widget_class->measure = sd_appointment_block_measure;
  widget_class->size_allocate = sd_appointment_block_size_allocate;

  /* Emitted on click and on Enter/Space: the window selects the appointment. */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sd-appointment-block.ui");
  gtk_widget_class_bind_template_child (widget_class, SdAppointmentBlock, compact);
  gtk_widget_class_bind_template_child (widget_class, SdAppointmentBlock, compact_icon);
  gtk_widget_class_bind_template_child (widget_class, SdAppointmentBlock, compact_label);
  gtk_widget_class_bind_template_child (widget_class, SdAppointmentBlock, header);
  gtk_widget_class_bind_template_child (widget_class, SdAppointmentBlock, state_icon);
  gtk_widget_class_bind_template_child (widget_class, SdAppointmentBlock, lock_icon);
  gtk_widget_class_bind_template_child (widget_class, SdAppointmentBlock, time_label);
  gtk_widget_class_bind_template_child (widget_class, SdAppointmentBlock, client_label);
  gtk_widget_class_bind_template_child (widget_class, SdAppointmentBlock, service_label);
  gtk_widget_class_bind_template_child (widget_class, SdAppointmentBlock, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_click_released);

  gtk_widget_class_set_css_name (widget_class, "appointment-block");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
sd_appointment_block_init (SdAppointmentBlock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static char *
status_text (SdAppointmentBlock *self,
             gint64              now)
{
  SdState state = sd_appointment_get_state (self->appointment);
  gint64 confirm_by = sd_appointment_get_confirm_by (self->appointment);

  if (state == SD_STATE_REQUESTED && confirm_by > 0)
    {
      g_autofree char *left = sd_time_format_duration (confirm_by - now);

      if (confirm_by < now)
        return g_strdup_printf ("%s · %s", sd_state_get_label (state), left);
      /* TRANSLATORS: a request's countdown, "Answer within 3 h 20 min" */
      return g_strdup_printf (_("Answer within %s"), left);
    }
  return g_strdup (sd_state_get_label (state));
}

static void
update (SdAppointmentBlock *self,
        gint64              now)
{
  SdAppointment *a = self->appointment;
  SdState state = sd_appointment_get_state (a);
  g_autofree char *time = sd_format_time_range (sd_appointment_get_start (a),
                                                sd_appointment_get_end (a), self->tz);
  g_autofree char *status = status_text (self, now);
  g_autofree char *tooltip = NULL;
  const char *client = sd_appointment_get_client_name (a);
  const char *service = sd_appointment_get_service_name (a);

  gtk_label_set_label (self->time_label, time);
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sd_appointment_get_start (a));
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);
    g_autofree char *compact = g_markup_printf_escaped ("%02d:%02d  <b>%s</b>",
                                                        g_date_time_get_hour (local),
                                                        g_date_time_get_minute (local),
                                                        client ? client : "");

    gtk_label_set_markup (self->compact_label, compact);
    gtk_image_set_from_icon_name (self->compact_icon, sd_state_style_get_icon_name (state));
  }
  gtk_label_set_label (self->client_label, client ? client : "");
  gtk_label_set_label (self->service_label, service ? service : "");
  gtk_label_set_label (self->status_label, status);
  gtk_image_set_from_icon_name (self->state_icon, sd_state_style_get_icon_name (state));
  gtk_widget_set_visible (GTK_WIDGET (self->lock_icon), state == SD_STATE_DISPUTED);

  gtk_widget_add_css_class (GTK_WIDGET (self), sd_state_style_get_css_class (state));
  if (sd_state_style_is_inactive (state))
    gtk_widget_add_css_class (GTK_WIDGET (self), "inactive");

  tooltip = g_strdup_printf ("%s\n%s\n%s\n%s", time, client ? client : "",
                             service ? service : "", status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
}

GtkWidget *
sd_appointment_block_new (SdAppointment *appointment,
                          GTimeZone     *tz,
                          gint64         now)
{
  SdAppointmentBlock *self;

  g_return_val_if_fail (SD_IS_APPOINTMENT (appointment), NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  self = g_object_new (SD_TYPE_APPOINTMENT_BLOCK, NULL);
  self->appointment = g_object_ref (appointment);
  self->tz = g_time_zone_ref (tz);
  update (self, now);
  return GTK_WIDGET (self);
}

SdAppointment *
sd_appointment_block_get_appointment (SdAppointmentBlock *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT_BLOCK (self), NULL);
  return self->appointment;
}

void
sd_appointment_block_set_now (SdAppointmentBlock *self,
                              gint64              now)
{
  g_autofree char *status = NULL;

  g_return_if_fail (SD_IS_APPOINTMENT_BLOCK (self));

  status = status_text (self, now);
  gtk_label_set_label (self->status_label, status);
}

void
sd_appointment_block_set_selected (SdAppointmentBlock *self,
                                   gboolean            selected)
{
  g_return_if_fail (SD_IS_APPOINTMENT_BLOCK (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
}

gboolean
sd_appointment_block_get_selected (SdAppointmentBlock *self)
{
  g_return_val_if_fail (SD_IS_APPOINTMENT_BLOCK (self), FALSE);
  return self->selected;
}

const char *
sd_appointment_block_get_line (SdAppointmentBlock *self,
                               guint               line)
{
  GtkLabel *labels[] = { self->time_label, self->client_label, self->service_label,
                         self->status_label };

  g_return_val_if_fail (SD_IS_APPOINTMENT_BLOCK (self), NULL);
  g_return_val_if_fail (line < G_N_ELEMENTS (labels), NULL);
  return gtk_label_get_label (labels[line]);
}

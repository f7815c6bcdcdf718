/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaints-view-columns.c — the complaints list's columns: deadline and time left,
 * status in words with an icon, appointment, client and who opened it, reason, refund
 * asked. Cells are built once per row widget and bound to each complaint shown. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-complaints-view-private.h"
#include "sd-money.h"
#include "sd-time.h"

/* Under this much time left the countdown is red. */
#define URGENT_SECONDS (2 * 3600)

static GtkWidget *
cell_label (gboolean dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (dim)
    {
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
    }
  return label;
}

/* Two lines: a main one and a dim caption under it. */
static void
setup_two_lines (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), cell_label (FALSE));
  gtk_box_append (GTK_BOX (box), cell_label (TRUE));
  gtk_list_item_set_child (item, box);
}

static void
set_two_lines (GtkListItem *item, const char *first, const char *second)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *bottom = gtk_widget_get_next_sibling (top);

  gtk_label_set_text (GTK_LABEL (top), first);
  gtk_label_set_text (GTK_LABEL (bottom), second != NULL ? second : "");
  gtk_widget_set_visible (bottom, second != NULL && *second != '\0');
}

void
sd_complaints_view_render_deadline (SdComplaintsView *self, GtkListItem *item)
{
  SdComplaint *complaint = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  gint64 reply_by = sd_complaint_get_reply_by (complaint);
  gint64 left = reply_by - sd_complaints_view_now (self);
  g_autofree char *exact = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *duration = NULL;

  gtk_widget_remove_css_class (top, "error");
  gtk_widget_remove_css_class (top, "heading");
  if (reply_by == 0)
    {
      set_two_lines (item, _("No deadline"), _("Opened by the salon"));
      return;
    }
  /* Translators: the exact deadline in the complaints list, see g_date_time_format() */
  exact = sd_complaints_view_format_local (self, reply_by, _("%a %-d %b, %H:%M"));
  switch (sd_complaint_get_status (complaint))
    {
    case SD_COMPLAINT_AWAITING_REPLY:
      duration = sd_time_format_duration (left);
      /* Translators: "3 h 12 min left" */
      first = left >= 0 ? g_strdup_printf (_("%s left"), duration) : g_steal_pointer (&duration);
      /* Translators: "by Mon 23 Nov, 14:30" — the exact deadline */
      second = g_strdup_printf (_("by %s"), exact);
      gtk_widget_add_css_class (top, "heading");
      if (left < URGENT_SECONDS)
        gtk_widget_add_css_class (top, "error");
      break;
    case SD_COMPLAINT_MISSED:
      first = g_strdup (_("Not answered in time"));
      /* Translators: "was due Mon 23 Nov, 14:30" */
      second = g_strdup_printf (_("was due %s"), exact);
      gtk_widget_add_css_class (top, "error");
      break;
    case SD_COMPLAINT_UNDER_REVIEW:
    case SD_COMPLAINT_RESOLVED:
    default:
      {
        /* Translators: when the salon answered, see g_date_time_format() */
        g_autofree char *answered = sd_complaints_view_format_local (
          self, sd_complaint_get_responded_at (complaint), _("%a %-d %b, %H:%M"));
        first = sd_complaint_get_responded_at (complaint) != 0
                /* Translators: "Answered Mon 23 Nov, 11:00" */
                ? g_strdup_printf (_("Answered %s"), answered)
                : g_strdup (_("Closed"));
        /* Translators: "was due Mon 23 Nov, 14:30" */
        second = g_strdup_printf (_("was due %s"), exact);
      }
      break;
    }
  set_two_lines (item, first, second);
}

static void
bind_deadline (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SdComplaintsView *self = user_data;

  g_hash_table_add (self->deadline_cells, item);
  sd_complaints_view_render_deadline (self, item);
}

static void
unbind_deadline (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SdComplaintsView *self = user_data;

  g_hash_table_remove (self->deadline_cells, item);
}

static void
setup_status (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), cell_label (FALSE));
  gtk_list_item_set_child (item, box);
}

static void
bind_status (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SdComplaint *complaint = gtk_list_item_get_item (item);
  SdComplaintStatus status = sd_complaint_get_status (complaint);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), sd_complaints_view_status_icon (status));
  gtk_label_set_text (GTK_LABEL (label), sd_complaints_view_status_label (status));
  gtk_widget_remove_css_class (box, "error");
  gtk_widget_remove_css_class (box, "success");
  gtk_widget_remove_css_class (label, "heading");
  if (status == SD_COMPLAINT_MISSED)
    gtk_widget_add_css_class (box, "error");
  else if (status == SD_COMPLAINT_RESOLVED)
    gtk_widget_add_css_class (box, "success");
  else if (status == SD_COMPLAINT_AWAITING_REPLY)
    gtk_widget_add_css_class (label, "heading");
}

static void
bind_appointment (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SdComplaintsView *self = user_data;
  SdComplaint *complaint = gtk_list_item_get_item (item);
  /* Translators: an appointment's start in the complaints list, see g_date_time_format() */
  g_autofree char *start = sd_complaints_view_format_local (
    self, sd_complaint_get_appointment_start (complaint), _("%a %-d %b, %H:%M"));

  set_two_lines (item, start, sd_complaint_get_service_name (complaint));
}

static void
bind_client (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SdComplaint *complaint = gtk_list_item_get_item (item);
  const char *by = sd_complaint_get_opened_by (complaint) == SD_PARTY_SALON
                   ? _("Opened by the salon") : _("Opened by the client");

  set_two_lines (item, sd_complaint_get_client_name (complaint), by);
}

static void
setup_reason (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = cell_label (FALSE);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_list_item_set_child (item, label);
}

static void
bind_reason (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SdComplaint *complaint = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), sd_complaint_get_reason (complaint));
  /* The whole reason, for a row too narrow to show it. */
  gtk_widget_set_tooltip_text (label, sd_complaint_get_reason (complaint));
}

static void
setup_money (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_money (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SdComplaintsView *self = user_data;
  SdComplaint *complaint = gtk_list_item_get_item (item);
  SdSalon *salon = sd_store_get_salon (self->store);
  g_autofree char *text = sd_money_format (sd_complaint_get_refund_requested_cents (complaint),
                                           salon != NULL ? sd_salon_get_currency (salon) : NULL);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_column (SdComplaintsView *self, const char *title, GCallback setup, GCallback bind,
            GCallback unbind, gboolean expand, int fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
}

void
sd_complaints_view_build_columns (SdComplaintsView *self)
{
  add_column (self, _("Deadline"), G_CALLBACK (setup_two_lines), G_CALLBACK (bind_deadline),
              G_CALLBACK (unbind_deadline), FALSE, 220);
  add_column (self, _("Status"), G_CALLBACK (setup_status), G_CALLBACK (bind_status), NULL,
              FALSE, 150);
  add_column (self, _("Appointment"), G_CALLBACK (setup_two_lines),
              G_CALLBACK (bind_appointment), NULL, FALSE, 170);
  add_column (self, _("Client"), G_CALLBACK (setup_two_lines), G_CALLBACK (bind_client), NULL,
              FALSE, 170);
  add_column (self, _("Reason"), G_CALLBACK (setup_reason), G_CALLBACK (bind_reason), NULL,
              TRUE, -1);
  add_column (self, _("Refund Asked"), G_CALLBACK (setup_money), G_CALLBACK (bind_money), NULL,
              FALSE, 120);
}

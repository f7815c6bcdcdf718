/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sd-appointment-block.h"
#include "sd-list-view.h"
#include "sd-money.h"
#include "sd-state-style.h"
#include "sd-time.h"

typedef enum
{
  COLUMN_TIME,
  COLUMN_CLIENT,
  COLUMN_SERVICE,
  COLUMN_STAFF,
  COLUMN_STATE,
  COLUMN_PRICE,
  N_COLUMNS
} ColumnKind;

static const char *column_ids[N_COLUMNS] = {
  "time", "client", "service", "staff", "state", "price",
};

struct _SdListView
{
  GtkWidget parent_instance;

  SdSalon *salon;
  GTimeZone *tz;
  SdAgendaModel *model;

  gint64 week_start;
  gint64 week_end;
  gint64 now;
  gint64 selected_id;
  int state_filter;
  gboolean hide_cancelled;
  gboolean show_declined_expired;

  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];
  gboolean syncing_selection;

  GtkColumnView *column_view;
  GtkDropDown *state_filter_dropdown;
  GtkLabel *count_label;
  GtkStack *stack;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (SdListView, sd_list_view, GTK_TYPE_WIDGET)

enum { APPOINTMENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SdListView *self = user_data;
  SdAppointment *a = item;
  SdState state = sd_appointment_get_state (a);

  if (!sd_time_ranges_overlap (sd_appointment_get_start (a), sd_appointment_get_end (a),
                               self->week_start, self->week_end))
    return FALSE;
  if (self->state_filter >= 0)
    return (int) state == self->state_filter;
  if (state == SD_STATE_CANCELLED && self->hide_cancelled)
    return FALSE;
  if ((state == SD_STATE_DECLINED || state == SD_STATE_EXPIRED) && !self->show_declined_expired)
    return FALSE;
  return TRUE;
}

static void
update_summary (SdListView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u appointment",
                                                        "%u appointments", n), n);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
refilter (SdListView *self)
{
  if (self->filter == NULL)
    return;   /* still in init */
  /* Hidden, the table is detached from the agenda (see map/unmap): nothing to do now. */
  if (gtk_filter_list_model_get_model (self->filtered) == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), kind == COLUMN_PRICE ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (kind == COLUMN_TIME || kind == COLUMN_PRICE)
    gtk_widget_add_css_class (label, "numeric");

  if (kind == COLUMN_STATE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new ();

      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_add_css_class (box, "state-pill");
      gtk_widget_set_halign (box, GTK_ALIGN_START);
      gtk_list_item_set_child (item, box);
    }
  else
    gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  SdListView *self = g_object_get_data (G_OBJECT (factory), "list-view");
  SdAppointment *a = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  SdState state = sd_appointment_get_state (a);
  g_autofree char *text = NULL;
  GtkLabel *label;

  if (kind == COLUMN_STATE)
    {
      GtkWidget *icon = gtk_widget_get_first_child (child);

      label = GTK_LABEL (gtk_widget_get_next_sibling (icon));
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), sd_state_style_get_icon_name (state));
      for (guint s = 0; s < SD_N_STATES; s++)
        gtk_widget_remove_css_class (child, sd_state_style_get_css_class (s));
      gtk_widget_add_css_class (child, sd_state_style_get_css_class (state));
    }
  else
    label = GTK_LABEL (child);

  switch (kind)
    {
    case COLUMN_TIME:
      {
        g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sd_appointment_get_start (a));
        g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);
        /* TRANSLATORS: the day in the agenda list, "Tue 24 Nov"; see g_date_time_format() */
        g_autofree char *day = g_date_time_format (local, _("%a %e %b"));
        g_autofree char *range = sd_format_time_range (sd_appointment_get_start (a),
                                                       sd_appointment_get_end (a), self->tz);

        text = g_strdup_printf ("%s  %s", day, range);
      }
      break;
    case COLUMN_CLIENT:
      text = g_strdup (sd_appointment_get_client_name (a));
      break;
    case COLUMN_SERVICE:
      text = g_strdup (sd_appointment_get_service_name (a));
      break;
    case COLUMN_STAFF:
      text = g_strdup (sd_appointment_get_staff_name (a));
      break;
    case COLUMN_STATE:
      if (state == SD_STATE_REQUESTED && sd_appointment_get_confirm_by (a) > self->now)
        {
          g_autofree char *left = sd_time_format_duration (sd_appointment_get_confirm_by (a) - self->now);

          text = g_strdup_printf ("%s · %s", sd_state_get_label (state), left);
        }
      else
        text = g_strdup (sd_state_get_label (state));
      break;
    case COLUMN_PRICE:
      text = sd_money_format (sd_appointment_get_price_cents (a), sd_appointment_get_currency (a));
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (label, text ? text : "");

  /* A struck-through client marks a cancellation in any theme, not only by colour. */
  if (kind == COLUMN_CLIENT && state == SD_STATE_CANCELLED)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      gtk_label_set_attributes (label, attrs);
      pango_attr_list_unref (attrs);
    }
  else if (kind == COLUMN_CLIENT)
    gtk_label_set_attributes (label, NULL);

  if (sd_state_style_is_inactive (state))
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static int
compare_price (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gint64 pa = sd_appointment_get_price_cents ((SdAppointment *) a);
  gint64 pb = sd_appointment_get_price_cents ((SdAppointment *) b);

  return pa < pb ? -1 : pa > pb;
}

static GtkSorter *
sorter_for (ColumnKind kind)
{
  switch (kind)
    {
    case COLUMN_TIME:
      return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (SD_TYPE_APPOINTMENT, NULL, "start")));
    case COLUMN_CLIENT:
      return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SD_TYPE_APPOINTMENT, NULL, "client-name")));
    case COLUMN_SERVICE:
      return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SD_TYPE_APPOINTMENT, NULL, "service-name")));
    case COLUMN_STAFF:
      return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SD_TYPE_APPOINTMENT, NULL, "staff-name")));
    case COLUMN_STATE:
      return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (SD_TYPE_APPOINTMENT, NULL, "state")));
    case COLUMN_PRICE:
      return GTK_SORTER (gtk_custom_sorter_new (compare_price, NULL, NULL));
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
add_columns (SdListView *self)
{
  const char *titles[N_COLUMNS] = {
    _("Time"), _("Client"), _("Service"), _("Staff"), _("State"), _("Price"),
  };

  for (ColumnKind kind = 0; kind < N_COLUMNS; kind++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = sorter_for (kind);
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "list-view", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (kind));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (kind));
      column = gtk_column_view_column_new (titles[kind], factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, kind == COLUMN_CLIENT || kind == COLUMN_SERVICE);
      if (kind == COLUMN_TIME)
        gtk_column_view_column_set_fixed_width (column, 190);
      if (kind == COLUMN_STATE)
        gtk_column_view_column_set_fixed_width (column, 330);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[kind] = column;
      g_object_unref (column);
    }
}

static void
on_selection_changed (SdListView *self)
{
  SdAppointment *a = gtk_single_selection_get_selected_item (self->selection);

  if (a != NULL && !self->syncing_selection)
    g_signal_emit (self, signals[APPOINTMENT_ACTIVATED], 0, a);
}

static void
on_row_activated (SdListView *self,
                  guint       position)
{
  g_autoptr(SdAppointment) a = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (a != NULL)
    g_signal_emit (self, signals[APPOINTMENT_ACTIVATED], 0, a);
}

static void
on_state_filter_changed (SdListView *self)
{
  guint selected = gtk_drop_down_get_selected (self->state_filter_dropdown);

  self->state_filter = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                       ? -1 : (int) selected - 1;
  refilter (self);
}

/* A hidden table would still re-filter, re-sort and re-bind rows on every step of the
 * other views: it follows the agenda only while it is shown. */
static void
sd_list_view_map (GtkWidget *widget)
{
  SdListView *self = SD_LIST_VIEW (widget);

  if (self->model != NULL)
    gtk_filter_list_model_set_model (self->filtered, sd_agenda_model_get_appointments (self->model));
  refilter (self);
  sd_list_view_set_selected_id (self, self->selected_id);
  GTK_WIDGET_CLASS (sd_list_view_parent_class)->map (widget);
}

static void
sd_list_view_unmap (GtkWidget *widget)
{
  SdListView *self = SD_LIST_VIEW (widget);

  GTK_WIDGET_CLASS (sd_list_view_parent_class)->unmap (widget);
  gtk_filter_list_model_set_model (self->filtered, NULL);
}

static void
sd_list_view_dispose (GObject *object)
{
  SdListView *self = SD_LIST_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_LIST_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_object (&self->salon);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (sd_list_view_parent_class)->dispose (object);
}

static void
sd_list_view_class_init (SdListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_list_view_dispose;
  widget_class->map = sd_list_view_map;
  widget_class->unmap = sd_list_view_unmap;

  signals[APPOINTMENT_ACTIVATED] =
    g_signal_new ("appointment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SD_TYPE_APPOINTMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sd-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SdListView, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "state_filter", FALSE,
                                             G_STRUCT_OFFSET (SdListView, state_filter_dropdown));
  gtk_widget_class_bind_template_child (widget_class, SdListView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SdListView, stack);
  gtk_widget_class_bind_template_child (widget_class, SdListView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_state_filter_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agenda-list");
}

static void
sd_list_view_init (SdListView *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  self->state_filter = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (states, _("All states"));
  for (SdState s = 0; s < SD_N_STATES; s++)
    gtk_string_list_append (states, sd_state_get_label (s));
  gtk_drop_down_set_model (self->state_filter_dropdown, G_LIST_MODEL (states));

  add_columns (self);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_TIME],
                                  GTK_SORT_ASCENDING);
  update_summary (self);
}

GtkWidget *
sd_list_view_new (void)
{
  return g_object_new (SD_TYPE_LIST_VIEW, NULL);
}

void
sd_list_view_set_salon (SdListView *self,
                        SdSalon    *salon)
{
  g_return_if_fail (SD_IS_LIST_VIEW (self));
  g_return_if_fail (SD_IS_SALON (salon));

  g_set_object (&self->salon, salon);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = g_time_zone_ref (sd_salon_get_timezone (salon));
}

static void
on_model_loaded (SdListView *self)
{
  update_summary (self);
  sd_list_view_set_selected_id (self, self->selected_id);
}

void
sd_list_view_set_model (SdListView    *self,
                        SdAgendaModel *model)
{
  g_return_if_fail (SD_IS_LIST_VIEW (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  gtk_filter_list_model_set_model (self->filtered,
                                   model != NULL && gtk_widget_get_mapped (GTK_WIDGET (self))
                                   ? sd_agenda_model_get_appointments (model) : NULL);
  if (model != NULL)
    g_signal_connect_object (model, "loaded", G_CALLBACK (on_model_loaded), self,
                             G_CONNECT_SWAPPED);
  update_summary (self);
}

void
sd_list_view_set_date (SdListView *self,
                       gint64      date)
{
  gint64 start;

  g_return_if_fail (SD_IS_LIST_VIEW (self));
  g_return_if_fail (self->tz != NULL);

  start = sd_time_week_start (date, self->tz);
  if (start == self->week_start)
    return;
  self->week_start = start;
  self->week_end = sd_time_add_days (start, self->tz, 7);
  refilter (self);
}

void
sd_list_view_set_now (SdListView *self,
                      gint64      now)
{
  g_return_if_fail (SD_IS_LIST_VIEW (self));
  self->now = now;
}

void
sd_list_view_set_filter (SdListView *self,
                         gboolean    hide_cancelled,
                         gboolean    show_declined_expired)
{
  g_return_if_fail (SD_IS_LIST_VIEW (self));

  if (self->hide_cancelled == !!hide_cancelled
      && self->show_declined_expired == !!show_declined_expired)
    return;
  self->hide_cancelled = !!hide_cancelled;
  self->show_declined_expired = !!show_declined_expired;
  refilter (self);
}

void
sd_list_view_set_state_filter (SdListView *self,
                               int         state)
{
  g_return_if_fail (SD_IS_LIST_VIEW (self));
  g_return_if_fail (state >= -1 && state < SD_N_STATES);

  gtk_drop_down_set_selected (self->state_filter_dropdown, (guint) (state + 1));
}

void
sd_list_view_set_selected_id (SdListView *self,
                              gint64      id)
{
  GListModel *rows;
  guint n;

  g_return_if_fail (SD_IS_LIST_VIEW (self));

  self->selected_id = id;
  rows = G_LIST_MODEL (self->sorted);
  n = g_list_model_get_n_items (rows);
  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(SdAppointment) a = g_list_model_get_item (rows, i);

      if (sd_appointment_get_id (a) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  self->syncing_selection = FALSE;
}

GListModel *
sd_list_view_get_rows (SdListView *self)
{
  g_return_val_if_fail (SD_IS_LIST_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
sd_list_view_sort_by (SdListView  *self,
                      const char  *column,
                      GtkSortType  order)
{
  g_return_if_fail (SD_IS_LIST_VIEW (self));

  for (ColumnKind kind = 0; kind < N_COLUMNS; kind++)
    if (g_strcmp0 (column_ids[kind], column) == 0)
      {
        gtk_column_view_sort_by_column (self->column_view, self->columns[kind], order);
        return;
      }
  g_return_if_reached ();
}

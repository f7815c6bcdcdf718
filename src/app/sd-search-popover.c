/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sd-appointment-block.h"
#include "sd-search-popover.h"
#include "sd-state-style.h"

#define MAX_RESULTS 30

struct _SdSearchPopover
{
  GtkPopover parent_instance;

  SdStore *store;
  GTimeZone *tz;
  GCancellable *cancellable;
  GListStore *results;

  GtkSearchEntry *entry;
  GtkStack *stack;
  GtkLabel *hint_label;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (SdSearchPopover, sd_search_popover, GTK_TYPE_POPOVER)

enum { APPOINTMENT_ACTIVATED, RESULTS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SdSearchPopover *self = user_data;
  SdAppointment *a = item;
  SdState state = sd_appointment_get_state (a);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sd_appointment_get_start (a));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);
  /* TRANSLATORS: a search result's date, "Tue 24 Nov 2026 10:00"; see g_date_time_format() */
  g_autofree char *when = g_date_time_format (local, _("%a %e %b %Y %H:%M"));
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  const char *phone = sd_appointment_get_client_phone (a);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (sd_state_style_get_icon_name (state));

  title = g_markup_escape_text (sd_appointment_get_client_name (a), -1);
  subtitle = g_markup_printf_escaped ("%s · %s · %s%s%s", when,
                                      sd_appointment_get_service_name (a),
                                      sd_state_get_label (state),
                                      phone ? " · " : "", phone ? phone : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (icon, sd_state_style_get_css_class (state));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
on_search_ready (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SdSearchPopover) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = sd_store_search_finish (SD_STORE (source), result, &error);

  if (found == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_label (self->hint_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "hint");
      g_list_store_remove_all (self->results);
      g_signal_emit (self, signals[RESULTS_CHANGED], 0);
      return;
    }

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       found->pdata, found->len);
  if (found->len == 0)
    {
      gtk_label_set_label (self->hint_label, _("No client found."));
      gtk_stack_set_visible_child_name (self->stack, "hint");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "results");
  g_signal_emit (self, signals[RESULTS_CHANGED], 0);
}

void
sd_search_popover_search (SdSearchPopover *self,
                          const char      *text)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (SD_IS_SEARCH_POPOVER (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    {
      /* Setting the text emits search-changed after a delay; search now instead. */
      g_signal_handlers_block_matched (self->entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
      g_signal_handlers_unblock_matched (self->entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  if (*trimmed == '\0' || self->store == NULL)
    {
      g_list_store_remove_all (self->results);
      gtk_label_set_label (self->hint_label, _("Type a name or a phone number."));
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }

  self->cancellable = g_cancellable_new ();
  sd_store_search_async (self->store, trimmed, MAX_RESULTS, self->cancellable,
                         on_search_ready, g_object_ref (self));
}

static void
on_search_changed (SdSearchPopover *self)
{
  sd_search_popover_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

void
sd_search_popover_activate_result (SdSearchPopover *self,
                                   guint            position)
{
  g_autoptr(SdAppointment) a = NULL;

  g_return_if_fail (SD_IS_SEARCH_POPOVER (self));

  a = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  g_return_if_fail (a != NULL);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[APPOINTMENT_ACTIVATED], 0, a);
}

static void
on_row_activated (SdSearchPopover *self,
                  GtkListBoxRow   *row)
{
  sd_search_popover_activate_result (self, (guint) gtk_list_box_row_get_index (row));
}

static void
on_entry_activate (SdSearchPopover *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    sd_search_popover_activate_result (self, 0);
}

static void
sd_search_popover_dispose (GObject *object)
{
  SdSearchPopover *self = SD_SEARCH_POPOVER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_SEARCH_POPOVER);
  g_clear_object (&self->results);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (sd_search_popover_parent_class)->dispose (object);
}

static void
sd_search_popover_class_init (SdSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_search_popover_dispose;

  signals[APPOINTMENT_ACTIVATED] =
    g_signal_new ("appointment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SD_TYPE_APPOINTMENT);
  signals[RESULTS_CHANGED] =
    g_signal_new ("results-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sd-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SdSearchPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, SdSearchPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, SdSearchPopover, hint_label);
  gtk_widget_class_bind_template_child (widget_class, SdSearchPopover, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
}

static void
sd_search_popover_init (SdSearchPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->results = g_list_store_new (SD_TYPE_APPOINTMENT);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->results), create_row, self, NULL);
  gtk_popover_set_default_widget (GTK_POPOVER (self), GTK_WIDGET (self->entry));
}

GtkWidget *
sd_search_popover_new (void)
{
  return g_object_new (SD_TYPE_SEARCH_POPOVER, NULL);
}

void
sd_search_popover_set_store (SdSearchPopover *self,
                             SdStore         *store,
                             GTimeZone       *tz)
{
  g_return_if_fail (SD_IS_SEARCH_POPOVER (self));
  g_return_if_fail (SD_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = g_time_zone_ref (tz);
}

GListModel *
sd_search_popover_get_results (SdSearchPopover *self)
{
  g_return_val_if_fail (SD_IS_SEARCH_POPOVER (self), NULL);
  return G_LIST_MODEL (self->results);
}

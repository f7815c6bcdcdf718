/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-complaints-view.h"
#include "sd-details-pane.h"
#include "sd-inbox-view.h"
#include "sd-time.h"
#include "sd-window-private.h"

G_DEFINE_FINAL_TYPE (SdWindow, sd_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_HIDE_CANCELLED, PROP_SHOW_DECLINED_EXPIRED, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { AGENDA_DRAWN, N_SIGNALS };
static guint signals[N_SIGNALS];

static GTimeZone *
window_tz (SdWindow *self)
{
  return sd_agenda_model_get_timezone (self->model);
}

static gint64
now (SdWindow *self)
{
  return self->clock != NULL ? sd_clock_get_now (self->clock) : 0;
}

static void
apply_filters (SdWindow *self)
{
  sd_day_view_set_filter (self->day_view, self->hide_cancelled, self->show_declined_expired);
  sd_week_view_set_filter (self->week_view, self->hide_cancelled, self->show_declined_expired);
  if (self->list_view != NULL)
    sd_list_view_set_filter (self->list_view, self->hide_cancelled, self->show_declined_expired);
}


/* The range the visible view shows. */
static void
visible_range (SdWindow *self,
               gint64   *from,
               gint64   *to)
{
  GTimeZone *tz = window_tz (self);

  if (g_strcmp0 (sd_window_get_view (self), "day") == 0)
    {
      *from = self->date;
      *to = sd_time_add_days (self->date, tz, 1);
    }
  else
    {
      *from = sd_time_week_start (self->date, tz);
      *to = sd_time_add_days (*from, tz, 7);
    }
}

void
sd_window_sync_date (SdWindow *self)
{
  gint64 from, to;

  if (self->model == NULL)
    return;

  if (g_strcmp0 (sd_window_get_view (self), "list") == 0)
    sd_window_ensure_list_view (self);
  /* Every view follows the date, so switching views never needs a query of its own. */
  sd_day_view_set_date (self->day_view, self->date);
  sd_week_view_set_date (self->week_view, self->date);
  if (self->list_view != NULL)
    sd_list_view_set_date (self->list_view, self->date);
  sd_window_update_week_summary (self);
  sd_window_update_date_title (self);

  sd_window_sync_calendar (self);

  visible_range (self, &from, &to);
  sd_agenda_model_ensure (self->model, from, to);
}

static void
on_after_paint (SdWindow      *self,
                GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  self->awaiting_first_frame = FALSE;
  self->agenda_drawn = TRUE;
  /* The agenda is on screen: now the rest of the window, before the next frame (an idle
   * of the default low priority would wait for the end of an animation, such as the
   * crossfade from the loading page, as long as frames come back to back). */
  if (self->inbox_view == NULL)
    sd_window_build_panes_later (self, G_PRIORITY_DEFAULT, 0);
  g_signal_emit (self, signals[AGENDA_DRAWN], 0);
}

static void
await_first_frame (SdWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;   /* map_cb calls again */
  self->awaiting_first_frame = TRUE;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_map (SdWindow *self)
{
  if (self->model != NULL && sd_agenda_model_get_n_loads (self->model) > 0
      && !self->agenda_drawn && !self->awaiting_first_frame)
    await_first_frame (self);
}

static void
on_model_loaded (SdWindow *self)
{
  sd_window_update_week_summary (self);
  /* Every reload path of the window (reload, a sync pass, a change) ends here. */
  if (self->complaints_view != NULL)
    sd_complaints_view_reload (SD_COMPLAINTS_VIEW (self->complaints_view));

  if (self->pending_select_id != 0)
    {
      SdAppointment *a = sd_agenda_model_find (self->model, self->pending_select_id);

      if (a != NULL)
        {
          self->pending_select_id = 0;
          sd_window_select_appointment (self, a);
        }
    }
  else if (self->selected != NULL)
    {
      /* The model holds new objects after a load: keep showing the same appointment. */
      SdAppointment *a = sd_agenda_model_find (self->model, sd_appointment_get_id (self->selected));

      if (a != NULL && a != self->selected)
        sd_window_select_appointment (self, a);
    }

  if (!self->agenda_drawn && !self->awaiting_first_frame)
    await_first_frame (self);
}

static void
on_loading_changed (SdWindow *self)
{
  gboolean loading = sd_agenda_model_get_loading (self->model);

  gtk_spinner_set_spinning (self->load_spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->load_spinner), loading);
}

static void
update_now (SdWindow *self)
{
  gint64 t = now (self);

  sd_day_view_set_now (self->day_view, t);
  sd_week_view_set_now (self->week_view, t);
  if (self->list_view != NULL)
    sd_list_view_set_now (self->list_view, t);
  /* Deadlines come closer: reminders, and notices of what expired are withdrawn. Not before
   * the agenda's first frame: building the panes looks the first time. */
  if (self->inbox_view != NULL)
    sd_window_check_notices (self);
}

static gboolean
on_now_tick (gpointer user_data)
{
  update_now (SD_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_view_changed (SdWindow *self)
{
  if (self->model == NULL || self->swapping_pages)
    return;
  /* A click on the Inbox or Complaints tab before they were built: build them before the
   * next frame, outside this notification of the stack's. */
  if (sd_window_is_placeholder (self, adw_view_stack_get_visible_child (self->view_stack)))
    sd_window_build_panes_later (self, G_PRIORITY_HIGH_IDLE, 0);
  if (self->settings != NULL && sd_window_get_view (self) != NULL)
    g_settings_set_string (self->settings, "last-view", sd_window_get_view (self));
  sd_window_sync_date (self);
  sd_window_update_actions (self);
}

static void
on_appointment_activated (SdWindow      *self,
                          SdAppointment *appointment)
{
  sd_window_select_appointment (self, appointment);
}

/* The list page's view, built the first time it is shown or asked for (or after the first
 * frame): its GtkColumnView costs more than the rest of the window's start-up together. */
void
sd_window_ensure_list_view (SdWindow *self)
{
  if (self->list_view != NULL || self->model == NULL)
    return;
  self->list_view = g_object_new (SD_TYPE_LIST_VIEW, NULL);
  g_signal_connect_object (self->list_view, "appointment-activated",
                           G_CALLBACK (on_appointment_activated), self, G_CONNECT_SWAPPED);
  sd_list_view_set_salon (self->list_view, sd_store_get_salon (self->store));
  sd_list_view_set_model (self->list_view, self->model);
  sd_list_view_set_filter (self->list_view, self->hide_cancelled, self->show_declined_expired);
  sd_list_view_set_now (self->list_view, now (self));
  sd_list_view_set_date (self->list_view, self->date);
  sd_list_view_set_selected_id (self->list_view,
                                self->selected ? sd_appointment_get_id (self->selected) : 0);
  adw_bin_set_child (self->list_page, GTK_WIDGET (self->list_view));
}

static void
on_day_activated (SdWindow *self,
                  gint64    day)
{
  sd_window_set_date (self, day);
  sd_window_set_view (self, "day");
}

static void
on_slot_activated (SdWindow *self,
                   gint64    start,
                   gint64    staff_id)
{
  g_autoptr(GVariant) target = g_variant_new ("(xx)", start, staff_id);

  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.new-appointment-at", target);
}

static void
on_search_result (SdWindow      *self,
                  SdAppointment *appointment)
{
  sd_window_show_appointment (self, sd_appointment_get_id (appointment),
                              sd_appointment_get_start (appointment));
}

static gboolean
sd_window_close_request (GtkWindow *window)
{
  SdWindow *self = SD_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (sd_window_parent_class)->close_request (window);
}

static void
sd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SdWindow *self = SD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HIDE_CANCELLED:
      g_value_set_boolean (value, self->hide_cancelled);
      break;
    case PROP_SHOW_DECLINED_EXPIRED:
      g_value_set_boolean (value, self->show_declined_expired);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SdWindow *self = SD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HIDE_CANCELLED:
      self->hide_cancelled = g_value_get_boolean (value);
      break;
    case PROP_SHOW_DECLINED_EXPIRED:
      self->show_declined_expired = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  apply_filters (self);
  sd_window_update_week_summary (self);
  g_object_notify_by_pspec (object, pspec);
}

static void
sd_window_dispose (GObject *object)
{
  SdWindow *self = SD_WINDOW (object);

  g_clear_handle_id (&self->now_timeout_id, g_source_remove);
  g_clear_handle_id (&self->panes_id, g_source_remove);
  sd_window_stop_sync (self);
  sd_window_stop_notices (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_WINDOW);
  g_clear_object (&self->selected);
  g_clear_object (&self->model);
  g_clear_object (&self->staff);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->date_title, g_free);
  g_clear_pointer (&self->pending_view, g_free);
  g_clear_pointer (&self->preloaded, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_window_parent_class)->dispose (object);
}

static void
sd_window_class_init (SdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sd_window_dispose;
  object_class->get_property = sd_window_get_property;
  object_class->set_property = sd_window_set_property;
  window_class->close_request = sd_window_close_request;

  properties[PROP_HIDE_CANCELLED] =
    g_param_spec_boolean ("hide-cancelled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_DECLINED_EXPIRED] =
    g_param_spec_boolean ("show-declined-expired", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[AGENDA_DRAWN] = g_signal_new ("agenda-drawn", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  g_type_ensure (SD_TYPE_DAY_VIEW);
  g_type_ensure (SD_TYPE_WEEK_VIEW);
  g_type_ensure (SD_TYPE_SYNC_STATUS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, date_popover);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, load_spinner);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, legend_button);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, legend_grid);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, day_view);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, week_view);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, week_staff_filter);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, week_summary);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, list_page);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, sync_status);
  gtk_widget_class_bind_template_child (widget_class, SdWindow, sync_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_appointment_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_day_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_slot_activated);
  gtk_widget_class_bind_template_callback_full (
    widget_class, "on_week_staff_filter_changed",
    G_CALLBACK (sd_window_on_week_staff_filter_changed));

  sd_window_class_init_actions (widget_class);
  sd_window_class_init_notices (widget_class);
}

GSettings *
sd_window_lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from the build tree without the compiled schema, the window still works. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not installed; settings are not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
sd_window_init (SdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->search_popover = SD_SEARCH_POPOVER (sd_search_popover_new ());
  gtk_menu_button_set_popover (self->search_button, GTK_WIDGET (self->search_popover));
  g_signal_connect_object (self->search_popover, "appointment-activated",
                           G_CALLBACK (on_search_result), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->load_spinner), FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  g_signal_connect_object (self->date_popover, "show", G_CALLBACK (sd_window_ensure_calendar), self,
                           G_CONNECT_SWAPPED);
  sd_window_fill_legend (self);
  /* The week view lays itself out when shown; its count follows. */
  g_signal_connect_object (self->week_view, "map", G_CALLBACK (sd_window_update_week_summary), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->settings = sd_window_lookup_settings ();
  if (self->settings != NULL)
    {
      g_autofree char *view = g_settings_get_string (self->settings, "last-view");

      g_settings_bind (self->settings, "hide-cancelled", self, "hide-cancelled",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "show-declined-expired", self, "show-declined-expired",
                       G_SETTINGS_BIND_DEFAULT);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      sd_window_set_view (self, view);
    }
  apply_filters (self);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  sd_window_update_actions (self);
}

GtkWidget *
sd_window_new (GtkApplication *application)
{
  return g_object_new (SD_TYPE_WINDOW, "application", application, NULL);
}

void
sd_window_show_loading (SdWindow   *self,
                        const char *title,
                        const char *description)
{
  g_return_if_fail (SD_IS_WINDOW (self));

  adw_status_page_set_title (self->loading_page, title);
  adw_status_page_set_description (self->loading_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

void
sd_window_show_error (SdWindow     *self,
                      const GError *error)
{
  const char *hint = NULL;

  g_return_if_fail (SD_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (error->domain == SD_STORE_ERROR)
    switch ((SdStoreError) error->code)
      {
      case SD_STORE_ERROR_CORRUPT:
      case SD_STORE_ERROR_NOT_SALON_DESK:
        hint = _("The file was left as it is. Restore a backup, or move the file away to start afresh.");
        break;
      case SD_STORE_ERROR_TOO_NEW:
        hint = _("It was written by a newer Salon Desk. Update this computer’s Salon Desk; the file was left as it is.");
        break;
      default:
        break;
      }
  {
    g_autofree char *text = hint ? g_strdup_printf ("%s\n\n%s", error->message, hint)
                                 : g_strdup (error->message);

    adw_status_page_set_description (self->error_page, text);
  }
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
on_salon_changed (SdWindow *self)
{
  /* Opening hours or closing days changed in the preferences. */
  sd_day_view_refresh (self->day_view);
  sd_week_view_refresh (self->week_view);
}

void
sd_window_set_store (SdWindow   *self,
                     SdStore    *store,
                     GListModel *staff)
{
  SdSalon *salon;
  GTimeZone *tz;

  g_return_if_fail (SD_IS_WINDOW (self));
  g_return_if_fail (SD_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  salon = sd_store_get_salon (store);
  g_return_if_fail (salon != NULL);
  tz = sd_salon_get_timezone (salon);

  self->store = g_object_ref (store);
  self->clock = g_object_ref (sd_store_get_clock (store));
  self->staff = staff ? g_object_ref (staff) : NULL;
  self->model = sd_agenda_model_new (store, tz);

  sd_day_view_set_salon (self->day_view, salon);
  sd_week_view_set_salon (self->week_view, salon);
  /* Views first: they refresh on "loaded" before the window looks at the result. */
  sd_day_view_set_model (self->day_view, self->model);
  sd_day_view_set_staff (self->day_view, staff);
  sd_week_view_set_model (self->week_view, self->model);
  g_signal_connect_object (self->model, "loaded", G_CALLBACK (on_model_loaded), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (on_loading_changed), self,
                           G_CONNECT_SWAPPED);
  sd_search_popover_set_store (self->search_popover, store, tz);
  sd_window_fill_staff_filter (self);
  sd_window_add_placeholders (self);
  g_signal_connect_object (salon, "changed", G_CALLBACK (on_salon_changed), self,
                           G_CONNECT_SWAPPED);
  if (self->pending_view != NULL)
    sd_window_set_view (self, self->pending_view);
  g_clear_pointer (&self->pending_view, g_free);

  update_now (self);
  g_signal_connect_object (self->clock, "notify::now", G_CALLBACK (update_now), self,
                           G_CONNECT_SWAPPED);
  if (!sd_clock_is_fixed (self->clock))
    self->now_timeout_id = g_timeout_add_seconds (30, on_now_tick, self);

  self->date = sd_time_local_midnight (self->date != 0 ? self->date : now (self), tz);
  gtk_stack_set_visible_child_name (self->main_stack, "agenda");
  if (self->preloaded != NULL)
    {
      gint64 from, to;

      visible_range (self, &from, &to);
      if (from >= self->preloaded_from && to <= self->preloaded_to)
        sd_agenda_model_take_loaded (self->model, self->preloaded_from, self->preloaded_to,
                                     self->preloaded);
      g_clear_pointer (&self->preloaded, g_ptr_array_unref);
    }
  sd_window_sync_date (self);
  sd_window_update_actions (self);
  g_debug ("Store set");
  /* Should no frame come (an unmapped window), build the rest anyway. */
  if (self->inbox_view == NULL && self->panes_id == 0)
    sd_window_build_panes_later (self, G_PRIORITY_DEFAULT, 1000);
}

void
sd_window_preload_agenda (SdWindow  *self,
                          gint64     from,
                          gint64     to,
                          GPtrArray *appointments)
{
  g_return_if_fail (SD_IS_WINDOW (self));
  g_return_if_fail (self->store == NULL);
  g_return_if_fail (appointments != NULL);

  g_clear_pointer (&self->preloaded, g_ptr_array_unref);
  self->preloaded = g_ptr_array_ref (appointments);
  self->preloaded_from = from;
  self->preloaded_to = to;
}

SdStore *
sd_window_get_store (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);
  return self->store;
}

SdAgendaModel *
sd_window_get_agenda_model (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);
  return self->model;
}

void
sd_window_set_date (SdWindow *self,
                    gint64    date)
{
  g_return_if_fail (SD_IS_WINDOW (self));

  if (self->model == NULL)
    {
      /* Before the store opens (--date): kept as an instant until the zone is known. */
      self->date = date;
      return;
    }
  if (date == 0)
    date = now (self);
  self->date = sd_time_local_midnight (date, window_tz (self));
  sd_window_sync_date (self);
}

gint64
sd_window_get_date (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), 0);
  return self->date;
}

void
sd_window_set_view (SdWindow   *self,
                    const char *name)
{
  g_return_if_fail (SD_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL && self->store == NULL)
    {
      /* The inbox exists once the store is open. */
      g_free (self->pending_view);
      self->pending_view = g_strdup (name);
      return;
    }
  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No view named “%s”", name);
      return;
    }
  if (sd_window_is_placeholder (self, adw_view_stack_get_child_by_name (self->view_stack, name)))
    sd_window_ensure_panes (self);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
sd_window_get_view (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
sd_window_select_appointment (SdWindow      *self,
                              SdAppointment *appointment)
{
  gint64 id;

  g_return_if_fail (SD_IS_WINDOW (self));

  if (appointment != NULL)
    sd_window_ensure_panes (self);
  g_set_object (&self->selected, appointment);
  id = appointment ? sd_appointment_get_id (appointment) : 0;
  sd_day_view_set_selected_id (self->day_view, id);
  sd_week_view_set_selected_id (self->week_view, id);
  if (self->list_view != NULL)
    sd_list_view_set_selected_id (self->list_view, id);
  if (self->details_pane != NULL)
    sd_details_pane_set_appointment (SD_DETAILS_PANE (self->details_pane), appointment);
  adw_flap_set_reveal_flap (self->flap, appointment != NULL
                                        && adw_flap_get_flap (self->flap) != NULL);
  sd_window_update_actions (self);
}

SdAppointment *
sd_window_get_selected (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);
  return self->selected;
}

void
sd_window_show_appointment (SdWindow *self,
                            gint64    id,
                            gint64    start)
{
  SdAppointment *a;

  g_return_if_fail (SD_IS_WINDOW (self));

  sd_window_set_date (self, start);
  a = self->model ? sd_agenda_model_find (self->model, id) : NULL;
  if (a != NULL)
    sd_window_select_appointment (self, a);
  else
    self->pending_select_id = id;
}

void
sd_window_add_toast (SdWindow   *self,
                     const char *title)
{
  g_return_if_fail (SD_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

const char *
sd_window_get_date_title (SdWindow *self)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);
  return self->date_title;
}

GtkWidget *
sd_window_get_part (SdWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (SD_IS_WINDOW (self), NULL);

  if (g_strcmp0 (name, "day") == 0)
    return GTK_WIDGET (self->day_view);
  if (g_strcmp0 (name, "week") == 0)
    return GTK_WIDGET (self->week_view);
  if (g_strcmp0 (name, "list") == 0)
    {
      sd_window_ensure_list_view (self);
      return GTK_WIDGET (self->list_view);
    }
  /* Asked for by name (tests, the screenshot): built now if they were still deferred. */
  if (name != NULL
      && g_strv_contains ((const char *[]) { "inbox", "complaints", "details", NULL }, name))
    sd_window_ensure_panes (self);
  if (g_strcmp0 (name, "inbox") == 0)
    return self->inbox_view;
  if (g_strcmp0 (name, "complaints") == 0)
    return self->complaints_view;
  if (g_strcmp0 (name, "details") == 0)
    return self->details_pane;
  if (g_strcmp0 (name, "date") == 0)
    return GTK_WIDGET (self->date_button);
  if (g_strcmp0 (name, "search") == 0)
    return GTK_WIDGET (self->search_popover);
  if (g_strcmp0 (name, "week-staff-filter") == 0)
    return GTK_WIDGET (self->week_staff_filter);
  if (g_strcmp0 (name, "legend") == 0)
    return GTK_WIDGET (self->legend_button);
  if (g_strcmp0 (name, "error-page") == 0)
    return GTK_WIDGET (self->error_page);
  return NULL;
}

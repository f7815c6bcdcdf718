/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-new-appointment-dialog.c — a booking made at the desk for a walk-in or a client on
 * the phone. The dialog checks only what the form itself can tell (a name, a real date and
 * time); the double-booking rule is the core's, asked by the store, and its refusal is
 * shown inline with an explicit "Book anyway". */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-client-history.h"
#include "sd-money.h"
#include "sd-new-appointment-dialog.h"
#include "sd-policy-error.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-time.h"

struct _SdNewAppointmentDialog
{
  AdwWindow parent_instance;

  SdStore *store;
  gint64 initial_start;
  gint64 initial_staff_id;
  GArray *staff_ids;
  GPtrArray *services;        /* SdService, in combo order */
  GCancellable *cancellable;
  GCancellable *lookup_cancellable;  /* the client lookup in flight */
  guint lookup_source;               /* waits for typing to pause */
  gboolean busy;

  GtkWidget *client_warning;
  GtkLabel *client_warning_label;

  GtkWidget *conflict_box;
  GtkLabel *conflict_label;
  GtkLabel *error_label;
  AdwComboRow *staff_row;
  AdwComboRow *service_row;
  AdwEntryRow *date_row;
  AdwEntryRow *time_row;
  GtkLabel *end_label;
  AdwEntryRow *name_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
};

G_DEFINE_FINAL_TYPE (SdNewAppointmentDialog, sd_new_appointment_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_STORE, PROP_START, PROP_STAFF_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { APPOINTMENT_CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GTimeZone *
salon_zone (SdNewAppointmentDialog *self)
{
  SdSalon *salon = sd_store_get_salon (self->store);

  return salon != NULL ? sd_salon_get_timezone (salon) : NULL;
}

static char *
format_local (SdNewAppointmentDialog *self, gint64 instant, const char *format)
{
  GTimeZone *tz = salon_zone (self);
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr (GDateTime) local = tz != NULL ? g_date_time_to_timezone (utc, tz)
                                           : g_date_time_ref (utc);

  return g_date_time_format (local, format);
}

static char *
dup_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* "2026-11-24" and "9:30" / "09:30" in the salon's zone. */
static gboolean
read_start (SdNewAppointmentDialog *self, gboolean *date_ok, gboolean *time_ok, gint64 *out)
{
  g_autofree char *date = dup_stripped (self->date_row);
  g_autofree char *time = dup_stripped (self->time_row);
  int year, month, day, hour, minute, n = 0;

  *date_ok = sscanf (date, "%4d-%2d-%2d%n", &year, &month, &day, &n) == 3
             && date[n] == '\0' && year >= 1970 && g_date_valid_dmy (day, month, year);
  n = 0;
  *time_ok = sscanf (time, "%2d:%2d%n", &hour, &minute, &n) == 2 && time[n] == '\0'
             && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59;
  if (!*date_ok || !*time_ok)
    return FALSE;
  *out = sd_time_from_local (salon_zone (self), year, month, day, hour, minute);
  return TRUE;
}

static SdService *
selected_service (SdNewAppointmentDialog *self)
{
  guint i = adw_combo_row_get_selected (self->service_row);

  return i < self->services->len ? g_ptr_array_index (self->services, i) : NULL;
}

static gint64
selected_staff (SdNewAppointmentDialog *self)
{
  guint i = adw_combo_row_get_selected (self->staff_row);

  return i < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, i) : 0;
}

static void
set_row_error (gpointer row, gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_error (SdNewAppointmentDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_end (SdNewAppointmentDialog *self)
{
  SdService *service = selected_service (self);
  gboolean date_ok, time_ok;
  gint64 start;
  g_autofree char *end = NULL;
  g_autofree char *price = NULL;
  g_autofree char *text = NULL;

  if (service == NULL || !read_start (self, &date_ok, &time_ok, &start))
    {
      gtk_label_set_text (self->end_label, "—");
      return;
    }
  end = format_local (self, start + (gint64) sd_service_get_duration_min (service) * 60,
                      "%H:%M");
  price = sd_money_format (sd_service_get_price_cents (service),
                           sd_service_get_currency (service));
  /* Translators: "15:15 (45 min, €45.00)" */
  text = g_strdup_printf (_("%s (%d min, %s)"), end, sd_service_get_duration_min (service),
                          price);
  gtk_label_set_text (self->end_label, text);
}

/* Any edit may resolve the conflict or the error shown: take them away until the next try. */
static void
on_form_changed (SdNewAppointmentDialog *self)
{
  gtk_widget_set_visible (self->conflict_box, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-appointment.book-anyway", FALSE);
  update_end (self);
}

static void
on_entry_changed (SdNewAppointmentDialog *self, GParamSpec *pspec, GtkWidget *row)
{
  set_row_error (row, FALSE);
  show_error (self, NULL);
  on_form_changed (self);
}

/* ---- Known client: earlier incidents ---- */

/* Typing pauses this long before the store is asked who the client is. */
#define LOOKUP_DELAY_MS 300

typedef struct
{
  char *name;
  char *phone;
  char *email;
  gint64 before;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_free (data->name);
  g_free (data->phone);
  g_free (data->email);
  g_free (data);
}

/* In a thread: the known client, then their incidents before the booking's start. An
 * unknown client returns an empty list. */
static void
lookup_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LookupData *data = task_data;
  GError *error = NULL;
  GPtrArray *incidents;
  gint64 client_id;

  if (g_task_return_error_if_cancelled (task))
    return;
  client_id = sd_store_find_client (source, data->name, data->phone, data->email, &error);
  if (client_id < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  if (client_id == 0)
    {
      g_task_return_pointer (task, g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  incidents = sd_store_list_client_incidents (source, client_id, data->before, &error);
  if (incidents == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, incidents, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_lookup_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdNewAppointmentDialog) self = user_data;
  LookupData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) incidents = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Only a warning: booking still works without it; the log says why it is missing. */
  if (incidents == NULL)
    g_debug ("Could not look the client up: %s", error->message);
  else
    text = sd_client_history_describe (incidents, salon_zone (self), data->before);
  if (text != NULL)
    gtk_label_set_text (self->client_warning_label, text);
  gtk_widget_set_visible (self->client_warning, text != NULL);
}

static gboolean
on_lookup_timeout (gpointer user_data)
{
  SdNewAppointmentDialog *self = user_data;
  g_autoptr (GTask) task = NULL;
  LookupData *data = g_new0 (LookupData, 1);
  gboolean date_ok, time_ok;

  self->lookup_source = 0;
  data->name = dup_stripped (self->name_row);
  data->phone = dup_stripped (self->phone_row);
  data->email = dup_stripped (self->email_row);
  if (!read_start (self, &date_ok, &time_ok, &data->before))
    data->before = sd_clock_get_now (sd_store_get_clock (self->store));

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  self->lookup_cancellable = g_cancellable_new ();
  task = g_task_new (self->store, self->lookup_cancellable, on_lookup_done,
                     g_object_ref (self));
  g_task_set_source_tag (task, on_lookup_timeout);
  g_task_set_task_data (task, data, (GDestroyNotify) lookup_data_free);
  g_task_run_in_thread (task, lookup_thread);
  return G_SOURCE_REMOVE;
}

/* The client fields changed: ask again once typing pauses. The warning stays until the
 * answer, so it does not blink with every key. */
static void
on_client_changed (SdNewAppointmentDialog *self)
{
  g_clear_handle_id (&self->lookup_source, g_source_remove);
  self->lookup_source = g_timeout_add (LOOKUP_DELAY_MS, on_lookup_timeout, self);
}

/* ---- Creating ---- */

typedef struct
{
  SdNewAppointment spec;
  char *name;
  char *phone;
  char *email;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->name);
  g_free (data->phone);
  g_free (data->email);
  g_free (data);
}

static void
create_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CreateData *data = task_data;
  GError *error = NULL;
  SdAppointment *appointment = sd_store_create_appointment (source, &data->spec, &error);

  if (appointment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, appointment, g_object_unref);
}

static void
set_busy (SdNewAppointmentDialog *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-appointment.book", !busy);
  if (busy)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-appointment.book-anyway", FALSE);
}

static void
on_created (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdNewAppointmentDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdAppointment) appointment = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (appointment == NULL)
    {
      if (g_error_matches (error, SD_POLICY_ERROR, SD_POLICY_ERROR_OVERLAP))
        {
          g_autofree char *text = g_strdup_printf ("%s\n%s", error->message,
                                                   _("Book it anyway only if the staff "
                                                     "member can really take both."));
          gtk_label_set_text (self->conflict_label, text);
          gtk_widget_set_visible (self->conflict_box, TRUE);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-appointment.book-anyway",
                                         TRUE);
        }
      else
        show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[APPOINTMENT_CREATED], 0, sd_appointment_get_id (appointment));
  gtk_window_close (GTK_WINDOW (self));
}

static void
book (SdNewAppointmentDialog *self, gboolean allow_overlap)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = dup_stripped (self->name_row);
  g_autofree char *phone = dup_stripped (self->phone_row);
  g_autofree char *email = dup_stripped (self->email_row);
  SdService *service = selected_service (self);
  gint64 staff_id = selected_staff (self);
  gboolean date_ok, time_ok;
  gint64 start = 0;
  GString *problems = g_string_new (NULL);
  CreateData *data;

  if (self->busy)
    {
      g_string_free (problems, TRUE);
      return;
    }

  read_start (self, &date_ok, &time_ok, &start);
  set_row_error (self->name_row, *name == '\0');
  set_row_error (self->date_row, !date_ok);
  set_row_error (self->time_row, !time_ok);
  if (*name == '\0')
    g_string_append_printf (problems, "%s\n", _("Enter the client’s name."));
  if (!date_ok)
    g_string_append_printf (problems, "%s\n",
                            _("Enter the date as year-month-day, e.g. 2026-11-24."));
  if (!time_ok)
    g_string_append_printf (problems, "%s\n",
                            _("Enter the start time as hour:minute, e.g. 14:30."));
  if (staff_id == 0)
    g_string_append_printf (problems, "%s\n",
                            _("Add a staff member in Preferences first."));
  if (service == NULL)
    g_string_append_printf (problems, "%s\n", _("Add a service in Preferences first."));
  if (problems->len > 0)
    {
      g_string_truncate (problems, problems->len - 1);
      show_error (self, problems->str);
      g_string_free (problems, TRUE);
      return;
    }
  g_string_free (problems, TRUE);
  show_error (self, NULL);

  data = g_new0 (CreateData, 1);
  data->name = g_steal_pointer (&name);
  data->phone = *phone != '\0' ? g_steal_pointer (&phone) : NULL;
  data->email = *email != '\0' ? g_steal_pointer (&email) : NULL;
  sd_new_appointment_init (&data->spec);
  data->spec.start = start;
  data->spec.staff_id = staff_id;
  data->spec.service_id = sd_service_get_id (service);
  data->spec.client_name = data->name;
  data->spec.client_phone = data->phone;
  data->spec.client_email = data->email;
  data->spec.payment = SD_PAYMENT_AT_SALON;
  data->spec.state = SD_STATE_CONFIRMED;
  data->spec.allow_overlap = allow_overlap;

  set_busy (self, TRUE);
  task = g_task_new (self->store, self->cancellable, on_created, g_object_ref (self));
  g_task_set_source_tag (task, book);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

static void
book_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  book (SD_NEW_APPOINTMENT_DIALOG (widget), g_str_equal (action_name,
                                                         "new-appointment.book-anyway"));
}

/* ---- Filling the form ---- */

static void
fill_staff (SdNewAppointmentDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) staff = sd_store_list_staff (self->store, &error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  if (staff == NULL)
    show_error (self, error->message);
  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr (SdStaff) member = g_list_model_get_item (staff, i);
      gint64 id = sd_staff_get_id (member);

      if (!sd_staff_get_active (member))
        continue;
      if (id == self->initial_staff_id)
        selected = self->staff_ids->len;
      gtk_string_list_append (names, sd_staff_get_name (member));
      g_array_append_val (self->staff_ids, id);
    }
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->staff_row, selected);
}

static void
fill_services (SdNewAppointmentDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) services = sd_store_list_services (self->store, &error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  if (services == NULL)
    show_error (self, error->message);
  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      SdService *service = g_list_model_get_item (services, i);

      /* Only the name fits the row; the "Ends" row shows duration and price. */
      gtk_string_list_append (names, sd_service_get_name (service));
      g_ptr_array_add (self->services, service);
    }
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (names));
}

static void
fill_start (SdNewAppointmentDialog *self)
{
  gint64 start = self->initial_start;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (start == 0)
    {
      /* The next quarter hour: what a walk-in usually gets. */
      gint64 now = sd_clock_get_now (sd_store_get_clock (self->store));
      start = (now + 899) / 900 * 900;
    }
  date = format_local (self, start, "%Y-%m-%d");
  time = format_local (self, start, "%H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
}

/* ---- GObject ---- */

static void
sd_new_appointment_dialog_constructed (GObject *object)
{
  SdNewAppointmentDialog *self = SD_NEW_APPOINTMENT_DIALOG (object);

  G_OBJECT_CLASS (sd_new_appointment_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  fill_staff (self);
  fill_services (self);
  fill_start (self);
  update_end (self);

  g_signal_connect_object (self->staff_row, "notify::selected",
                           G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service_row, "notify::selected",
                           G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "notify::text",
                           G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_row, "notify::text",
                           G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "notify::text",
                           G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "notify::text",
                           G_CALLBACK (on_client_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phone_row, "notify::text",
                           G_CALLBACK (on_client_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->email_row, "notify::text",
                           G_CALLBACK (on_client_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
sd_new_appointment_dialog_dispose (GObject *object)
{
  SdNewAppointmentDialog *self = SD_NEW_APPOINTMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_handle_id (&self->lookup_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_NEW_APPOINTMENT_DIALOG);

  G_OBJECT_CLASS (sd_new_appointment_dialog_parent_class)->dispose (object);
}

static void
sd_new_appointment_dialog_finalize (GObject *object)
{
  SdNewAppointmentDialog *self = SD_NEW_APPOINTMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_new_appointment_dialog_parent_class)->finalize (object);
}

static void
sd_new_appointment_dialog_get_property (GObject *object, guint prop_id, GValue *value,
                                        GParamSpec *pspec)
{
  SdNewAppointmentDialog *self = SD_NEW_APPOINTMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->initial_start);
      break;
    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->initial_staff_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_new_appointment_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                                        GParamSpec *pspec)
{
  SdNewAppointmentDialog *self = SD_NEW_APPOINTMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_START:
      self->initial_start = g_value_get_int64 (value);
      break;
    case PROP_STAFF_ID:
      self->initial_staff_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_new_appointment_dialog_class_init (SdNewAppointmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sd_new_appointment_dialog_constructed;
  object_class->dispose = sd_new_appointment_dialog_dispose;
  object_class->finalize = sd_new_appointment_dialog_finalize;
  object_class->get_property = sd_new_appointment_dialog_get_property;
  object_class->set_property = sd_new_appointment_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF_ID] =
    g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[APPOINTMENT_CREATED] =
    g_signal_new ("appointment-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/ui/sd-new-appointment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, service_row);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, end_label);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog, client_warning);
  gtk_widget_class_bind_template_child (widget_class, SdNewAppointmentDialog,
                                        client_warning_label);

  gtk_widget_class_install_action (widget_class, "new-appointment.book", NULL, book_action);
  gtk_widget_class_install_action (widget_class, "new-appointment.book-anyway", NULL,
                                   book_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sd_new_appointment_dialog_init (SdNewAppointmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->services = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-appointment.book-anyway", FALSE);
}

GtkWidget *
sd_new_appointment_dialog_new (GtkWindow *parent, SdStore *store, gint64 start,
                               gint64 staff_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  return g_object_new (SD_TYPE_NEW_APPOINTMENT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "start", MAX (start, 0),
                       "staff-id", MAX (staff_id, 0),
                       NULL);
}

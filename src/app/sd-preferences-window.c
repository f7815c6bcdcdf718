/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-preferences-window.c — the salon's settings, staff and services.
 *
 * Settings are saved all together with "Save Changes": everything is checked first, and if
 * anything is wrong the salon is left exactly as it was, with a message naming each
 * problem. Staff and services are added one at a time, each saved at once. The reminders of
 * upcoming appointments are this computer's choice (GSettings), saved with the rest. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sd-money.h"
#include "sd-preferences-window.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-window.h"

#define N_DAYS 7

struct _SdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  SdStore *store;
  GSettings *settings;           /* NULL when the schema is not installed */
  GPtrArray *closing_days;       /* "YYYY-MM-DD", sorted: what Save will keep */

  GtkWidget *day_switches[N_DAYS + 1];   /* indexed by GDateWeekday */
  GtkWidget *open_entries[N_DAYS + 1];
  GtkWidget *close_entries[N_DAYS + 1];
  GtkWidget *day_rows[N_DAYS + 1];

  GtkLabel *error_label;
  AdwEntryRow *name_row;
  AdwEntryRow *tz_row;
  AdwEntryRow *currency_row;
  AdwPreferencesGroup *hours_group;
  GtkListBox *closing_list;
  AdwEntryRow *closing_row;
  GtkSpinButton *free_cancel_spin;
  GtkSpinButton *confirm_spin;
  GtkSpinButton *checkin_spin;
  GtkSpinButton *no_show_spin;
  GtkSpinButton *reminder_spin;
  GtkWidget *remind_appointments_row;
  GtkSwitch *remind_appointments_switch;
  GtkListBox *staff_list;
  AdwEntryRow *staff_row;
  GtkListBox *service_list;
  AdwEntryRow *service_name_row;
  GtkSpinButton *service_duration_spin;
  AdwEntryRow *service_price_row;
};

G_DEFINE_FINAL_TYPE (SdPreferencesWindow, sd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_row_error (gpointer widget, gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static void
toast (SdPreferencesWindow *self, const char *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static char *
dup_stripped (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* "9:00" / "09:00" / "24:00" -> minutes after midnight. */
static gboolean
parse_clock (const char *text, int *minutes)
{
  int hour, minute, n = 0;

  if (sscanf (text, "%2d:%2d%n", &hour, &minute, &n) != 2 || text[n] != '\0'
      || hour < 0 || minute < 0 || minute > 59 || hour * 60 + minute > 24 * 60)
    return FALSE;
  *minutes = hour * 60 + minute;
  return TRUE;
}

static char *
format_clock (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

static gboolean
parse_date (const char *text, GDate *date)
{
  int year, month, day, n = 0;

  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &n) != 3 || text[n] != '\0'
      || year < 1970 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* ---- Opening hours ---- */

static void
on_day_switch (SdPreferencesWindow *self, GParamSpec *pspec, GtkSwitch *day_switch)
{
  for (int d = 1; d <= N_DAYS; d++)
    if (self->day_switches[d] == GTK_WIDGET (day_switch))
      {
        gboolean open = gtk_switch_get_active (day_switch);

        gtk_widget_set_sensitive (self->open_entries[d], open);
        gtk_widget_set_sensitive (self->close_entries[d], open);
      }
}

static GtkWidget *
clock_entry_new (void)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 5);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  return entry;
}

static void
build_hours (SdPreferencesWindow *self)
{
  /* 2024-01-01 was a Monday: the locale names the days. */
  g_autoptr (GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);

  for (int d = 1; d <= N_DAYS; d++)
    {
      g_autoptr (GDateTime) day = g_date_time_add_days (monday, d - 1);
      g_autofree char *name = g_date_time_format (day, "%A");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dash = gtk_label_new ("–");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      self->open_entries[d] = clock_entry_new ();
      self->close_entries[d] = clock_entry_new ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_entries[d]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Opens at"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_entries[d]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Closes at"), -1);
      self->day_switches[d] = gtk_switch_new ();
      gtk_widget_set_valign (self->day_switches[d], GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (self->day_switches[d], _("Open on this day"));
      gtk_widget_set_margin_start (self->day_switches[d], 12);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->open_entries[d]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dash);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->close_entries[d]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->day_switches[d]);
      g_signal_connect_object (self->day_switches[d], "notify::active",
                               G_CALLBACK (on_day_switch), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->hours_group, row);
      self->day_rows[d] = row;
    }
}

/* ---- Closing days ---- */

static void rebuild_closing_days (SdPreferencesWindow *self);

static void
on_remove_closing_day (GtkButton *button, SdPreferencesWindow *self)
{
  const char *date = g_object_get_data (G_OBJECT (button), "sd-date");
  guint index;

  if (g_ptr_array_find_with_equal_func (self->closing_days, date, g_str_equal, &index))
    g_ptr_array_remove_index (self->closing_days, index);
  rebuild_closing_days (self);
}

static void
rebuild_closing_days (SdPreferencesWindow *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->closing_list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != GTK_WIDGET (self->closing_row))
        gtk_list_box_remove (self->closing_list, child);
      child = next;
    }

  for (guint i = 0; i < self->closing_days->len; i++)
    {
      const char *date = g_ptr_array_index (self->closing_days, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this closing day"));
      g_object_set_data_full (G_OBJECT (remove), "sd-date", g_strdup (date), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_closing_day), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_insert (self->closing_list, row, i);
    }
}

/* ISO dates sort as text; g_ptr_array_sort passes pointers to the elements. */
static int
compare_dates (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
on_closing_day_apply (SdPreferencesWindow *self)
{
  g_autofree char *text = dup_stripped (self->closing_row);
  GDate date;
  char iso[16];

  if (!parse_date (text, &date))
    {
      set_row_error (self->closing_row, TRUE);
      toast (self, _("Write the closing day as year-month-day, e.g. 2026-12-25."));
      return;
    }
  set_row_error (self->closing_row, FALSE);
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  if (!g_ptr_array_find_with_equal_func (self->closing_days, iso, g_str_equal, NULL))
    {
      g_ptr_array_add (self->closing_days, g_strdup (iso));
      g_ptr_array_sort (self->closing_days, compare_dates);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->closing_row), "");
  rebuild_closing_days (self);
}

/* ---- Loading the salon into the form ---- */

static void
load_salon (SdPreferencesWindow *self)
{
  SdSalon *salon = sd_store_get_salon (self->store);
  const SdSalonSettings *settings;
  g_auto (GStrv) days = NULL;

  if (salon == NULL)
    return;
  settings = sd_salon_get_settings (salon);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), sd_salon_get_name (salon));
  gtk_editable_set_text (GTK_EDITABLE (self->tz_row), sd_salon_get_tzid (salon));
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), sd_salon_get_currency (salon));

  for (int d = 1; d <= N_DAYS; d++)
    {
      int open_min, close_min;
      gboolean open;

      sd_salon_get_hours (salon, d, &open_min, &close_min);
      open = open_min != close_min;
      if (!open)
        {
          /* A closed day starts from the usual hours when it is switched on. */
          open_min = 9 * 60;
          close_min = 19 * 60;
        }
      {
        g_autofree char *open_text = format_clock (open_min);
        g_autofree char *close_text = format_clock (close_min);

        gtk_editable_set_text (GTK_EDITABLE (self->open_entries[d]), open_text);
        gtk_editable_set_text (GTK_EDITABLE (self->close_entries[d]), close_text);
      }
      gtk_switch_set_active (GTK_SWITCH (self->day_switches[d]), open);
      gtk_widget_set_sensitive (self->open_entries[d], open);
      gtk_widget_set_sensitive (self->close_entries[d], open);
    }

  g_ptr_array_set_size (self->closing_days, 0);
  days = sd_salon_dup_closing_days (salon);
  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    g_ptr_array_add (self->closing_days, g_strdup (days[i]));
  rebuild_closing_days (self);

  gtk_spin_button_set_value (self->free_cancel_spin, settings->free_cancel_hours);
  gtk_spin_button_set_value (self->confirm_spin, settings->confirm_hours);
  gtk_spin_button_set_value (self->checkin_spin, settings->checkin_early_min);
  gtk_spin_button_set_value (self->no_show_spin, settings->no_show_grace_min);
  gtk_spin_button_set_value (self->reminder_spin, settings->reminder_minutes);
  gtk_widget_set_visible (self->remind_appointments_row, self->settings != NULL);
  if (self->settings != NULL)
    gtk_switch_set_active (self->remind_appointments_switch,
                           g_settings_get_boolean (self->settings, "remind-appointments"));
}

/* ---- Saving ---- */

typedef struct
{
  int open_min[N_DAYS + 1];
  int close_min[N_DAYS + 1];
} Hours;

static void
problem (GString *problems, gpointer widget, const char *text)
{
  if (widget != NULL)
    set_row_error (widget, TRUE);
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, text);
}

static gboolean
validate (SdPreferencesWindow *self, Hours *hours, GString *problems)
{
  g_autofree char *name = dup_stripped (self->name_row);
  g_autofree char *tzid = dup_stripped (self->tz_row);
  g_autofree char *currency = dup_stripped (self->currency_row);
  g_autoptr (GTimeZone) tz = NULL;
  gboolean currency_ok = strlen (currency) == 3;

  set_row_error (self->name_row, FALSE);
  set_row_error (self->tz_row, FALSE);
  set_row_error (self->currency_row, FALSE);

  if (*name == '\0')
    problem (problems, self->name_row, _("The salon needs a name."));
  if (*tzid != '\0')
    tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” is not a time zone. Use a name such "
                                                 "as Europe/Amsterdam or Europe/Rome."),
                                               tzid);
      problem (problems, self->tz_row, text);
    }
  for (guint i = 0; currency_ok && i < 3; i++)
    currency_ok = g_ascii_isupper (currency[i]);
  if (!currency_ok)
    problem (problems, self->currency_row,
             _("The currency is a three-letter code in capitals, such as EUR."));

  for (int d = 1; d <= N_DAYS; d++)
    {
      g_autofree char *open_text = dup_stripped (self->open_entries[d]);
      g_autofree char *close_text = dup_stripped (self->close_entries[d]);
      const char *day = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->day_rows[d]));
      gboolean ok;

      set_row_error (self->open_entries[d], FALSE);
      set_row_error (self->close_entries[d], FALSE);
      if (!gtk_switch_get_active (GTK_SWITCH (self->day_switches[d])))
        {
          hours->open_min[d] = hours->close_min[d] = 0;
          continue;
        }
      ok = parse_clock (open_text, &hours->open_min[d]);
      set_row_error (self->open_entries[d], !ok);
      if (!parse_clock (close_text, &hours->close_min[d]))
        {
          set_row_error (self->close_entries[d], TRUE);
          ok = FALSE;
        }
      if (!ok)
        {
          /* Translators: "Monday: write the hours as hour:minute, e.g. 09:00 and 19:00." */
          g_autofree char *text = g_strdup_printf (_("%s: write the hours as hour:minute, "
                                                     "e.g. 09:00 and 19:00."), day);
          problem (problems, NULL, text);
        }
      else if (hours->open_min[d] >= hours->close_min[d])
        {
          /* Translators: "Monday: the salon must open before it closes." */
          g_autofree char *text = g_strdup_printf (_("%s: the salon must open before it "
                                                     "closes."), day);
          set_row_error (self->close_entries[d], TRUE);
          problem (problems, NULL, text);
        }
    }

  return problems->len == 0;
}

static void
apply_closing_days (SdPreferencesWindow *self, SdSalon *salon)
{
  g_auto (GStrv) old_days = sd_salon_dup_closing_days (salon);
  GDate date;

  for (guint i = 0; old_days != NULL && old_days[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (self->closing_days, old_days[i], g_str_equal, NULL)
        && parse_date (old_days[i], &date))
      sd_salon_remove_closing_day (salon, &date);
  for (guint i = 0; i < self->closing_days->len; i++)
    if (parse_date (g_ptr_array_index (self->closing_days, i), &date)
        && !sd_salon_is_closing_day (salon, &date))
      sd_salon_add_closing_day (salon, &date);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdPreferencesWindow *self = SD_PREFERENCES_WINDOW (widget);
  SdSalon *salon = sd_store_get_salon (self->store);
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tzid = NULL;
  g_autofree char *currency = NULL;
  SdSalonSettings settings;
  Hours hours;

  if (salon == NULL)
    return;

  if (!validate (self, &hours, problems))
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", _("Nothing was saved:"),
                                               problems->str);
      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      toast (self, _("Nothing was saved: please correct the marked fields"));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  name = dup_stripped (self->name_row);
  tzid = dup_stripped (self->tz_row);
  currency = dup_stripped (self->currency_row);

  settings = *sd_salon_get_settings (salon);
  settings.free_cancel_hours = gtk_spin_button_get_value_as_int (self->free_cancel_spin);
  settings.confirm_hours = gtk_spin_button_get_value_as_int (self->confirm_spin);
  settings.checkin_early_min = gtk_spin_button_get_value_as_int (self->checkin_spin);
  settings.no_show_grace_min = gtk_spin_button_get_value_as_int (self->no_show_spin);
  settings.reminder_minutes = gtk_spin_button_get_value_as_int (self->reminder_spin);

  /* Validated above, so the salon's own check of the zone agrees. */
  if (!sd_salon_set_tzid (salon, tzid))
    {
      set_row_error (self->tz_row, TRUE);
      toast (self, _("Nothing was saved: the time zone is not known"));
      return;
    }
  sd_salon_set_name (salon, name);
  sd_salon_set_currency (salon, currency);
  sd_salon_set_settings (salon, &settings);
  for (int d = 1; d <= N_DAYS; d++)
    sd_salon_set_hours (salon, d, hours.open_min[d], hours.close_min[d]);
  apply_closing_days (self, salon);

  if (!sd_store_save_salon (self->store, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not save: %s"), error->message);
      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "remind-appointments",
                            gtk_switch_get_active (self->remind_appointments_switch));
  toast (self, _("Changes saved"));
}

/* ---- Staff and services ---- */

static void
fill_staff (SdPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) staff = sd_store_list_staff (self->store, &error);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->staff_list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != GTK_WIDGET (self->staff_row))
        gtk_list_box_remove (self->staff_list, child);
      child = next;
    }
  if (staff == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr (SdStaff) member = g_list_model_get_item (staff, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (sd_staff_get_name (member), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (!sd_staff_get_active (member))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No longer working here"));
      gtk_list_box_insert (self->staff_list, row, i);
    }
}

static void
fill_services (SdPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) services = sd_store_list_services (self->store, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->service_list))) != NULL)
    gtk_list_box_remove (self->service_list, child);
  if (services == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr (SdService) service = g_list_model_get_item (services, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (sd_service_get_name (service), -1);
      g_autofree char *price = sd_money_format (sd_service_get_price_cents (service),
                                                sd_service_get_currency (service));
      /* Translators: "45 min · €45.00" */
      g_autofree char *subtitle = g_strdup_printf (_("%d min · %s"),
                                                   sd_service_get_duration_min (service),
                                                   price);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->service_list, row);
    }
}

static void
add_staff_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdPreferencesWindow *self = SD_PREFERENCES_WINDOW (widget);
  g_autofree char *name = dup_stripped (self->staff_row);
  g_autoptr (GError) error = NULL;

  if (*name == '\0')
    {
      set_row_error (self->staff_row, TRUE);
      toast (self, _("Enter the staff member’s name"));
      return;
    }
  if (sd_store_add_staff (self->store, name, &error) <= 0)
    {
      g_autofree char *text = g_strdup_printf (_("Could not add the staff member: %s"),
                                               error != NULL ? error->message : "");
      toast (self, text);
      return;
    }
  set_row_error (self->staff_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->staff_row), "");
  fill_staff (self);
  toast (self, _("Staff member added"));
}

static void
add_service_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdPreferencesWindow *self = SD_PREFERENCES_WINDOW (widget);
  g_autofree char *name = dup_stripped (self->service_name_row);
  g_autofree char *price_text = dup_stripped (self->service_price_row);
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  gint64 price = 0;

  set_row_error (self->service_name_row, FALSE);
  set_row_error (self->service_price_row, FALSE);
  if (*name == '\0')
    problem (problems, self->service_name_row, _("Enter the service’s name."));
  if (!sd_money_parse (price_text, &price))
    problem (problems, self->service_price_row, _("Write the price like 45 or 45.50."));
  if (problems->len > 0)
    {
      toast (self, problems->str);
      return;
    }
  if (sd_store_add_service (self->store, name,
                            gtk_spin_button_get_value_as_int (self->service_duration_spin),
                            price, &error) <= 0)
    {
      g_autofree char *text = g_strdup_printf (_("Could not add the service: %s"),
                                               error != NULL ? error->message : "");
      toast (self, text);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->service_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->service_price_row), "");
  fill_services (self);
  toast (self, _("Service added"));
}

static void
on_staff_apply (SdPreferencesWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "preferences.add-staff", NULL);
}

/* ---- GObject ---- */

static void
sd_preferences_window_constructed (GObject *object)
{
  SdPreferencesWindow *self = SD_PREFERENCES_WINDOW (object);
  GtkWidget *placeholder;

  G_OBJECT_CLASS (sd_preferences_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->settings = sd_window_lookup_settings ();
  build_hours (self);
  load_salon (self);
  fill_staff (self);
  fill_services (self);

  placeholder = gtk_label_new (_("No services yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->service_list, placeholder);

  g_signal_connect_object (self->closing_row, "apply", G_CALLBACK (on_closing_day_apply),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->staff_row, "apply", G_CALLBACK (on_staff_apply), self,
                           G_CONNECT_SWAPPED);
}

static void
sd_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SD_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (sd_preferences_window_parent_class)->dispose (object);
}

static void
sd_preferences_window_finalize (GObject *object)
{
  SdPreferencesWindow *self = SD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->closing_days, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_preferences_window_parent_class)->finalize (object);
}

static void
sd_preferences_window_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  SdPreferencesWindow *self = SD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_preferences_window_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  SdPreferencesWindow *self = SD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_preferences_window_class_init (SdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sd_preferences_window_constructed;
  object_class->dispose = sd_preferences_window_dispose;
  object_class->finalize = sd_preferences_window_finalize;
  object_class->get_property = sd_preferences_window_get_property;
  object_class->set_property = sd_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, tz_row);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, hours_group);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, closing_list);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, closing_row);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, free_cancel_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, confirm_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, checkin_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, no_show_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, reminder_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow,
                                        remind_appointments_row);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow,
                                        remind_appointments_switch);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, staff_list);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, service_list);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, service_name_row);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow,
                                        service_duration_spin);
  gtk_widget_class_bind_template_child (widget_class, SdPreferencesWindow, service_price_row);

  gtk_widget_class_install_action (widget_class, "preferences.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "preferences.add-staff", NULL,
                                   add_staff_action);
  gtk_widget_class_install_action (widget_class, "preferences.add-service", NULL,
                                   add_service_action);
}

static void
sd_preferences_window_init (SdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->closing_days = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
sd_preferences_window_new (GtkWindow *parent, SdStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  return g_object_new (SD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

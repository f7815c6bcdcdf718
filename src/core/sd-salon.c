/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sd-salon.h"

struct _SdSalon
{
  GObject parent_instance;

  char *name;
  char *tzid;
  GTimeZone *tz;
  char *currency;
  SdSalonSettings settings;
  int open_min[8];   /* indexed by GDateWeekday, 0 unused */
  int close_min[8];
  GArray *closing_days; /* guint32 julian days, sorted */
};

G_DEFINE_FINAL_TYPE (SdSalon, sd_salon, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_TZID, PROP_CURRENCY, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
sd_salon_settings_init (SdSalonSettings *settings)
{
  g_return_if_fail (settings != NULL);

  *settings = (SdSalonSettings) {
    .confirm_hours = 24,
    .free_cancel_hours = 24,
    .checkin_early_min = 15,
    .no_show_grace_min = 15,
    .contest_hours = 24,
    .complaint_hours = 24,
    .claim_business_days = 2,
    .redo_business_days = 7,
    .undo_seconds = 10,
    .reminder_minutes = 60,
  };
}

static void
sd_salon_finalize (GObject *object)
{
  SdSalon *self = SD_SALON (object);

  g_free (self->name);
  g_free (self->tzid);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self->currency);
  g_array_unref (self->closing_days);

  G_OBJECT_CLASS (sd_salon_parent_class)->finalize (object);
}

static void
sd_salon_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdSalon *self = SD_SALON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TZID:
      g_value_set_string (value, self->tzid);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_salon_class_init (SdSalonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_salon_finalize;
  object_class->get_property = sd_salon_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TZID] = g_param_spec_string ("tzid", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sd_salon_init (SdSalon *self)
{
  sd_salon_settings_init (&self->settings);
  self->closing_days = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (int d = G_DATE_TUESDAY; d <= G_DATE_SATURDAY; d++)
    {
      self->open_min[d] = 9 * 60;
      self->close_min[d] = 19 * 60;
    }
}

/* g_set_str() is GLib 2.76; Debian 12 has 2.74. */
static gboolean
replace_str (char **slot, const char *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
emit_changed (SdSalon *self, GParamSpec *pspec)
{
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
  g_signal_emit (self, signals[CHANGED], 0);
}

SdSalon *
sd_salon_new (const char *name, const char *tzid, const char *currency)
{
  SdSalon *self = g_object_new (SD_TYPE_SALON, NULL);

  self->name = g_strdup (name != NULL ? name : "");
  self->currency = g_strdup (currency != NULL ? currency : "EUR");
  if (tzid == NULL || !sd_salon_set_tzid (self, tzid))
    {
      if (tzid != NULL)
        g_message ("Unknown time zone “%s”; using UTC", tzid);
      sd_salon_set_tzid (self, "UTC");
    }
  return self;
}

const char *
sd_salon_get_name (SdSalon *self)
{
  g_return_val_if_fail (SD_IS_SALON (self), NULL);
  return self->name;
}

void
sd_salon_set_name (SdSalon *self, const char *name)
{
  g_return_if_fail (SD_IS_SALON (self));

  if (replace_str (&self->name, name))
    emit_changed (self, properties[PROP_NAME]);
}

const char *
sd_salon_get_tzid (SdSalon *self)
{
  g_return_val_if_fail (SD_IS_SALON (self), NULL);
  return self->tzid;
}

gboolean
sd_salon_set_tzid (SdSalon *self, const char *tzid)
{
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (SD_IS_SALON (self), FALSE);
  g_return_val_if_fail (tzid != NULL, FALSE);

  if (g_strcmp0 (self->tzid, tzid) == 0)
    return TRUE;

  /* g_time_zone_new_identifier (2.68) returns NULL for a name it cannot load, unlike
   * g_time_zone_new, which silently falls back to UTC. */
  tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    return FALSE;

  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = g_steal_pointer (&tz);
  replace_str (&self->tzid, tzid);
  emit_changed (self, properties[PROP_TZID]);
  return TRUE;
}

GTimeZone *
sd_salon_get_timezone (SdSalon *self)
{
  g_return_val_if_fail (SD_IS_SALON (self), NULL);
  return self->tz;
}

const char *
sd_salon_get_currency (SdSalon *self)
{
  g_return_val_if_fail (SD_IS_SALON (self), NULL);
  return self->currency;
}

void
sd_salon_set_currency (SdSalon *self, const char *currency)
{
  g_return_if_fail (SD_IS_SALON (self));

  if (replace_str (&self->currency, currency))
    emit_changed (self, properties[PROP_CURRENCY]);
}

const SdSalonSettings *
sd_salon_get_settings (SdSalon *self)
{
  g_return_val_if_fail (SD_IS_SALON (self), NULL);
  return &self->settings;
}

void
sd_salon_set_settings (SdSalon *self, const SdSalonSettings *settings)
{
  g_return_if_fail (SD_IS_SALON (self));
  g_return_if_fail (settings != NULL);

  self->settings = *settings;
  emit_changed (self, NULL);
}

void
sd_salon_get_hours (SdSalon *self, GDateWeekday day, int *open_min, int *close_min)
{
  g_return_if_fail (SD_IS_SALON (self));
  g_return_if_fail (g_date_valid_weekday (day));

  if (open_min)
    *open_min = self->open_min[day];
  if (close_min)
    *close_min = self->close_min[day];
}

void
sd_salon_set_hours (SdSalon *self, GDateWeekday day, int open_min, int close_min)
{
  g_return_if_fail (SD_IS_SALON (self));
  g_return_if_fail (g_date_valid_weekday (day));
  g_return_if_fail (open_min >= 0 && close_min <= 24 * 60 && open_min <= close_min);

  self->open_min[day] = open_min;
  self->close_min[day] = close_min;
  emit_changed (self, NULL);
}

gboolean
sd_salon_is_open_on (SdSalon *self, GDateWeekday day)
{
  g_return_val_if_fail (SD_IS_SALON (self), FALSE);
  g_return_val_if_fail (g_date_valid_weekday (day), FALSE);

  return self->close_min[day] > self->open_min[day];
}

static int
compare_julian (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return (x > y) - (x < y);
}

static gboolean
lookup_closing_day (SdSalon *self, guint32 julian, guint *index)
{
  return g_array_binary_search (self->closing_days, &julian, compare_julian, index);
}

void
sd_salon_add_closing_day (SdSalon *self, const GDate *date)
{
  guint32 julian;

  g_return_if_fail (SD_IS_SALON (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  julian = g_date_get_julian (date);
  if (lookup_closing_day (self, julian, NULL))
    return;
  g_array_append_val (self->closing_days, julian);
  g_array_sort (self->closing_days, compare_julian);
  emit_changed (self, NULL);
}

void
sd_salon_remove_closing_day (SdSalon *self, const GDate *date)
{
  guint index;

  g_return_if_fail (SD_IS_SALON (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (!lookup_closing_day (self, g_date_get_julian (date), &index))
    return;
  g_array_remove_index (self->closing_days, index);
  emit_changed (self, NULL);
}

gboolean
sd_salon_is_closing_day (SdSalon *self, const GDate *date)
{
  g_return_val_if_fail (SD_IS_SALON (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return lookup_closing_day (self, g_date_get_julian (date), NULL);
}

char **
sd_salon_dup_closing_days (SdSalon *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SD_IS_SALON (self), NULL);

  for (guint i = 0; i < self->closing_days->len; i++)
    {
      GDate date;
      char buf[16];

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_array_index (self->closing_days, guint32, i));
      g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      g_strv_builder_add (builder, buf);
    }
  return g_strv_builder_end (builder);
}

gboolean
sd_salon_is_business_day (SdSalon *self, const GDate *date)
{
  GDateWeekday wd;

  g_return_val_if_fail (SD_IS_SALON (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  wd = g_date_get_weekday (date);
  if (wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY)
    return FALSE;
  return !sd_salon_is_closing_day (self, date);
}

void
sd_salon_local_date (SdSalon *self, gint64 instant, GDate *out)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (SD_IS_SALON (self));
  g_return_if_fail (out != NULL);

  utc = g_date_time_new_from_unix_utc (instant);
  local = g_date_time_to_timezone (utc, self->tz);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sd-agenda-model.h"
#include "sd-time.h"

/* No appointment lasts longer than this; bounds the backward scan of collect(). */
#define MAX_DURATION (24 * 3600)

struct _SdAgendaModel
{
  GObject parent_instance;

  SdStore *store;
  GTimeZone *tz;
  GListStore *appointments;
  GPtrArray *items;          /* the same objects as @appointments, for index scans */

  gint64 loaded_from;        /* [loaded_from, loaded_to); empty when equal */
  gint64 loaded_to;
  gint64 loading_from;
  gint64 loading_to;
  GCancellable *cancellable; /* the load in flight, or NULL */
  guint n_loads;
};

G_DEFINE_FINAL_TYPE (SdAgendaModel, sd_agenda_model, G_TYPE_OBJECT)

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void start_load (SdAgendaModel *self, gint64 from, gint64 to);

static void
sd_agenda_model_dispose (GObject *object)
{
  SdAgendaModel *self = SD_AGENDA_MODEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->appointments);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (sd_agenda_model_parent_class)->dispose (object);
}

static void
sd_agenda_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SdAgendaModel *self = SD_AGENDA_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, sd_agenda_model_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_agenda_model_class_init (SdAgendaModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sd_agenda_model_dispose;
  object_class->get_property = sd_agenda_model_get_property;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sd_agenda_model_init (SdAgendaModel *self)
{
  self->appointments = g_list_store_new (SD_TYPE_APPOINTMENT);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

SdAgendaModel *
sd_agenda_model_new (SdStore   *store,
                     GTimeZone *tz)
{
  SdAgendaModel *self;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  self = g_object_new (SD_TYPE_AGENDA_MODEL, NULL);
  self->store = g_object_ref (store);
  self->tz = g_time_zone_ref (tz);
  return self;
}

SdStore *
sd_agenda_model_get_store (SdAgendaModel *self)
{
  g_return_val_if_fail (SD_IS_AGENDA_MODEL (self), NULL);
  return self->store;
}

GTimeZone *
sd_agenda_model_get_timezone (SdAgendaModel *self)
{
  g_return_val_if_fail (SD_IS_AGENDA_MODEL (self), NULL);
  return self->tz;
}

GListModel *
sd_agenda_model_get_appointments (SdAgendaModel *self)
{
  g_return_val_if_fail (SD_IS_AGENDA_MODEL (self), NULL);
  return G_LIST_MODEL (self->appointments);
}

gboolean
sd_agenda_model_get_loading (SdAgendaModel *self)
{
  g_return_val_if_fail (SD_IS_AGENDA_MODEL (self), FALSE);
  return self->cancellable != NULL;
}

guint
sd_agenda_model_get_n_loads (SdAgendaModel *self)
{
  g_return_val_if_fail (SD_IS_AGENDA_MODEL (self), 0);
  return self->n_loads;
}

gboolean
sd_agenda_model_covers (SdAgendaModel *self,
                        gint64         from,
                        gint64         to)
{
  g_return_val_if_fail (SD_IS_AGENDA_MODEL (self), FALSE);
  return self->loaded_from < self->loaded_to
         && from >= self->loaded_from && to <= self->loaded_to;
}

static void
apply_loaded (SdAgendaModel *self,
              gint64         from,
              gint64         to,
              GPtrArray     *found)
{
  guint n_old;

  self->loaded_from = from;
  self->loaded_to = to;
  self->n_loads++;

  n_old = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (found, i)));
  /* One splice: list models downstream see one change, not thousands. */
  g_list_store_splice (self->appointments, 0, n_old, found->pdata, found->len);

  g_debug ("Loaded %u appointments", found->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_signal_emit (self, signals[LOADED], 0);
}

void
sd_agenda_model_take_loaded (SdAgendaModel *self,
                             gint64         from,
                             gint64         to,
                             GPtrArray     *appointments)
{
  g_return_if_fail (SD_IS_AGENDA_MODEL (self));
  g_return_if_fail (from < to);
  g_return_if_fail (appointments != NULL);

  /* A load asked for meanwhile is newer than these. */
  if (self->cancellable != NULL)
    return;
  apply_loaded (self, from, to, appointments);
}

static void
on_list_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SdAgendaModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  found = sd_store_list_appointments_finish (SD_STORE (source), result, &error);
  if (found == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not load the agenda: %s", error->message);
          g_clear_object (&self->cancellable);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
        }
      /* A cancelled load was replaced by a newer one, which owns the state now. */
      return;
    }

  g_clear_object (&self->cancellable);
  apply_loaded (self, self->loading_from, self->loading_to, found);
}

static void
start_load (SdAgendaModel *self,
            gint64         from,
            gint64         to)
{
  SdQuery query;
  gboolean was_loading = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  self->cancellable = g_cancellable_new ();
  self->loading_from = from;
  self->loading_to = to;

  sd_query_init (&query, from, to);
  sd_store_list_appointments_async (self->store, &query, self->cancellable, on_list_ready,
                                    g_object_ref (self));
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The window loaded around [from, to): from the week before to the week after. */
void
sd_agenda_model_window_around (GTimeZone *tz,
                               gint64     from,
                               gint64     to,
                               gint64    *win_from,
                               gint64    *win_to)
{
  g_return_if_fail (tz != NULL);

  *win_from = sd_time_add_days (sd_time_week_start (from, tz), tz, -7);
  *win_to = sd_time_add_days (sd_time_week_start (MAX (from, to - 1), tz), tz, 14);
}

gboolean
sd_agenda_model_ensure (SdAgendaModel *self,
                        gint64         from,
                        gint64         to)
{
  gint64 win_from, win_to;

  g_return_val_if_fail (SD_IS_AGENDA_MODEL (self), FALSE);
  g_return_val_if_fail (from < to, FALSE);

  sd_agenda_model_window_around (self->tz, from, to, &win_from, &win_to);

  if (sd_agenda_model_covers (self, from, to))
    {
      /* Prefetch the neighbours, unless a load already covers them. */
      if (!sd_agenda_model_covers (self, win_from, win_to)
          && !(self->cancellable != NULL
               && self->loading_from <= win_from && self->loading_to >= win_to))
        start_load (self, win_from, win_to);
      return TRUE;
    }

  if (self->cancellable != NULL
      && self->loading_from <= from && self->loading_to >= to)
    return FALSE;

  start_load (self, win_from, win_to);
  return FALSE;
}

void
sd_agenda_model_reload (SdAgendaModel *self)
{
  g_return_if_fail (SD_IS_AGENDA_MODEL (self));

  if (self->cancellable != NULL)
    start_load (self, self->loading_from, self->loading_to);
  else if (self->loaded_from < self->loaded_to)
    start_load (self, self->loaded_from, self->loaded_to);
}

void
sd_agenda_model_collect (SdAgendaModel *self,
                         gint64         from,
                         gint64         to,
                         GPtrArray     *out)
{
  guint lo = 0, hi;

  g_return_if_fail (SD_IS_AGENDA_MODEL (self));
  g_return_if_fail (out != NULL);

  /* First item that could still overlap: start >= from - MAX_DURATION. */
  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      SdAppointment *a = g_ptr_array_index (self->items, mid);

      if (sd_appointment_get_start (a) < from - MAX_DURATION)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < self->items->len; i++)
    {
      SdAppointment *a = g_ptr_array_index (self->items, i);

      if (sd_appointment_get_start (a) >= to)
        break;
      if (sd_time_ranges_overlap (sd_appointment_get_start (a), sd_appointment_get_end (a),
                                  from, to))
        g_ptr_array_add (out, a);
    }
}

SdAppointment *
sd_agenda_model_find (SdAgendaModel *self,
                      gint64         id)
{
  g_return_val_if_fail (SD_IS_AGENDA_MODEL (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      SdAppointment *a = g_ptr_array_index (self->items, i);

      if (sd_appointment_get_id (a) == id)
        return a;
    }
  return NULL;
}

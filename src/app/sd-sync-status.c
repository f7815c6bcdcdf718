/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-salon.h"
#include "sd-sync-status.h"
#include "sd-time.h"

struct _SdSyncStatus
{
  AdwBin parent_instance;

  SdSyncEngine *engine;
  gboolean offline;
  char *banner_text;

  GtkLabel *status_label;
  GtkLabel *pending_label;
  GtkSpinner *spinner;
  GtkButton *sync_button;
};

G_DEFINE_FINAL_TYPE (SdSyncStatus, sd_sync_status, ADW_TYPE_BIN)

enum { PROP_0, PROP_ENGINE, PROP_OFFLINE, PROP_BANNER_TEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static char *
format_last_sync (SdSyncEngine *engine)
{
  gint64 last = sd_sync_engine_get_last_sync (engine);
  SdSalon *salon = sd_store_get_salon (sd_sync_engine_get_store (engine));
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *hhmm = NULL;

  if (last == 0)
    return g_strdup (_("Never synced"));
  utc = g_date_time_new_from_unix_utc (last);
  local = salon != NULL ? g_date_time_to_timezone (utc, sd_salon_get_timezone (salon))
                        : g_date_time_ref (utc);
  hhmm = g_date_time_format (local, "%H:%M");
  /* Translators: the time of the last successful sync, e.g. "Synced at 14:02". */
  return g_strdup_printf (_("Synced at %s"), hhmm);
}

static void
update (SdSyncStatus *self)
{
  g_autofree char *status = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *banner = NULL;
  gboolean offline = FALSE;
  SdSyncState state;
  guint n;

  if (self->engine == NULL)
    {
      gtk_label_set_label (self->status_label, _("Not connected"));
      gtk_widget_set_visible (GTK_WIDGET (self->pending_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->sync_button), FALSE);
      gtk_spinner_stop (self->spinner);
    }
  else
    {
      state = sd_sync_engine_get_state (self->engine);
      n = sd_sync_engine_get_pending (self->engine);
      switch (state)
        {
        case SD_SYNC_STATE_SYNCING:
          status = g_strdup (_("Syncing…"));
          break;
        case SD_SYNC_STATE_OFFLINE:
          status = g_strdup (_("Offline"));
          offline = TRUE;
          break;
        case SD_SYNC_STATE_UNAUTHORIZED:
          status = g_strdup (_("Token refused"));
          offline = TRUE;
          break;
        case SD_SYNC_STATE_ERROR:
          status = g_strdup (_("Sync failed"));
          break;
        case SD_SYNC_STATE_IDLE:
        default:
          status = format_last_sync (self->engine);
          break;
        }
      gtk_label_set_label (self->status_label, status);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label),
                                   sd_sync_engine_get_last_error (self->engine));
      pending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unsent", "%u unsent", n), n);
      gtk_label_set_label (self->pending_label, pending);
      gtk_widget_set_visible (GTK_WIDGET (self->pending_label), n > 0);
      gtk_widget_set_visible (GTK_WIDGET (self->sync_button), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), state != SD_SYNC_STATE_SYNCING);
      if (state == SD_SYNC_STATE_SYNCING)
        gtk_spinner_start (self->spinner);
      else
        gtk_spinner_stop (self->spinner);

      if (state == SD_SYNC_STATE_UNAUTHORIZED)
        banner = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
          "The marketplace refused the salon’s token: %u action waits to be sent. Connect again.",
          "The marketplace refused the salon’s token: %u actions wait to be sent. Connect again.",
          n), n);
      else if (offline)
        banner = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
          "Offline: %u action will be sent when the marketplace is reachable.",
          "Offline: %u actions will be sent when the marketplace is reachable.", n), n);
    }

  if (g_strcmp0 (banner, self->banner_text) != 0)
    {
      g_free (self->banner_text);
      self->banner_text = g_steal_pointer (&banner);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANNER_TEXT]);
    }
  if (offline != self->offline)
    {
      self->offline = offline;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
    }
}

static void
sync_now (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdSyncStatus *self = SD_SYNC_STATUS (widget);

  if (self->engine != NULL)
    sd_sync_engine_request_sync (self->engine);
}

void
sd_sync_status_set_engine (SdSyncStatus *self, SdSyncEngine *engine)
{
  g_return_if_fail (SD_IS_SYNC_STATUS (self));
  g_return_if_fail (engine == NULL || SD_IS_SYNC_ENGINE (engine));

  if (self->engine == engine)
    return;
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_set_object (&self->engine, engine);
  if (engine != NULL)
    g_signal_connect_object (engine, "status-changed", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync-status.sync-now", engine != NULL);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

SdSyncEngine *
sd_sync_status_get_engine (SdSyncStatus *self)
{
  g_return_val_if_fail (SD_IS_SYNC_STATUS (self), NULL);
  return self->engine;
}

gboolean
sd_sync_status_get_offline (SdSyncStatus *self)
{
  g_return_val_if_fail (SD_IS_SYNC_STATUS (self), FALSE);
  return self->offline;
}

const char *
sd_sync_status_get_banner_text (SdSyncStatus *self)
{
  g_return_val_if_fail (SD_IS_SYNC_STATUS (self), NULL);
  return self->banner_text;
}

GtkWidget *
sd_sync_status_new (void)
{
  return g_object_new (SD_TYPE_SYNC_STATUS, NULL);
}

static void
sd_sync_status_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdSyncStatus *self = SD_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    case PROP_BANNER_TEXT:
      g_value_set_string (value, self->banner_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_sync_status_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ENGINE:
      sd_sync_status_set_engine (SD_SYNC_STATUS (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_sync_status_dispose (GObject *object)
{
  SdSyncStatus *self = SD_SYNC_STATUS (object);

  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_SYNC_STATUS);
  G_OBJECT_CLASS (sd_sync_status_parent_class)->dispose (object);
}

static void
sd_sync_status_finalize (GObject *object)
{
  g_free (SD_SYNC_STATUS (object)->banner_text);
  G_OBJECT_CLASS (sd_sync_status_parent_class)->finalize (object);
}

static void
sd_sync_status_class_init (SdSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sd_sync_status_get_property;
  object_class->set_property = sd_sync_status_set_property;
  object_class->dispose = sd_sync_status_dispose;
  object_class->finalize = sd_sync_status_finalize;

  properties[PROP_ENGINE] = g_param_spec_object ("engine", NULL, NULL, SD_TYPE_SYNC_ENGINE,
                                                 G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                 G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OFFLINE] = g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BANNER_TEXT] = g_param_spec_string ("banner-text", NULL, NULL, NULL,
                                                      G_PARAM_READABLE |
                                                      G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/sd-sync-status.ui");
  gtk_widget_class_bind_template_child (widget_class, SdSyncStatus, status_label);
  gtk_widget_class_bind_template_child (widget_class, SdSyncStatus, pending_label);
  gtk_widget_class_bind_template_child (widget_class, SdSyncStatus, spinner);
  gtk_widget_class_bind_template_child (widget_class, SdSyncStatus, sync_button);
  gtk_widget_class_install_action (widget_class, "sync-status.sync-now", NULL, sync_now);
}

static void
sd_sync_status_init (SdSyncStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync-status.sync-now", FALSE);
  update (self);
}

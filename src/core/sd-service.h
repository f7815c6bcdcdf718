/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-service.h — a service the salon sells: name, duration, price.
 * A plain value object: getters and setters, no rules. Instants are epoch seconds (UTC),
 * 0 means "not set"; money is cents in the salon's currency. */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_SERVICE (sd_service_get_type ())
G_DECLARE_FINAL_TYPE (SdService, sd_service, SD, SERVICE, GObject)

SdService *sd_service_new (void);

/* Local row id (0 until stored). */
gint64 sd_service_get_id (SdService *self);
void sd_service_set_id (SdService *self, gint64 value);
/* The marketplace's id ("svc_…"), NULL until synced. */
const char *sd_service_get_remote_id (SdService *self);
void sd_service_set_remote_id (SdService *self, const char *value);
const char *sd_service_get_name (SdService *self);
void sd_service_set_name (SdService *self, const char *value);
int sd_service_get_duration_min (SdService *self);
void sd_service_set_duration_min (SdService *self, int value);
gint64 sd_service_get_price_cents (SdService *self);
void sd_service_set_price_cents (SdService *self, gint64 value);
const char *sd_service_get_currency (SdService *self);
void sd_service_set_currency (SdService *self, const char *value);

G_END_DECLS

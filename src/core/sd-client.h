/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-client.h — a client of the salon, as the marketplace shares them.
 * A plain value object: getters and setters, no rules. Instants are epoch seconds (UTC),
 * 0 means "not set"; money is cents in the salon's currency. */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_CLIENT (sd_client_get_type ())
G_DECLARE_FINAL_TYPE (SdClient, sd_client, SD, CLIENT, GObject)

SdClient *sd_client_new (void);

/* Local row id (0 until stored). */
gint64 sd_client_get_id (SdClient *self);
void sd_client_set_id (SdClient *self, gint64 value);
/* The marketplace's id ("cli_…"), NULL until synced. */
const char *sd_client_get_remote_id (SdClient *self);
void sd_client_set_remote_id (SdClient *self, const char *value);
const char *sd_client_get_name (SdClient *self);
void sd_client_set_name (SdClient *self, const char *value);
/* May be NULL. */
const char *sd_client_get_email (SdClient *self);
void sd_client_set_email (SdClient *self, const char *value);
/* May be NULL; hidden until the salon accepts or answers "unavailable". */
const char *sd_client_get_phone (SdClient *self);
void sd_client_set_phone (SdClient *self, const char *value);

G_END_DECLS

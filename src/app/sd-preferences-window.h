/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-preferences-window.h — the salon's settings, staff and services. */
#pragma once

#include <adwaita.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_PREFERENCES_WINDOW (sd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SdPreferencesWindow, sd_preferences_window, SD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *sd_preferences_window_new (GtkWindow *parent,
                                      SdStore   *store);

G_END_DECLS

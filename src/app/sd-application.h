/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-application.h — the app: opens the salon's database off the main thread (creating a
 * demo salon on first start), shows the agenda window, and implements the command line:
 *   --db PATH  --now RFC3339  --date YYYY-MM-DD  --view day|week|list|inbox
 *   --screenshot FILE  (render the window to PNG after its first drawn agenda, then quit) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SD_TYPE_APPLICATION (sd_application_get_type ())
G_DECLARE_FINAL_TYPE (SdApplication, sd_application, SD, APPLICATION, AdwApplication)

SdApplication *sd_application_new             (void);
/* The database the app opens when --db is not given:
 * g_get_user_data_dir()/salon-desk/salon-desk.sqlite. Free with g_free. */
char          *sd_application_default_db_path (void);
/* Renders @widget (a realized window) to a PNG file. */
gboolean       sd_application_save_screenshot (GtkWidget  *widget,
                                               const char *path,
                                               GError    **error);

G_END_DECLS

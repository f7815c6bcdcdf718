/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-state-style.h — how each appointment state looks, in one place: a CSS class (colours
 * live in data/style.css), an icon and a short glyph, so no state is told apart by colour
 * alone. Drawn views (the week grid) use the same colours through sd_state_style_get_color. */
#pragma once

#include <gtk/gtk.h>

#include "sd-types.h"

G_BEGIN_DECLS

/* "state-requested", "state-in-progress", … */
const char *sd_state_style_get_css_class (SdState state);
const char *sd_state_style_get_icon_name (SdState state);
/* A one-character mark for places too small for an icon (the week grid). */
const char *sd_state_style_get_glyph     (SdState state);
/* The state's accent colour; the same hue reads on light and dark backgrounds. */
void        sd_state_style_get_color     (SdState state, GdkRGBA *out);
/* TRUE for states whose block is drawn struck through / dimmed (cancelled, declined…). */
gboolean    sd_state_style_is_inactive   (SdState state);

G_END_DECLS

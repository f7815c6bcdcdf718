/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sd-state-style.h"

typedef struct
{
  const char *css_class;
  const char *icon_name;
  const char *glyph;
  const char *color;   /* GNOME palette; mirrored in data/style.css */
} StateStyle;

static const StateStyle styles[] = {
  [SD_STATE_REQUESTED]   = { "state-requested",   "appointment-soon-symbolic",     "?", "#e66100" },
  [SD_STATE_CONFIRMED]   = { "state-confirmed",   "object-select-symbolic",        "\u2713", "#3584e4" },
  [SD_STATE_IN_PROGRESS] = { "state-in-progress", "media-playback-start-symbolic", "\u25b6", "#9141ac" },
  [SD_STATE_COMPLETED]   = { "state-completed",   "emblem-ok-symbolic",            "\u2714", "#26a269" },
  [SD_STATE_CANCELLED]   = { "state-cancelled",   "process-stop-symbolic",         "\u2715", "#77767b" },
  [SD_STATE_DECLINED]    = { "state-declined",    "action-unavailable-symbolic",   "\u2298", "#865e3c" },
  [SD_STATE_EXPIRED]     = { "state-expired",     "appointment-missed-symbolic",   "\u231b", "#9a9996" },
  [SD_STATE_NO_SHOW]     = { "state-no-show",     "user-offline-symbolic",         "\u2205", "#c64600" },
  [SD_STATE_DISPUTED]    = { "state-disputed",    "changes-prevent-symbolic",      "!", "#e01b24" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (styles) == SD_N_STATES);

static const StateStyle *
style_of (SdState state)
{
  if ((guint) state >= SD_N_STATES)
    state = SD_STATE_CONFIRMED;
  return &styles[state];
}

const char *
sd_state_style_get_css_class (SdState state)
{
  return style_of (state)->css_class;
}

const char *
sd_state_style_get_icon_name (SdState state)
{
  return style_of (state)->icon_name;
}

const char *
sd_state_style_get_glyph (SdState state)
{
  return style_of (state)->glyph;
}

void
sd_state_style_get_color (SdState  state,
                          GdkRGBA *out)
{
  g_return_if_fail (out != NULL);
  gdk_rgba_parse (out, style_of (state)->color);
}

gboolean
sd_state_style_is_inactive (SdState state)
{
  return state == SD_STATE_CANCELLED || state == SD_STATE_DECLINED
         || state == SD_STATE_EXPIRED || state == SD_STATE_NO_SHOW;
}

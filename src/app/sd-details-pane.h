/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-details-pane.h — the selected appointment: who, what, when, its state, the actions the
 * core allows now ("appointment.accept", "appointment.check-in", …) and its history. */
#pragma once

#include <adwaita.h>

#include "sd-appointment.h"
#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_DETAILS_PANE (sd_details_pane_get_type ())
G_DECLARE_FINAL_TYPE (SdDetailsPane, sd_details_pane, SD, DETAILS_PANE, AdwBin)

GtkWidget     *sd_details_pane_new             (SdStore       *store);
/* NULL shows "No appointment selected". The pane keeps a reference. */
void           sd_details_pane_set_appointment (SdDetailsPane *self,
                                                SdAppointment *appointment);
SdAppointment *sd_details_pane_get_appointment (SdDetailsPane *self);

/* Signals:
 * "appointment-changed" (gint64 id): an action succeeded; the store holds the new state. */

G_END_DECLS

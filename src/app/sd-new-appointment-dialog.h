/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-new-appointment-dialog.h — a walk-in or phone booking made at the desk (confirmed,
 * paid at the salon). */
#pragma once

#include <adwaita.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_NEW_APPOINTMENT_DIALOG (sd_new_appointment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdNewAppointmentDialog, sd_new_appointment_dialog, SD,
                      NEW_APPOINTMENT_DIALOG, AdwWindow)

/* @start: the proposed start (epoch seconds; 0 = the next quarter hour from the store's
 * clock); @staff_id: the preselected staff member (0 = the first). Modal to @parent. */
GtkWidget *sd_new_appointment_dialog_new (GtkWindow *parent,
                                          SdStore   *store,
                                          gint64     start,
                                          gint64     staff_id);

/* Signals:
 * "appointment-created" (gint64 id): written to the store; the dialog then closes. */

G_END_DECLS

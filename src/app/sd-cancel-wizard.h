/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cancel-wizard.h — the owner's cancellation, one step per page (SPEC §2): who is
 * cancelling, why, the refund (only when the core leaves it to the salon), and a summary.
 * Every refund word and amount comes from sd-refund; the wizard writes nothing itself: it
 * hands a filled SdActionRequest to whoever performs it (the details pane). */
#pragma once

#include <adwaita.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_CANCEL_WIZARD (sd_cancel_wizard_get_type ())
G_DECLARE_FINAL_TYPE (SdCancelWizard, sd_cancel_wizard, SD, CANCEL_WIZARD, AdwWindow)

/* Modal to @parent. @salon gives the free-cancellation window, undo time and currency
 * (NULL: the spec's defaults and the appointment's currency); @clock says "now" and the
 * pages follow it when it moves. */
GtkWidget  *sd_cancel_wizard_new         (GtkWindow     *parent,
                                          SdAppointment *appointment,
                                          SdSalon       *salon,
                                          SdClock       *clock);

/* The page shown: "who", "why", "refund" or "summary" (also the "page" property). */
const char *sd_cancel_wizard_get_page    (SdCancelWizard *self);

/* The cancellation chosen so far. FALSE while a step is unanswered; @request->text points
 * into the wizard (valid until the note changes). */
gboolean    sd_cancel_wizard_get_request (SdCancelWizard  *self,
                                          SdActionRequest *request);

/* Actions (usable from tests and shortcuts):
 *   wizard.next, wizard.back       move between pages (Enter = next, Escape closes)
 *   wizard.confirm                 on the summary: emits "cancel-appointment", closes
 *   wizard.message-client          emits "message-client"
 *   wizard.by ('salon'|'client'), wizard.reason ('illness'… as sd_cancel_reason_to_string),
 *   wizard.refund ('full'|'none')  the answers, as string property actions
 *
 * Signals:
 *   "cancel-appointment" (const SdActionRequest *request): perform it; valid during the
 *                         emission only. The wizard then closes.
 *   "message-client"      the "Message Client…" shortcut was pressed. */

G_END_DECLS

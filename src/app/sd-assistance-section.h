/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-assistance-section.h — the "Assistance" group of the details pane: the appointment's
 * complaint as the desk follows it — its status (with the reply deadline), who opened it and
 * why, the salon's answer and, once the marketplace resolved it, the outcome in plain words,
 * the amount, the staff's note and when. Its header holds "Export Evidence…"
 * (appointment.export-evidence, an action of the pane). */
#pragma once

#include <adwaita.h>

#include "sd-complaint.h"

G_BEGIN_DECLS

#define SD_TYPE_ASSISTANCE_SECTION (sd_assistance_section_get_type ())
G_DECLARE_FINAL_TYPE (SdAssistanceSection, sd_assistance_section, SD, ASSISTANCE_SECTION, AdwBin)

GtkWidget *sd_assistance_section_new  (void);
/* Shows @complaint (NULL hides the section). @currency: the appointment's; @tz: the salon's
 * zone; @now: the clock, for "time left". */
void       sd_assistance_section_show (SdAssistanceSection *self,
                                       SdComplaint         *complaint,
                                       const char          *currency,
                                       GTimeZone           *tz,
                                       gint64               now);

G_END_DECLS

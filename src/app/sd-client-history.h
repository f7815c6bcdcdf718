/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-client-history.h — the words for a client's earlier incidents, shared by the details
 * pane and the new-appointment dialog. The store decides what is an incident
 * (sd_store_list_client_incidents); this only counts and dates them. */
#pragma once

#include <glib.h>

#include "sd-types.h"

G_BEGIN_DECLS

/* "2 earlier no-shows (3 Oct, 12 Nov) and 1 late cancellation (5 Nov)" from @incidents
 * (GPtrArray of SdAppointment, oldest first: no-shows and cancellations), dated by their
 * start in @tz (NULL = UTC); a date outside @reference's year shows its year. At most the
 * four latest dates of a kind are listed. NULL when @incidents is empty. */
char *sd_client_history_describe (GPtrArray *incidents,
                                  GTimeZone *tz,
                                  gint64     reference);

G_END_DECLS

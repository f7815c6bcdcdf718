/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-window.h — the agenda window: header bar with navigation, date picker, search and
 * legend; the day, week and list views (and the inbox) in an AdwViewStack; the details
 * pane of the selected appointment beside them.
 *
 * Actions (win.*): previous, next, today, go-to-date, search, show-legend,
 * show-view ('day'|'week'|'list'|'inbox'|'complaints'), reload, close-details, new-appointment, and the
 * stateful hide-cancelled / show-declined-expired. */
#pragma once

#include <adwaita.h>

#include "sd-agenda-model.h"
#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_WINDOW (sd_window_get_type ())
G_DECLARE_FINAL_TYPE (SdWindow, sd_window, SD, WINDOW, AdwApplicationWindow)

GtkWidget     *sd_window_new                  (GtkApplication *application);
/* While the store opens (and, on first start, fills the demo salon). */
void           sd_window_show_loading         (SdWindow       *self,
                                               const char     *title,
                                               const char     *description);
/* The store could not be opened: a status page with the (translated) reason. */
void           sd_window_show_error           (SdWindow       *self,
                                               const GError   *error);
/* Shows the agenda of @store; @staff is a GListModel of SdStaff (loaded off the main
 * thread by the caller). */
void           sd_window_set_store            (SdWindow       *self,
                                               SdStore        *store,
                                               GListModel     *staff);
SdStore       *sd_window_get_store            (SdWindow       *self);
/* Before sd_window_set_store(): the agenda's first weeks, [from, to), already read off the
 * main thread (sorted by start); used if they cover the day the window opens on. */
void           sd_window_preload_agenda       (SdWindow       *self,
                                               gint64          from,
                                               gint64          to,
                                               GPtrArray      *appointments);
SdAgendaModel *sd_window_get_agenda_model     (SdWindow       *self);

/* Any instant of the day to show; 0 = today by the store's clock. */
void           sd_window_set_date             (SdWindow       *self,
                                               gint64          date);
gint64         sd_window_get_date             (SdWindow       *self);
void           sd_window_set_view             (SdWindow       *self,
                                               const char     *name);
const char    *sd_window_get_view             (SdWindow       *self);
/* Selects (and shows in the details pane) an appointment; NULL clears. */
void           sd_window_select_appointment   (SdWindow       *self,
                                               SdAppointment  *appointment);
SdAppointment *sd_window_get_selected         (SdWindow       *self);
/* Jumps to the day of an appointment and selects it once loaded. */
void           sd_window_show_appointment     (SdWindow       *self,
                                               gint64          id,
                                               gint64          start);
/* Jumps to an appointment known only by its id (a notification, the inbox): its day is read
 * in the background, then it is selected. */
void           sd_window_open_appointment     (SdWindow       *self,
                                               gint64          id);
void           sd_window_add_toast            (SdWindow       *self,
                                               const char     *title);
/* The header's title for the shown date ("Tue 24 Nov 2026", "23 – 29 Nov 2026"). */
const char    *sd_window_get_date_title       (SdWindow       *self);
/* Named parts, for tests: "day", "week", "list", "inbox", "complaints", "details", "search",
 * "week-staff-filter", "legend", "error-page", "date". NULL when the part does not exist. */
GtkWidget     *sd_window_get_part             (SdWindow       *self,
                                               const char     *name);

/* Desktop notifications of new requests, resolutions and reminders (on by default). A
 * scripted run (--screenshot) turns them off, so it neither disturbs the desktop nor marks
 * as told what the user never saw. */
void           sd_window_set_notices_enabled  (SdWindow       *self,
                                               gboolean        enabled);

/* The application's GSettings (app.salondesk.SalonDesk); NULL when its schema is not
 * installed (run from the build tree), and the caller then keeps nothing. */
GSettings     *sd_window_lookup_settings      (void);

/* Signals:
 * "agenda-drawn": once, after the first frame that shows loaded appointments.
 * "notice-sent" (const char *id, gint64 appointment_id, const char *title, const char *body):
 *   a desktop notice was told (sent as a GNotification @id when the window belongs to a
 *   registered application); @appointment_id 0 for a summary that opens the inbox.
 * "notice-withdrawn" (const char *id): what it was about can no longer be answered. */

G_END_DECLS

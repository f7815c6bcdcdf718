/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-agenda-model.h — the appointments the calendar views show, loaded in the background.
 *
 * The views ask for the range they show; the model loads a window around it (the weeks
 * before and after), so moving a day or a week inside that window costs no query. A load
 * runs in a store thread; a newer one cancels the one in flight. The main thread never
 * waits on SQLite. */
#pragma once

#include <gio/gio.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_AGENDA_MODEL (sd_agenda_model_get_type ())
G_DECLARE_FINAL_TYPE (SdAgendaModel, sd_agenda_model, SD, AGENDA_MODEL, GObject)

SdAgendaModel *sd_agenda_model_new              (SdStore   *store,
                                                 GTimeZone *tz);
SdStore       *sd_agenda_model_get_store        (SdAgendaModel *self);
GTimeZone     *sd_agenda_model_get_timezone     (SdAgendaModel *self);
/* A GListModel of SdAppointment ordered by start: everything loaded. */
GListModel    *sd_agenda_model_get_appointments (SdAgendaModel *self);
/* TRUE when [from, to) is loaded. */
gboolean       sd_agenda_model_covers           (SdAgendaModel *self,
                                                 gint64         from,
                                                 gint64         to);
/* Makes sure [from, to) gets loaded. Returns TRUE when it already is (the caller can
 * draw now); FALSE when a load started ("loaded" follows). Either way the weeks around
 * it are fetched in the background if they are not loaded yet. */
gboolean       sd_agenda_model_ensure           (SdAgendaModel *self,
                                                 gint64         from,
                                                 gint64         to);
/* Queries the loaded window again, e.g. after an appointment changed. */
void           sd_agenda_model_reload           (SdAgendaModel *self);
/* The weeks sd_agenda_model_ensure() loads around [from, to). */
void           sd_agenda_model_window_around    (GTimeZone     *tz,
                                                 gint64         from,
                                                 gint64         to,
                                                 gint64        *win_from,
                                                 gint64        *win_to);
/* Takes appointments already read for [from, to) (sorted by start, as the store lists
 * them) as a completed load: "loaded" is emitted. For the start-up, which reads the first
 * weeks while the window is being built. */
void           sd_agenda_model_take_loaded      (SdAgendaModel *self,
                                                 gint64         from,
                                                 gint64         to,
                                                 GPtrArray     *appointments);
gboolean       sd_agenda_model_get_loading      (SdAgendaModel *self);
/* Number of completed loads (tests and the benchmark wait on it). */
guint          sd_agenda_model_get_n_loads      (SdAgendaModel *self);
/* The appointments overlapping [from, to), by start, added to @out (transfer none). */
void           sd_agenda_model_collect          (SdAgendaModel *self,
                                                 gint64         from,
                                                 gint64         to,
                                                 GPtrArray     *out);
SdAppointment *sd_agenda_model_find             (SdAgendaModel *self,
                                                 gint64         id);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-list-view.h — the agenda as a table (GtkColumnView): the appointments of the shown
 * week, sortable by any column, filterable by state. A GtkFilterListModel and a
 * GtkSortListModel over the agenda model's list: no query of its own. While hidden it is
 * detached from that list, so it costs nothing when the other views move. */
#pragma once

#include <gtk/gtk.h>

#include "sd-agenda-model.h"
#include "sd-salon.h"

G_BEGIN_DECLS

#define SD_TYPE_LIST_VIEW (sd_list_view_get_type ())
G_DECLARE_FINAL_TYPE (SdListView, sd_list_view, SD, LIST_VIEW, GtkWidget)

GtkWidget  *sd_list_view_new             (void);
void        sd_list_view_set_salon       (SdListView    *self,
                                          SdSalon       *salon);
void        sd_list_view_set_model       (SdListView    *self,
                                          SdAgendaModel *model);
/* Any instant of the week to list. */
void        sd_list_view_set_date        (SdListView    *self,
                                          gint64         date);
void        sd_list_view_set_now         (SdListView    *self,
                                          gint64         now);
void        sd_list_view_set_filter      (SdListView    *self,
                                          gboolean       hide_cancelled,
                                          gboolean       show_declined_expired);
/* -1 lists every state; otherwise only appointments in @state. */
void        sd_list_view_set_state_filter (SdListView   *self,
                                           int           state);
void        sd_list_view_set_selected_id (SdListView    *self,
                                          gint64         id);
/* The rows as shown: filtered and sorted (a GListModel of SdAppointment); empty while the
 * view is hidden. */
GListModel *sd_list_view_get_rows        (SdListView    *self);
/* Sorts by a column: "time", "client", "service", "staff", "state", "price". */
void        sd_list_view_sort_by         (SdListView    *self,
                                          const char    *column,
                                          GtkSortType    order);

/* Signals:
 * "appointment-activated" (SdAppointment): a row was selected or activated. */

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaints-view-private.h — shared by sd-complaints-view.c (loading, filters, urgency,
 * navigation) and sd-complaints-view-columns.c (the list's cells). */
#pragma once

#include "sd-complaint-pane.h"
#include "sd-complaints-view.h"

G_BEGIN_DECLS

struct _SdComplaintsView
{
  AdwBin parent_instance;

  SdStore *store;
  GCancellable *cancellable;       /* cancelled on dispose */
  GCancellable *load_cancellable;
  guint tick_source;
  gboolean loaded_once;
  gboolean loading;
  guint count;
  char *filter_mode;

  GListStore *complaints;          /* SdComplaint, as the store gave them */
  GtkCustomFilter *filter;
  GtkCustomSorter *sorter;
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;
  GHashTable *deadline_cells;      /* GtkListItem of the deadline column, while bound */

  GtkStack *pages;
  GtkStack *list_stack;
  GtkSpinner *spinner;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  GtkLabel *summary_label;
  GtkColumnView *column_view;
  SdComplaintPane *pane;
};

/* sd-complaints-view.c */
gint64 sd_complaints_view_now          (SdComplaintsView *self);
/* @instant in the salon's zone with @format (g_date_time_format). Free with g_free. */
char  *sd_complaints_view_format_local (SdComplaintsView *self,
                                        gint64            instant,
                                        const char       *format);

/* sd-complaints-view-columns.c */
void   sd_complaints_view_build_columns   (SdComplaintsView *self);
/* The deadline cell of @item, against the clock (the view redraws the bound ones). */
void   sd_complaints_view_render_deadline (SdComplaintsView *self,
                                           GtkListItem      *item);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-window-private.h — shared by sd-window.c (widgets, data) and sd-window-actions.c
 * (navigation, actions, shortcuts). */
#pragma once

#include "sd-day-view.h"
#include "sd-list-view.h"
#include "sd-search-popover.h"
#include "sd-sync-status.h"
#include "sd-week-view.h"
#include "sd-window.h"

G_BEGIN_DECLS

struct _SdWindow
{
  AdwApplicationWindow parent_instance;

  SdStore *store;
  SdClock *clock;
  SdAgendaModel *model;
  GListModel *staff;
  GSettings *settings;          /* NULL when the schema is not installed */

  gint64 date;                  /* local midnight of the shown day */
  SdAppointment *selected;
  gint64 pending_select_id;     /* select once loaded (search results, new bookings) */
  gboolean hide_cancelled;
  gboolean show_declined_expired;
  char *date_title;
  char *pending_view;           /* asked for before the store opened (the inbox) */
  guint now_timeout_id;
  gboolean agenda_drawn;
  gboolean awaiting_first_frame;

  /* marketplace sync (sd-window-actions.c); NULL while not connected */
  SdSyncEngine *sync_engine;
  GCancellable *sync_cancellable;   /* the start-up keyring lookup */
  gboolean sync_passing;            /* a pass runs: its end may bring pulled changes */
  GCancellable *notices_cancellable;/* sd-window-notices.c: the lookup in flight */
  gboolean notices_looking;         /* one lookup at a time, so no notice is sent twice */
  gboolean notices_again;           /* a pass ended meanwhile: look again after it */
  gboolean notices_off;             /* a scripted run: tell nothing, mark nothing told */

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *loading_page;
  AdwStatusPage *error_page;
  GtkMenuButton *date_button;
  GtkPopover *date_popover;
  GtkSpinner *load_spinner;
  GtkMenuButton *legend_button;
  GtkGrid *legend_grid;
  GtkMenuButton *search_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwFlap *flap;
  AdwViewStack *view_stack;
  SdDayView *day_view;
  SdWeekView *week_view;
  GtkDropDown *week_staff_filter;
  GtkLabel *week_summary;
  AdwBin *list_page;
  SdSyncStatus *sync_status;
  GtkRevealer *sync_banner;

  /* parts added in code */
  SdSearchPopover *search_popover;
  SdListView *list_view;        /* in list_page once needed: NULL before */
  GtkCalendar *calendar;        /* in date_popover once it pops up: NULL before */
  /* Built after the agenda's first frame (or as soon as something needs them): until then
   * the Inbox and Complaints tabs hold light placeholders, so the switcher shows all five
   * tabs from the first frame and their loads do not queue before the agenda's. */
  GtkWidget *inbox_view;
  GtkWidget *complaints_view;
  GtkWidget *details_pane;
  GtkWidget *inbox_placeholder;
  GtkWidget *complaints_placeholder;
  guint panes_id;               /* the deferred build of the three above */
  gboolean swapping_pages;      /* the placeholders give way: not a change of view */
  GPtrArray *preloaded;         /* sd_window_preload_agenda(), taken by set_store */
  gint64 preloaded_from;
  gint64 preloaded_to;
};

/* sd-window-actions.c */
void sd_window_class_init_actions (GtkWidgetClass *widget_class);
void sd_window_update_actions     (SdWindow *self);
/* Moves by one day (day view) or one week (week and list views); @direction is -1 or 1. */
void sd_window_step               (SdWindow *self,
                                   int       direction);

/* Connects to the marketplace: an engine for the window's store, started at once (what
 * the connect dialog's "connected" does). Replaces the engine there was. */
void          sd_window_connect_sync      (SdWindow   *self,
                                           const char *url,
                                           const char *token);
/* At start-up: when the store names a marketplace (meta sync.url), looks its token up in
 * the keyring off the main thread and connects; without one stays disconnected. */
void          sd_window_resume_sync       (SdWindow   *self);
SdSyncEngine *sd_window_get_sync_engine   (SdWindow   *self);
/* A local action was written (the engine sends it soon). */
void          sd_window_note_local_change (SdWindow   *self);
/* Stops the engine and any lookup (dispose). */
void          sd_window_stop_sync         (SdWindow   *self);

/* sd-window-notices.c: desktop notifications of resolutions, new requests and deadline
 * reminders; checked at start, after each sync pass, on the clock's tick and after a local
 * change. */
void sd_window_class_init_notices   (GtkWidgetClass *widget_class);
void sd_window_check_notices        (SdWindow       *self);
void sd_window_stop_notices         (SdWindow       *self);
/* The notices' words: "Complaint resolved — Anna Rossi", "Refunded €20.00. <note>". */
void sd_window_describe_resolution  (SdComplaint    *complaint,
                                     const char     *currency,
                                     char          **title,
                                     char          **body);
/* "New booking request — Anna Rossi", "Cut & blow-dry with Marco, Tue 24 Nov 14:30 · answer
 * by Wed 25 Nov 09:12". */
void sd_window_describe_request     (SdInboxItem    *request,
                                     GTimeZone      *tz,
                                     char          **title,
                                     char          **body);
/* "3 new booking requests", "Anna Rossi, Bea Visser, Carla Bruni · answer the first by …". */
void sd_window_describe_requests    (GPtrArray      *requests,
                                     GTimeZone      *tz,
                                     char          **title,
                                     char          **body);
/* "Answer Anna Rossi's request within 45 minutes" / "Reply to Anna Rossi's complaint within
 * 45 minutes", and the item's words with its exact deadline. */
void sd_window_describe_reminder    (SdInboxItem    *item,
                                     GTimeZone      *tz,
                                     gint64          now,
                                     char          **title,
                                     char          **body);

/* "Anna Rossi's appointment starts in 45 minutes", "Cut & blow-dry with Marco, Tue 24 Nov
 * 14:30". */
void sd_window_describe_upcoming    (SdAppointment  *appointment,
                                     GTimeZone      *tz,
                                     gint64          now,
                                     char          **title,
                                     char          **body);

/* sd-window.c */
void sd_window_sync_date          (SdWindow *self);
/* Builds the list page's view now, if the store is set and it is not built yet. */
void sd_window_ensure_list_view   (SdWindow *self);

/* sd-window-panes.c: what is built after the agenda's first frame. */
/* The Inbox and Complaints tabs with light placeholders, and the flap's bin (set_store). */
void     sd_window_add_placeholders  (SdWindow  *self);
gboolean sd_window_is_placeholder    (SdWindow  *self,
                                      GtkWidget *child);
/* Builds them now (once): the details pane, the inbox and complaints pages in place of their
 * placeholders, the list view, the shortcuts window; then looks up resolution notices. */
void     sd_window_ensure_panes      (SdWindow  *self);
/* The same from a main-loop source of @priority, after @delay_ms (0: an idle); replaces the
 * one pending. */
void     sd_window_build_panes_later (SdWindow  *self,
                                      int        priority,
                                      guint      delay_ms);

/* sd-window-header.c */
void sd_window_update_date_title            (SdWindow *self);
void sd_window_update_week_summary          (SdWindow *self);
void sd_window_sync_calendar                (SdWindow *self);
/* The date popover's calendar, built when it first pops up. */
void sd_window_ensure_calendar              (SdWindow *self);
void sd_window_fill_legend                  (SdWindow *self);
void sd_window_fill_staff_filter            (SdWindow *self);
void sd_window_on_week_staff_filter_changed (SdWindow *self);

G_END_DECLS

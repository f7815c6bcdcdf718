/* SPDX-License-Identifier: GPL-3.0-or-later */
/* panes-fixture.h — what the panes' UI tests share: a temporary salon database on a fixed
 * clock, appointments brought into any state through the store's own actions, main-loop
 * waiting with a bound, and screenshots. */
#pragma once

#include <adwaita.h>

#include "sd-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *path;
  SdClock *clock;
  SdStore *store;
  gint64 staff_id;
  gint64 staff2_id;
  gint64 service_id;   /* 45 min, €45.00 */
} PanesFixture;

/* 2026-11-23 09:00 in Europe/Amsterdam (a Monday), the clock of every test. */
#define PANES_NOW ((gint64) 1795420800)

/* Initialises GTK and libadwaita. FALSE (after printing the TAP skip line) when there is
 * no display: the test then returns 0. */
gboolean       panes_init               (int *argc, char ***argv);

void           panes_fixture_setup      (PanesFixture *f, gconstpointer data);
void           panes_fixture_teardown   (PanesFixture *f, gconstpointer data);

/* Books @client at @start with the first staff member: a marketplace request (prepaid) for
 * SD_STATE_REQUESTED, a desk booking otherwise. */
SdAppointment *panes_book               (PanesFixture *f, gint64 start, SdState state,
                                         const char *client);
/* Performs @action as the salon (the client for open_complaint) at instant @at, leaving
 * the clock at @at. */
SdAppointment *panes_perform            (PanesFixture *f, SdAppointment *appointment,
                                         SdAction action, gint64 at);
/* An appointment in @state, starting an hour after now (earlier states are walked
 * through with the clock, which is put back to PANES_NOW). */
SdAppointment *panes_make_in_state      (PanesFixture *f, SdState state, const char *client);

/* @client's past at the salon, each at 10:00 local (desk bookings, paid at the salon): a
 * no-show on 3 October 2026, a late cancellation (2 h before) on 5 November, a no-show on
 * 12 November, a cancellation two days ahead on 14 November and one by the salon on
 * 16 November — "2 earlier no-shows (3 Oct, 12 Nov) and 1 late cancellation (5 Nov)".
 * Leaves the clock at PANES_NOW. */
void           panes_make_incidents     (PanesFixture *f, const char *client);

/* Iterates the main context until @condition holds; fails the test after 30 s (generous:
 * valgrind is slow). */
void           panes_wait_until         (gboolean (*condition) (gpointer data), gpointer data);
/* Lets the main loop run for @ms milliseconds (frames, idle handlers). */
void           panes_run_for            (guint ms);

/* The shown toplevel window of @type (a message dialog, the wizard, the Save dialog…), or
 * NULL. */
GtkWindow        *panes_find_window      (GType type);
/* The shown AdwMessageDialog, or NULL; and the one that shows up, waiting for it. */
AdwMessageDialog *panes_find_dialog      (void);
AdwMessageDialog *panes_wait_for_dialog  (void);

/* The GtkButton in @root's tree whose action-name is @action_name, or NULL. */
GtkWidget     *panes_find_button        (GtkWidget *root, const char *action_name);
guint          panes_count_children     (GtkWidget *widget);

/* A window holding @child, shown at @width x @height. */
GtkWidget     *panes_window_new         (GtkWidget *child, int width, int height);
/* When SD_SCREENSHOT_DIR is set, renders @window to "$SD_SCREENSHOT_DIR/@name". */
void           panes_screenshot         (GtkWidget *window, const char *name);

G_END_DECLS

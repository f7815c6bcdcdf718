/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-salon.h — the salon and its settings: time zone, currency, opening hours, closing
 * days, and every number SPEC.md makes a setting (with the spec's defaults). */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

#define SD_TYPE_SALON (sd_salon_get_type ())
G_DECLARE_FINAL_TYPE (SdSalon, sd_salon, SD, SALON, GObject)

/* The numbers SPEC.md lets a salon choose. Defaults from sd_salon_settings_init(). */
typedef struct
{
  int confirm_hours;        /* a request must be answered within (24) */
  int free_cancel_hours;    /* free cancellation up to this long before start (24) */
  int checkin_early_min;    /* check-in opens this long before start (15) */
  int no_show_grace_min;    /* no-show can be marked from start + this (15) */
  int contest_hours;        /* a no-show can be contested within (24) */
  int complaint_hours;      /* reply to a client's complaint within (24) */
  int claim_business_days;  /* reply to a claim on a completed service within (2) */
  int redo_business_days;   /* the client has this long to book a redo (7) */
  int undo_seconds;         /* a cancellation can be undone for at least (10) */
  int reminder_minutes;     /* remind before appointments and deadlines (60) */
} SdSalonSettings;

void        sd_salon_settings_init   (SdSalonSettings *settings);

/* An unknown @tzid falls back to UTC (with a message in the log): check it first with
 * sd_salon_set_tzid() where the user typed it. */
SdSalon    *sd_salon_new             (const char *name, const char *tzid, const char *currency);

const char *sd_salon_get_name        (SdSalon *self);
void        sd_salon_set_name        (SdSalon *self, const char *name);
/* An IANA zone name such as "Europe/Amsterdam". Setting an unknown zone returns FALSE. */
const char *sd_salon_get_tzid        (SdSalon *self);
gboolean    sd_salon_set_tzid        (SdSalon *self, const char *tzid);
GTimeZone  *sd_salon_get_timezone    (SdSalon *self);
const char *sd_salon_get_currency    (SdSalon *self);
void        sd_salon_set_currency    (SdSalon *self, const char *currency);

const SdSalonSettings *sd_salon_get_settings (SdSalon *self);
void        sd_salon_set_settings    (SdSalon *self, const SdSalonSettings *settings);

/* Opening hours per weekday (1 = Monday … 7 = Sunday, as GDateWeekday), in minutes after
 * local midnight. open == close means closed all day. Default: Tue–Sat 09:00–19:00. */
void        sd_salon_get_hours       (SdSalon *self, GDateWeekday day, int *open_min, int *close_min);
void        sd_salon_set_hours       (SdSalon *self, GDateWeekday day, int open_min, int close_min);
gboolean    sd_salon_is_open_on      (SdSalon *self, GDateWeekday day);

/* Closing days (holidays): local dates on which the salon is closed. */
void        sd_salon_add_closing_day    (SdSalon *self, const GDate *date);
void        sd_salon_remove_closing_day (SdSalon *self, const GDate *date);
gboolean    sd_salon_is_closing_day     (SdSalon *self, const GDate *date);
/* The closing days as "YYYY-MM-DD" strings, sorted; free with g_strfreev. */
char      **sd_salon_dup_closing_days   (SdSalon *self);

/* A business day for deadlines: not Saturday or Sunday and not a closing day (SPEC §3). */
gboolean    sd_salon_is_business_day    (SdSalon *self, const GDate *date);

/* The local date of @instant in the salon's zone. */
void        sd_salon_local_date         (SdSalon *self, gint64 instant, GDate *out);

/* Emitted as notify::name, notify::tzid … and "changed" after any setter. */

G_END_DECLS

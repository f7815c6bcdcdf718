/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-notices.h — what the desk has not told the user yet: complaint resolutions and
 * booking requests that arrived, and deadlines and appointments that come within the salon's
 * reminder time.
 *
 * News (resolutions, requests) is told once: the store keeps the last one announced as a
 * mark in its meta table and everything after the mark is new. Reminders are told once per
 * item and deadline: the store keeps which ones it reminded in the meta table too. No schema
 * of its own. GTK-free: the window only words and sends what these functions list. */
#pragma once

#include "sd-store.h"

G_BEGIN_DECLS

/* The meta keys: a mark "<instant>:<id>" each, and the reminded deadlines. */
#define SD_STORE_META_RESOLUTIONS_MARK "notices.resolutions_mark"
#define SD_STORE_META_REQUESTS_MARK    "notices.requests_mark"
#define SD_STORE_META_REMINDED         "notices.reminded"
#define SD_STORE_META_SHOWN            "notices.shown"

/* Resolved complaints after the mark, oldest first: GPtrArray of SdComplaint. Listing does
 * not move the mark, so a notice that could not be sent is listed again. On a database that
 * never set a mark, the mark starts at the newest resolution already stored (written then),
 * so a first start does not announce the past. */
GPtrArray *sd_store_list_new_resolutions      (SdStore     *self,
                                               GError     **error);
/* Moves the mark to @complaint (one of the list): it and everything resolved before it are
 * announced. Never moves the mark back. */
gboolean   sd_store_mark_resolution_announced (SdStore     *self,
                                               SdComplaint *complaint,
                                               GError     **error);

/* Booking requests that arrived from the marketplace after the mark (in the order they
 * arrived) and can still be answered: GPtrArray of SdInboxItem (kind SD_INBOX_REQUEST).
 * Requests the desk created itself are never listed. The same first-start rule as for
 * resolutions: the mark starts after every appointment already stored. */
GPtrArray *sd_store_list_new_requests         (SdStore     *self,
                                               GError     **error);
/* Moves the mark to @request (one of the list). Never moves the mark back. */
gboolean   sd_store_mark_request_announced    (SdStore     *self,
                                               SdInboxItem *request,
                                               GError     **error);

/* What a notice is about, as a word: "request-12" (appointment id), "complaint-3"
 * (complaint id), "appointment-7". The window names its notifications so; the store keeps
 * the reminded instants as "<key>@<instant>". */
char      *sd_store_notice_key                (SdInboxItem   *item);
char      *sd_store_appointment_notice_key    (SdAppointment *appointment);

/* The inbox (sd_store_list_inbox) without what is past its deadline but not expired or
 * missed yet: what the user can still answer. GPtrArray of SdInboxItem, most urgent first. */
GPtrArray *sd_store_list_answerable           (SdStore     *self,
                                               GError     **error);

/* Requests awaiting an answer and complaints awaiting the salon's reply whose deadline is
 * within the salon's reminder_minutes (deadline − reminder ≤ now ≤ deadline) and that were
 * not reminded of this deadline yet: GPtrArray of SdInboxItem, most urgent first. Empty
 * when reminder_minutes is 0. */
GPtrArray *sd_store_list_due_reminders        (SdStore     *self,
                                               GError     **error);
/* Remembers that @item (one of the list) was reminded of its current deadline: it is not
 * listed again unless its deadline moves. */
gboolean   sd_store_mark_reminded             (SdStore     *self,
                                               SdInboxItem *item,
                                               GError     **error);

/* Confirmed appointments starting within the salon's reminder_minutes (start − reminder ≤
 * now ≤ start): GPtrArray of SdAppointment, by start. Empty when reminder_minutes is 0. */
GPtrArray *sd_store_list_upcoming             (SdStore     *self,
                                               GError     **error);
/* Those of them not reminded of yet (once per appointment and start). */
GPtrArray *sd_store_list_due_appointment_reminders (SdStore       *self,
                                                    GError       **error);
gboolean   sd_store_mark_appointment_reminded (SdStore       *self,
                                               SdAppointment *appointment,
                                               GError       **error);

/* The notifications the desk has shown and not withdrawn: a GHashTable of notice id (char *)
 * → what it is about (GStrv of sd_store_notice_key words). Kept in the meta table, so a
 * notification shown before the desk was closed is still withdrawn once none of what it is
 * about can be answered. Ids and keys are words of letters, digits and '-'. */
GHashTable *sd_store_get_shown_notices        (SdStore       *self,
                                               GError       **error);
/* Writes @shown (only when it differs from what is kept). */
gboolean   sd_store_set_shown_notices         (SdStore       *self,
                                               GHashTable    *shown,
                                               GError       **error);

G_END_DECLS

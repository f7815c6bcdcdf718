/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-inbox-item.h — one row of the desk's inbox: a request awaiting confirmation or a
 * complaint awaiting the salon's reply, with its deadline.
 * A plain value object: getters and setters, no rules. Instants are epoch seconds (UTC),
 * 0 means "not set". */
#pragma once

#include <glib-object.h>

#include "sd-types.h"

G_BEGIN_DECLS

typedef enum
{
  SD_INBOX_REQUEST,    /* a booking request awaiting confirmation */
  SD_INBOX_COMPLAINT,  /* a complaint awaiting the salon's reply */
} SdInboxKind;

#define SD_TYPE_INBOX_ITEM (sd_inbox_item_get_type ())
G_DECLARE_FINAL_TYPE (SdInboxItem, sd_inbox_item, SD, INBOX_ITEM, GObject)

SdInboxItem *sd_inbox_item_new (void);

SdInboxKind sd_inbox_item_get_kind (SdInboxItem *self);
void sd_inbox_item_set_kind (SdInboxItem *self, SdInboxKind value);
gint64 sd_inbox_item_get_appointment_id (SdInboxItem *self);
void sd_inbox_item_set_appointment_id (SdInboxItem *self, gint64 value);
/* 0 for a request. */
gint64 sd_inbox_item_get_complaint_id (SdInboxItem *self);
void sd_inbox_item_set_complaint_id (SdInboxItem *self, gint64 value);
/* confirm_by for a request, reply_by for a complaint. */
gint64 sd_inbox_item_get_deadline (SdInboxItem *self);
void sd_inbox_item_set_deadline (SdInboxItem *self, gint64 value);
/* The appointment's state. */
SdState sd_inbox_item_get_state (SdInboxItem *self);
void sd_inbox_item_set_state (SdInboxItem *self, SdState value);
/* The appointment's start. */
gint64 sd_inbox_item_get_start (SdInboxItem *self);
void sd_inbox_item_set_start (SdInboxItem *self, gint64 value);
const char *sd_inbox_item_get_client_name (SdInboxItem *self);
void sd_inbox_item_set_client_name (SdInboxItem *self, const char *value);
const char *sd_inbox_item_get_service_name (SdInboxItem *self);
void sd_inbox_item_set_service_name (SdInboxItem *self, const char *value);
const char *sd_inbox_item_get_staff_name (SdInboxItem *self);
void sd_inbox_item_set_staff_name (SdInboxItem *self, const char *value);

/* A request's double booking (sd_overlap_count against the same staff member's active
 * appointments): how many it overlaps, and the earliest one's start and client. 0 / 0 /
 * NULL when it overlaps none, and always for a complaint. Accepting such a request is
 * refused unless the user overrides. */
guint sd_inbox_item_get_overlap_count (SdInboxItem *self);
gint64 sd_inbox_item_get_overlap_start (SdInboxItem *self);
const char *sd_inbox_item_get_overlap_client_name (SdInboxItem *self);
void sd_inbox_item_set_overlap (SdInboxItem *self, guint count, gint64 first_start,
                                const char *first_client_name);

G_END_DECLS

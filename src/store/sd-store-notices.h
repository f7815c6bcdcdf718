/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-notices.h — which complaint resolutions the desk has not announced yet.
 *
 * The desk tells the user once about each complaint the marketplace resolved (a desktop
 * notification). The store remembers the last one announced as a mark in its meta table
 * (resolved_at, then id); everything resolved after the mark is new. No schema of its own. */
#pragma once

#include "sd-store.h"

G_BEGIN_DECLS

/* The meta key holding the mark ("<resolved_at>:<complaint id>"). */
#define SD_STORE_META_RESOLUTIONS_MARK "notices.resolutions_mark"

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

G_END_DECLS

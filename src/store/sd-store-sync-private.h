/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-sync-private.h — what sd-store-sync.c (applying pulled resources) and
 * sd-store-sync-outbox.c (the outbox, whose answers apply resources too) share. All of
 * them expect self->lock held. */
#pragma once

#include "sd-store-private.h"
#include "sd-store-sync.h"

G_BEGIN_DECLS

/* What the desk holds of an appointment matched by remote id (id 0: none). */
typedef struct
{
  gint64 id;
  gint64 version;
  SdState state;
  SdState before_dispute;
} LocalRow;

/* 0 when no row of @table has @remote_id. */
G_GNUC_INTERNAL gint64   sync_local_id          (SdStore *self, const char *table,
                                                 const char *remote_id);
/* Runs @sql bound with @fmt's arguments: 'i' gint64, 's' text (NULL = null). */
G_GNUC_INTERNAL gboolean sync_run               (SdStore *self, const char *sql, GError **error,
                                                 const char *fmt, ...);
G_GNUC_INTERNAL gboolean sync_find_appointment  (SdStore *self, const char *remote_id,
                                                 LocalRow *row);
/* Who made a pulled change: the canceller of a cancellation, else the system. */
G_GNUC_INTERNAL SdParty  sync_change_author     (SdAppointment *r);
/* @force: apply even when the versions are equal (a 409's current resource). */
G_GNUC_INTERNAL gboolean sync_apply_appointment (SdStore *self, SdAppointment *r,
                                                 const SdJsonRefs *refs, gboolean force,
                                                 gint64 *id_out, gboolean *applied,
                                                 GError **error);
G_GNUC_INTERNAL gboolean sync_apply_complaint   (SdStore *self, SdComplaint *r,
                                                 const SdJsonRefs *refs, gboolean *applied,
                                                 GError **error);
G_GNUC_INTERNAL gboolean sync_apply_one         (SdStore *self, SdRemoteChange *change,
                                                 gboolean force, gint64 *appointment_id,
                                                 gboolean *applied, GError **error);

G_END_DECLS

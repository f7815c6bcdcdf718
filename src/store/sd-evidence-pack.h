/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-evidence-pack.h — what the marketplace staff need to decide a complaint, gathered from
 * the store and worded for people: the appointment, check-in/out, the cancellation policy in
 * force (the salon's settings), the complaint and its attachments, the timeline and the chat.
 *
 * GTK-free: the app lays the sections out on paper (sd-evidence-export.c); tests read them as
 * text. Times are in the salon's zone, strings translated. Also the plain words for a
 * complaint's events and outcome, shared by the pack, the details pane and notifications. */
#pragma once

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_TYPE_EVIDENCE_PACK (sd_evidence_pack_get_type ())
G_DECLARE_FINAL_TYPE (SdEvidencePack, sd_evidence_pack, SD, EVIDENCE_PACK, GObject)

/* Reads everything about @appointment_id (blocking: call it in a thread). Fails with
 * SD_STORE_ERROR_NOT_FOUND for an unknown appointment. */
SdEvidencePack     *sd_evidence_pack_gather            (SdStore    *store,
                                                        gint64      appointment_id,
                                                        GError    **error);

/* "Evidence pack — Anna Rossi" */
const char         *sd_evidence_pack_get_title         (SdEvidencePack *self);
/* "Salone Bella · appointment apt_12 · prepared Mon 23 Nov 2026, 09:00 (Europe/Amsterdam)" */
const char         *sd_evidence_pack_get_subtitle      (SdEvidencePack *self);
guint               sd_evidence_pack_get_n_sections    (SdEvidencePack *self);
const char         *sd_evidence_pack_get_section_title (SdEvidencePack *self,
                                                        guint           index);
/* NULL-terminated; a line may be long (the layout wraps it). */
const char * const *sd_evidence_pack_get_section_lines (SdEvidencePack *self,
                                                        guint           index);
/* The whole pack as plain text (title, sections, lines), e.g. for logs and tests. */
char               *sd_evidence_pack_to_text           (SdEvidencePack *self);
/* "evidence-anna-rossi-2026-11-23.pdf": the client and the appointment's local date. */
char               *sd_evidence_pack_suggest_filename  (SdEvidencePack *self);
/* The same name before anything is gathered (@tz: the salon's zone). */
char               *sd_evidence_suggest_filename       (SdAppointment  *appointment,
                                                        GTimeZone      *tz);

/* ---- Plain words shared with the app ---- */

/* "Refunded €20.00", "No refund", "A free redo of the service", "Withdrawn: the client was
 * helped" … @amount_cents is what the resolution refunded. */
char               *sd_evidence_describe_outcome       (SdOutcome   outcome,
                                                        gint64      amount_cents,
                                                        const char *currency);
/* One line for a timeline entry: "Checked in", "Complaint resolved: Refunded €20.00" … */
char               *sd_evidence_describe_history_entry (SdHistoryEntry *entry,
                                                        const char     *currency);
/* "the salon", "the client", "the marketplace staff", "Salon Desk". */
const char         *sd_evidence_party_label            (SdParty         party);

G_END_DECLS

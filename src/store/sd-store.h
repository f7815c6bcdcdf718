/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store.h — the desk's local database (SQLite).
 *
 * One file per salon. Every change is one transaction that also writes (a) a history row
 * for the appointment's timeline and (b) an outbox row for the marketplace. Rules are never
 * decided here: sd_store_perform() asks the core (sd-lifecycle, sd-refund, sd-overlap,
 * sd-deadline) with the store's clock, then writes what the core decided.
 *
 * Threading: an SdStore may be used from any one thread at a time; its connection is
 * guarded by a mutex, so the _async calls (run in a GTask thread) and the main thread can
 * share it. The UI only uses the _async calls.
 */
#pragma once

#include <gio/gio.h>

#include "sd-types.h"
#include "sd-appointment.h"
#include "sd-clock.h"
#include "sd-salon.h"
#include "sd-client.h"
#include "sd-complaint.h"
#include "sd-history-entry.h"
#include "sd-inbox-item.h"
#include "sd-message.h"
#include "sd-outbox-entry.h"
#include "sd-reputation.h"
#include "sd-review.h"
#include "sd-service.h"
#include "sd-staff.h"
#include "sd-transaction.h"

G_BEGIN_DECLS

#define SD_STORE_ERROR (sd_store_error_quark ())

typedef enum
{
  SD_STORE_ERROR_CORRUPT,          /* not a database, or damaged: never overwritten */
  SD_STORE_ERROR_NOT_SALON_DESK,   /* a SQLite database, but not a Salon Desk one */
  SD_STORE_ERROR_TOO_NEW,          /* written by a newer Salon Desk: never overwritten */
  SD_STORE_ERROR_FULL,             /* disk full: the transaction was rolled back */
  SD_STORE_ERROR_IO,               /* cannot read/write the file */
  SD_STORE_ERROR_NOT_FOUND,        /* no such appointment / staff / complaint */
  SD_STORE_ERROR_NO_SALON,         /* the database has no salon yet (run init) */
  SD_STORE_ERROR_FAILED,
} SdStoreError;

GQuark sd_store_error_quark (void);

#define SD_TYPE_STORE (sd_store_get_type ())
G_DECLARE_FINAL_TYPE (SdStore, sd_store, SD, STORE, GObject)

/* Opens (creating and migrating if needed) the database at @path. A corrupt file, a file
 * that is not a Salon Desk database, or one from a newer version is refused with the
 * matching error and left untouched. @clock gives "now" for every rule. */
SdStore    *sd_store_open            (const char *path, SdClock *clock, GError **error);
const char *sd_store_get_path        (SdStore *self);
SdClock    *sd_store_get_clock       (SdStore *self);
/* The schema version this build writes (PRAGMA user_version). */
int         sd_store_schema_version  (void);

/* The salon. NULL until sd_store_init_salon() has run once on this database. The object is
 * the store's; change it with its setters, then sd_store_save_salon(). */
gboolean    sd_store_init_salon      (SdStore *self, const char *name, const char *tzid,
                                      const char *currency, GError **error);
SdSalon    *sd_store_get_salon       (SdStore *self);
gboolean    sd_store_save_salon      (SdStore *self, GError **error);

/* Staff and services. Lists are GListModels of SdStaff / SdService (src/core), by name. */
gint64      sd_store_add_staff       (SdStore *self, const char *name, GError **error);
GListModel *sd_store_list_staff      (SdStore *self, GError **error);
gint64      sd_store_add_service     (SdStore *self, const char *name, int duration_min,
                                      gint64 price_cents, GError **error);
GListModel *sd_store_list_services   (SdStore *self, GError **error);

/* ---- Reading appointments ---- */

typedef struct
{
  gint64 from;        /* half-open [from, to): appointments with start < to AND end > from */
  gint64 to;
  gint64 staff_id;    /* 0 = every staff member */
  int state;          /* an SdState, or -1 for any */
  guint limit;        /* 0 = no limit */
} SdQuery;

void            sd_query_init            (SdQuery *query, gint64 from, gint64 to);

SdAppointment  *sd_store_get_appointment (SdStore *self, gint64 id, GError **error);
/* Appointments of the range, ordered by start then staff: an index range scan, never a
 * full table scan. Returns a GPtrArray of SdAppointment (element-free func set). */
GPtrArray      *sd_store_list_appointments        (SdStore *self, const SdQuery *query,
                                                   GError **error);
void            sd_store_list_appointments_async  (SdStore *self, const SdQuery *query,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer user_data);
GPtrArray      *sd_store_list_appointments_finish (SdStore *self, GAsyncResult *result,
                                                   GError **error);

/* Full-text search (FTS5) on client name, phone and e-mail; prefix matching on each word
 * ("ann ross" finds "Anna Rossi"). Most recent first. GPtrArray of SdAppointment. */
GPtrArray      *sd_store_search          (SdStore *self, const char *text, guint limit,
                                          GError **error);
void            sd_store_search_async    (SdStore *self, const char *text, guint limit,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
GPtrArray      *sd_store_search_finish   (SdStore *self, GAsyncResult *result, GError **error);

/* The appointment's timeline, oldest first: GPtrArray of SdHistoryEntry. */
GPtrArray      *sd_store_list_history    (SdStore *self, gint64 appointment_id, GError **error);

/* What needs action now, most urgent first: requests awaiting confirmation (deadline =
 * confirm_by) and complaints awaiting the salon's reply (deadline = reply_by).
 * GPtrArray of SdInboxItem. */
GPtrArray      *sd_store_list_inbox      (SdStore *self, GError **error);
void            sd_store_list_inbox_async  (SdStore *self, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
GPtrArray      *sd_store_list_inbox_finish (SdStore *self, GAsyncResult *result, GError **error);
/* The active appointments of the same staff member that appointment @appointment_id
 * overlaps (the double-booking rule accepting it is refused by, sd_overlap_check: half-open
 * ranges, freed slots and other staff not counted), earliest first; empty when none.
 * GPtrArray of SdAppointment. The inbox's overlap flag is computed by the same code. */
GPtrArray      *sd_store_list_overlaps        (SdStore *self, gint64 appointment_id,
                                               GError **error);
void            sd_store_list_overlaps_async  (SdStore *self, gint64 appointment_id,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
GPtrArray      *sd_store_list_overlaps_finish (SdStore *self, GAsyncResult *result,
                                               GError **error);

/* ---- Changing appointments ---- */

typedef struct
{
  gint64 start;
  gint64 staff_id;
  gint64 service_id;          /* duration and price come from the service */
  const char *client_name;
  const char *client_phone;   /* may be NULL */
  const char *client_email;   /* may be NULL */
  SdPaymentMode payment;
  SdState state;              /* SD_STATE_REQUESTED (marketplace) or SD_STATE_CONFIRMED (desk) */
  gboolean allow_overlap;     /* book even if it overlaps an active appointment */
} SdNewAppointment;

void            sd_new_appointment_init  (SdNewAppointment *spec);

/* Creates an appointment after the double-booking check; writes history + outbox. */
SdAppointment  *sd_store_create_appointment (SdStore *self, const SdNewAppointment *spec,
                                             GError **error);
/* The same for @n appointments in one transaction: all are created or none. Each is
 * checked against the others already written, earlier ones of the batch included.
 * @ids_out (optional) receives the @n new ids. */
gboolean        sd_store_create_appointments (SdStore *self, const SdNewAppointment *specs,
                                              guint n, gint64 *ids_out, GError **error);

/* The arguments of an action; only those the action uses are read. */
typedef struct
{
  SdAction action;
  SdParty by;                    /* cancel / open_complaint: who; default SD_PARTY_SALON */
  SdCancelReason reason;         /* cancel */
  const char *text;              /* decline reason, cancel note, complaint reason, message */
  SdRefundChoice refund;         /* cancel: used only where the refund is the user's choice */
  gint64 new_start;              /* reschedule */
  gint64 new_staff_id;           /* reschedule; 0 = same staff */
  const gint64 *proposed_starts; /* unavailable: 1 to 3 */
  guint n_proposed_starts;
  gint64 refund_requested_cents; /* open_complaint */
  SdDeadlineKind deadline_kind;  /* open_complaint */
  gboolean allow_overlap;        /* accept / reschedule into an overlap */
  SdOutcome outcome;             /* resolve_complaint: the marketplace staff's decision */
  gint64 outcome_amount_cents;   /* resolve_complaint: refunded by the resolution */
} SdActionRequest;

void            sd_action_request_init   (SdActionRequest *request, SdAction action);

/* Performs @request on the appointment: the core decides (SD_POLICY_ERROR on refusal, with
 * a translated message naming the rule), the store writes state + history + outbox in one
 * transaction. Returns the appointment as it now is. */
SdAppointment  *sd_store_perform         (SdStore *self, gint64 appointment_id,
                                          const SdActionRequest *request, GError **error);

/* Applies the clock: requests past their deadline become expired, complaints past their
 * reply deadline become missed. Returns how many changed; one transaction. */
guint           sd_store_apply_deadlines (SdStore *self, GError **error);

/* ---- Complaints ---- */

/* GPtrArray of SdComplaint, most urgent first; @open_only = awaiting reply or under review;
 * @opened_since = 0 or an instant. */
GPtrArray      *sd_store_list_complaints (SdStore *self, gboolean open_only, gint64 opened_since,
                                          GError **error);
SdComplaint    *sd_store_get_complaint   (SdStore *self, gint64 complaint_id, GError **error);

typedef struct
{
  SdResponseAction action;
  gint64 amount_cents;           /* refund: > 0 and <= what was paid minus refunds */
  gint64 redo_start;             /* offer_redo */
  const char *body;              /* contest: the salon's side */
  const char *const *attachments;/* paths of files (png, jpeg, pdf, <= 10 MiB each), NULL-ended */
} SdComplaintResponse;

SdComplaint    *sd_store_respond_complaint (SdStore *self, gint64 complaint_id,
                                            const SdComplaintResponse *response, GError **error);

/* The check sd_store_respond_complaint() makes of each attachment, for a view to run as
 * soon as a file is chosen: a readable regular file of at most 10 MiB that is a PNG, JPEG
 * or PDF by its first bytes (never by its name). Sets *@content_type_out (a static string,
 * optional) and *@size_out (optional). Reads the file, no database: any thread. */
gboolean        sd_store_check_attachment  (const char *path, const char **content_type_out,
                                            goffset *size_out, GError **error);

/* Free starts in [from, to) for @duration seconds with @staff_id, every @step seconds from
 * the opening time: inside the salon's opening hours, not on a closing day, not before now,
 * and not overlapping an active appointment of that staff member (sd_overlap_check).
 * At most @limit (0 = all). A GArray of gint64, earliest first. */
GArray         *sd_store_list_free_slots   (SdStore *self, gint64 staff_id, gint64 duration,
                                            gint64 from, gint64 to, gint64 step, guint limit,
                                            GError **error);

/* One comment of a complaint's thread, as pulled from the marketplace. */
typedef struct
{
  SdParty author;            /* SD_PARTY_CLIENT, SD_PARTY_SALON or SD_PARTY_STAFF */
  char *body;
  gint64 at;
  char **attachment_names;   /* the files it carried, by name; NULL-ended, maybe empty */
} SdComplaintComment;

void            sd_complaint_comment_free  (SdComplaintComment *comment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdComplaintComment, sd_complaint_comment_free)

/* The complaint's comments thread, oldest first: GPtrArray of SdComplaintComment. The sync
 * engine stores them with each pulled complaint (a newer version replaces the thread). */
GPtrArray      *sd_store_list_complaint_comments (SdStore *self, gint64 complaint_id,
                                                  GError **error);

/* ---- Reputation ---- */

/* Figures over [from, to) (SdReputation is defined in sd-reputation.h of the core). */
gboolean        sd_store_get_reputation  (SdStore *self, gint64 from, gint64 to,
                                          SdReputation *out, GError **error);

/* ---- Outbox (read by the sync engine) ---- */

/* Unsent outbox rows that may be sent now, oldest first: GPtrArray of SdOutboxEntry. A
 * cancellation is held back for the salon's undo_seconds, so that it can still be undone.
 * Send them in this order. */
GPtrArray      *sd_store_list_outbox     (SdStore *self, guint limit, GError **error);
/* Every unsent row, held ones included ("3 changes waiting to be sent"). */
guint           sd_store_count_outbox    (SdStore *self, GError **error);
/* Call before each attempt to send a row: from then on the marketplace may have it (a
 * cancellation can no longer be undone). */
gboolean        sd_store_outbox_begin_send  (SdStore *self, gint64 entry_id, GError **error);
gboolean        sd_store_outbox_mark_sent   (SdStore *self, gint64 entry_id, GError **error);
/* @permanent: a 4xx other than 429 (never retried: state "failed"); otherwise the row stays
 * pending with @message as its last error. */
gboolean        sd_store_outbox_mark_failed (SdStore *self, gint64 entry_id, const char *message,
                                             gboolean permanent, GError **error);

/* ---- Messages, reviews, money, clients (mostly from the marketplace; no outbox) ---- */

/* The appointment's chat, oldest first: GPtrArray of SdMessage. */
GPtrArray      *sd_store_list_messages   (SdStore *self, gint64 appointment_id, GError **error);
/* Stores a message that arrived (the client's, or the system's); sets its id. Also a history
 * row. The salon writes its own through sd_store_perform (SD_ACTION_MESSAGE). */
gboolean        sd_store_add_message     (SdStore *self, SdMessage *message, GError **error);
/* One review per appointment; a newer one replaces it. Sets its id. */
gboolean        sd_store_save_review     (SdStore *self, SdReview *review, GError **error);
/* Reviews written in [from, to), newest first: GPtrArray of SdReview. */
GPtrArray      *sd_store_list_reviews    (SdStore *self, gint64 from, gint64 to, GError **error);
gboolean        sd_store_add_transaction (SdStore *self, SdTransaction *transaction,
                                          GError **error);
/* Money movements in [from, to), oldest first: GPtrArray of SdTransaction. */
GPtrArray      *sd_store_list_transactions (SdStore *self, gint64 from, gint64 to,
                                            GError **error);
SdClient       *sd_store_get_client      (SdStore *self, gint64 client_id, GError **error);

/* ---- A client's record (sd-store-clients.c) ---- */

/* The client's incidents among appointments starting before @before: no-shows and late
 * client cancellations (cancelled by the client less than the salon's free-cancellation
 * window before the start: sd-refund's "late"; exactly the window before is not late).
 * Salon cancellations never count. Oldest first: GPtrArray of SdAppointment, empty when
 * there are none. An index range scan on (client_id, start). */
GPtrArray      *sd_store_list_client_incidents        (SdStore *self, gint64 client_id,
                                                       gint64 before, GError **error);
void            sd_store_list_client_incidents_async  (SdStore *self, gint64 client_id,
                                                       gint64 before,
                                                       GCancellable *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer user_data);
GPtrArray      *sd_store_list_client_incidents_finish (SdStore *self, GAsyncResult *result,
                                                       GError **error);
/* The one known client that a booking for @name / @phone / @email (each may be NULL) is:
 * the e-mail, else the phone's digits (however spaced), else the name (any ASCII case) —
 * each only when exactly one client has it. 0 when none is known, -1 on error. */
gint64          sd_store_find_client     (SdStore *self, const char *name, const char *phone,
                                          const char *email, GError **error);

/* ---- Demo data and bulk loading ---- */

typedef struct
{
  guint n_appointments;  /* spread over the salon's opening hours at salon density */
  guint n_staff;         /* staff members to create if the salon has fewer */
  guint32 seed;          /* the same seed gives the same data */
  gint64 from;           /* first day (0 = a year before now, ending a year after) */
  gint64 to;             /* end of the last day, exclusive (0 = two years after from) */
} SdDemoOptions;

void            sd_demo_options_init     (SdDemoOptions *options);
/* Fills the database with realistic demo data (staff, services, clients, appointments in
 * every state, a few complaints and history) in large transactions, as already synced:
 * no outbox rows. Used by `salon-desk-cli demo-data`, the app's first start and benchmarks. */
gboolean        sd_store_fill_demo       (SdStore *self, const SdDemoOptions *options,
                                          GError **error);

/* ---- Backups ---- */

/* An online copy (SQLite backup API) beside the database, named
 * "<name>.backup-YYYYMMDD-HHMMSS.sqlite"; keeps the newest 7. Returns the new file's path. */
char           *sd_store_backup          (SdStore *self, GError **error);
/* Makes a backup if none was made today (salon's zone). Returns TRUE if one was made. */
gboolean        sd_store_backup_if_due   (SdStore *self, GError **error);
/* Replaces the database at @db_path with @backup_path after checking that it is a Salon
 * Desk database of a known version; the current file is kept as "<name>.before-restore".
 * Close every SdStore on @db_path first. */
gboolean        sd_store_restore         (const char *db_path, const char *backup_path,
                                          GError **error);

G_END_DECLS

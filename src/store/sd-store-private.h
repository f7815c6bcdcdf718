/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-store-private.h — what the store's source files share: the connection, its lock, the
 * statement cache, transactions and the mapping of SQLite's errors to SD_STORE_ERROR.
 *
 * Locking: every public function takes self->lock once and calls *_locked helpers, which
 * never lock. Nothing here is thread-safe without the lock held. */
#pragma once

#include <sqlite3.h>

#include "sd-store.h"

G_BEGIN_DECLS

struct _SdStore
{
  GObject parent_instance;

  char *path;
  SdClock *clock;
  SdSalon *salon;        /* NULL until init */
  sqlite3 *db;
  GMutex lock;
  GHashTable *stmts;     /* SQL text -> sqlite3_stmt, prepared once */
  gboolean opened;       /* the file passed the checks and is ours */
};

/* The longest an appointment may last. Range queries rely on it: they look for starts in
 * [from - SD_STORE_MAX_DURATION, to) so that an index on start bounds the scan. */
#define SD_STORE_MAX_DURATION (12 * 3600)

/* PRAGMA application_id: marks a file as a Salon Desk database ("SDsk"). */
#define SD_STORE_APPLICATION_ID 0x5344736b

/* A cached statement, reset and unbound when it goes out of scope. */
typedef sqlite3_stmt SdStmt;
static inline void
sd_stmt_release (SdStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdStmt, sd_stmt_release)

/* NULL, empty or only spaces. */
static inline gboolean
sd_store_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static inline void
sd_stmt_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* The SELECT list and FROM clause that sd_store_appointment_from_row() reads. */
#define SD_APPOINTMENT_SELECT \
  "SELECT a.id, a.remote_id, a.version, a.state, a.state_before_dispute, a.start, a.end," \
  " a.staff_id, st.name, a.service_id, sv.name, a.price_cents, a.currency," \
  " a.client_id, c.name, c.email, c.phone, a.phone_revealed, a.payment_mode, a.amount_cents," \
  " a.refunded_cents, a.created_at, a.confirm_by, a.updated_at, a.checked_in_at," \
  " a.checked_out_at, a.complaint_id, a.review_requested, a.cancel_by, a.cancel_reason," \
  " a.cancel_note, a.cancel_refund, a.cancel_refund_cents, a.cancel_at, a.proposed_starts" \
  " FROM appointments a" \
  " JOIN staff st ON st.id = a.staff_id" \
  " JOIN services sv ON sv.id = a.service_id" \
  " JOIN clients c ON c.id = a.client_id "

/* sd-store.c */
SdStmt        *sd_store_stmt               (SdStore *self, const char *sql, GError **error);
gboolean       sd_store_exec               (SdStore *self, const char *sql, GError **error);
gboolean       sd_store_step_done          (SdStore *self, SdStmt *stmt, GError **error);
gboolean       sd_store_begin              (SdStore *self, GError **error);
gboolean       sd_store_commit             (SdStore *self, GError **error);
void           sd_store_rollback           (SdStore *self);
void           sd_store_set_error          (SdStore *self, int rc, GError **error);
void           sd_store_set_error_db       (sqlite3 *db, int rc, GError **error);
gint64         sd_store_now                (SdStore *self);
gboolean       sd_store_require_salon      (SdStore *self, GError **error);
gboolean       sd_store_load_salon_locked  (SdStore *self, GError **error);
const char    *sd_store_column_text        (sqlite3_stmt *stmt, int col);
gboolean       sd_store_bind_text          (sqlite3_stmt *stmt, int col, const char *text);
char          *sd_store_remote_id_locked   (SdStore *self, const char *table, gint64 id);

/* sd-store-schema.c: checks an existing file without writing to it, then creates or
 * migrates the schema. */
gboolean       sd_store_schema_check       (sqlite3 *db, int *version_out, GError **error);
gboolean       sd_store_schema_migrate     (sqlite3 *db, int from_version, GError **error);
/* Reads application_id and user_version of a file opened read-only (restore). */
gboolean       sd_store_schema_check_file  (const char *path, GError **error);

/* sd-store-read.c */
SdAppointment *sd_store_appointment_from_row      (sqlite3_stmt *stmt);
SdAppointment *sd_store_get_appointment_locked    (SdStore *self, gint64 id, GError **error);
GPtrArray     *sd_store_list_appointments_locked  (SdStore *self, const SdQuery *query,
                                                   GError **error);
SdComplaint   *sd_store_get_complaint_locked      (SdStore *self, gint64 id, GError **error);
/* "ann ross" -> an FTS5 query matching word prefixes; NULL when there is no word. */
char          *sd_store_fts_query_from_text       (const char *text);

/* sd-store-write.c: the writes every change is made of. @event: an action's wire name or
 * "create", "respond_complaint", "miss_complaint"; @snapshot: what undo needs (may be NULL). */
gboolean       sd_store_write_history      (SdStore *self, gint64 appointment_id, const char *event,
                                            SdParty by, SdState from, SdState to,
                                            const char *detail, gint64 amount_cents,
                                            const char *snapshot, GError **error);
/* Returns the new row's id, 0 on error. @not_before: 0, or when it may be sent. */
gint64         sd_store_write_outbox       (SdStore *self, gint64 appointment_id,
                                            gint64 complaint_id, const char *action,
                                            const char *endpoint, const char *payload,
                                            gint64 base_version, gint64 not_before,
                                            GError **error);
gboolean       sd_store_update_appointment (SdStore *self, SdAppointment *a, GError **error);
gboolean       sd_store_write_message      (SdStore *self, gint64 appointment_id, SdParty author,
                                            const char *body, gint64 at, GError **error);
char          *sd_store_format_time        (SdStore *self, gint64 instant);
char          *sd_store_reference_locked   (SdStore *self, const char *table,
                                            const char *prefix, gint64 id);
GPtrArray     *sd_store_neighbours_locked  (SdStore *self, gint64 staff_id, gint64 start,
                                            gint64 end, GError **error);

/* sd-store-demo.c uses the same client lookup as the normal create path. */
gint64         sd_store_find_or_add_client (SdStore *self, const char *name, const char *phone,
                                            const char *email, GError **error);
char          *sd_store_phone_digits       (const char *phone);

/* sd-store-meta.c: sets (or, with @value NULL, removes) a meta key; the lock is held. */
gboolean sd_store_set_meta_locked (SdStore *self, const char *key, const char *value,
                                   GError **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-evidence-pack.c — gathers an appointment's evidence from the store into sections of
 * translated lines. Nothing is decided here: the policy lines repeat the salon's settings
 * as the core applies them (docs/rules.md), the rest is what the store holds. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-evidence-pack.h"
#include "sd-money.h"
#include "sd-store-private.h"

typedef struct
{
  char *title;
  GPtrArray *lines;   /* char *, NULL-terminated */
} Section;

struct _SdEvidencePack
{
  GObject parent_instance;

  char *title;
  char *subtitle;
  char *client;
  char *local_date;   /* YYYY-MM-DD of the start, salon's zone */
  GArray *sections;   /* Section */
};

G_DEFINE_FINAL_TYPE (SdEvidencePack, sd_evidence_pack, G_TYPE_OBJECT)

static void
section_clear (gpointer data)
{
  Section *section = data;

  g_free (section->title);
  g_ptr_array_unref (section->lines);
}

static void
sd_evidence_pack_finalize (GObject *object)
{
  SdEvidencePack *self = SD_EVIDENCE_PACK (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->client);
  g_free (self->local_date);
  g_array_unref (self->sections);

  G_OBJECT_CLASS (sd_evidence_pack_parent_class)->finalize (object);
}

static void
sd_evidence_pack_class_init (SdEvidencePackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sd_evidence_pack_finalize;
}

static void
sd_evidence_pack_init (SdEvidencePack *self)
{
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, section_clear);
}

/* Starts a section; lines are added to the returned array (kept NULL-terminated). */
static GPtrArray *
add_section (SdEvidencePack *self, const char *title)
{
  Section section = { g_strdup (title), g_ptr_array_new_with_free_func (g_free) };

  g_ptr_array_add (section.lines, NULL);
  g_array_append_val (self->sections, section);
  return section.lines;
}

static void
add_line_take (GPtrArray *lines, char *line)
{
  /* Keep the terminating NULL last. */
  lines->pdata[lines->len - 1] = line;
  g_ptr_array_add (lines, NULL);
}

G_GNUC_PRINTF (2, 3) static void
add_line (GPtrArray *lines, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  add_line_take (lines, g_strdup_vprintf (format, args));
  va_end (args);
}

/* ---- Words ---- */

const char *
sd_evidence_party_label (SdParty party)
{
  switch (party)
    {
    case SD_PARTY_SALON:  return _("the salon");
    case SD_PARTY_CLIENT: return _("the client");
    case SD_PARTY_STAFF:  return _("the marketplace staff");
    case SD_PARTY_SYSTEM: return _("Salon Desk");
    default:              return "";
    }
}

char *
sd_evidence_describe_outcome (SdOutcome outcome, gint64 amount_cents, const char *currency)
{
  g_autofree char *amount = sd_money_format (amount_cents, currency);

  switch (outcome)
    {
    case SD_OUTCOME_REFUND_FULL:
      /* Translators: the marketplace's decision on a complaint: "Refunded in full: €45.00" */
      return g_strdup_printf (_("Refunded in full: %s"), amount);
    case SD_OUTCOME_REFUND_PARTIAL:
      /* Translators: the marketplace's decision on a complaint: "Refunded €20.00" */
      return g_strdup_printf (_("Refunded %s"), amount);
    case SD_OUTCOME_NO_REFUND:
      return g_strdup (_("No refund: the salon’s side was upheld"));
    case SD_OUTCOME_REDO:
      return g_strdup (_("A free redo of the service"));
    case SD_OUTCOME_WITHDRAWN_HELPED:
      return g_strdup (_("Withdrawn: the client was helped"));
    case SD_OUTCOME_NONE:
    default:
      return g_strdup (_("Not decided yet"));
    }
}

char *
sd_evidence_describe_history_entry (SdHistoryEntry *entry, const char *currency)
{
  SdState from = sd_history_entry_get_from_state (entry);
  SdState to = sd_history_entry_get_to_state (entry);
  const char *event = sd_history_entry_get_event (entry);

  g_return_val_if_fail (SD_IS_HISTORY_ENTRY (entry), NULL);

  /* Events that are not desk actions: the store's own names for them. */
  if (g_strcmp0 (event, "create") == 0)
    return g_strdup (to == SD_STATE_REQUESTED ? _("Booking request received") : _("Booked"));
  if (g_strcmp0 (event, "respond_complaint") == 0)
    return g_strdup (_("Replied to the complaint"));
  if (g_strcmp0 (event, "miss_complaint") == 0)
    return g_strdup (_("Complaint not answered in time"));
  if (g_strcmp0 (event, "refused") == 0)
    return g_strdup (_("Refused by the marketplace, undone"));
  if (g_strcmp0 (event, "conflict") == 0)
    return g_strdup (_("Changed on the marketplace meanwhile"));
  if (g_strcmp0 (event, "sync") == 0 && from != to)
    /* Translators: "Marketplace: now Cancelled" */
    return g_strdup_printf (_("Marketplace: now %s"), sd_state_get_label (to));

  switch (sd_history_entry_get_action (entry))
    {
    case SD_ACTION_ACCEPT:            return g_strdup (_("Request accepted"));
    case SD_ACTION_DECLINE:           return g_strdup (_("Request declined"));
    case SD_ACTION_UNAVAILABLE:
      return g_strdup (_("Answered “unavailable”, other times proposed"));
    case SD_ACTION_RESCHEDULE:        return g_strdup (_("Rescheduled"));
    case SD_ACTION_CANCEL:            return g_strdup (_("Cancelled"));
    case SD_ACTION_UNDO_CANCEL:       return g_strdup (_("Cancellation undone"));
    case SD_ACTION_CHECK_IN:          return g_strdup (_("Checked in"));
    case SD_ACTION_CHECK_OUT:         return g_strdup (_("Checked out, review requested"));
    case SD_ACTION_NO_SHOW:           return g_strdup (_("Marked as no-show"));
    case SD_ACTION_EXPIRE:            return g_strdup (_("Expired: not answered in time"));
    case SD_ACTION_OPEN_COMPLAINT:    return g_strdup (_("Complaint opened"));
    case SD_ACTION_RESOLVE_COMPLAINT:
      {
        SdOutcome outcome = SD_OUTCOME_NONE;
        g_autofree char *words = NULL;

        /* The store keeps the outcome's wire name as the detail. */
        if (!sd_outcome_from_string (sd_history_entry_get_detail (entry), &outcome))
          return g_strdup (_("Complaint resolved"));
        words = sd_evidence_describe_outcome (outcome, sd_history_entry_get_amount_cents (entry),
                                              currency);
        /* Translators: "Complaint resolved: Refunded €20.00" */
        return g_strdup_printf (_("Complaint resolved: %s"), words);
      }
    case SD_ACTION_MESSAGE:           return g_strdup (_("Message"));
    case SD_N_ACTIONS:
    default:
      break;
    }
  if (from != to)
    /* Translators: "Now: Confirmed" */
    return g_strdup_printf (_("Now: %s"), sd_state_get_label (to));
  return g_strdup (_("Updated"));
}

/* ---- Gathering ---- */

typedef struct
{
  GTimeZone *tz;
  const char *currency;
} Context;

static char *
format_local (Context *ctx, gint64 instant, const char *format)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = ctx->tz != NULL ? g_date_time_to_timezone (utc, ctx->tz) : g_date_time_ref (utc);
  return g_date_time_format (local, format);
}

static char *
format_instant (Context *ctx, gint64 instant)
{
  /* Translators: a date and time, see g_date_time_format(): "Mon 23 Nov 2026, 14:30" */
  return format_local (ctx, instant, _("%a %-d %b %Y, %H:%M"));
}

static void
gather_appointment (SdEvidencePack *self, Context *ctx, SdAppointment *a, GPtrArray *lines)
{
  g_autofree char *day = format_local (ctx, sd_appointment_get_start (a), _("%A %-d %B %Y"));
  g_autofree char *from = format_local (ctx, sd_appointment_get_start (a), "%H:%M");
  g_autofree char *to = format_local (ctx, sd_appointment_get_end (a), "%H:%M");
  g_autofree char *price = sd_money_format (sd_appointment_get_price_cents (a), ctx->currency);
  g_autofree char *paid = sd_money_format (sd_appointment_get_amount_cents (a), ctx->currency);
  g_autofree char *created = format_instant (ctx, sd_appointment_get_created_at (a));
  const char *email = sd_appointment_get_client_email (a);
  SdState state = sd_appointment_get_state (a);

  add_line (lines, _("Client: %s"), sd_appointment_get_client_name (a));
  if (email != NULL && *email != '\0')
    add_line (lines, _("E-mail: %s"), email);
  if (sd_appointment_get_phone_revealed (a) && sd_appointment_get_client_phone (a) != NULL)
    add_line (lines, _("Phone: %s"), sd_appointment_get_client_phone (a));
  /* Translators: "Service: Cut & blow-dry, 45 min, with Marco" */
  add_line (lines, _("Service: %s, %d min, with %s"), sd_appointment_get_service_name (a),
            sd_appointment_get_duration_min (a), sd_appointment_get_staff_name (a));
  /* Translators: "When: Monday 23 November 2026, 10:00–10:45" */
  add_line (lines, _("When: %s, %s–%s"), day, from, to);
  add_line (lines, _("Booked: %s"), created);
  if (sd_appointment_get_payment_mode (a) == SD_PAYMENT_PREPAID)
    /* Translators: "Price: €45.00, prepaid online (€45.00 paid)" */
    add_line (lines, _("Price: %s, prepaid online (%s paid)"), price, paid);
  else
    add_line (lines, _("Price: %s, paid at the salon"), price);
  if (sd_appointment_get_refunded_cents (a) > 0)
    {
      g_autofree char *refunded = sd_money_format (sd_appointment_get_refunded_cents (a),
                                                   ctx->currency);
      add_line (lines, _("Refunded so far: %s"), refunded);
    }
  if (state == SD_STATE_DISPUTED)
    /* Translators: "State: Disputed (was Completed)" */
    add_line (lines, _("State: %s (was %s)"), sd_state_get_label (state),
              sd_state_get_label (sd_appointment_get_state_before_dispute (a)));
  else
    add_line (lines, _("State: %s"), sd_state_get_label (state));
  if (sd_appointment_get_remote_id (a) != NULL)
    add_line (lines, _("Marketplace reference: %s"), sd_appointment_get_remote_id (a));
}

static void
gather_presence (Context *ctx, SdAppointment *a, GPtrArray *history, GPtrArray *lines)
{
  gint64 in = sd_appointment_get_checked_in_at (a);
  gint64 out = sd_appointment_get_checked_out_at (a);

  if (in != 0)
    {
      g_autofree char *when = format_instant (ctx, in);
      add_line (lines, _("Checked in: %s"), when);
    }
  else
    add_line (lines, "%s", _("Checked in: never"));
  if (out != 0)
    {
      g_autofree char *when = format_instant (ctx, out);
      add_line (lines, _("Checked out: %s"), when);
    }
  else
    add_line (lines, "%s", _("Checked out: never"));

  for (guint i = 0; i < history->len; i++)
    {
      SdHistoryEntry *entry = g_ptr_array_index (history, i);

      if (sd_history_entry_get_action (entry) == SD_ACTION_NO_SHOW)
        {
          g_autofree char *when = format_instant (ctx, sd_history_entry_get_at (entry));
          add_line (lines, _("Marked as no-show: %s"), when);
        }
    }
}

static void
gather_policy (SdSalon *salon, SdAppointment *a, GPtrArray *lines)
{
  const SdSalonSettings *s = sd_salon_get_settings (salon);

  add_line (lines, _("Free cancellation up to %d h before the start; later, a client’s "
                     "cancellation of a prepaid appointment may be kept in full, and a "
                     "cancellation by the salon is always refunded in full."),
            s->free_cancel_hours);
  if (sd_appointment_get_payment_mode (a) == SD_PAYMENT_AT_SALON)
    add_line (lines, "%s", _("This appointment is paid at the salon: nothing was charged "
                             "online, so there is nothing to refund."));
  add_line (lines, _("Check-in opens %d min before the start; a no-show can be marked from "
                     "%d min after the start and contested within %d h."),
            s->checkin_early_min, s->no_show_grace_min, s->contest_hours);
  add_line (lines, _("A client’s complaint must be answered within %d h; a claim on a "
                     "completed service within %d business days."),
            s->complaint_hours, s->claim_business_days);
  add_line (lines, "%s", _("These are the salon’s settings when this pack was prepared."));
}

static const char *
status_label (SdComplaintStatus status)
{
  switch (status)
    {
    case SD_COMPLAINT_AWAITING_REPLY: return _("Awaiting the salon’s reply");
    case SD_COMPLAINT_UNDER_REVIEW:   return _("Under review by the marketplace");
    case SD_COMPLAINT_RESOLVED:       return _("Resolved");
    case SD_COMPLAINT_MISSED:         return _("Missed: not answered in time");
    default:                          return "";
    }
}

static void
gather_complaint (Context *ctx, SdComplaint *c, GPtrArray *lines)
{
  g_autofree char *opened = format_instant (ctx, sd_complaint_get_opened_at (c));

  /* Translators: "Opened by the client on Mon 23 Nov 2026, 11:45" */
  add_line (lines, _("Opened by %s on %s"), sd_evidence_party_label (sd_complaint_get_opened_by (c)),
            opened);
  add_line (lines, _("Reasons: %s"), sd_complaint_get_reason (c));
  if (sd_complaint_get_refund_requested_cents (c) > 0)
    {
      g_autofree char *asked = sd_money_format (sd_complaint_get_refund_requested_cents (c),
                                                ctx->currency);
      add_line (lines, _("Refund asked for: %s"), asked);
    }
  if (sd_complaint_get_reply_by (c) != 0)
    {
      g_autofree char *by = format_instant (ctx, sd_complaint_get_reply_by (c));
      add_line (lines, _("Reply due by: %s"), by);
    }
  add_line (lines, _("Status: %s"), status_label (sd_complaint_get_status (c)));

  if (sd_complaint_get_response_action (c) != SD_RESPONSE_NONE)
    {
      g_autofree char *when = format_instant (ctx, sd_complaint_get_responded_at (c));
      g_autofree char *amount = sd_money_format (sd_complaint_get_response_amount_cents (c),
                                                 ctx->currency);
      const char *body = sd_complaint_get_response_body (c);

      switch (sd_complaint_get_response_action (c))
        {
        case SD_RESPONSE_REFUND:
          add_line (lines, _("The salon refunded %s on %s"), amount, when);
          break;
        case SD_RESPONSE_OFFER_REDO:
          {
            g_autofree char *redo = format_instant (ctx, sd_complaint_get_response_redo_start (c));
            add_line (lines, _("The salon offered a free redo on %s (answered %s)"), redo, when);
          }
          break;
        case SD_RESPONSE_CONTEST:
        case SD_RESPONSE_NONE:
        default:
          add_line (lines, _("The salon contested it on %s"), when);
          break;
        }
      if (body != NULL && *body != '\0')
        add_line (lines, _("The salon’s side: %s"), body);
    }

  if (sd_complaint_get_status (c) == SD_COMPLAINT_RESOLVED)
    {
      g_autofree char *when = format_instant (ctx, sd_complaint_get_resolved_at (c));
      g_autofree char *outcome = sd_evidence_describe_outcome (sd_complaint_get_outcome (c),
                                                               sd_complaint_get_outcome_amount_cents (c),
                                                               ctx->currency);
      const char *note = sd_complaint_get_outcome_note (c);

      /* Translators: "Outcome (Tue 24 Nov 2026, 16:00): Refunded €20.00" */
      add_line (lines, _("Outcome (%s): %s"), when, outcome);
      if (note != NULL && *note != '\0')
        add_line (lines, _("Note from the marketplace staff: %s"), note);
    }
}

/* The complaint's files as the store lists them, with what they are. Called with the
 * store's lock held. */
static gboolean
gather_attachments_locked (SdStore *store, gint64 complaint_id, GPtrArray *lines,
                           GError **error)
{
  g_autoptr (SdStmt) stmt = sd_store_stmt (store, "SELECT filename, content_type, size"
                                                  " FROM complaint_attachments"
                                                  " WHERE complaint_id = ? ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, complaint_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *size = g_format_size (sqlite3_column_int64 (stmt, 2));
      const char *type = sd_store_column_text (stmt, 1);
      const char *kind = g_strcmp0 (type, "application/pdf") == 0 ? _("PDF document")
                         : g_str_has_prefix (type ? type : "", "image/") ? _("picture")
                         : type;

      /* Translators: "photo.png (picture, 12.3 kB)" */
      add_line (lines, _("%s (%s, %s)"), sd_store_column_text (stmt, 0), kind, size);
    }
  if (rc != SQLITE_DONE)
    {
      sd_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
gather_timeline (Context *ctx, GPtrArray *history, SdComplaint *complaint, GPtrArray *lines)
{
  gboolean resolution_listed = FALSE;
  guint n_messages = 0;

  for (guint i = 0; i < history->len; i++)
    {
      SdHistoryEntry *entry = g_ptr_array_index (history, i);
      g_autofree char *when = format_instant (ctx, sd_history_entry_get_at (entry));
      g_autofree char *what = sd_evidence_describe_history_entry (entry, ctx->currency);
      const char *detail = sd_history_entry_get_detail (entry);
      g_autoptr (GString) line = g_string_new (NULL);
      SdAction action = sd_history_entry_get_action (entry);

      /* The chat has its own section, with every message's time: a long conversation would
       * bury the events here. */
      if (action == SD_ACTION_MESSAGE)
        {
          n_messages++;
          continue;
        }
      /* Translators: "Mon 23 Nov 2026, 10:00 — Checked in, by the salon" */
      g_string_printf (line, _("%s — %s, by %s"), when, what,
                       sd_evidence_party_label (sd_history_entry_get_by (entry)));
      if (sd_history_entry_get_amount_cents (entry) != 0 && action != SD_ACTION_RESOLVE_COMPLAINT)
        {
          g_autofree char *money = sd_money_format (sd_history_entry_get_amount_cents (entry),
                                                    ctx->currency);
          g_string_append_printf (line, " · %s", money);
        }
      /* The outcome's wire name is already worded above. */
      if (detail != NULL && *detail != '\0' && action != SD_ACTION_RESOLVE_COMPLAINT)
        g_string_append_printf (line, ": “%s”", detail);
      add_line_take (lines, g_string_free (g_steal_pointer (&line), FALSE));
      resolution_listed |= action == SD_ACTION_RESOLVE_COMPLAINT;
    }

  /* A resolution pulled from the marketplace changes the state ("sync") but has no event
   * of its own: the complaint holds it. */
  if (!resolution_listed && complaint != NULL
      && sd_complaint_get_status (complaint) == SD_COMPLAINT_RESOLVED)
    {
      g_autofree char *when = format_instant (ctx, sd_complaint_get_resolved_at (complaint));
      g_autofree char *outcome = sd_evidence_describe_outcome (sd_complaint_get_outcome (complaint),
                                                               sd_complaint_get_outcome_amount_cents (complaint),
                                                               ctx->currency);
      g_autofree char *what = g_strdup_printf (_("Complaint resolved: %s"), outcome);

      add_line (lines, _("%s — %s, by %s"), when, what,
                sd_evidence_party_label (SD_PARTY_STAFF));
    }
  if (n_messages > 0)
    add_line (lines, g_dngettext (GETTEXT_PACKAGE, "%u chat message: see “Chat with the client”.",
                                  "%u chat messages: see “Chat with the client”.", n_messages),
              n_messages);
  if (lines->len == 1)
    add_line (lines, "%s", _("Nothing has happened yet."));
}

static void
gather_messages (Context *ctx, GPtrArray *messages, GPtrArray *lines)
{
  for (guint i = 0; i < messages->len; i++)
    {
      SdMessage *m = g_ptr_array_index (messages, i);
      g_autofree char *when = format_instant (ctx, sd_message_get_at (m));
      const char *author = sd_message_get_author (m) == SD_PARTY_CLIENT ? _("Client")
                           : sd_message_get_author (m) == SD_PARTY_SALON ? _("Salon")
                           : _("Marketplace");

      /* Translators: "Mon 23 Nov 2026, 10:05 — Client: I am running late" */
      add_line (lines, _("%s — %s: %s"), when, author, sd_message_get_body (m));
    }
  if (messages->len == 0)
    add_line (lines, "%s", _("No messages were exchanged."));
}

SdEvidencePack *
sd_evidence_pack_gather (SdStore *store, gint64 appointment_id, GError **error)
{
  g_autoptr (SdEvidencePack) self = NULL;
  g_autoptr (SdAppointment) a = NULL;
  g_autoptr (SdComplaint) complaint = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) messages = NULL;
  g_autofree char *now = NULL;
  SdSalon *salon;
  Context ctx;
  GPtrArray *lines;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  salon = sd_store_get_salon (store);
  if (salon == NULL)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NO_SALON,
                   _("The database has no salon yet."));
      return NULL;
    }
  if ((a = sd_store_get_appointment (store, appointment_id, error)) == NULL
      || (history = sd_store_list_history (store, appointment_id, error)) == NULL
      || (messages = sd_store_list_messages (store, appointment_id, error)) == NULL)
    return NULL;
  if (sd_appointment_get_complaint_id (a) != 0
      && (complaint = sd_store_get_complaint (store, sd_appointment_get_complaint_id (a),
                                              error)) == NULL)
    return NULL;

  self = g_object_new (SD_TYPE_EVIDENCE_PACK, NULL);
  ctx.tz = sd_salon_get_timezone (salon);
  ctx.currency = sd_appointment_get_currency (a);

  self->client = g_strdup (sd_appointment_get_client_name (a));
  self->local_date = format_local (&ctx, sd_appointment_get_start (a), "%Y-%m-%d");
  /* Translators: the PDF's title: "Evidence pack — Anna Rossi" */
  self->title = g_strdup_printf (_("Evidence pack — %s"), self->client);
  now = format_instant (&ctx, sd_clock_get_now (sd_store_get_clock (store)));
  {
    g_autofree char *reference = sd_appointment_get_remote_id (a) != NULL
                                 ? g_strdup (sd_appointment_get_remote_id (a))
                                 : g_strdup_printf ("#%lld", (long long) appointment_id);

    /* Translators: "Salone Bella · appointment apt_12 · prepared Mon 23 Nov 2026, 09:00
     * (Europe/Amsterdam)" */
    self->subtitle = g_strdup_printf (_("%s · appointment %s · prepared %s (%s)"),
                                      sd_salon_get_name (salon), reference, now,
                                      sd_salon_get_tzid (salon));
  }

  gather_appointment (self, &ctx, a, add_section (self, _("Appointment")));
  gather_presence (&ctx, a, history, add_section (self, _("Check-in and check-out")));
  gather_policy (salon, a, add_section (self, _("Cancellation policy in force")));

  lines = add_section (self, _("Complaint"));
  if (complaint != NULL)
    gather_complaint (&ctx, complaint, lines);
  else
    add_line (lines, "%s", _("No complaint has been opened on this appointment."));

  lines = add_section (self, _("Attachments"));
  if (complaint != NULL)
    {
      g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&store->lock);

      if (!gather_attachments_locked (store, sd_complaint_get_id (complaint), lines, error))
        return NULL;
    }
  if (lines->len == 1)
    add_line (lines, "%s", _("No files were attached."));

  gather_timeline (&ctx, history, complaint, add_section (self, _("Timeline")));
  gather_messages (&ctx, messages, add_section (self, _("Chat with the client")));

  return g_steal_pointer (&self);
}

/* ---- Reading ---- */

const char *
sd_evidence_pack_get_title (SdEvidencePack *self)
{
  g_return_val_if_fail (SD_IS_EVIDENCE_PACK (self), NULL);
  return self->title;
}

const char *
sd_evidence_pack_get_subtitle (SdEvidencePack *self)
{
  g_return_val_if_fail (SD_IS_EVIDENCE_PACK (self), NULL);
  return self->subtitle;
}

guint
sd_evidence_pack_get_n_sections (SdEvidencePack *self)
{
  g_return_val_if_fail (SD_IS_EVIDENCE_PACK (self), 0);
  return self->sections->len;
}

const char *
sd_evidence_pack_get_section_title (SdEvidencePack *self, guint index)
{
  g_return_val_if_fail (SD_IS_EVIDENCE_PACK (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return g_array_index (self->sections, Section, index).title;
}

const char * const *
sd_evidence_pack_get_section_lines (SdEvidencePack *self, guint index)
{
  g_return_val_if_fail (SD_IS_EVIDENCE_PACK (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return (const char * const *) g_array_index (self->sections, Section, index).lines->pdata;
}

char *
sd_evidence_pack_to_text (SdEvidencePack *self)
{
  GString *text;

  g_return_val_if_fail (SD_IS_EVIDENCE_PACK (self), NULL);

  text = g_string_new (self->title);
  g_string_append_printf (text, "\n%s\n", self->subtitle);
  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = &g_array_index (self->sections, Section, i);

      g_string_append_printf (text, "\n%s\n", section->title);
      for (guint j = 0; j + 1 < section->lines->len; j++)
        g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (section->lines, j));
    }
  return g_string_free (text, FALSE);
}

static char *
filename_for (const char *client, const char *local_date)
{
  g_autofree char *ascii = NULL;
  g_autofree char *name = NULL;
  GString *slug;

  /* "Anna Rossi" -> "anna-rossi": letters and digits only, so the name is safe anywhere. */
  ascii = g_str_to_ascii (client != NULL ? client : "", "C");
  slug = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "client");
  name = g_string_free (slug, FALSE);
  return g_strdup_printf ("evidence-%s-%s.pdf", name, local_date);
}

char *
sd_evidence_pack_suggest_filename (SdEvidencePack *self)
{
  g_return_val_if_fail (SD_IS_EVIDENCE_PACK (self), NULL);
  return filename_for (self->client, self->local_date);
}

char *
sd_evidence_suggest_filename (SdAppointment *appointment, GTimeZone *tz)
{
  Context ctx = { tz, NULL };
  g_autofree char *date = NULL;

  g_return_val_if_fail (SD_IS_APPOINTMENT (appointment), NULL);
  date = format_local (&ctx, sd_appointment_get_start (appointment), "%Y-%m-%d");
  return filename_for (sd_appointment_get_client_name (appointment), date);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-assistance-section.c — the complaint of the shown appointment, in plain words. The
 * words for outcomes and parties come from sd-evidence-pack (the same as the PDF and the
 * notifications); whether it costs reputation is the core's sd_reputation_add_complaint. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-assistance-section.h"
#include "sd-deadline.h"
#include "sd-evidence-pack.h"
#include "sd-money.h"
#include "sd-reputation.h"
#include "sd-time.h"

struct _SdAssistanceSection
{
  AdwBin parent_instance;

  AdwPreferencesGroup *group;
  GtkWidget *export_button;
  GtkWidget *status_row;
  GtkWidget *opened_row;
  GtkWidget *reason_row;
  GtkWidget *answer_row;
  GtkWidget *outcome_row;
  GtkWidget *note_row;
  GtkWidget *effect_row;
  GtkImage *effect_icon;
};

G_DEFINE_FINAL_TYPE (SdAssistanceSection, sd_assistance_section, ADW_TYPE_BIN)

static char *
format_instant (GTimeZone *tz, gint64 instant)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);
  /* Translators: a date and time, see g_date_time_format(): "Mon 23 Nov 2026, 14:30" */
  return g_date_time_format (local, _("%a %-d %b %Y, %H:%M"));
}

static void
set_subtitle (GtkWidget *row, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_set_visible (row, text != NULL && *text != '\0');
}

static char *
describe_status (SdComplaint *c, GTimeZone *tz, gint64 now)
{
  switch (sd_complaint_get_status (c))
    {
    case SD_COMPLAINT_AWAITING_REPLY:
      if (sd_complaint_get_reply_by (c) != 0)
        {
          g_autofree char *by = format_instant (tz, sd_complaint_get_reply_by (c));
          g_autofree char *left = sd_time_format_duration (sd_complaint_get_reply_by (c) - now);

          /* Translators: "Awaiting your reply by Tue 24 Nov 2026, 12:00 (3 h left)" */
          return g_strdup_printf (_("Awaiting your reply by %s (%s left)"), by, left);
        }
      return g_strdup (_("Awaiting your reply"));
    case SD_COMPLAINT_UNDER_REVIEW:
      return g_strdup (_("Under review by the marketplace"));
    case SD_COMPLAINT_RESOLVED:
      {
        g_autofree char *when = format_instant (tz, sd_complaint_get_resolved_at (c));

        /* Translators: "Resolved on Wed 25 Nov 2026, 16:00" */
        return g_strdup_printf (_("Resolved on %s"), when);
      }
    case SD_COMPLAINT_MISSED:
      return g_strdup (_("Missed: not answered in time"));
    default:
      return g_strdup ("");
    }
}

static char *
describe_answer (SdComplaint *c, const char *currency, GTimeZone *tz)
{
  g_autofree char *when = format_instant (tz, sd_complaint_get_responded_at (c));
  g_autofree char *amount = sd_money_format (sd_complaint_get_response_amount_cents (c), currency);
  const char *body = sd_complaint_get_response_body (c);
  g_autofree char *what = NULL;

  switch (sd_complaint_get_response_action (c))
    {
    case SD_RESPONSE_NONE:
      return NULL;
    case SD_RESPONSE_REFUND:
      /* Translators: "Refunded €20.00 on Tue 24 Nov 2026, 13:00" */
      what = g_strdup_printf (_("Refunded %s on %s"), amount, when);
      break;
    case SD_RESPONSE_OFFER_REDO:
      {
        g_autofree char *redo = format_instant (tz, sd_complaint_get_response_redo_start (c));

        /* Translators: "Offered a free redo on Fri 27 Nov 2026, 10:00" */
        what = g_strdup_printf (_("Offered a free redo on %s"), redo);
      }
      break;
    case SD_RESPONSE_CONTEST:
    default:
      /* Translators: "Contested on Tue 24 Nov 2026, 13:00" */
      what = g_strdup_printf (_("Contested on %s"), when);
      break;
    }
  if (body != NULL && *body != '\0')
    return g_strdup_printf ("%s: %s", what, body);
  return g_steal_pointer (&what);
}

/* Whether the core counts it as lost, asked the way the store's reputation figures do. */
static gboolean
counts_against (SdComplaint *c)
{
  gint64 responded = sd_complaint_get_responded_at (c);
  gint64 reply_by = sd_complaint_get_reply_by (c);
  SdReputation r;

  sd_reputation_init (&r);
  sd_reputation_add_complaint (&r, sd_complaint_get_status (c), sd_complaint_get_outcome (c),
                               responded != 0
                               && (reply_by == 0 || !sd_deadline_passed (reply_by, responded)));
  return r.complaints_lost > 0;
}

static void
show_effect (SdAssistanceSection *self, SdComplaint *c)
{
  SdComplaintStatus status = sd_complaint_get_status (c);
  const char *text;
  gboolean bad = FALSE;

  if (status != SD_COMPLAINT_RESOLVED && status != SD_COMPLAINT_MISSED)
    {
      gtk_widget_set_visible (self->effect_row, FALSE);
      return;
    }
  if (sd_complaint_get_outcome (c) == SD_OUTCOME_WITHDRAWN_HELPED)
    text = _("The client withdrew the complaint: no effect on your reputation");
  else if ((bad = counts_against (c)))
    text = _("Counts against your reputation: the complaint was not answered in time");
  else
    text = _("No effect on your reputation");

  set_subtitle (self->effect_row, text);
  gtk_image_set_from_icon_name (self->effect_icon, bad ? "dialog-warning-symbolic"
                                                       : "emblem-ok-symbolic");
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->effect_icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->effect_icon), "error");
}

void
sd_assistance_section_show (SdAssistanceSection *self, SdComplaint *complaint,
                            const char *currency, GTimeZone *tz, gint64 now)
{
  g_autofree char *status = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *opened_at = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *reason = NULL;
  gboolean resolved;

  g_return_if_fail (SD_IS_ASSISTANCE_SECTION (self));

  gtk_widget_set_visible (GTK_WIDGET (self), complaint != NULL);
  if (complaint == NULL)
    return;

  status = describe_status (complaint, tz, now);
  /* Long values (dates) read better below the title than squeezed to its right. */
  set_subtitle (self->status_row, status);
  if (sd_complaint_get_status (complaint) == SD_COMPLAINT_MISSED)
    gtk_widget_add_css_class (self->status_row, "error");
  else
    gtk_widget_remove_css_class (self->status_row, "error");

  opened_at = format_instant (tz, sd_complaint_get_opened_at (complaint));
  /* Translators: "By the client, Mon 23 Nov 2026, 11:45" */
  opened = g_strdup_printf (_("By %s, %s"),
                            sd_evidence_party_label (sd_complaint_get_opened_by (complaint)),
                            opened_at);
  set_subtitle (self->opened_row, opened);

  if (sd_complaint_get_refund_requested_cents (complaint) > 0)
    {
      g_autofree char *asked = sd_money_format (sd_complaint_get_refund_requested_cents (complaint),
                                                currency);

      /* Translators: "The cut is uneven — refund asked: €45.00" */
      reason = g_strdup_printf (_("%s — refund asked: %s"), sd_complaint_get_reason (complaint),
                                asked);
    }
  else
    reason = g_strdup (sd_complaint_get_reason (complaint));
  set_subtitle (self->reason_row, reason);

  answer = describe_answer (complaint, currency, tz);
  set_subtitle (self->answer_row, answer);

  resolved = sd_complaint_get_status (complaint) == SD_COMPLAINT_RESOLVED;
  gtk_widget_set_visible (self->outcome_row, resolved);
  if (resolved)
    {
      g_autofree char *outcome = sd_evidence_describe_outcome (sd_complaint_get_outcome (complaint),
                                                               sd_complaint_get_outcome_amount_cents (complaint),
                                                               currency);
      set_subtitle (self->outcome_row, outcome);
    }
  set_subtitle (self->note_row, resolved ? sd_complaint_get_outcome_note (complaint) : NULL);
  show_effect (self, complaint);
}

static void
sd_assistance_section_dispose (GObject *object)
{
  /* AdwBin unparents its child itself; take it away first so the template does not
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SD_TYPE_ASSISTANCE_SECTION);
  G_OBJECT_CLASS (sd_assistance_section_parent_class)->dispose (object);
}

static void
sd_assistance_section_class_init (SdAssistanceSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sd_assistance_section_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sd-assistance-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SdAssistanceSection, group);
  gtk_widget_class_bind_template_child (widget_class, SdAssistanceSection, export_button);
  gtk_widget_class_bind_template_child (widget_class, SdAssistanceSection, status_row);
  gtk_widget_class_bind_template_child (widget_class, SdAssistanceSection, opened_row);
  gtk_widget_class_bind_template_child (widget_class, SdAssistanceSection, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SdAssistanceSection, answer_row);
  gtk_widget_class_bind_template_child (widget_class, SdAssistanceSection, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, SdAssistanceSection, note_row);
  gtk_widget_class_bind_template_child (widget_class, SdAssistanceSection, effect_row);
  gtk_widget_class_bind_template_child (widget_class, SdAssistanceSection, effect_icon);
}

static void
sd_assistance_section_init (SdAssistanceSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sd_assistance_section_new (void)
{
  return g_object_new (SD_TYPE_ASSISTANCE_SECTION, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-cancel-wizard.c — who, why, refund, summary. The pages and every sentence about money
 * follow sd_refund_decide_for_appointment / sd_refund_resolve / sd_refund_describe, asked
 * again whenever an answer or the clock changes; the wizard only words the choice. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-cancel-wizard-private.h"
#include "sd-lifecycle.h"

G_DEFINE_FINAL_TYPE (SdCancelWizard, sd_cancel_wizard, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_APPOINTMENT,
  PROP_SALON,
  PROP_CLOCK,
  PROP_PAGE,
  PROP_BY,
  PROP_REASON,
  PROP_REFUND,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { CANCEL_APPOINTMENT, MESSAGE_CLIENT, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- The answers and what the core makes of them ---- */

gboolean
sd_cancel_wizard_get_party (SdCancelWizard *self, SdParty *out)
{
  return *self->by != '\0' && sd_party_from_string (self->by, out);
}

gboolean
sd_cancel_wizard_get_reason (SdCancelWizard *self, SdCancelReason *out)
{
  return *self->reason != '\0' && sd_cancel_reason_from_string (self->reason, out);
}

gboolean
sd_cancel_wizard_get_refund (SdCancelWizard *self, SdRefundChoice *out)
{
  return *self->refund != '\0' && sd_refund_choice_from_string (self->refund, out);
}

gint64
sd_cancel_wizard_now (SdCancelWizard *self)
{
  return sd_clock_get_now (self->clock);
}

const char *
sd_cancel_wizard_currency (SdCancelWizard *self)
{
  if (self->salon != NULL && sd_salon_get_currency (self->salon) != NULL)
    return sd_salon_get_currency (self->salon);
  return sd_appointment_get_currency (self->appointment);
}

gboolean
sd_cancel_wizard_needs_refund_page (SdCancelWizard *self)
{
  SdParty by;

  return sd_cancel_wizard_get_party (self, &by) && self->decision.rule == SD_REFUND_RULE_CHOICE;
}

/* The refund the core's rule gives: forced ones need no answer, a choice needs one. */
gboolean
sd_cancel_wizard_get_choice (SdCancelWizard *self, SdRefundChoice *out)
{
  switch (self->decision.rule)
    {
    case SD_REFUND_RULE_FORCED_FULL:
      *out = SD_REFUND_CHOICE_FULL;
      return TRUE;
    case SD_REFUND_RULE_CHOICE:
      return sd_cancel_wizard_get_refund (self, out);
    case SD_REFUND_RULE_NOTHING_TO_REFUND:
    default:
      *out = SD_REFUND_CHOICE_NONE;
      return TRUE;
    }
}

static void
decide (SdCancelWizard *self)
{
  SdParty by;

  /* Before "who" is answered the decision is the client's, which is never shown. */
  if (!sd_cancel_wizard_get_party (self, &by))
    by = SD_PARTY_CLIENT;
  sd_refund_decide_for_appointment (self->appointment, by, self->salon, sd_cancel_wizard_now (self),
                                    &self->decision);
}

/* ---- Pages ---- */

static guint
list_pages (SdCancelWizard *self, const char *pages[4])
{
  guint n = 0;

  pages[n++] = "who";
  pages[n++] = "why";
  if (sd_cancel_wizard_needs_refund_page (self))
    pages[n++] = "refund";
  pages[n++] = "summary";
  return n;
}

/* The page's index in list_pages(), or -1 when it is not one of them (any more). */
static int
page_index (SdCancelWizard *self, const char *name)
{
  const char *pages[4];
  guint n = list_pages (self, pages);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (pages[i], name) == 0)
      return (int) i;
  return -1;
}

static gboolean
page_answered (SdCancelWizard *self, const char *page)
{
  SdParty by;
  SdCancelReason reason;
  SdRefundChoice choice;

  if (g_str_equal (page, "who"))
    return sd_cancel_wizard_get_party (self, &by);
  if (g_str_equal (page, "why"))
    return sd_cancel_wizard_get_reason (self, &reason);
  if (g_str_equal (page, "refund"))
    return sd_cancel_wizard_get_refund (self, &choice);
  return TRUE;
}

gboolean
sd_cancel_wizard_get_request (SdCancelWizard *self, SdActionRequest *request)
{
  SdParty by;
  SdCancelReason reason;
  SdRefundChoice choice;

  g_return_val_if_fail (SD_IS_CANCEL_WIZARD (self), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  if (!sd_cancel_wizard_get_party (self, &by)
      || !sd_cancel_wizard_get_reason (self, &reason)
      || !sd_cancel_wizard_get_choice (self, &choice))
    return FALSE;
  sd_action_request_init (request, SD_ACTION_CANCEL);
  request->by = by;
  request->reason = reason;
  request->refund = choice;
  request->text = *self->note != '\0' ? self->note : NULL;
  return TRUE;
}

const char *
sd_cancel_wizard_get_page (SdCancelWizard *self)
{
  g_return_val_if_fail (SD_IS_CANCEL_WIZARD (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Brings buttons, titles and every page up to date with the answers and the clock. */
static void
update (SdCancelWizard *self)
{
  const char *page = sd_cancel_wizard_get_page (self);
  const char *pages[4];
  guint n;
  int index;
  SdActionRequest request;
  g_autofree char *step = NULL;

  decide (self);
  n = list_pages (self, pages);
  index = page_index (self, page);

  sd_cancel_wizard_show_answers (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 index >= 0 && (guint) index + 1 < n
                                 && page_answered (self, page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.confirm",
                                 g_strcmp0 (page, "summary") == 0
                                 && sd_cancel_wizard_get_request (self, &request));
  gtk_widget_set_visible (self->back_button, index > 0);
  gtk_widget_set_visible (self->next_button, g_strcmp0 (page, "summary") != 0);
  gtk_widget_set_visible (self->confirm_button, g_strcmp0 (page, "summary") == 0);

  if (index >= 0)
    /* Translators: the wizard's progress, "Step 2 of 4" */
    step = g_strdup_printf (_("Step %d of %d"), index + 1, (int) n);
  adw_window_title_set_subtitle (self->window_title, step != NULL ? step : "");
}

/* The row to start the keyboard on: the chosen answer, else the first one offered. */
static GtkWidget *
focus_row (SdCancelWizard *self, const char *page)
{
  SdCancelReason reason;
  SdRefundChoice choice;
  SdParty by;

  if (g_str_equal (page, "who"))
    {
      if (sd_cancel_wizard_get_party (self, &by))
        return GTK_WIDGET (by == SD_PARTY_SALON ? self->salon_row : self->client_row);
      return GTK_WIDGET (self->salon_may ? self->salon_row : self->client_row);
    }
  if (g_str_equal (page, "why"))
    return self->reason_rows[sd_cancel_wizard_get_reason (self, &reason) ? reason : 0];
  if (g_str_equal (page, "refund"))
    return GTK_WIDGET (sd_cancel_wizard_get_refund (self, &choice)
                       && choice == SD_REFUND_CHOICE_NONE
                       ? self->refund_keep_row : self->refund_full_row);
  return NULL;
}

static void
go_to (SdCancelWizard *self, const char *page)
{
  GtkWidget *row;

  gtk_stack_set_visible_child_name (self->stack, page);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);

  /* No focus on the summary, so a stray Enter never confirms the cancellation. */
  row = focus_row (self, page);
  if (row != NULL)
    gtk_widget_grab_focus (row);
  else
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

/* An answer or the clock changed: the refund page may have appeared or gone. */
static void
answers_changed (SdCancelWizard *self)
{
  const char *page = sd_cancel_wizard_get_page (self);

  update (self);
  if (page_index (self, page) < 0)
    /* On the refund page, the rule stopped asking: the summary says what happens now. */
    go_to (self, "summary");
  else if (g_strcmp0 (page, "summary") == 0 && sd_cancel_wizard_needs_refund_page (self)
           && !page_answered (self, "refund"))
    /* On the summary, time made the refund the salon's choice: ask it. */
    go_to (self, "refund");
}

static void
on_clock_changed (SdCancelWizard *self)
{
  answers_changed (self);
}

static void
on_note_changed (SdCancelWizard *self)
{
  g_free (self->note);
  self->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  update (self);
}

/* ---- Actions ---- */

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdCancelWizard *self = SD_CANCEL_WIZARD (widget);
  const char *page = sd_cancel_wizard_get_page (self);
  const char *pages[4];
  guint n = list_pages (self, pages);
  int index = page_index (self, page);
  SdParty by;

  if (index < 0 || (guint) index + 1 >= n || !page_answered (self, page))
    return;
  /* The client on the phone: their request is the likely reason; still only a default. */
  if (g_str_equal (pages[index + 1], "why") && !self->reason_suggested
      && *self->reason == '\0' && sd_cancel_wizard_get_party (self, &by) && by == SD_PARTY_CLIENT)
    {
      self->reason_suggested = TRUE;
      g_object_set (self, "reason",
                    sd_cancel_reason_to_string (SD_CANCEL_REASON_CLIENT_REQUEST), NULL);
    }
  go_to (self, pages[index + 1]);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdCancelWizard *self = SD_CANCEL_WIZARD (widget);
  const char *pages[4];
  int index = page_index (self, sd_cancel_wizard_get_page (self));

  list_pages (self, pages);
  if (index > 0)
    go_to (self, pages[index - 1]);
}

static void
confirm_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdCancelWizard *self = SD_CANCEL_WIZARD (widget);
  g_autoptr (SdCancelWizard) hold = g_object_ref (self);
  SdActionRequest request;

  /* The system clock does not notify: decide again now, and if time turned the refund
   * into the salon's choice, show that page instead of confirming. */
  answers_changed (self);
  if (g_strcmp0 (sd_cancel_wizard_get_page (self), "summary") != 0
      || !sd_cancel_wizard_get_request (self, &request))
    return;
  g_signal_emit (self, signals[CANCEL_APPOINTMENT], 0, &request);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
message_client_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[MESSAGE_CLIENT], 0);
}

/* Enter answers and moves on: on an option row it picks that option, then goes to the
 * next page. Buttons keep their own Enter; on the summary Enter does nothing. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, SdCancelWizard *self)
{
  GtkWidget *focus;
  GtkWidget *row;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && (GTK_IS_BUTTON (focus)
                        || gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) != NULL))
    return FALSE;
  if (g_strcmp0 (sd_cancel_wizard_get_page (self), "summary") == 0)
    return FALSE;

  row = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW) : NULL;
  if (row != NULL && GTK_IS_CHECK_BUTTON (adw_action_row_get_activatable_widget (
                       ADW_ACTION_ROW (row))))
    adw_action_row_activate (ADW_ACTION_ROW (row));
  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
  return TRUE;
}

/* ---- GObject ---- */

static void
sd_cancel_wizard_constructed (GObject *object)
{
  SdCancelWizard *self = SD_CANCEL_WIZARD (object);
  SdAppointment *a = self->appointment;
  g_autoptr (GError) refused = NULL;

  G_OBJECT_CLASS (sd_cancel_wizard_parent_class)->constructed (object);

  g_assert (SD_IS_APPOINTMENT (a));
  g_assert (SD_IS_CLOCK (self->clock));
  sd_cancel_wizard_show_appointment (self);

  /* A request is cancelled only by the client (the salon declines it instead): the core
   * says so, and its words explain the greyed-out option. */
  self->salon_may = sd_lifecycle_check_by (a, SD_ACTION_CANCEL, SD_PARTY_SALON, self->salon,
                                           sd_cancel_wizard_now (self), &refused);
  if (!self->salon_may)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->salon_row), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->salon_row), FALSE);
      adw_action_row_set_subtitle (self->salon_row, refused->message);
      g_object_set (self, "by", sd_party_to_string (SD_PARTY_CLIENT), NULL);
    }

  g_signal_connect_object (self->clock, "notify::now", G_CALLBACK (on_clock_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_row, "changed", G_CALLBACK (on_note_changed), self,
                           G_CONNECT_SWAPPED);
  go_to (self, "who");
}

static void
sd_cancel_wizard_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SD_TYPE_CANCEL_WIZARD);

  G_OBJECT_CLASS (sd_cancel_wizard_parent_class)->dispose (object);
}

static void
sd_cancel_wizard_finalize (GObject *object)
{
  SdCancelWizard *self = SD_CANCEL_WIZARD (object);

  g_clear_object (&self->appointment);
  g_clear_object (&self->salon);
  g_clear_object (&self->clock);
  g_free (self->by);
  g_free (self->reason);
  g_free (self->refund);
  g_free (self->note);

  G_OBJECT_CLASS (sd_cancel_wizard_parent_class)->finalize (object);
}

static void
sd_cancel_wizard_get_property (GObject *object, guint prop_id, GValue *value,
                               GParamSpec *pspec)
{
  SdCancelWizard *self = SD_CANCEL_WIZARD (object);

  switch (prop_id)
    {
    case PROP_APPOINTMENT:
      g_value_set_object (value, self->appointment);
      break;
    case PROP_SALON:
      g_value_set_object (value, self->salon);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_PAGE:
      g_value_set_string (value, sd_cancel_wizard_get_page (self));
      break;
    case PROP_BY:
      g_value_set_string (value, self->by);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_REFUND:
      g_value_set_string (value, self->refund);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Sets one of the answers; unknown words (and the salon where it may not cancel) are
 * ignored, so the property actions can only hold what the core understands. */
static void
set_answer (SdCancelWizard *self, char **answer, const char *value, GParamSpec *pspec)
{
  SdParty party;
  SdCancelReason reason;
  SdRefundChoice choice;

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*answer, value) == 0)
    return;
  if (*value != '\0')
    {
      if (answer == &self->by
          && (!sd_party_from_string (value, &party)
              || (party != SD_PARTY_SALON && party != SD_PARTY_CLIENT)
              || (party == SD_PARTY_SALON && !self->salon_may)))
        return;
      if (answer == &self->reason && !sd_cancel_reason_from_string (value, &reason))
        return;
      if (answer == &self->refund && !sd_refund_choice_from_string (value, &choice))
        return;
    }
  g_free (*answer);
  *answer = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (self->stack != NULL && sd_cancel_wizard_get_page (self) != NULL)
    answers_changed (self);
}

static void
sd_cancel_wizard_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  SdCancelWizard *self = SD_CANCEL_WIZARD (object);

  switch (prop_id)
    {
    case PROP_APPOINTMENT:
      self->appointment = g_value_dup_object (value);
      break;
    case PROP_SALON:
      self->salon = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_BY:
      set_answer (self, &self->by, g_value_get_string (value), pspec);
      break;
    case PROP_REASON:
      set_answer (self, &self->reason, g_value_get_string (value), pspec);
      break;
    case PROP_REFUND:
      set_answer (self, &self->refund, g_value_get_string (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_cancel_wizard_class_init (SdCancelWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sd_cancel_wizard_constructed;
  object_class->dispose = sd_cancel_wizard_dispose;
  object_class->finalize = sd_cancel_wizard_finalize;
  object_class->get_property = sd_cancel_wizard_get_property;
  object_class->set_property = sd_cancel_wizard_set_property;

  properties[PROP_APPOINTMENT] =
    g_param_spec_object ("appointment", NULL, NULL, SD_TYPE_APPOINTMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SALON] =
    g_param_spec_object ("salon", NULL, NULL, SD_TYPE_SALON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, SD_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BY] =
    g_param_spec_string ("by", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFUND] =
    g_param_spec_string ("refund", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CANCEL_APPOINTMENT] =
    g_signal_new ("cancel-appointment", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[MESSAGE_CLIENT] =
    g_signal_new ("message-client", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sd-cancel-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, which_label);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, salon_row);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, salon_check);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, client_row);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, client_check);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, reminder_group);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, phone_label);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, message_button);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, reason_list);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, note_row);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, refund_intro_label);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, refund_full_row);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, refund_full_check);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, refund_keep_row);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, refund_keep_check);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, summary_which_label);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, summary_by_row);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, summary_reason_row);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, summary_refund_row);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, summary_amount_label);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, summary_email_row);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, ranking_box);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, ranking_label);
  gtk_widget_class_bind_template_child (widget_class, SdCancelWizard, undo_hint_label);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "wizard.message-client", NULL,
                                   message_client_action);
  gtk_widget_class_install_property_action (widget_class, "wizard.by", "by");
  gtk_widget_class_install_property_action (widget_class, "wizard.reason", "reason");
  gtk_widget_class_install_property_action (widget_class, "wizard.refund", "refund");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sd_cancel_wizard_init (SdCancelWizard *self)
{
  GtkEventController *keys;

  self->by = g_strdup ("");
  self->reason = g_strdup ("");
  self->refund = g_strdup ("");
  self->note = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  sd_cancel_wizard_add_option_rows (self);

  /* Capture: the rows and the note entry would otherwise take Enter for themselves. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
sd_cancel_wizard_new (GtkWindow *parent, SdAppointment *appointment, SdSalon *salon,
                      SdClock *clock)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SD_IS_APPOINTMENT (appointment), NULL);
  g_return_val_if_fail (salon == NULL || SD_IS_SALON (salon), NULL);
  g_return_val_if_fail (SD_IS_CLOCK (clock), NULL);

  return g_object_new (SD_TYPE_CANCEL_WIZARD, "transient-for", parent, "appointment",
                       appointment, "salon", salon, "clock", clock, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-details-pane.c — shows one appointment and offers exactly the actions the core's
 * lifecycle allows now. Nothing here decides a rule: enabling asks sd_lifecycle_check with
 * the store's clock, performing goes through sd_store_perform, which asks the core again. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-details-pane-private.h"
#include "sd-lifecycle.h"
#include "sd-money.h"
#include "sd-policy-error.h"
#include "sd-state-style.h"
#include "sd-time.h"

G_DEFINE_FINAL_TYPE (SdDetailsPane, sd_details_pane, ADW_TYPE_BIN)

enum { PROP_0, PROP_STORE, PROP_APPOINTMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { APPOINTMENT_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  const char *name;          /* the widget action */
  SdAction action;
  const char *label;         /* the button */
  const char *done;          /* the toast after it succeeded */
  gboolean destructive;
} PaneActionInfo;

static const PaneActionInfo pane_actions[SD_N_PANE_ACTIONS] = {
  [SD_PANE_ACCEPT] = { "appointment.accept", SD_ACTION_ACCEPT, N_("_Accept"),
                       N_("Request accepted"), FALSE },
  [SD_PANE_UNAVAILABLE] = { "appointment.unavailable", SD_ACTION_UNAVAILABLE,
                            N_("_Unavailable…"), N_("Other times proposed"), FALSE },
  [SD_PANE_DECLINE] = { "appointment.decline", SD_ACTION_DECLINE, N_("_Decline…"),
                        N_("Request declined"), TRUE },
  [SD_PANE_CHECK_IN] = { "appointment.check-in", SD_ACTION_CHECK_IN, N_("Check _In"),
                         N_("Client checked in"), FALSE },
  [SD_PANE_CHECK_OUT] = { "appointment.check-out", SD_ACTION_CHECK_OUT, N_("Check _Out"),
                          N_("Client checked out"), FALSE },
  [SD_PANE_RESCHEDULE] = { "appointment.reschedule", SD_ACTION_RESCHEDULE,
                           N_("_Reschedule…"), N_("Appointment rescheduled"), FALSE },
  [SD_PANE_NO_SHOW] = { "appointment.no-show", SD_ACTION_NO_SHOW, N_("_No-Show…"),
                        N_("Marked as no-show"), TRUE },
  [SD_PANE_CANCEL] = { "appointment.cancel", SD_ACTION_CANCEL, N_("_Cancel…"),
                       N_("Appointment cancelled"), TRUE },
  [SD_PANE_MESSAGE] = { "appointment.message", SD_ACTION_MESSAGE, N_("_Message Client…"),
                        N_("Message sent"), FALSE },
};

const char *
sd_details_pane_done_message (SdAction action)
{
  for (guint i = 0; i < SD_N_PANE_ACTIONS; i++)
    if (pane_actions[i].action == action)
      return _(pane_actions[i].done);
  return NULL;
}

void
sd_details_pane_changed (SdDetailsPane *self, gint64 id)
{
  g_signal_emit (self, signals[APPOINTMENT_CHANGED], 0, id);
}

const char *
sd_details_pane_party_label (SdParty party)
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

GTimeZone *
sd_details_pane_get_timezone (SdDetailsPane *self)
{
  SdSalon *salon = sd_store_get_salon (self->store);

  return salon != NULL ? sd_salon_get_timezone (salon) : NULL;
}

gint64
sd_details_pane_now (SdDetailsPane *self)
{
  return sd_clock_get_now (sd_store_get_clock (self->store));
}

static char *
format_in_zone (SdDetailsPane *self, gint64 instant, const char *format)
{
  GTimeZone *tz = sd_details_pane_get_timezone (self);
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);
  return g_date_time_format (local, format);
}

char *
sd_details_pane_format_instant (SdDetailsPane *self, gint64 instant)
{
  /* Translators: a date and time, see g_date_time_format(): "Mon 23 Nov 2026, 14:30" */
  return format_in_zone (self, instant, _("%a %-d %b %Y, %H:%M"));
}

/* ---- Actions: enabled exactly when the core allows them ---- */

static gboolean
button_is_relevant (SdAppointment *appointment, SdAction action)
{
  SdState state = sd_appointment_get_state (appointment);

  if (sd_lifecycle_is_allowed (state, action))
    return TRUE;
  /* A disputed appointment still shows what it could do, locked, so the desk sees why. */
  return state == SD_STATE_DISPUTED
         && sd_lifecycle_is_allowed (sd_appointment_get_state_before_dispute (appointment),
                                     action);
}

void
sd_details_pane_update_actions (SdDetailsPane *self)
{
  SdSalon *salon = sd_store_get_salon (self->store);
  gint64 now = sd_details_pane_now (self);
  guint shown = 0;

  for (guint i = 0; i < SD_N_PANE_ACTIONS; i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean allowed = FALSE;
      gboolean relevant = FALSE;

      if (self->appointment != NULL)
        {
          allowed = sd_lifecycle_check (self->appointment, pane_actions[i].action, salon, now,
                                        &error);
          relevant = button_is_relevant (self->appointment, pane_actions[i].action);
        }

      gtk_widget_action_set_enabled (GTK_WIDGET (self), pane_actions[i].name,
                                     allowed && !self->busy);
      if (i == SD_PANE_CANCEL)
        {
          /* The salon declines a request; only the client (on the phone) cancels one. Say
           * so, and keep one red button, so "Cancel" is not mistaken for "Decline". */
          gboolean request = self->appointment != NULL
                             && sd_appointment_get_state (self->appointment)
                                == SD_STATE_REQUESTED;

          gtk_button_set_label (GTK_BUTTON (self->buttons[i]),
                                request ? _("Client _Cancelled…") : _(pane_actions[i].label));
          if (request)
            gtk_widget_remove_css_class (self->buttons[i], "destructive-action");
          else
            gtk_widget_add_css_class (self->buttons[i], "destructive-action");
        }
      gtk_widget_set_tooltip_text (self->buttons[i], error != NULL ? error->message : NULL);
      gtk_widget_set_visible (gtk_widget_get_parent (self->buttons[i]), relevant);
      shown += relevant;
    }
  shown += sd_details_pane_update_complaint_actions (self);

  gtk_widget_set_visible (GTK_WIDGET (self->action_box), shown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "appointment.undo-cancel", !self->busy);
  sd_details_pane_update_hint (self);
}

void
sd_details_pane_update_countdown (SdDetailsPane *self)
{
  SdAppointment *appointment = self->appointment;
  gint64 now = sd_details_pane_now (self);
  gint64 deadline = 0;
  gboolean complaint = FALSE;
  g_autofree char *text = NULL;

  if (appointment == NULL)
    return;

  if (sd_appointment_get_state (appointment) == SD_STATE_REQUESTED
      && sd_appointment_get_confirm_by (appointment) != 0)
    {
      deadline = sd_appointment_get_confirm_by (appointment);
    }
  else if (sd_appointment_get_state (appointment) == SD_STATE_DISPUTED
           && self->complaint != NULL
           && sd_complaint_get_status (self->complaint) == SD_COMPLAINT_AWAITING_REPLY
           && sd_complaint_get_reply_by (self->complaint) != 0)
    {
      deadline = sd_complaint_get_reply_by (self->complaint);
      complaint = TRUE;
    }

  if (deadline == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), FALSE);
      return;
    }

  {
    g_autofree char *when = sd_details_pane_format_instant (self, deadline);
    g_autofree char *left = sd_time_format_duration (deadline - now);

    if (deadline >= now && complaint)
      /* Translators: "Reply to the complaint by Mon 23 Nov 2026, 14:30 — 3 h left" */
      text = g_strdup_printf (_("Reply to the complaint by %s — %s left"), when, left);
    else if (deadline >= now)
      /* Translators: "Answer by Mon 23 Nov 2026, 14:30 — 3 h 12 min left" */
      text = g_strdup_printf (_("Answer by %s — %s left"), when, left);
    else
      /* Translators: "Deadline Mon 23 Nov 2026, 14:30 — overdue by 2 h" */
      text = g_strdup_printf (_("Deadline %s — %s"), when, left);
  }

  gtk_label_set_text (self->countdown_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), TRUE);
  if (deadline - now < 3600)
    gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "warning");
}

static void
update_notice (SdDetailsPane *self)
{
  g_autoptr (GError) error = NULL;

  /* The core words the lock; the pane only repeats it next to the state. */
  if (self->appointment != NULL
      && sd_appointment_get_state (self->appointment) == SD_STATE_DISPUTED
      && !sd_lifecycle_check (self->appointment, SD_ACTION_RESCHEDULE,
                              sd_store_get_salon (self->store), sd_details_pane_now (self),
                              &error)
      && g_error_matches (error, SD_POLICY_ERROR, SD_POLICY_ERROR_LOCKED))
    {
      gtk_label_set_text (self->notice_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->notice_label), FALSE);
}

static gboolean
on_minute (gpointer user_data)
{
  SdDetailsPane *self = user_data;

  sd_details_pane_update_actions (self);
  sd_details_pane_update_countdown (self);
  return G_SOURCE_CONTINUE;
}

static void
on_clock_now_changed (SdDetailsPane *self)
{
  sd_details_pane_update_actions (self);
  sd_details_pane_update_countdown (self);
  update_notice (self);
}

/* ---- Showing the appointment ---- */

static void
set_state_badge (SdDetailsPane *self, SdState state)
{
  /* The window's style.css colours these classes; the icon and the words make sure colour
   * is never the only sign. */
  for (guint i = 0; i < SD_N_STATES; i++)
    gtk_widget_remove_css_class (self->state_badge, sd_state_style_get_css_class (i));
  gtk_widget_add_css_class (self->state_badge, sd_state_style_get_css_class (state));
  gtk_image_set_from_icon_name (self->state_icon, sd_state_style_get_icon_name (state));
  gtk_label_set_text (self->state_label, sd_state_get_label (state));
}

static char *
describe_payment (SdAppointment *appointment)
{
  const char *currency = sd_appointment_get_currency (appointment);
  gint64 refunded = sd_appointment_get_refunded_cents (appointment);
  const char *mode = sd_appointment_get_payment_mode (appointment) == SD_PAYMENT_PREPAID
                     ? _("Prepaid online") : _("Paid at the salon");
  g_autofree char *amount = NULL;

  if (refunded <= 0)
    return g_strdup (mode);
  amount = sd_money_format (refunded, currency);
  /* Translators: "Prepaid online, €45.00 refunded" */
  return g_strdup_printf (_("%s, %s refunded"), mode, amount);
}

static char *
describe_proposed (SdDetailsPane *self, SdAppointment *appointment)
{
  guint n = 0;
  const gint64 *starts = sd_appointment_get_proposed_starts (appointment, &n);
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = sd_details_pane_format_instant (self, starts[i]);

      if (i > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, line);
    }
  return g_string_free (lines, FALSE);
}

static char *
describe_cancellation (SdAppointment *appointment)
{
  const SdCancellation *c = sd_appointment_get_cancellation (appointment);
  g_autofree char *refund = NULL;

  if (c->refund_cents > 0)
    refund = sd_money_format (c->refund_cents, sd_appointment_get_currency (appointment));
  if (refund != NULL)
    /* Translators: "By the client: Illness. Refunded €45.00" */
    return g_strdup_printf (_("By %s: %s. Refunded %s"), sd_details_pane_party_label (c->by),
                            sd_cancel_reason_get_label (c->reason), refund);
  /* Translators: "By the salon: Illness" */
  return g_strdup_printf (_("By %s: %s"), sd_details_pane_party_label (c->by),
                          sd_cancel_reason_get_label (c->reason));
}

static void
show_appointment (SdDetailsPane *self)
{
  SdAppointment *a = self->appointment;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *when = NULL;
  g_autofree char *service = NULL;
  g_autofree char *price = NULL;
  g_autofree char *payment = NULL;
  const char *email;

  if (a == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      sd_details_pane_update_actions (self);
      return;
    }

  gtk_label_set_text (self->title_label, sd_appointment_get_client_name (a));

  /* Translators: the day of an appointment, see g_date_time_format(): "Monday 23 November 2026" */
  day = format_in_zone (self, sd_appointment_get_start (a), _("%A %-d %B %Y"));
  from = format_in_zone (self, sd_appointment_get_start (a), "%H:%M");
  to = format_in_zone (self, sd_appointment_get_end (a), "%H:%M");
  /* Translators: "Monday 23 November 2026, 14:30–15:15" */
  when = g_strdup_printf (_("%s, %s–%s"), day, from, to);
  gtk_label_set_text (self->when_label, when);

  set_state_badge (self, sd_appointment_get_state (a));

  if (sd_appointment_get_phone_revealed (a) && sd_appointment_get_client_phone (a) != NULL)
    {
      gtk_label_set_text (self->phone_value, sd_appointment_get_client_phone (a));
      gtk_widget_remove_css_class (GTK_WIDGET (self->phone_value), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->phone_value,
                          _("Shown once you accept or answer “Unavailable”"));
      gtk_widget_add_css_class (GTK_WIDGET (self->phone_value), "dim-label");
    }
  email = sd_appointment_get_client_email (a);
  gtk_label_set_text (self->email_value, email != NULL && *email ? email : _("None"));

  /* Translators: "Cut & blow-dry, 45 min" */
  service = g_strdup_printf (_("%s, %d min"), sd_appointment_get_service_name (a),
                             sd_appointment_get_duration_min (a));
  gtk_label_set_text (self->service_value, service);
  gtk_label_set_text (self->staff_value, sd_appointment_get_staff_name (a));
  price = sd_money_format (sd_appointment_get_price_cents (a), sd_appointment_get_currency (a));
  gtk_label_set_text (self->price_value, price);
  payment = describe_payment (a);
  gtk_label_set_text (self->payment_value, payment);

  {
    guint n = 0;

    sd_appointment_get_proposed_starts (a, &n);
    gtk_widget_set_visible (self->proposed_row, n > 0);
    if (n > 0)
      {
        g_autofree char *proposed = describe_proposed (self, a);
        gtk_label_set_text (self->proposed_value, proposed);
      }
  }

  gtk_widget_set_visible (self->cancellation_row, sd_appointment_get_cancellation (a) != NULL);
  if (sd_appointment_get_cancellation (a) != NULL)
    {
      g_autofree char *cancellation = describe_cancellation (a);
      gtk_label_set_text (self->cancellation_value, cancellation);
    }

  sd_details_pane_update_actions (self);
  sd_details_pane_update_countdown (self);
  update_notice (self);
  gtk_stack_set_visible_child_name (self->stack, "details");
}

static void
activate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdDetailsPane *self = SD_DETAILS_PANE (widget);
  SdActionRequest request;

  if (g_str_equal (action_name, "appointment.decline"))
    sd_details_pane_ask_decline (self);
  else if (g_str_equal (action_name, "appointment.unavailable"))
    sd_details_pane_ask_unavailable (self);
  else if (g_str_equal (action_name, "appointment.reschedule"))
    sd_details_pane_ask_reschedule (self);
  else if (g_str_equal (action_name, "appointment.cancel"))
    sd_details_pane_ask_cancel (self);
  else if (g_str_equal (action_name, "appointment.no-show"))
    sd_details_pane_ask_no_show (self);
  else if (g_str_equal (action_name, "appointment.message"))
    sd_details_pane_ask_message (self, NULL);
  else
    {
      for (guint i = 0; i < SD_N_PANE_ACTIONS; i++)
        if (g_str_equal (action_name, pane_actions[i].name))
          {
            sd_action_request_init (&request, pane_actions[i].action);
            sd_details_pane_perform (self, &request);
            return;
          }
      g_assert_not_reached ();
    }
}

/* ---- GObject ---- */

static void
create_buttons (SdDetailsPane *self)
{
  for (guint i = 0; i < SD_N_PANE_ACTIONS; i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(pane_actions[i].label));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), pane_actions[i].name);
      if (pane_actions[i].action == SD_ACTION_ACCEPT
          || pane_actions[i].action == SD_ACTION_CHECK_IN
          || pane_actions[i].action == SD_ACTION_CHECK_OUT)
        gtk_widget_add_css_class (button, "suggested-action");
      else if (pane_actions[i].destructive)
        gtk_widget_add_css_class (button, "destructive-action");
      gtk_flow_box_append (self->action_box, button);
      self->buttons[i] = button;
    }
}

static void
sd_details_pane_constructed (GObject *object)
{
  SdDetailsPane *self = SD_DETAILS_PANE (object);

  G_OBJECT_CLASS (sd_details_pane_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_signal_connect_object (sd_store_get_clock (self->store), "notify::now",
                           G_CALLBACK (on_clock_now_changed), self, G_CONNECT_SWAPPED);
  self->minute_source = g_timeout_add_seconds (60, on_minute, self);
  show_appointment (self);
}

static void
sd_details_pane_dispose (GObject *object)
{
  SdDetailsPane *self = SD_DETAILS_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->history_cancellable);
  g_clear_handle_id (&self->minute_source, g_source_remove);
  /* AdwBin unparents its child itself; take it away first so the template does not
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_DETAILS_PANE);

  G_OBJECT_CLASS (sd_details_pane_parent_class)->dispose (object);
}

static void
sd_details_pane_finalize (GObject *object)
{
  SdDetailsPane *self = SD_DETAILS_PANE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->appointment);
  g_clear_object (&self->complaint);
  g_clear_object (&self->undo_toast);
  sd_details_pane_clear_pending (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->history_cancellable);

  G_OBJECT_CLASS (sd_details_pane_parent_class)->finalize (object);
}

static void
sd_details_pane_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdDetailsPane *self = SD_DETAILS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_APPOINTMENT:
      g_value_set_object (value, self->appointment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_details_pane_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  SdDetailsPane *self = SD_DETAILS_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_APPOINTMENT:
      sd_details_pane_set_appointment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_details_pane_class_init (SdDetailsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sd_details_pane_constructed;
  object_class->dispose = sd_details_pane_dispose;
  object_class->finalize = sd_details_pane_finalize;
  object_class->get_property = sd_details_pane_get_property;
  object_class->set_property = sd_details_pane_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPOINTMENT] =
    g_param_spec_object ("appointment", NULL, NULL, SD_TYPE_APPOINTMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[APPOINTMENT_CHANGED] =
    g_signal_new ("appointment-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sd-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, when_label);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, state_badge);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, state_icon);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, state_label);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, notice_label);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, hint_label);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, client_warning);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, client_warning_label);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, overlap_warning);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, overlap_warning_label);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, action_box);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, phone_value);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, email_value);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, service_value);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, staff_value);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, price_value);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, payment_value);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, proposed_row);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, proposed_value);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, cancellation_row);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, cancellation_value);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, history_stack);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, history_spinner);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, history_list);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, history_message);
  gtk_widget_class_bind_template_child (widget_class, SdDetailsPane, assistance_section);

  for (guint i = 0; i < SD_N_PANE_ACTIONS; i++)
    gtk_widget_class_install_action (widget_class, pane_actions[i].name, NULL,
                                     activate_action);
  sd_details_pane_class_init_complaint (widget_class);
  sd_details_pane_class_init_perform (widget_class);
}

static void
sd_details_pane_init (SdDetailsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  create_buttons (self);
  for (guint i = 0; i < SD_N_PANE_ACTIONS; i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), pane_actions[i].name, FALSE);
  sd_details_pane_init_complaint (self);
}

GtkWidget *
sd_details_pane_new (SdStore *store)
{
  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  return g_object_new (SD_TYPE_DETAILS_PANE, "store", store, NULL);
}

void
sd_details_pane_set_appointment (SdDetailsPane *self, SdAppointment *appointment)
{
  g_return_if_fail (SD_IS_DETAILS_PANE (self));
  g_return_if_fail (appointment == NULL || SD_IS_APPOINTMENT (appointment));

  if (appointment != self->appointment)
    {
      g_set_object (&self->appointment, appointment);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT]);
    }
  /* Set again with the same object: show what it holds now and reload its history. */
  show_appointment (self);
  sd_details_pane_load_history (self);
  sd_details_pane_load_client_warning (self);
  sd_details_pane_load_overlap_warning (self);
}

SdAppointment *
sd_details_pane_get_appointment (SdDetailsPane *self)
{
  g_return_val_if_fail (SD_IS_DETAILS_PANE (self), NULL);

  return self->appointment;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cancel wizard, walked as the owner would from the real details pane: the four refund
 * cases of SPEC §2 (page by page, with back navigation), what the store, the history and the
 * outbox hold afterwards, the undo toast inside and after its window, the disputed lock,
 * and "Message Client…". The wizard's money words are checked against sd_refund_describe
 * and against what salon-desk-cli cancel-options prints for the same appointment. */
#include "config.h"

#include "panes-fixture.h"
#include "sd-cancel-wizard.h"
#include "sd-details-pane-private.h"
#include "sd-lifecycle.h"
#include "sd-refund.h"
#include "sd-time.h"

#define START_LATE (PANES_NOW + 3 * 3600)

/* ---- Finding things on screen ---- */

static GtkWidget *
child (GtkWidget *widget, GType type, const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

#define WIZ(w, name) child (GTK_WIDGET (w), SD_TYPE_CANCEL_WIZARD, name)
#define PANE(p, name) child ((p), SD_TYPE_DETAILS_PANE, name)

static SdCancelWizard *
open_wizard (GtkWidget *pane)
{
  GtkWindow *wizard;

  gtk_widget_activate_action (pane, "appointment.cancel", NULL);
  wizard = panes_find_window (SD_TYPE_CANCEL_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_true (gtk_window_get_modal (wizard));
  g_assert_true (gtk_window_get_transient_for (wizard)
                 == GTK_WINDOW (gtk_widget_get_root (pane)));
  return SD_CANCEL_WIZARD (wizard);
}

static void
act (SdCancelWizard *wizard, const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (wizard), action, NULL);
}

/* Clicks the option row @name (its check button follows through the wizard's action). */
static void
pick (SdCancelWizard *wizard, const char *name)
{
  GtkWidget *row = WIZ (wizard, name);

  g_assert_true (gtk_widget_is_sensitive (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
}

static const char *
subtitle (SdCancelWizard *wizard, const char *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (WIZ (wizard, row)));
}

static const char *
label (SdCancelWizard *wizard, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (WIZ (wizard, name)));
}

static const char *
step (SdCancelWizard *wizard)
{
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (WIZ (wizard, "window_title")));
}

static gboolean
shown (SdCancelWizard *wizard, const char *name)
{
  return gtk_widget_get_visible (WIZ (wizard, name));
}

static gboolean
transition_done (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

/* The page as it ends up: software rendering under Xvfb makes the slide slower than its
 * nominal 200 ms. */
static void
shoot (SdCancelWizard *wizard, const char *name)
{
  if (g_getenv ("SD_SCREENSHOT_DIR") == NULL)
    return;
  panes_wait_until (transition_done, WIZ (wizard, "stack"));
  panes_screenshot (GTK_WIDGET (wizard), name);
}

/* What the core says for this appointment, party and choice, as the CLI prints it too. */
static char *
describe (PanesFixture *f, SdAppointment *a, SdParty by, SdRefundChoice choice,
          SdRefundRule expected_rule)
{
  SdRefundDecision decision;

  sd_refund_decide_for_appointment (a, by, sd_store_get_salon (f->store),
                                    sd_clock_get_now (f->clock), &decision);
  g_assert_cmpint (decision.rule, ==, expected_rule);
  return sd_refund_describe (&decision, by, choice, "EUR");
}

/* salon-desk-cli --db … --now … cancel-options ID --by BY, on the test's own database. */
static char *
cli_cancel_options (PanesFixture *f, SdAppointment *a, const char *by)
{
  const char *cli = g_getenv ("SALON_DESK_CLI");
  g_autofree char *now = sd_time_format_rfc3339 (sd_clock_get_now (f->clock),
                                                 sd_salon_get_timezone (
                                                   sd_store_get_salon (f->store)));
  g_autofree char *id = g_strdup_printf ("%lld", (long long) sd_appointment_get_id (a));
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_assert_nonnull (cli);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, cli, "--db", f->path,
                           "--now", now, "cancel-options", id, "--by", by, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  return out;
}

/* ---- The pane and the store ---- */

typedef struct
{
  GtkWidget *pane;
  SdState state;
} StateIs;

static gboolean
state_is (gpointer data)
{
  StateIs *wait = data;

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (PANE (wait->pane, "state_label"))),
                    sd_state_get_label (wait->state)) == 0;
}

static void
wait_for_state (GtkWidget *pane, SdState state)
{
  StateIs wait = { pane, state };

  panes_wait_until (state_is, &wait);
}

static GtkWidget *
show_pane (PanesFixture *f, SdAppointment *appointment, GtkWidget **window)
{
  GtkWidget *pane = sd_details_pane_new (f->store);

  *window = panes_window_new (pane, 480, 800);
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), appointment);
  return pane;
}

static SdAppointment *
stored (PanesFixture *f, SdAppointment *appointment)
{
  g_autoptr (GError) error = NULL;
  SdAppointment *a = sd_store_get_appointment (f->store, sd_appointment_get_id (appointment),
                                               &error);

  g_assert_no_error (error);
  return a;
}

static SdHistoryEntry *
last_history (PanesFixture *f, SdAppointment *appointment, GPtrArray **keep)
{
  *keep = sd_store_list_history (f->store, sd_appointment_get_id (appointment), NULL);
  g_assert_nonnull (*keep);
  g_assert_cmpuint ((*keep)->len, >, 0);
  return g_ptr_array_index (*keep, (*keep)->len - 1);
}

static guint
outbox_count (PanesFixture *f)
{
  g_autoptr (GError) error = NULL;
  guint n = sd_store_count_outbox (f->store, &error);

  g_assert_no_error (error);
  return n;
}

/* The cancellation's outbox row among those the sender may send now, or NULL. */
static SdOutboxEntry *
sendable_cancel (PanesFixture *f, SdAppointment *a, GPtrArray **keep)
{
  *keep = sd_store_list_outbox (f->store, 0, NULL);
  g_assert_nonnull (*keep);
  for (guint i = 0; i < (*keep)->len; i++)
    {
      SdOutboxEntry *entry = g_ptr_array_index (*keep, i);

      if (sd_outbox_entry_get_appointment_id (entry) == sd_appointment_get_id (a)
          && g_strcmp0 (sd_outbox_entry_get_action (entry), "cancel") == 0)
        return entry;
    }
  return NULL;
}

/* A prepaid, confirmed appointment starting at @start (a marketplace request, accepted). */
static SdAppointment *
book_prepaid (PanesFixture *f, gint64 start, const char *client)
{
  g_autoptr (SdAppointment) request = panes_book (f, start, SD_STATE_REQUESTED, client);
  SdAppointment *confirmed = panes_perform (f, request, SD_ACTION_ACCEPT, PANES_NOW);

  g_assert_cmpint (sd_appointment_get_payment_mode (confirmed), ==, SD_PAYMENT_PREPAID);
  return confirmed;
}

/* After "Cancel Appointment": the wizard is gone, the pane shows the state, and the store
 * holds what the wizard said, with one history row and one (held) outbox row. */
static SdAppointment *
assert_cancelled (PanesFixture *f, GtkWidget *pane, SdAppointment *before, guint outbox_before,
                  SdParty by, SdCancelReason reason, gint64 refund_cents)
{
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) sendable = NULL;
  SdAppointment *after;
  const SdCancellation *c;
  SdHistoryEntry *entry;

  wait_for_state (pane, SD_STATE_CANCELLED);
  g_assert_null (panes_find_window (SD_TYPE_CANCEL_WIZARD));
  after = stored (f, before);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_CANCELLED);
  c = sd_appointment_get_cancellation (after);
  g_assert_nonnull (c);
  g_assert_cmpint (c->by, ==, by);
  g_assert_cmpint (c->reason, ==, reason);
  g_assert_cmpint (c->refund_cents, ==, refund_cents);
  g_assert_cmpint (c->refund, ==, refund_cents > 0 ? SD_REFUND_CHOICE_FULL
                                                   : SD_REFUND_CHOICE_NONE);
  g_assert_cmpint (sd_appointment_get_refunded_cents (after), ==, refund_cents);

  entry = last_history (f, after, &history);
  g_assert_cmpint (sd_history_entry_get_action (entry), ==, SD_ACTION_CANCEL);
  g_assert_cmpint (sd_history_entry_get_by (entry), ==, by);
  g_assert_cmpint (sd_history_entry_get_from_state (entry), ==,
                   sd_appointment_get_state (before));
  g_assert_cmpint (sd_history_entry_get_to_state (entry), ==, SD_STATE_CANCELLED);
  g_assert_cmpint (sd_history_entry_get_amount_cents (entry), ==, refund_cents);

  /* One row for the marketplace, held back for the undo window. */
  g_assert_cmpuint (outbox_count (f), ==, outbox_before + 1);
  g_assert_null (sendable_cancel (f, after, &sendable));

  /* The pane offers the undo. */
  g_assert_nonnull (panes_find_button (pane, "appointment.undo-cancel"));
  return after;
}

/* ---- The four refund cases ---- */

static void
test_pay_at_salon (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = panes_book (f, START_LATE, SD_STATE_CONFIRMED, "Anna");
  g_autoptr (SdAppointment) after = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autofree char *nothing = describe (f, booked, SD_PARTY_SALON, SD_REFUND_CHOICE_NONE,
                                       SD_REFUND_RULE_NOTHING_TO_REFUND);
  g_autofree char *cli = cli_cancel_options (f, booked, "salon");
  guint outbox_before = outbox_count (f);
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  SdCancelWizard *wizard = open_wizard (pane);
  SdHistoryEntry *entry;

  /* Page 1 asks first: no Back, Next waits for the answer. */
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "who");
  g_assert_cmpstr (step (wizard), ==, "Step 1 of 3");
  g_assert_false (shown (wizard, "back_button"));
  g_assert_false (gtk_widget_is_sensitive (WIZ (wizard, "next_button")));
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "who");
  g_assert_false (shown (wizard, "reminder_group"));
  g_assert_nonnull (strstr (label (wizard, "which_label"), "Anna"));

  /* The salon: call the client first; the phone is there to copy. */
  pick (wizard, "salon_row");
  g_assert_true (shown (wizard, "reminder_group"));
  g_assert_true (g_str_has_prefix (label (wizard, "phone_label"), "+31 20 "));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (WIZ (wizard, "phone_label"))));
  g_assert_true (gtk_widget_is_sensitive (WIZ (wizard, "message_button")));
  shoot (wizard, "wizard-who.png");

  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "why");
  g_assert_true (shown (wizard, "back_button"));
  g_assert_false (gtk_widget_is_sensitive (WIZ (wizard, "next_button")));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.reason", "s", "illness");
  gtk_editable_set_text (GTK_EDITABLE (WIZ (wizard, "note_row")), "  Marco has the flu ");
  g_assert_true (gtk_widget_is_sensitive (WIZ (wizard, "next_button")));
  shoot (wizard, "wizard-why.png");

  /* Paid at the salon: no refund page; the summary says why. */
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "summary");
  g_assert_cmpstr (step (wizard), ==, "Step 3 of 3");
  g_assert_cmpstr (subtitle (wizard, "summary_refund_row"), ==, nothing);
  g_assert_nonnull (strstr (nothing, "nothing to refund"));
  g_assert_nonnull (strstr (cli, nothing));
  g_assert_cmpstr (label (wizard, "summary_amount_label"), ==, "None");
  g_assert_cmpstr (subtitle (wizard, "summary_by_row"), ==, "The salon");
  g_assert_cmpstr (subtitle (wizard, "summary_reason_row"), ==, "Illness: “Marco has the flu”");
  g_assert_nonnull (strstr (subtitle (wizard, "summary_email_row"), "confirmation e-mail"));
  g_assert_true (shown (wizard, "ranking_box"));
  g_assert_nonnull (strstr (label (wizard, "ranking_label"), "ranking"));
  g_assert_nonnull (strstr (label (wizard, "undo_hint_label"), "10 seconds"));
  g_assert_false (shown (wizard, "next_button"));
  g_assert_true (shown (wizard, "confirm_button"));
  g_assert_true (gtk_widget_has_css_class (WIZ (wizard, "confirm_button"),
                                           "destructive-action"));

  /* Back skips the refund page too. */
  act (wizard, "wizard.back");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "why");
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "summary");
  /* Nothing was written while the wizard asked. */
  g_assert_cmpuint (outbox_count (f), ==, outbox_before);

  gtk_widget_activate (WIZ (wizard, "confirm_button"));
  after = assert_cancelled (f, pane, booked, outbox_before, SD_PARTY_SALON,
                            SD_CANCEL_REASON_ILLNESS, 0);
  g_assert_cmpstr (sd_appointment_get_cancellation (after)->note, ==, "Marco has the flu");
  entry = last_history (f, after, &history);
  g_assert_cmpstr (sd_history_entry_get_detail (entry), ==, "Marco has the flu");
  panes_screenshot (window, "panes-cancel-undo-toast.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_prepaid_salon (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = book_prepaid (f, START_LATE, "Bram");
  g_autofree char *full = describe (f, booked, SD_PARTY_SALON, SD_REFUND_CHOICE_FULL,
                                    SD_REFUND_RULE_FORCED_FULL);
  g_autofree char *cli = cli_cancel_options (f, booked, "salon");
  g_autoptr (SdAppointment) after = NULL;
  guint outbox_before = outbox_count (f);
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  SdCancelWizard *wizard = open_wizard (pane);

  pick (wizard, "salon_row");
  act (wizard, "wizard.next");
  /* The salon cancelling gets no suggested reason: it must say. */
  g_assert_false (gtk_widget_is_sensitive (WIZ (wizard, "next_button")));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.reason", "s", "staff_unavailable");
  act (wizard, "wizard.next");

  /* Late, but the salon cancels: a full refund, no question. */
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "summary");
  g_assert_cmpstr (step (wizard), ==, "Step 3 of 3");
  g_assert_cmpstr (subtitle (wizard, "summary_refund_row"), ==, full);
  g_assert_nonnull (strstr (full, "refunded in full (€45.00)"));
  g_assert_cmpstr (label (wizard, "summary_amount_label"), ==, "€45.00");
  g_assert_true (shown (wizard, "ranking_box"));
  /* The same words as the CLI's cancel-options. */
  g_assert_nonnull (strstr (cli, full));
  shoot (wizard, "wizard-summary.png");

  act (wizard, "wizard.confirm");
  after = assert_cancelled (f, pane, booked, outbox_before, SD_PARTY_SALON,
                            SD_CANCEL_REASON_STAFF_UNAVAILABLE, 4500);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_client_in_window (PanesFixture *f, gconstpointer data)
{
  /* Exactly 24 h before the start is still inside the free window. */
  g_autoptr (SdAppointment) booked = book_prepaid (f, PANES_NOW + 24 * 3600, "Cora");
  g_autofree char *full = describe (f, booked, SD_PARTY_CLIENT, SD_REFUND_CHOICE_FULL,
                                    SD_REFUND_RULE_FORCED_FULL);
  g_autofree char *cli = cli_cancel_options (f, booked, "client");
  g_autoptr (SdAppointment) after = NULL;
  guint outbox_before = outbox_count (f);
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  SdCancelWizard *wizard = open_wizard (pane);
  g_autofree char *reason = NULL;

  pick (wizard, "client_row");
  g_assert_false (shown (wizard, "reminder_group"));
  act (wizard, "wizard.next");
  /* The client called: their request is offered as the reason. */
  g_object_get (wizard, "reason", &reason, NULL);
  g_assert_cmpstr (reason, ==, "client_request");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    adw_action_row_get_activatable_widget (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (
      GTK_LIST_BOX (WIZ (wizard, "reason_list")), SD_CANCEL_REASON_CLIENT_REQUEST))))));
  act (wizard, "wizard.next");

  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "summary");
  g_assert_cmpstr (subtitle (wizard, "summary_refund_row"), ==, full);
  g_assert_nonnull (strstr (full, "automatically"));
  g_assert_cmpstr (label (wizard, "summary_amount_label"), ==, "€45.00");
  g_assert_cmpstr (subtitle (wizard, "summary_by_row"), ==, "The client, who called the salon");
  /* A client's cancellation costs the salon no ranking. */
  g_assert_false (shown (wizard, "ranking_box"));
  g_assert_nonnull (strstr (cli, full));

  act (wizard, "wizard.confirm");
  after = assert_cancelled (f, pane, booked, outbox_before, SD_PARTY_CLIENT,
                            SD_CANCEL_REASON_CLIENT_REQUEST, 4500);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_client_late (PanesFixture *f, gconstpointer data)
{
  /* One second inside the 24 h: late, so the salon chooses. */
  g_autoptr (SdAppointment) booked = book_prepaid (f, PANES_NOW + 24 * 3600 - 1, "Dirk");
  g_autofree char *keep = describe (f, booked, SD_PARTY_CLIENT, SD_REFUND_CHOICE_NONE,
                                    SD_REFUND_RULE_CHOICE);
  g_autofree char *salon_full = describe (f, booked, SD_PARTY_SALON, SD_REFUND_CHOICE_FULL,
                                          SD_REFUND_RULE_FORCED_FULL);
  g_autofree char *cli = cli_cancel_options (f, booked, "client");
  g_autofree char *cli_line = g_strdup_printf ("--refund none: %s\n", keep);
  g_autoptr (SdAppointment) after = NULL;
  guint outbox_before = outbox_count (f);
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  SdCancelWizard *wizard = open_wizard (pane);

  pick (wizard, "client_row");
  act (wizard, "wizard.next");
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "refund");
  g_assert_cmpstr (step (wizard), ==, "Step 3 of 4");
  g_assert_nonnull (strstr (label (wizard, "refund_intro_label"), "less than 24 hours"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (
                              ADW_PREFERENCES_ROW (WIZ (wizard, "refund_full_row"))),
                            "€45.00"));
  g_assert_nonnull (strstr (subtitle (wizard, "refund_keep_row"), "€45.00"));
  /* The money is never decided for the owner. */
  g_assert_false (gtk_widget_is_sensitive (WIZ (wizard, "next_button")));
  pick (wizard, "refund_keep_row");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (WIZ (wizard,
                                                                     "refund_keep_check"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (WIZ (wizard,
                                                                      "refund_full_check"))));
  shoot (wizard, "wizard-refund.png");
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "summary");
  g_assert_cmpstr (subtitle (wizard, "summary_refund_row"), ==, keep);
  g_assert_cmpstr (label (wizard, "summary_amount_label"), ==, "None");
  /* Word for word what the CLI offers for --refund none. */
  g_assert_nonnull (strstr (cli, cli_line));
  shoot (wizard, "wizard-summary-keep.png");

  /* Back to page 1: it was the salon after all. The refund page goes, the summary says
   * the salon refunds in full and warns about the ranking. */
  act (wizard, "wizard.back");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "refund");
  act (wizard, "wizard.back");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "why");
  act (wizard, "wizard.back");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "who");
  g_assert_false (shown (wizard, "back_button"));
  pick (wizard, "salon_row");
  g_assert_cmpstr (step (wizard), ==, "Step 1 of 3");
  act (wizard, "wizard.next");
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "summary");
  g_assert_cmpstr (subtitle (wizard, "summary_refund_row"), ==, salon_full);
  g_assert_cmpstr (label (wizard, "summary_amount_label"), ==, "€45.00");
  g_assert_true (shown (wizard, "ranking_box"));
  act (wizard, "wizard.back");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "why");

  /* And back to the client: the refund page returns with the choice kept. */
  act (wizard, "wizard.back");
  pick (wizard, "client_row");
  act (wizard, "wizard.next");
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "refund");
  act (wizard, "wizard.next");
  g_assert_cmpstr (subtitle (wizard, "summary_refund_row"), ==, keep);
  gtk_widget_activate (WIZ (wizard, "confirm_button"));

  after = assert_cancelled (f, pane, booked, outbox_before, SD_PARTY_CLIENT,
                            SD_CANCEL_REASON_CLIENT_REQUEST, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Closing, the clock, refusals ---- */

static void
test_escape_changes_nothing (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = book_prepaid (f, START_LATE, "Eva");
  g_autoptr (SdAppointment) after = NULL;
  g_autoptr (GPtrArray) history_before = sd_store_list_history (
    f->store, sd_appointment_get_id (booked), NULL);
  g_autoptr (GPtrArray) history_after = NULL;
  guint outbox_before = outbox_count (f);
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  SdCancelWizard *wizard = open_wizard (pane);

  pick (wizard, "client_row");
  act (wizard, "wizard.next");
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "refund");
  /* Escape is bound to window.close: the wizard goes, nothing else happens. */
  act (wizard, "window.close");
  panes_run_for (100);
  g_assert_null (panes_find_window (SD_TYPE_CANCEL_WIZARD));
  after = stored (f, booked);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_CONFIRMED);
  g_assert_null (sd_appointment_get_cancellation (after));
  history_after = sd_store_list_history (f->store, sd_appointment_get_id (booked), NULL);
  g_assert_cmpuint (history_after->len, ==, history_before->len);
  g_assert_cmpuint (outbox_count (f), ==, outbox_before);
  g_assert_null (panes_find_button (pane, "appointment.undo-cancel"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_clock_moves_rule (PanesFixture *f, gconstpointer data)
{
  /* Inside the free window by one minute: no refund page… */
  g_autoptr (SdAppointment) booked = book_prepaid (f, PANES_NOW + 24 * 3600 + 60, "Femke");
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  SdCancelWizard *wizard = open_wizard (pane);
  SdActionRequest request;

  pick (wizard, "client_row");
  act (wizard, "wizard.next");
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "summary");
  /* …until the owner dawdles past it: the wizard asks the refund before confirming. */
  sd_clock_advance (f->clock, 61);
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "refund");
  g_assert_false (sd_cancel_wizard_get_request (wizard, &request));
  act (wizard, "wizard.confirm");
  panes_run_for (50);
  g_assert_nonnull (panes_find_window (SD_TYPE_CANCEL_WIZARD));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.refund", "s", "full");
  g_assert_true (sd_cancel_wizard_get_request (wizard, &request));
  g_assert_cmpint (request.refund, ==, SD_REFUND_CHOICE_FULL);
  g_assert_cmpint (request.by, ==, SD_PARTY_CLIENT);
  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_request_client_only (PanesFixture *f, gconstpointer data)
{
  /* A request is declined by the salon, never cancelled by it: only the client option. */
  g_autoptr (SdAppointment) request = panes_book (f, START_LATE, SD_STATE_REQUESTED, "Gijs");
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, request, &window);
  SdCancelWizard *wizard = open_wizard (pane);
  g_autofree char *by = NULL;

  g_assert_false (gtk_widget_is_sensitive (WIZ (wizard, "salon_row")));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (WIZ (wizard, "client_check"))));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.by", "s", "salon");
  g_object_get (wizard, "by", &by, NULL);
  g_assert_cmpstr (by, ==, "client");
  g_assert_true (gtk_widget_is_sensitive (WIZ (wizard, "next_button")));
  shoot (wizard, "wizard-who-request.png");
  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_disputed_refused (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) disputed = panes_make_in_state (f, SD_STATE_DISPUTED, "Hanna");
  g_autoptr (SdAppointment) after = NULL;
  guint outbox_before = outbox_count (f);
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, disputed, &window);
  GtkWidget *cancel = panes_find_button (pane, "appointment.cancel");
  GtkWidget *message = panes_find_button (pane, "appointment.message");

  /* Locked: no cancel, no wizard; the chat stays open. */
  g_assert_nonnull (cancel);
  g_assert_false (gtk_widget_get_sensitive (cancel));
  gtk_widget_activate_action (pane, "appointment.cancel", NULL);
  panes_run_for (100);
  g_assert_null (panes_find_window (SD_TYPE_CANCEL_WIZARD));
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_sensitive (message));
  g_assert_true (gtk_widget_is_visible (message));

  /* An undo aimed at it is refused by the store, and says so. */
  gtk_widget_activate_action (pane, "appointment.undo-cancel", "x",
                              sd_appointment_get_id (disputed));
  gtk_window_destroy (GTK_WINDOW (panes_wait_for_dialog ()));
  after = stored (f, disputed);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_DISPUTED);
  g_assert_cmpuint (outbox_count (f), ==, outbox_before);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_disputed_meanwhile (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = panes_book (f, START_LATE, SD_STATE_CONFIRMED, "Nina");
  g_autoptr (SdAppointment) disputed = NULL;
  g_autoptr (SdAppointment) after = NULL;
  guint outbox_before;
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  SdCancelWizard *wizard = open_wizard (pane);
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.by", "s", "salon");
  act (wizard, "wizard.next");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.reason", "s", "illness");
  act (wizard, "wizard.next");
  /* While the owner reads the summary, the client opens a complaint on the marketplace. */
  disputed = panes_perform (f, booked, SD_ACTION_OPEN_COMPLAINT, PANES_NOW);
  outbox_before = outbox_count (f);
  act (wizard, "wizard.confirm");

  /* The store asks the core again: locked, said in its words, nothing written. */
  dialog = panes_wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "The appointment was not changed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "complaint"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  after = stored (f, booked);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_DISPUTED);
  g_assert_null (sd_appointment_get_cancellation (after));
  g_assert_cmpuint (outbox_count (f), ==, outbox_before);
  g_assert_null (panes_find_button (pane, "appointment.undo-cancel"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Undo ---- */

static SdAppointment *
cancel_through_wizard (PanesFixture *f, GtkWidget *pane, const char *by)
{
  SdCancelWizard *wizard = open_wizard (pane);

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.by", "s", by);
  act (wizard, "wizard.next");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.reason", "s", "double_booking");
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "summary");
  act (wizard, "wizard.confirm");
  wait_for_state (pane, SD_STATE_CANCELLED);
  return sd_details_pane_get_appointment (SD_DETAILS_PANE (pane));
}

static gboolean
history_shows (gpointer data)
{
  GtkWidget *list = data;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row)
        && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                      "Cancellation undone") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
undo_gone (gpointer pane)
{
  return panes_find_button (pane, "appointment.undo-cancel") == NULL;
}

static void
test_undo_in_window (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = book_prepaid (f, START_LATE, "Ines");
  g_autoptr (SdAppointment) restored = NULL;
  g_autoptr (GPtrArray) history = NULL;
  guint outbox_before = outbox_count (f);
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  GtkWidget *undo;
  SdHistoryEntry *entry;

  /* Later than the booking, so "updated" has to be put back, not just kept. */
  sd_clock_advance (f->clock, 600);
  cancel_through_wizard (f, pane, "salon");
  g_assert_cmpuint (outbox_count (f), ==, outbox_before + 1);
  undo = panes_find_button (pane, "appointment.undo-cancel");
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (undo)), ==, "_Undo");

  /* Five seconds later, still inside the window. */
  sd_clock_advance (f->clock, 5);
  gtk_widget_activate (undo);
  wait_for_state (pane, SD_STATE_CONFIRMED);

  restored = stored (f, booked);
  g_assert_cmpint (sd_appointment_get_state (restored), ==, SD_STATE_CONFIRMED);
  g_assert_null (sd_appointment_get_cancellation (restored));
  g_assert_cmpint (sd_appointment_get_refunded_cents (restored), ==,
                   sd_appointment_get_refunded_cents (booked));
  g_assert_cmpint (sd_appointment_get_updated_at (restored), ==,
                   sd_appointment_get_updated_at (booked));
  g_assert_cmpint (sd_appointment_get_start (restored), ==, sd_appointment_get_start (booked));
  g_assert_cmpint (sd_appointment_get_end (restored), ==, sd_appointment_get_end (booked));
  g_assert_cmpint (sd_appointment_get_staff_id (restored), ==,
                   sd_appointment_get_staff_id (booked));
  /* The marketplace never hears of it; the history does. */
  g_assert_cmpuint (outbox_count (f), ==, outbox_before);
  entry = last_history (f, restored, &history);
  g_assert_cmpint (sd_history_entry_get_action (entry), ==, SD_ACTION_UNDO_CANCEL);
  g_assert_cmpint (sd_history_entry_get_to_state (entry), ==, SD_STATE_CONFIRMED);
  g_assert_cmpint (sd_history_entry_get_amount_cents (entry), ==, -4500);
  panes_wait_until (history_shows, PANE (pane, "history_list"));
  /* The toast is gone with the undo (once its animation ends: waited for, not timed, so a
   * slow machine does not fail it). */
  panes_wait_until (undo_gone, pane);
  g_assert_true (gtk_widget_get_sensitive (panes_find_button (pane, "appointment.cancel")));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_undo_after_window (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = panes_book (f, START_LATE, SD_STATE_CONFIRMED, "Joost");
  g_autoptr (SdAppointment) after = NULL;
  g_autoptr (GPtrArray) sendable = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  SdOutboxEntry *row;
  guint outbox_after_cancel;
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  AdwMessageDialog *dialog;
  GtkWidget *undo;

  cancel_through_wizard (f, pane, "salon");
  outbox_after_cancel = outbox_count (f);
  undo = panes_find_button (pane, "appointment.undo-cancel");
  g_assert_nonnull (undo);

  /* Held for the 10 s window; from its end the sender takes it. */
  sd_clock_advance (f->clock, 9);
  g_assert_null (sendable_cancel (f, booked, &sendable));
  g_clear_pointer (&sendable, g_ptr_array_unref);
  sd_clock_advance (f->clock, 1);
  row = sendable_cancel (f, booked, &sendable);
  g_assert_nonnull (row);
  g_assert_true (sd_store_outbox_begin_send (f->store, sd_outbox_entry_get_id (row), &error));
  g_assert_no_error (error);

  /* Undo now: refused, in plain words, and nothing changes. */
  gtk_widget_activate (undo);
  dialog = panes_wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "The cancellation was not undone");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already been sent"));
  panes_screenshot (GTK_WIDGET (dialog), "panes-undo-refused.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  after = stored (f, booked);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_CANCELLED);
  g_assert_nonnull (sd_appointment_get_cancellation (after));
  g_assert_cmpint (sd_history_entry_get_action (last_history (f, after, &history)), ==,
                   SD_ACTION_CANCEL);
  g_assert_cmpuint (outbox_count (f), ==, outbox_after_cancel);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (PANE (pane, "state_label"))), ==,
                   sd_state_get_label (SD_STATE_CANCELLED));
  panes_run_for (600);
  g_assert_null (panes_find_button (pane, "appointment.undo-cancel"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Enter as a keyboard user presses it: the wizard's capture-phase key handler, fed the key
 * the way GTK would. */
static gboolean
press_enter (SdCancelWizard *wizard)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (wizard));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
}

static void
test_keyboard (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = panes_book (f, START_LATE, SD_STATE_CONFIRMED, "Lotte");
  g_autoptr (SdAppointment) after = NULL;
  g_autofree char *by = NULL;
  g_autofree char *reason = NULL;
  guint outbox_before = outbox_count (f);
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  SdCancelWizard *wizard = open_wizard (pane);

  /* The first option has the focus: Enter picks it and moves on. */
  g_assert_true (gtk_widget_has_focus (WIZ (wizard, "salon_row")));
  g_assert_true (press_enter (wizard));
  g_object_get (wizard, "by", &by, NULL);
  g_assert_cmpstr (by, ==, "salon");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "why");

  /* In the note, Enter goes on only once a reason is given. */
  gtk_widget_grab_focus (WIZ (wizard, "note_row"));
  g_assert_true (press_enter (wizard));
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "why");
  gtk_widget_grab_focus (gtk_widget_get_next_sibling (GTK_WIDGET (gtk_list_box_get_row_at_index (
    GTK_LIST_BOX (WIZ (wizard, "reason_list")), 0))));
  g_assert_true (press_enter (wizard));
  g_object_get (wizard, "reason", &reason, NULL);
  g_assert_cmpstr (reason, ==, "staff_unavailable");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "summary");

  /* On the summary Enter does nothing: cancelling takes the red button. */
  g_assert_false (press_enter (wizard));
  panes_run_for (100);
  g_assert_nonnull (panes_find_window (SD_TYPE_CANCEL_WIZARD));
  g_assert_cmpuint (outbox_count (f), ==, outbox_before);
  after = stored (f, booked);
  g_assert_cmpint (sd_appointment_get_state (after), ==, SD_STATE_CONFIRMED);
  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_undo_toast_timeout (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = panes_book (f, START_LATE, SD_STATE_CONFIRMED, "Maud");
  SdSalonSettings settings = *sd_salon_get_settings (sd_store_get_salon (f->store));
  g_autoptr (GError) error = NULL;
  GtkWidget *window;
  GtkWidget *pane;
  gint64 shown_at;
  double seconds;

  /* The salon's undo time, not a fixed one. */
  settings.undo_seconds = 12;
  sd_salon_set_settings (sd_store_get_salon (f->store), &settings);
  g_assert_true (sd_store_save_salon (f->store, &error));
  g_assert_no_error (error);

  pane = show_pane (f, booked, &window);
  cancel_through_wizard (f, pane, "salon");
  g_assert_nonnull (panes_find_button (pane, "appointment.undo-cancel"));
  shown_at = g_get_monotonic_time ();
  panes_wait_until (undo_gone, pane);
  seconds = (g_get_monotonic_time () - shown_at) / (double) G_USEC_PER_SEC;
  g_test_message ("the undo toast stayed %.1f s", seconds);
  g_assert_cmpfloat (seconds, >=, 11.5);
  g_assert_cmpfloat (seconds, <, 25.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Message Client… ---- */

static void
compose (AdwMessageDialog *dialog, const char *text)
{
  GtkWidget *scrolled = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

typedef struct
{
  PanesFixture *f;
  gint64 id;
} MessagesOf;

static gboolean
has_message (gpointer data)
{
  MessagesOf *m = data;
  g_autoptr (GPtrArray) messages = sd_store_list_messages (m->f->store, m->id, NULL);

  return messages != NULL && messages->len > 0;
}

static void
test_message_client (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = panes_book (f, START_LATE, SD_STATE_CONFIRMED, "Kees");
  g_autoptr (GPtrArray) messages = NULL;
  g_autoptr (GPtrArray) outbox = NULL;
  guint outbox_before = outbox_count (f);
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  GtkWidget *button = panes_find_button (pane, "appointment.message");
  SdCancelWizard *wizard;
  AdwMessageDialog *dialog;
  MessagesOf wait = { f, sd_appointment_get_id (booked) };

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate (button);
  dialog = panes_wait_for_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Kees"));
  /* Send waits for words, blanks are not words. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "send"));
  compose (dialog, "  \n ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "send"));
  compose (dialog, "Could you come at 15:00 instead?\nMarco is delayed.");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "send"));
  panes_screenshot (GTK_WIDGET (dialog), "panes-message-dialog.png");
  adw_message_dialog_response (dialog, "send");
  gtk_window_destroy (GTK_WINDOW (dialog));

  panes_wait_until (has_message, &wait);
  messages = sd_store_list_messages (f->store, sd_appointment_get_id (booked), NULL);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (sd_message_get_body (g_ptr_array_index (messages, 0)), ==,
                   "Could you come at 15:00 instead?\nMarco is delayed.");
  g_assert_cmpuint (outbox_count (f), ==, outbox_before + 1);
  outbox = sd_store_list_outbox (f->store, 0, NULL);
  g_assert_cmpstr (sd_outbox_entry_get_action (g_ptr_array_index (outbox, outbox->len - 1)), ==,
                   "message");
  panes_run_for (100);

  /* The wizard's shortcut opens the same dialog, over the wizard; closing it keeps the
   * wizard where it was. */
  wizard = open_wizard (pane);
  pick (wizard, "salon_row");
  gtk_widget_activate (WIZ (wizard, "message_button"));
  dialog = panes_wait_for_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (wizard));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "send"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "who");
  g_assert_cmpuint (outbox_count (f), ==, outbox_before + 1);
  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Message Client…" is offered exactly where the lifecycle allows a message, the disputed
 * appointment included (its chat stays open), and nowhere else. */
static void
test_message_states (PanesFixture *f, gconstpointer data)
{
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 800);
  GtkWidget *button = panes_find_button (pane, "appointment.message");

  g_assert_nonnull (button);
  for (SdState state = 0; state < SD_N_STATES; state++)
    {
      g_autofree char *client = g_strdup_printf ("Client %d", (int) state);
      g_autoptr (SdAppointment) a = panes_make_in_state (f, state, client);
      gboolean allowed = sd_lifecycle_check (a, SD_ACTION_MESSAGE,
                                             sd_store_get_salon (f->store),
                                             sd_clock_get_now (f->clock), NULL);

      sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), a);
      if (gtk_widget_get_sensitive (button) != allowed
          || gtk_widget_is_visible (button) != allowed)
        g_error ("Message Client… in state %s: %s, core says %s", sd_state_to_string (state),
                 gtk_widget_get_sensitive (button) ? "enabled" : "disabled",
                 allowed ? "allowed" : "refused");
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A message is still being written when the owner confirms the cancellation: the pane is
 * busy, and the cancellation must wait its turn, never be dropped. */
static void
test_confirm_while_busy (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) booked = panes_book (f, START_LATE, SD_STATE_CONFIRMED, "Noor");
  g_autoptr (SdAppointment) after = NULL;
  g_autoptr (GPtrArray) messages = NULL;
  guint outbox_before = outbox_count (f);
  GtkWidget *window;
  GtkWidget *pane = show_pane (f, booked, &window);
  SdCancelWizard *wizard = open_wizard (pane);
  SdActionRequest message;

  pick (wizard, "salon_row");
  act (wizard, "wizard.next");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.reason", "s", "illness");
  act (wizard, "wizard.next");
  g_assert_cmpstr (sd_cancel_wizard_get_page (wizard), ==, "summary");

  sd_action_request_init (&message, SD_ACTION_MESSAGE);
  message.text = "Sorry, Marco is ill today.";
  sd_details_pane_perform (SD_DETAILS_PANE (pane), &message);
  act (wizard, "wizard.confirm");

  /* Both happen, in the order asked: the message, then the cancellation. */
  after = assert_cancelled (f, pane, booked, outbox_before + 1, SD_PARTY_SALON,
                            SD_CANCEL_REASON_ILLNESS, 0);
  messages = sd_store_list_messages (f->store, sd_appointment_get_id (booked), NULL);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (sd_message_get_body (g_ptr_array_index (messages, 0)), ==,
                   "Sorry, Marco is ill today.");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  if (!panes_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/panes/cancel-wizard/" path, PanesFixture, NULL, panes_fixture_setup, func, \
              panes_fixture_teardown)
  ADD ("pay-at-salon", test_pay_at_salon);
  ADD ("prepaid-salon", test_prepaid_salon);
  ADD ("client-in-window", test_client_in_window);
  ADD ("client-late", test_client_late);
  ADD ("escape", test_escape_changes_nothing);
  ADD ("clock-moves-rule", test_clock_moves_rule);
  ADD ("request-client-only", test_request_client_only);
  ADD ("disputed", test_disputed_refused);
  ADD ("disputed-meanwhile", test_disputed_meanwhile);
  ADD ("undo-in-window", test_undo_in_window);
  ADD ("undo-after-window", test_undo_after_window);
  ADD ("keyboard", test_keyboard);
  ADD ("undo-toast-timeout", test_undo_toast_timeout);
  ADD ("message-client", test_message_client);
  ADD ("message-states", test_message_states);
  ADD ("confirm-while-busy", test_confirm_while_busy);
#undef ADD
  return g_test_run ();
}

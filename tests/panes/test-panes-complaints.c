/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The complaints page and its reply screen, driven like a user would: the list with its
 * deadlines, badge count and filters; a missed deadline; answering by refund, redo and
 * contest (with a real PNG), each checked in the store and the outbox; files refused for
 * their content, size or because they cannot be read, with nothing written; the chat. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "panes-fixture.h"
#include "sd-complaint-pane.h"
#include "sd-complaints-view.h"
#include "sd-store-private.h"
#include "sd-store-sync.h"
#include "sd-time.h"
#include "sd-window.h"

typedef struct
{
  PanesFixture f;
  gint64 anna;     /* awaiting, 1 h left */
  gint64 bram;     /* awaiting, 23 h left */
  gint64 cora;     /* missed */
  gint64 dirk;     /* resolved by a refund */
} Fixture;

/* ---- Data ---- */

/* A prepaid appointment at @start, done, on which the client complains at @opened_at
 * (24 h to answer) for @reason, asking @refund cents back. Returns the complaint's id; the
 * clock is back at PANES_NOW. */
static gint64
complain (Fixture *fx, gint64 start, const char *client, gint64 opened_at, const char *reason,
          gint64 refund)
{
  PanesFixture *f = &fx->f;
  g_autoptr (SdAppointment) a = NULL;
  g_autoptr (SdAppointment) b = NULL;
  g_autoptr (SdAppointment) c = NULL;
  g_autoptr (SdAppointment) d = NULL;
  g_autoptr (SdAppointment) e = NULL;
  g_autoptr (GError) error = NULL;
  SdActionRequest request;

  sd_clock_set_now (f->clock, start - 4 * 3600);
  a = panes_book (f, start, SD_STATE_REQUESTED, client);
  b = panes_perform (f, a, SD_ACTION_ACCEPT, start - 3 * 3600);
  c = panes_perform (f, b, SD_ACTION_CHECK_IN, start);
  d = panes_perform (f, c, SD_ACTION_CHECK_OUT, start + 45 * 60);
  sd_clock_set_now (f->clock, opened_at);
  sd_action_request_init (&request, SD_ACTION_OPEN_COMPLAINT);
  request.by = SD_PARTY_CLIENT;
  request.text = reason;
  request.refund_requested_cents = refund;
  request.deadline_kind = SD_DEADLINE_HOURS_24;
  e = sd_store_perform (f->store, sd_appointment_get_id (d), &request, &error);
  g_assert_no_error (error);
  sd_clock_set_now (f->clock, PANES_NOW);
  return sd_appointment_get_complaint_id (e);
}

/* PANES_NOW is Monday 23 November 2026, 09:00 in Amsterdam. */
static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  g_autoptr (SdComplaint) refunded = NULL;
  g_autoptr (GError) error = NULL;
  SdComplaintResponse refund = { .action = SD_RESPONSE_REFUND, .amount_cents = 4500 };

  panes_fixture_setup (f, data);
  /* Thursday, opened Friday 10:00: due Saturday 10:00, long passed (missed on load). */
  fx->cora = complain (fx, PANES_NOW - 4 * 86400 + 3600, "Cora Conti",
                       PANES_NOW - 3 * 86400 + 3600, "I waited forty minutes past my time.", 1500);
  /* Friday, opened Sunday 10:00: due today 10:00, one hour left. */
  fx->anna = complain (fx, PANES_NOW - 3 * 86400 + 3600, "Anna Rossi", PANES_NOW - 23 * 3600,
                       "The cut is uneven: the fringe is much shorter on the left than on the "
                       "right, and nobody checked it with me before I paid.", 4500);
  /* Saturday noon, opened today 08:00: due tomorrow 08:00. */
  fx->bram = complain (fx, PANES_NOW - 2 * 86400 + 3 * 3600, "Bram Bakker", PANES_NOW - 3600,
                       "The colour is not what we agreed.", 2500);
  /* Saturday 15:00, opened Sunday 09:00, refunded Sunday 12:00. */
  fx->dirk = complain (fx, PANES_NOW - 2 * 86400 + 6 * 3600, "Dirk de Vries",
                       PANES_NOW - 86400, "Charged twice for one cut.", 4500);
  /* Anna also wrote in the chat, an hour after her complaint. */
  {
    g_autoptr (SdComplaint) anna = sd_store_get_complaint (f->store, fx->anna, NULL);
    g_autoptr (SdMessage) message = sd_message_new ();

    sd_message_set_appointment_id (message, sd_complaint_get_appointment_id (anna));
    sd_message_set_author (message, SD_PARTY_CLIENT);
    sd_message_set_body (message, "Hello, I sent a complaint about my haircut on Friday. "
                                  "Can someone call me back?");
    sd_message_set_at (message, PANES_NOW - 22 * 3600);
    g_assert_true (sd_store_add_message (f->store, message, &error));
    g_assert_no_error (error);
  }
  sd_clock_set_now (f->clock, PANES_NOW - 21 * 3600);
  refunded = sd_store_respond_complaint (f->store, fx->dirk, &refund, &error);
  g_assert_no_error (error);
  g_assert_nonnull (refunded);
  sd_clock_set_now (f->clock, PANES_NOW);
}

/* The marketplace's version of Anna's complaint, as the sync engine pulls it: her photo
 * and a note from the marketplace staff in the comments thread. */
static void
pull_anna_thread (Fixture *fx)
{
  PanesFixture *f = &fx->f;
  g_autoptr (SdComplaint) anna = sd_store_get_complaint (f->store, fx->anna, NULL);
  g_autofree char *sql = g_strdup_printf ("UPDATE appointments SET remote_id = 'apt_anna'"
                                          " WHERE id = %lld",
                                          (long long) sd_complaint_get_appointment_id (anna));
  static const char json[] =
    "{\"id\":\"cmp_anna\",\"version\":2,\"appointment_id\":\"apt_anna\","
    "\"opened_by\":\"client\",\"opened_at\":\"2026-11-22T10:00:00+01:00\","
    "\"reason\":\"The cut is uneven: the fringe is much shorter on the left than on the right,"
    " and nobody checked it with me before I paid.\",\"refund_requested_cents\":4500,"
    "\"deadline_kind\":\"hours_24\",\"reply_by\":\"2026-11-23T10:00:00+01:00\","
    "\"status\":\"awaiting_reply\",\"comments\":["
    "{\"id\":\"cmt_1\",\"author\":\"client\",\"body\":\"A photo from the day after.\","
    "\"at\":\"2026-11-22T10:05:00+01:00\",\"attachments\":[{\"id\":\"att_1\","
    "\"filename\":\"fringe.jpg\",\"content_type\":\"image/jpeg\",\"size\":48213}]},"
    "{\"id\":\"cmt_2\",\"author\":\"staff\",\"body\":\"We asked the salon for its side.\","
    "\"at\":\"2026-11-22T12:00:00+01:00\",\"attachments\":[]}],"
    "\"response\":null,\"resolution\":null}";
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (
    (GDestroyNotify) sd_remote_change_free);
  g_autoptr (GError) error = NULL;
  guint applied = 0;

  g_assert_cmpint (sqlite3_exec (f->store->db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_ptr_array_add (changes, sd_remote_change_parse ("complaint", json_parser_get_root (parser),
                                                    &error));
  g_assert_no_error (error);
  g_assert_true (sd_store_apply_changes (f->store, changes, NULL, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied, ==, 1);
}

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  panes_fixture_teardown (&fx->f, data);
}

/* ---- Widgets ---- */

static GtkWidget *
view_child (GtkWidget *view, const char *name)
{
  GObject *object = gtk_widget_get_template_child (view, SD_TYPE_COMPLAINTS_VIEW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
pane_child (GtkWidget *pane, const char *name)
{
  GObject *object = gtk_widget_get_template_child (pane, SD_TYPE_COMPLAINT_PANE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

typedef struct
{
  GtkWidget *view;
  guint count;
  guint shown;
} ListIs;

static gboolean
list_is (gpointer data)
{
  ListIs *wait = data;
  const char *page = gtk_stack_get_visible_child_name (GTK_STACK (view_child (wait->view,
                                                                              "list_stack")));

  return sd_complaints_view_get_count (SD_COMPLAINTS_VIEW (wait->view)) == wait->count
         && g_list_model_get_n_items (sd_complaints_view_get_model (
                                        SD_COMPLAINTS_VIEW (wait->view))) == wait->shown
         && (g_strcmp0 (page, "list") == 0 || g_strcmp0 (page, "empty") == 0);
}

static void
wait_for_list (GtkWidget *view, guint count, guint shown)
{
  ListIs wait = { view, count, shown };

  panes_wait_until (list_is, &wait);
}

/* The client names shown, top to bottom. */
static char *
shown_clients (GtkWidget *view)
{
  GListModel *model = sd_complaints_view_get_model (SD_COMPLAINTS_VIEW (view));
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (SdComplaint) complaint = g_list_model_get_item (model, i);

      if (names->len > 0)
        g_string_append (names, " | ");
      g_string_append (names, sd_complaint_get_client_name (complaint));
    }
  return g_string_free (names, FALSE);
}

/* Every label's text under @root, one per line: what a user can read. */
static void
collect_text (GtkWidget *root, GString *out)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (root)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
visible_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_text (root, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget *pane;
  SdComplaintStatus status;
} PaneIs;

static gboolean
pane_is (gpointer data)
{
  PaneIs *wait = data;
  SdComplaint *complaint = sd_complaint_pane_get_complaint (SD_COMPLAINT_PANE (wait->pane));

  return complaint != NULL && !sd_complaint_pane_get_busy (SD_COMPLAINT_PANE (wait->pane))
         && sd_complaint_get_status (complaint) == wait->status;
}

static void
wait_for_pane (GtkWidget *pane, SdComplaintStatus status)
{
  PaneIs wait = { pane, status };

  panes_wait_until (pane_is, &wait);
}

static gboolean
slid_in (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

/* The list, a complaint opened on its reply screen. */
static GtkWidget *
open_complaint (GtkWidget *view, gint64 id, SdComplaintStatus status)
{
  GtkWidget *pane = view_child (view, "pane");

  sd_complaints_view_open (SD_COMPLAINTS_VIEW (view), id);
  wait_for_pane (pane, status);
  /* Screenshots show the reply screen, not the slide towards it. */
  panes_wait_until (slid_in, view_child (view, "pages"));
  g_assert_cmpint (sd_complaint_get_id (sd_complaint_pane_get_complaint (SD_COMPLAINT_PANE (pane))),
                   ==, id);
  panes_run_for (100);
  return pane;
}

static gboolean
action_enabled (GtkWidget *widget, const char *name)
{
  GtkWidget *button = panes_find_button (widget, name);

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

/* ---- Store ---- */

static guint
count_outbox (PanesFixture *f, const char *action)
{
  g_autoptr (GPtrArray) entries = sd_store_list_outbox (f->store, 0, NULL);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    n += g_strcmp0 (sd_outbox_entry_get_action (g_ptr_array_index (entries, i)), action) == 0;
  return n;
}

static char *
last_payload (PanesFixture *f, const char *action)
{
  g_autoptr (GPtrArray) entries = sd_store_list_outbox (f->store, 0, NULL);

  for (guint i = entries->len; i > 0; i--)
    if (g_strcmp0 (sd_outbox_entry_get_action (g_ptr_array_index (entries, i - 1)), action) == 0)
      return g_strdup (sd_outbox_entry_get_payload (g_ptr_array_index (entries, i - 1)));
  return NULL;
}

static SdComplaint *
stored (PanesFixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  SdComplaint *complaint = sd_store_get_complaint (f->store, id, &error);

  g_assert_no_error (error);
  return complaint;
}

/* A real 64 × 48 PNG (a gradient), so its thumbnail decodes. */
static char *
write_png (PanesFixture *f, const char *name)
{
  const int width = 64, height = 48;
  guchar *pixels = g_malloc (width * height * 4);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + (y * width + x) * 4;

        p[0] = 200 - x;
        p[1] = 120 + y;
        p[2] = 90 + x;
        p[3] = 255;
      }
  bytes = g_bytes_new_take (pixels, width * height * 4);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8, bytes, width * 4);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

static char *
write_bytes (PanesFixture *f, const char *name, const char *head, gsize len, goffset size)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, head, len, &error));
  g_assert_no_error (error);
  if (size > (goffset) len)
    g_assert_cmpint (truncate (path, size), ==, 0);   /* a hole: no megabytes written */
  return path;
}

static void
add_paths (GtkWidget *pane, const char *const *paths)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  sd_complaint_pane_add_files (SD_COMPLAINT_PANE (pane), (GFile **) files->pdata, files->len);
}

typedef struct
{
  GtkWidget *pane;
  guint n_files;
  gboolean error_shown;
} FilesAre;

static gboolean
files_are (gpointer data)
{
  FilesAre *wait = data;
  g_autoptr (GPtrArray) files = sd_complaint_pane_dup_files (SD_COMPLAINT_PANE (wait->pane));

  return files->len == wait->n_files
         && gtk_widget_get_visible (pane_child (wait->pane, "files_error_label"))
            == wait->error_shown;
}

static void
set_text_view (GtkWidget *pane, const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (pane_child (pane, "contest_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* ---- Tests ---- */

static void
test_list (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 560);
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;
  g_autofree char *deadline = NULL;
  g_autoptr (SdComplaint) cora = NULL;
  GtkWidget *left;
  guint notified = 0;

  /* Cora's deadline passed on Saturday: the load marks it missed. */
  wait_for_list (view, 2, 4);
  names = shown_clients (view);
  g_assert_cmpstr (names, ==, "Anna Rossi | Bram Bakker | Cora Conti | Dirk de Vries");
  g_object_get (view, "count", &notified, NULL);
  g_assert_cmpuint (notified, ==, 2);
  cora = stored (f, fx->cora);
  g_assert_cmpint (sd_complaint_get_status (cora), ==, SD_COMPLAINT_MISSED);

  /* What the receptionist reads: exact deadlines, time left, statuses in words, money. */
  panes_run_for (200);
  text = visible_text (view);
  g_assert_nonnull (strstr (text, "by Mon 23 Nov, 10:00"));
  g_assert_nonnull (strstr (text, "1 h left"));
  g_assert_nonnull (strstr (text, "by Tue 24 Nov, 08:00"));
  g_assert_nonnull (strstr (text, "Awaiting reply"));
  g_assert_nonnull (strstr (text, "Missed"));
  g_assert_nonnull (strstr (text, "was due Sat 21 Nov, 10:00"));
  g_assert_nonnull (strstr (text, "Resolved"));
  g_assert_nonnull (strstr (text, "The colour is not what we agreed."));
  g_assert_nonnull (strstr (text, "€25.00"));
  g_assert_nonnull (strstr (text, "2 complaints awaiting your reply · 1 missed"));
  /* Under two hours left: red. */
  left = find_label (view, "1 h left");
  g_assert_nonnull (left);
  g_assert_true (gtk_widget_has_css_class (left, "error"));
  g_assert_false (gtk_widget_has_css_class (find_label (view, "23 h left"), "error"));

  panes_screenshot (window, "complaints-list.png");

  /* Filters change what is shown, never the badge. */
  gtk_widget_activate_action (view, "complaints.filter", "s", "needs");
  wait_for_list (view, 2, 2);
  g_clear_pointer (&names, g_free);
  names = shown_clients (view);
  g_assert_cmpstr (names, ==, "Anna Rossi | Bram Bakker");
  gtk_widget_activate_action (view, "complaints.filter", "s", "recent");
  wait_for_list (view, 2, 3);
  g_clear_pointer (&names, g_free);
  names = shown_clients (view);
  g_assert_cmpstr (names, ==, "Anna Rossi | Bram Bakker | Dirk de Vries");
  gtk_widget_activate_action (view, "complaints.filter", "s", "resolved");
  wait_for_list (view, 2, 1);
  g_clear_pointer (&names, g_free);
  names = shown_clients (view);
  g_assert_cmpstr (names, ==, "Dirk de Vries");

  /* The clock passes Anna's deadline: she turns missed, the badge drops. */
  gtk_widget_activate_action (view, "complaints.filter", "s", "all");
  g_object_get (view, "filter", &deadline, NULL);
  g_assert_cmpstr (deadline, ==, "all");
  sd_clock_set_now (f->clock, PANES_NOW + 3601);
  wait_for_list (view, 1, 4);
  g_clear_pointer (&names, g_free);
  names = shown_clients (view);
  g_assert_cmpstr (names, ==, "Bram Bakker | Anna Rossi | Cora Conti | Dirk de Vries");
  {
    g_autoptr (SdComplaint) anna = stored (f, fx->anna);

    g_assert_cmpint (sd_complaint_get_status (anna), ==, SD_COMPLAINT_MISSED);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->f.dir, "empty.sqlite", NULL);
  g_autoptr (SdStore) store = sd_store_open (path, fx->f.clock, &error);
  GtkWidget *view;
  GtkWidget *window;

  g_assert_no_error (error);
  g_assert_true (sd_store_init_salon (store, "Salone Vuoto", "Europe/Amsterdam", "EUR", &error));
  view = sd_complaints_view_new (store);
  window = panes_window_new (view, 800, 500);
  wait_for_list (view, 0, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (view, "list_stack"))),
                   ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (view_child (view, "empty_page"))),
                   ==, "No complaints");
  gtk_window_destroy (GTK_WINDOW (window));
  panes_run_for (50);
}

static void
test_refund (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 900);
  GtkWidget *pane;
  GtkWidget *entry;
  GtkWidget *error_label;
  g_autoptr (SdComplaint) before = NULL;
  g_autoptr (SdComplaint) after = NULL;
  g_autoptr (SdAppointment) appointment = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *text = NULL;
  guint outbox;

  pull_anna_thread (fx);
  wait_for_list (view, 2, 4);
  pane = open_complaint (view, fx->anna, SD_COMPLAINT_AWAITING_REPLY);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (view, "pages"))),
                   ==, "reply");
  text = visible_text (pane);
  g_assert_nonnull (strstr (text, "Anna Rossi — Cut & blow-dry"));
  g_assert_nonnull (strstr (text, "The cut is uneven"));
  g_assert_nonnull (strstr (text, "Full refund: €45.00"));
  g_assert_nonnull (strstr (text, "(1 h left)"));
  g_assert_nonnull (strstr (text, "does not affect your reputation"));
  /* The comments thread pulled from the marketplace, oldest first, with its files. */
  g_assert_true (gtk_widget_get_visible (pane_child (pane, "comments_group")));
  g_assert_nonnull (strstr (text, "Anna Rossi · Sun 22 Nov 2026, 10:05\nA photo from the day "
                                  "after.\nfringe.jpg"));
  g_assert_nonnull (strstr (text, "Marketplace staff · Sun 22 Nov 2026, 12:00\nWe asked the "
                                  "salon for its side."));
  g_assert_true (action_enabled (pane, "complaint.send-refund"));
  /* The evidence pack is one click away, in the header. */
  g_assert_true (action_enabled (pane, "complaint.export-evidence"));
  g_assert_true (gtk_widget_is_ancestor (panes_find_button (pane, "complaint.export-evidence"),
                                         pane_child (pane, "header_suffix")));
  panes_screenshot (window, "complaints-reply.png");

  /* Partial: more than was paid is refused before sending, and nothing is written. */
  outbox = sd_store_count_outbox (f->store, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (pane_child (pane, "refund_partial_check")), TRUE);
  entry = pane_child (pane, "amount_entry");
  error_label = pane_child (pane, "amount_error_label");
  g_assert_true (gtk_widget_get_sensitive (entry));
  g_assert_false (action_enabled (pane, "complaint.send-refund"));   /* nothing typed yet */
  gtk_editable_set_text (GTK_EDITABLE (entry), "99");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)),
                            "more than can be refunded"));
  g_assert_false (action_enabled (pane, "complaint.send-refund"));
  gtk_widget_activate_action (pane, "complaint.send-refund", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "0");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "more than nothing"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "12.345");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "like 12.50"));
  gtk_widget_activate_action (pane, "complaint.send-refund", NULL);
  panes_run_for (100);
  g_assert_cmpuint (sd_store_count_outbox (f->store, NULL), ==, outbox);
  before = stored (f, fx->anna);
  g_assert_cmpint (sd_complaint_get_status (before), ==, SD_COMPLAINT_AWAITING_REPLY);

  /* €20.00 of €45.00: sent, the complaint closes, the pane and the badge say so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "20");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (action_enabled (pane, "complaint.send-refund"));
  gtk_widget_activate_action (pane, "complaint.send-refund", NULL);
  wait_for_pane (pane, SD_COMPLAINT_RESOLVED);
  after = stored (f, fx->anna);
  g_assert_cmpint (sd_complaint_get_status (after), ==, SD_COMPLAINT_RESOLVED);
  g_assert_cmpint (sd_complaint_get_response_amount_cents (after), ==, 2000);
  appointment = sd_store_get_appointment (f->store, sd_complaint_get_appointment_id (after), NULL);
  g_assert_cmpint (sd_appointment_get_refunded_cents (appointment), ==, 2000);
  g_assert_cmpuint (sd_store_count_outbox (f->store, NULL), ==, outbox + 1);
  payload = last_payload (f, "respond");
  g_assert_nonnull (strstr (payload, "\"action\":\"refund\""));
  g_assert_nonnull (strstr (payload, "\"amount_cents\":2000"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pane_child (pane, "answer_stack"))),
                   ==, "closed");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pane_child (pane, "closed_label"))),
                            "You refunded €20.00"));
  g_assert_false (action_enabled (pane, "complaint.send-refund"));
  wait_for_list (view, 1, 4);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_redo (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 1000);
  GtkWidget *pane;
  GtkListBox *slots;
  GtkListBoxRow *first;
  g_autoptr (SdComplaint) after = NULL;
  g_autoptr (GArray) free_slots = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *expected = NULL;
  const char *effect;

  wait_for_list (view, 2, 4);
  pane = open_complaint (view, fx->bram, SD_COMPLAINT_AWAITING_REPLY);
  gtk_stack_set_visible_child_name (GTK_STACK (pane_child (pane, "answers_stack")), "redo");
  panes_run_for (100);

  /* The slots are the store's free ones for Marco's 45 minutes, Tuesday 09:00 first (the
   * salon is closed on Mondays). */
  free_slots = sd_store_list_free_slots (f->store, f->staff_id, 45 * 60, PANES_NOW,
                                         PANES_NOW + 14 * 86400, 1800, 400, NULL);
  slots = GTK_LIST_BOX (pane_child (pane, "slots_list"));
  g_assert_cmpuint (free_slots->len, >, 60);   /* more than three days' worth */
  g_assert_cmpuint (panes_count_children (GTK_WIDGET (slots)), >=, free_slots->len);
  first = gtk_list_box_get_row_at_index (slots, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (first), "09:00 – 09:45"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_header (first))), ==,
                   "Tuesday 24 November");
  g_assert_null (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (slots, 1)));
  /* The last one is two weeks out. */
  g_assert_cmpint (g_array_index (free_slots, gint64, free_slots->len - 1), >,
                   PANES_NOW + 12 * 86400);
  g_assert_false (action_enabled (pane, "complaint.send-redo"));

  /* It says the client's window, with the computed date: 7 business days from today. */
  effect = gtk_label_get_text (GTK_LABEL (pane_child (pane, "redo_effect_label")));
  g_assert_nonnull (strstr (effect, "The client has 7 business days to accept, until "
                                    "Wed 2 Dec 2026, 09:00"));

  gtk_list_box_select_row (slots, first);
  g_assert_true (action_enabled (pane, "complaint.send-redo"));
  panes_screenshot (window, "complaints-redo.png");
  gtk_widget_activate_action (pane, "complaint.send-redo", NULL);
  wait_for_pane (pane, SD_COMPLAINT_UNDER_REVIEW);
  after = stored (f, fx->bram);
  g_assert_cmpint (sd_complaint_get_response_action (after), ==, SD_RESPONSE_OFFER_REDO);
  g_assert_cmpint (sd_complaint_get_response_redo_start (after), ==,
                   g_array_index (free_slots, gint64, 0));
  payload = last_payload (f, "respond");
  g_assert_nonnull (strstr (payload, "\"action\":\"offer_redo\""));
  g_assert_nonnull (strstr (payload, "\"redo_start\":\"2026-11-24T09:00:00+01:00\""));
  expected = g_strdup ("You offered a redo on Tue 24 Nov 2026, 09:00");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pane_child (pane, "closed_label"))),
                            expected));
  wait_for_list (view, 1, 4);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_contest (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 1100);
  g_autofree char *png = write_png (f, "colour-chart.png");
  g_autofree char *pdf = write_bytes (f, "receipt.pdf", "%PDF-1.7\n%…", 12, 0);
  const char *const files[] = { png, pdf, NULL };
  FilesAre two = { NULL, 2, FALSE };
  FilesAre one = { NULL, 1, FALSE };
  g_autoptr (SdComplaint) after = NULL;
  g_autofree char *payload = NULL;
  const char *const *stored_files;
  guint responds = count_outbox (f, "respond");   /* Dirk's refund, from the set-up */
  GtkWidget *pane;

  wait_for_list (view, 2, 4);
  pane = open_complaint (view, fx->anna, SD_COMPLAINT_AWAITING_REPLY);
  two.pane = one.pane = pane;
  g_assert_false (action_enabled (pane, "complaint.send-contest"));   /* no body yet */
  add_paths (pane, files);
  panes_wait_until (files_are, &two);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pane_child (pane,
                                                                             "answers_stack"))),
                   ==, "contest");
  /* Thumbnails: the picture decoded, the PDF an icon; both named. */
  g_assert_cmpuint (panes_count_children (pane_child (pane, "files_box")), ==, 2);
  g_assert_nonnull (find_label (pane_child (pane, "files_box"), "colour-chart.png"));
  g_assert_nonnull (find_label (pane_child (pane, "files_box"), "receipt.pdf"));
  set_text_view (pane, "The client chose this colour from our chart; see the photo.");
  g_assert_true (action_enabled (pane, "complaint.send-contest"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pane_child (pane,
                                                                       "contest_effect_label"))),
                            "The marketplace staff decide"));
  panes_screenshot (window, "complaints-contest.png");

  /* Take the PDF off again: only the picture goes. */
  gtk_widget_activate_action (pane, "complaint.remove-file", "s", pdf);
  panes_wait_until (files_are, &one);
  g_assert_cmpuint (panes_count_children (pane_child (pane, "files_box")), ==, 1);

  gtk_widget_activate_action (pane, "complaint.send-contest", NULL);
  wait_for_pane (pane, SD_COMPLAINT_UNDER_REVIEW);
  after = stored (f, fx->anna);
  g_assert_cmpint (sd_complaint_get_response_action (after), ==, SD_RESPONSE_CONTEST);
  stored_files = sd_complaint_get_attachments (after);
  g_assert_cmpuint (g_strv_length ((char **) stored_files), ==, 1);
  g_assert_true (g_str_has_suffix (stored_files[0], "colour-chart.png"));
  g_assert_true (g_file_test (stored_files[0], G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_outbox (f, "respond"), ==, responds + 1);
  g_assert_cmpuint (count_outbox (f, "comment"), ==, 1);
  payload = last_payload (f, "comment");
  g_assert_nonnull (strstr (payload, "\"content_type\":\"image/png\""));
  /* The pane now shows the answer and the file it carried; sending is over. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pane_child (pane, "closed_label"))),
                            "You contested it on"));
  g_assert_cmpuint (panes_count_children (pane_child (pane, "attachments_box")), ==, 1);
  g_assert_false (action_enabled (pane, "complaint.add-files"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Send pressed right after choosing a photo: the check of the file still runs, so the
 * answer waits for it instead of going to the marketplace without the evidence. */
static void
test_contest_waits_for_files (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 1100);
  g_autofree char *png = write_png (f, "colour-chart.png");
  const char *const files[] = { png, NULL };
  FilesAre one = { NULL, 1, FALSE };
  g_autoptr (SdComplaint) after = NULL;
  guint responds = count_outbox (f, "respond");
  GtkWidget *pane;

  wait_for_list (view, 2, 4);
  pane = open_complaint (view, fx->anna, SD_COMPLAINT_AWAITING_REPLY);
  one.pane = pane;
  set_text_view (pane, "The client chose this colour from our chart; see the photo.");
  g_assert_true (action_enabled (pane, "complaint.send-contest"));
  add_paths (pane, files);
  /* The check answers on the main loop, which has not run yet. */
  g_assert_false (action_enabled (pane, "complaint.send-contest"));
  gtk_widget_activate_action (pane, "complaint.send-contest", NULL);
  panes_wait_until (files_are, &one);
  panes_run_for (100);
  g_assert_cmpuint (count_outbox (f, "respond"), ==, responds);   /* nothing sent yet */
  g_assert_true (action_enabled (pane, "complaint.send-contest"));

  gtk_widget_activate_action (pane, "complaint.send-contest", NULL);
  wait_for_pane (pane, SD_COMPLAINT_UNDER_REVIEW);
  after = stored (f, fx->anna);
  g_assert_cmpuint (g_strv_length ((char **) sd_complaint_get_attachments (after)), ==, 1);
  g_assert_cmpuint (count_outbox (f, "respond"), ==, responds + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An answer refused after the user already went on to another complaint: the refusal is
 * told (a toast naming it), never shown as if the other complaint's answer had failed. */
static void
test_refused_after_leaving (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 800);
  SdComplaintResponse elsewhere = { .action = SD_RESPONSE_CONTEST, .body = "From the other desk" };
  g_autoptr (SdComplaint) answered = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *pane;

  wait_for_list (view, 2, 4);
  pane = open_complaint (view, fx->bram, SD_COMPLAINT_AWAITING_REPLY);
  answered = sd_store_respond_complaint (f->store, fx->bram, &elsewhere, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (pane, "complaint.send-refund", NULL);
  /* Back to the list and on to Anna's before the store answered. */
  sd_complaints_view_open (SD_COMPLAINTS_VIEW (view), fx->anna);
  wait_for_pane (pane, SD_COMPLAINT_AWAITING_REPLY);
  panes_run_for (100);
  g_assert_cmpint (sd_complaint_get_id (sd_complaint_pane_get_complaint (SD_COMPLAINT_PANE (pane))),
                   ==, fx->anna);
  g_assert_false (gtk_widget_get_visible (pane_child (pane, "answer_error_label")));
  g_assert_nonnull (find_label (pane, "The previous answer was not saved: "));
  g_assert_true (action_enabled (pane, "complaint.send-refund"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_refuse_files (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 800);
  g_autofree char *renamed = write_bytes (f, "notes.png", "Just some notes, not a picture.",
                                          31, 0);
  g_autofree char *huge = write_bytes (f, "huge.png", "\x89PNG\r\n\x1a\n", 8,
                                       11 * 1024 * 1024);
  g_autofree char *folder = g_build_filename (f->dir, "folder.png", NULL);
  g_autofree char *dangling = g_build_filename (f->dir, "gone.pdf", NULL);
  g_autofree char *attachments = g_build_filename (f->dir, "attachments", NULL);
  g_autofree char *good = write_png (f, "dropped.png");
  const char *const bad[] = { renamed, huge, folder, dangling, NULL };
  FilesAre refused = { NULL, 0, TRUE };
  FilesAre dropped = { NULL, 1, FALSE };
  const char *message;
  guint outbox = sd_store_count_outbox (f->store, NULL);
  GtkWidget *pane;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("/nonexistent/salon-desk/gone.pdf", dangling), ==, 0);
  wait_for_list (view, 2, 4);
  pane = open_complaint (view, fx->anna, SD_COMPLAINT_AWAITING_REPLY);
  refused.pane = dropped.pane = pane;

  add_paths (pane, bad);
  panes_wait_until (files_are, &refused);
  message = gtk_label_get_text (GTK_LABEL (pane_child (pane, "files_error_label")));
  g_assert_nonnull (strstr (message, "“notes.png” is not a PNG or JPEG picture or a PDF"));
  g_assert_nonnull (strstr (message, "“huge.png” is larger than 10 MB"));
  g_assert_nonnull (strstr (message, "Cannot read the attachment “folder.png”"));
  g_assert_nonnull (strstr (message, "Cannot read the attachment “gone.pdf”"));
  g_assert_cmpuint (panes_count_children (pane_child (pane, "files_box")), ==, 0);
  g_assert_false (gtk_widget_get_visible (pane_child (pane, "files_box")));
  panes_screenshot (window, "complaints-refused-files.png");

  /* Nothing was written: no outbox row, no copy beside the database. */
  g_assert_cmpuint (sd_store_count_outbox (f->store, NULL), ==, outbox);
  g_assert_false (g_file_test (attachments, G_FILE_TEST_EXISTS));

  /* A good file dropped on the pane is accepted and clears the old error. */
  {
    GtkDropTarget *target = NULL;
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (pane);
    g_autoptr (GFile) file = g_file_new_for_path (good);
    GSList *list = g_slist_prepend (NULL, file);
    GdkFileList *files = gdk_file_list_new_from_list (list);
    GValue value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, files);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);
    g_value_unset (&value);
    g_slist_free (list);
  }
  panes_wait_until (files_are, &dropped);
  g_assert_cmpuint (panes_count_children (pane_child (pane, "files_box")), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The store still decides: an answer another desk gave first is refused, in its words,
 * and nothing more is written. After the deadline the texts say it is late, then the
 * screen shows the complaint missed. */
static void
test_refusal_and_late (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 800);
  SdComplaintResponse elsewhere = { .action = SD_RESPONSE_CONTEST, .body = "From the other desk" };
  g_autoptr (SdComplaint) answered = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *pane;
  GtkWidget *error_label;
  guint outbox;

  wait_for_list (view, 2, 4);
  pane = open_complaint (view, fx->bram, SD_COMPLAINT_AWAITING_REPLY);
  answered = sd_store_respond_complaint (f->store, fx->bram, &elsewhere, &error);
  g_assert_no_error (error);
  outbox = sd_store_count_outbox (f->store, NULL);
  gtk_widget_activate_action (pane, "complaint.send-refund", NULL);
  error_label = pane_child (pane, "answer_error_label");
  wait_for_pane (pane, SD_COMPLAINT_AWAITING_REPLY);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)),
                            "not waiting for the salon’s reply"));
  g_assert_cmpuint (sd_store_count_outbox (f->store, NULL), ==, outbox);

  /* Anna's deadline passes while her reply screen is open. */
  pane = open_complaint (view, fx->anna, SD_COMPLAINT_AWAITING_REPLY);
  g_assert_true (action_enabled (pane, "complaint.send-refund"));
  /* At once (the clock's notification): the texts say it is late, sending is off. */
  sd_clock_set_now (f->clock, PANES_NOW + 3601);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pane_child (pane,
                                                                       "refund_effect_label"))),
                            "Too late: the deadline passed on Mon 23 Nov 2026, 10:00"));
  g_assert_false (action_enabled (pane, "complaint.send-refund"));
  g_assert_false (action_enabled (pane, "complaint.add-files"));
  /* Then the store marks it missed, and the open screen follows. */
  wait_for_pane (pane, SD_COMPLAINT_MISSED);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pane_child (pane, "answer_stack"))),
                   ==, "closed");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* A pull while the reply screen is open (the marketplace added comments): the screen
 * shows them, and what the user had typed and chosen stays. */
static void
test_refreshed_while_open (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 800);
  GtkWidget *pane;
  GtkListBox *slots;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  wait_for_list (view, 2, 4);
  pane = open_complaint (view, fx->anna, SD_COMPLAINT_AWAITING_REPLY);
  g_assert_false (gtk_widget_get_visible (pane_child (pane, "comments_group")));
  set_text_view (pane, "Our side, half written");
  slots = GTK_LIST_BOX (pane_child (pane, "slots_list"));
  gtk_list_box_select_row (slots, gtk_list_box_get_row_at_index (slots, 3));

  pull_anna_thread (fx);
  gtk_widget_activate_action (view, "complaints.refresh", NULL);
  panes_wait_until (is_visible, pane_child (pane, "comments_group"));
  wait_for_pane (pane, SD_COMPLAINT_AWAITING_REPLY);
  g_assert_nonnull (find_label (pane_child (pane, "comments_list"), "We asked the salon"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (pane_child (pane, "contest_view")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Our side, half written");
  g_assert_true (gtk_list_box_get_selected_row (slots)
                 == gtk_list_box_get_row_at_index (slots, 3));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_missed (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 800);
  GtkWidget *pane;
  g_autofree char *text = NULL;

  wait_for_list (view, 2, 4);
  pane = open_complaint (view, fx->cora, SD_COMPLAINT_MISSED);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pane_child (pane, "answer_stack"))),
                   ==, "closed");
  text = visible_text (pane);
  g_assert_false (gtk_widget_get_visible (pane_child (pane, "comments_group")));
  g_assert_nonnull (strstr (text, "Missed"));
  g_assert_nonnull (strstr (text, "counts against your reputation"));
  g_assert_false (action_enabled (pane, "complaint.send-refund"));
  g_assert_false (action_enabled (pane, "complaint.send-redo"));
  g_assert_false (action_enabled (pane, "complaint.send-contest"));
  panes_screenshot (window, "complaints-missed.png");

  /* Back to the list; there, Back is off (Escape goes to the window). */
  g_assert_true (action_enabled (pane, "complaints.back"));
  gtk_widget_activate_action (pane, "complaints.back", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (view, "pages"))),
                   ==, "list");
  g_assert_false (action_enabled (pane, "complaints.back"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_chat (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  GtkWidget *view = sd_complaints_view_new (f->store);
  GtkWidget *window = panes_window_new (view, 1280, 800);
  g_autoptr (SdComplaint) complaint = stored (f, fx->anna);
  g_autoptr (SdMessage) message = sd_message_new ();
  g_autoptr (GPtrArray) messages = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *pane;
  GtkWidget *entry;
  SdMessage *last;

  sd_message_set_appointment_id (message, sd_complaint_get_appointment_id (complaint));
  sd_message_set_author (message, SD_PARTY_CLIENT);
  sd_message_set_body (message, "The fringe is much shorter on the left.");
  sd_message_set_at (message, PANES_NOW - 20 * 3600);
  g_assert_true (sd_store_add_message (f->store, message, &error));
  g_assert_no_error (error);

  wait_for_list (view, 2, 4);
  pane = open_complaint (view, fx->anna, SD_COMPLAINT_AWAITING_REPLY);
  text = visible_text (pane_child (pane, "chat_list"));
  g_assert_nonnull (strstr (text, "The fringe is much shorter on the left."));
  g_assert_nonnull (strstr (text, "Anna Rossi · Sun 22 Nov, 11:00"));
  g_assert_nonnull (strstr (text, "Anna Rossi · Sun 22 Nov, 13:00"));

  entry = pane_child (pane, "message_entry");
  g_assert_false (action_enabled (pane, "complaint.send-message"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  We are sorry — come in tomorrow at 10?  ");
  g_assert_true (action_enabled (pane, "complaint.send-message"));
  gtk_widget_activate_action (pane, "complaint.send-message", NULL);
  panes_run_for (50);
  wait_for_pane (pane, SD_COMPLAINT_AWAITING_REPLY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  messages = sd_store_list_messages (f->store, sd_complaint_get_appointment_id (complaint), NULL);
  last = g_ptr_array_index (messages, messages->len - 1);
  g_assert_cmpint (sd_message_get_author (last), ==, SD_PARTY_SALON);
  g_assert_cmpstr (sd_message_get_body (last), ==, "We are sorry — come in tomorrow at 10?");
  g_assert_cmpuint (count_outbox (f, "message"), ==, 1);
  g_clear_pointer (&text, g_free);
  text = visible_text (pane_child (pane, "chat_list"));
  g_assert_nonnull (strstr (text, "You · Mon 23 Nov, 09:00"));

  /* Typing on while the message is being sent: what was typed after it stays. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "See you then");
  gtk_widget_activate_action (pane, "complaint.send-message", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "See you then. And the fringe");
  panes_run_for (50);
  wait_for_pane (pane, SD_COMPLAINT_AWAITING_REPLY);
  g_assert_cmpuint (count_outbox (f, "message"), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==,
                   "See you then. And the fringe");
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  AdwViewStackPage *page;
  guint badge;
} BadgeIs;

static gboolean
badge_is (gpointer data)
{
  BadgeIs *wait = data;

  return adw_view_stack_page_get_badge_number (wait->page) == wait->badge;
}

/* In the window: a "Complaints" page whose badge counts the complaints awaiting a reply,
 * which the inbox's complaints open, and which follows the window's reload (another desk
 * answered one). */
static void
test_window_badge (Fixture *fx, gconstpointer data)
{
  PanesFixture *f = &fx->f;
  g_autoptr (GListModel) staff = sd_store_list_staff (f->store, NULL);
  SdWindow *window = SD_WINDOW (sd_window_new (NULL));
  SdComplaintResponse refund = { .action = SD_RESPONSE_REFUND, .amount_cents = 500 };
  g_autoptr (SdComplaint) answered = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *view;
  AdwViewStack *stack;
  BadgeIs wait;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 640);
  gtk_window_present (GTK_WINDOW (window));
  sd_window_set_store (window, f->store, staff);
  sd_window_set_view (window, "complaints");
  view = sd_window_get_part (window, "complaints");
  g_assert_nonnull (view);
  g_assert_cmpstr (sd_window_get_view (window), ==, "complaints");
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK));
  wait.page = adw_view_stack_get_page (stack, view);
  g_assert_cmpstr (adw_view_stack_page_get_title (wait.page), ==, "Complaints");
  wait.badge = 2;
  panes_wait_until (badge_is, &wait);
  g_assert_true (adw_view_stack_page_get_needs_attention (wait.page));
  panes_run_for (800);   /* the window's crossfade from its loading page */
  panes_screenshot (GTK_WIDGET (window), "complaints-window.png");

  /* A complaint activated in the inbox opens its reply screen on this page. */
  {
    g_autoptr (SdComplaint) anna = stored (f, fx->anna);
    GtkWidget *pane = view_child (view, "pane");

    sd_window_set_view (window, "inbox");
    g_signal_emit_by_name (sd_window_get_part (window, "inbox"), "appointment-activated",
                           sd_complaint_get_appointment_id (anna));
    g_assert_cmpstr (sd_window_get_view (window), ==, "complaints");
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (view, "pages"))),
                     ==, "reply");
    wait_for_pane (pane, SD_COMPLAINT_AWAITING_REPLY);
    g_assert_cmpint (sd_complaint_get_id (sd_complaint_pane_get_complaint (
                       SD_COMPLAINT_PANE (pane))), ==, fx->anna);
  }

  answered = sd_store_respond_complaint (f->store, fx->bram, &refund, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  wait.badge = 1;
  panes_wait_until (badge_is, &wait);
  g_assert_true (adw_view_stack_page_get_needs_attention (wait.page));
  gtk_window_destroy (GTK_WINDOW (window));
  panes_run_for (50);
}

int
main (int argc, char *argv[])
{
  if (!panes_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/panes/complaints/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("list", test_list);
  ADD ("empty", test_empty);
  ADD ("refund", test_refund);
  ADD ("redo", test_redo);
  ADD ("contest", test_contest);
  ADD ("contest-waits-for-files", test_contest_waits_for_files);
  ADD ("refused-after-leaving", test_refused_after_leaving);
  ADD ("refuse-files", test_refuse_files);
  ADD ("refusal-and-late", test_refusal_and_late);
  ADD ("refreshed-while-open", test_refreshed_while_open);
  ADD ("missed", test_missed);
  ADD ("chat", test_chat);
  ADD ("window-badge", test_window_badge);
#undef ADD
  return g_test_run ();
}

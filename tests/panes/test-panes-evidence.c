/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The complaint side of the details pane, as a receptionist meets it: the evidence PDF (read
 * back with pdftotext and pdfinfo), its clear error for a folder that does not exist, the
 * same export from the complaint reply screen's header, the Assistance section before and
 * after the marketplace resolves, and the salon contesting a no-show within 24 h — and not
 * one second later. */
#include "config.h"

#include <glib/gstdio.h>

#include "panes-fixture.h"
#include "sd-complaint-pane-private.h"
#include "sd-details-pane-private.h"
#include "sd-evidence-export.h"
#include "sd-lifecycle.h"
#include "sd-policy-error.h"

static const char *const locked_actions[] = {
  "appointment.accept", "appointment.decline", "appointment.unavailable",
  "appointment.check-in", "appointment.check-out", "appointment.no-show",
  "appointment.reschedule", "appointment.cancel", "appointment.open-complaint",
};

static GObject *
child (GtkWidget *widget, GType type, const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return object;
}

static GtkWidget *
assistance (GtkWidget *pane)
{
  return GTK_WIDGET (child (pane, SD_TYPE_DETAILS_PANE, "assistance_section"));
}

static const char *
assistance_subtitle (GtkWidget *pane, const char *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (child (assistance (pane),
                                                             SD_TYPE_ASSISTANCE_SECTION, row)));
}

static gboolean
assistance_row_visible (GtkWidget *pane, const char *row)
{
  return gtk_widget_get_visible (GTK_WIDGET (child (assistance (pane), SD_TYPE_ASSISTANCE_SECTION,
                                                    row)));
}

static gboolean
history_loaded (gpointer data)
{
  GtkStack *stack = GTK_STACK (child (data, SD_TYPE_DETAILS_PANE, "history_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static void
show (GtkWidget *pane, SdAppointment *appointment)
{
  sd_details_pane_set_appointment (SD_DETAILS_PANE (pane), appointment);
  panes_wait_until (history_loaded, pane);
}

/* The titles of the timeline's rows, one per line. */
static char *
timeline_titles (GtkWidget *pane)
{
  GtkWidget *list = GTK_WIDGET (child (pane, SD_TYPE_DETAILS_PANE, "history_list"));
  GString *titles = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (titles, "%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (titles, FALSE);
}

static gboolean
stack_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (data);
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Like the fixture's panes_screenshot, but waits for the window to be mapped and retries
 * until a frame was drawn: a loaded machine (or a dialog's first frame) draws late. */
static void
screenshot (GtkWidget *window, const char *name)
{
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (g_getenv ("SD_SCREENSHOT_DIR") == NULL)
    return;
  panes_wait_until (mapped, window);
  panes_run_for (400);
  for (guint attempt = 0; texture == NULL && attempt < 50; attempt++)
    {
      g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      int width = gtk_widget_get_width (window);
      int height = gtk_widget_get_height (window);
      GskRenderNode *node;

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        {
          gtk_widget_queue_draw (window);
          panes_run_for (100);
          continue;
        }
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      gsk_render_node_unref (node);
    }
  g_assert_nonnull (texture);
  path = g_build_filename (g_getenv ("SD_SCREENSHOT_DIR"), name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” not found in:\n%s", (needle), (haystack)); \
  } G_STMT_END

/* ---- A disputed appointment with everything the pack shows ---- */

/* Completed (checked in at start + 3 min, out at + 47 min), two chat messages, a client's
 * complaint at start + 2 h, contested by the salon with a photo at start + 3 h. The clock is
 * put back to PANES_NOW. */
static SdAppointment *
make_disputed (PanesFixture *f, const char *client, guint n_extra_messages)
{
  static const char png[] = "\x89PNG\r\n\x1a\n....IHDR";
  gint64 start = PANES_NOW + 3600;
  g_autoptr (SdAppointment) a = panes_book (f, start, SD_STATE_CONFIRMED, client);
  g_autoptr (SdAppointment) b = NULL;
  g_autoptr (SdAppointment) c = NULL;
  g_autoptr (SdComplaint) answered = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *photo = g_build_filename (f->dir, "uneven-fringe.png", NULL);
  const char *files[] = { photo, NULL };
  SdComplaintResponse response = { 0 };
  gint64 id = sd_appointment_get_id (a);

  for (guint i = 0; i < 1 + n_extra_messages; i++)
    {
      g_autoptr (SdMessage) m = sd_message_new ();
      g_autofree char *body = i == 0 ? g_strdup ("Can I bring my daughter along?")
                                     : g_strdup_printf ("Follow-up note number %u about the "
                                                        "fringe, the colour and the timing of "
                                                        "the next visit", i);

      sd_message_set_appointment_id (m, id);
      sd_message_set_author (m, SD_PARTY_CLIENT);
      sd_message_set_body (m, body);
      sd_message_set_at (m, PANES_NOW - 3600 + i);
      g_assert_true (sd_store_add_message (f->store, m, &error));
      g_assert_no_error (error);
    }
  {
    SdActionRequest r;

    sd_action_request_init (&r, SD_ACTION_MESSAGE);
    r.text = "Of course, see you at ten!";
    g_object_unref (sd_store_perform (f->store, id, &r, &error));
    g_assert_no_error (error);
  }

  b = panes_perform (f, a, SD_ACTION_CHECK_IN, start + 180);
  c = panes_perform (f, b, SD_ACTION_CHECK_OUT, start + 47 * 60);
  g_clear_object (&b);
  b = panes_perform (f, c, SD_ACTION_OPEN_COMPLAINT, start + 2 * 3600);

  g_assert_true (g_file_set_contents (photo, png, sizeof png - 1, &error));
  sd_clock_set_now (f->clock, start + 3 * 3600);
  response.action = SD_RESPONSE_CONTEST;
  response.body = "The client asked for a short fringe; see the photo";
  response.attachments = files;
  answered = sd_store_respond_complaint (f->store, sd_appointment_get_complaint_id (b),
                                         &response, &error);
  g_assert_no_error (error);
  sd_clock_set_now (f->clock, PANES_NOW);
  return sd_store_get_appointment (f->store, id, &error);
}

/* ---- The PDF ---- */

typedef struct
{
  gboolean done;
  gboolean ok;
  guint n_pages;
  GError *error;
} ExportWait;

static void
on_exported (GObject *source, GAsyncResult *result, gpointer data)
{
  ExportWait *wait = data;

  wait->ok = sd_evidence_export_finish (result, &wait->n_pages, &wait->error);
  wait->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((ExportWait *) data)->done;
}

static void
export (PanesFixture *f, gint64 id, const char *path, ExportWait *wait)
{
  g_autoptr (GFile) pdf = g_file_new_for_path (path);

  *wait = (ExportWait) { 0 };
  sd_evidence_export_async (f->store, id, pdf, NULL, on_exported, wait);
  /* Gathering runs in a thread: the main loop stays free meanwhile. */
  g_assert_false (wait->done);
  panes_wait_until (export_done, wait);
}

/* Runs a poppler tool; its output with every run of white space made one space, so text
 * the layout wrapped reads whole again. */
static char *
run_tool (const char *const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  return run_tool (argv);
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "Pages: ");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages: "));
}

static void
test_pdf_contents (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = make_disputed (f, "Anna Rossi", 0);
  g_autofree char *path = g_build_filename (f->dir, "evidence.pdf", NULL);
  g_autofree char *text = NULL;
  ExportWait wait;

  export (f, sd_appointment_get_id (a), path, &wait);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_cmpuint (wait.n_pages, ==, 1);
  g_assert_cmpint (pdf_pages (path), ==, 1);
  /* Written whole, then renamed: nothing left beside it. */
  g_assert_false (g_file_test (g_strconcat (path, ".partial", NULL), G_FILE_TEST_EXISTS));

  text = pdf_text (path);
  assert_contains (text, "Evidence pack — Anna Rossi");
  /* Check-in and check-out, in the salon's time (Amsterdam; the test runs in UTC). */
  assert_contains (text, "Checked in: Mon 23 Nov 2026, 10:03");
  assert_contains (text, "Checked out: Mon 23 Nov 2026, 10:47");
  /* The timeline. */
  assert_contains (text, "Mon 23 Nov 2026, 09:00 — Booked, by the salon");
  assert_contains (text, "Mon 23 Nov 2026, 10:03 — Checked in, by the salon");
  assert_contains (text, "Checked out, review requested, by the salon");
  assert_contains (text, "Complaint opened, by the client · €45.00: “The cut is uneven”");
  assert_contains (text, "Replied to the complaint, by the salon");
  /* The chat. */
  assert_contains (text, "Client: Can I bring my daughter along?");
  assert_contains (text, "Salon: Of course, see you at ten!");
  /* The policy in force and the attachment. */
  assert_contains (text, "Free cancellation up to 24 h before the start");
  assert_contains (text, "uneven-fringe.png (picture, 16 bytes)");
  assert_contains (text, "page 1 of 1");

  if (g_getenv ("SD_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *prefix = g_build_filename (g_getenv ("SD_SCREENSHOT_DIR"),
                                                  "evidence-pack", NULL);
      const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                             "-singlefile", path, prefix, NULL };
      g_free (run_tool (argv));
    }
}

static void
test_pdf_paginates (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = make_disputed (f, "Anna Rossi", 90);
  g_autofree char *path = g_build_filename (f->dir, "long.pdf", NULL);
  g_autofree char *text = NULL;
  ExportWait wait;
  int pages;

  export (f, sd_appointment_get_id (a), path, &wait);
  g_assert_no_error (wait.error);
  pages = pdf_pages (path);
  g_assert_cmpint (pages, >, 1);
  g_assert_cmpint (pages, ==, (int) wait.n_pages);
  text = pdf_text (path);
  /* Nothing falls off a page: the first and the last message are both there. */
  assert_contains (text, "Can I bring my daughter along?");
  assert_contains (text, "Follow-up note number 90 about the fringe");
  assert_contains (text, "page 2 of");
  /* A page that goes on with a section says which. */
  assert_contains (text, "Chat with the client (continued)");

  if (g_getenv ("SD_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *prefix = g_build_filename (g_getenv ("SD_SCREENSHOT_DIR"),
                                                  "evidence-pack-page-2", NULL);
      const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2",
                             "-singlefile", path, prefix, NULL };
      g_free (run_tool (argv));
    }
}

static void
test_pdf_missing_folder (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = make_disputed (f, "Anna Rossi", 0);
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "evidence.pdf", NULL);
  ExportWait wait;

  export (f, sd_appointment_get_id (a), path, &wait);
  g_assert_false (wait.ok);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_contains (wait.error->message, "no-such-folder");
  assert_contains (wait.error->message, "does not exist");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&wait.error);

  /* An appointment that is not there. */
  g_free (path);
  path = g_build_filename (f->dir, "ghost.pdf", NULL);
  export (f, 4242, path, &wait);
  g_assert_error (wait.error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&wait.error);
}

/* ---- The pane ---- */

static void
on_evidence_exported (GtkWidget *pane, GFile *pdf, gpointer data)
{
  *(GFile **) data = g_object_ref (pdf);
}

static gboolean
have_file (gpointer data)
{
  return *(GFile **) data != NULL;
}

#define find_save_dialog() ((GtkWidget *) panes_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG))

static gboolean
save_dialog_shown (gpointer data)
{
  return find_save_dialog () != NULL;
}

static void
test_pane_export (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = make_disputed (f, "Anna Rossi", 0);
  g_autoptr (SdAppointment) plain = panes_make_in_state (f, SD_STATE_CONFIRMED, "Bea Visser");
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 900);
  g_autofree char *path = g_build_filename (f->dir, "from-pane.pdf", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "gone", "x.pdf", NULL);
  g_autoptr (GFile) pdf = g_file_new_for_path (path);
  g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr (GFile) written = NULL;
  GtkWidget *button = panes_find_button (pane, "appointment.export-evidence");
  AdwMessageDialog *dialog;

  /* No complaint: nothing to export, and no Assistance section. */
  show (pane, plain);
  g_assert_false (gtk_widget_get_visible (assistance (pane)));
  g_assert_false (gtk_widget_get_sensitive (button));

  show (pane, a);
  g_assert_true (gtk_widget_get_visible (assistance (pane)));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Export Evidence…");

  g_signal_connect (pane, "evidence-exported", G_CALLBACK (on_evidence_exported), &written);
  sd_details_pane_export_evidence_to (SD_DETAILS_PANE (pane), pdf);
  /* One export at a time. */
  g_assert_false (gtk_widget_get_sensitive (button));
  panes_wait_until (have_file, &written);
  g_assert_true (g_file_equal (written, pdf));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (gtk_widget_get_sensitive (button));

  /* A folder that went away: the user reads why, in words. */
  sd_details_pane_export_evidence_to (SD_DETAILS_PANE (pane), bad);
  dialog = panes_wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The evidence pack was not saved");
  assert_contains (adw_message_dialog_get_body (dialog), "does not exist");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_sensitive (button));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The complaint reply screen ---- */

static gboolean
complaint_loaded (gpointer data)
{
  return sd_complaint_pane_get_complaint (data) != NULL && !sd_complaint_pane_get_busy (data);
}

static gboolean
sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

/* The first mapped label under @root that reads @text (walked without recursion), or NULL:
 * what the user can see, a toast included. */
static GtkWidget *
shown_label (GtkWidget *root, const char *text)
{
  GtkWidget *widget = root;

  while (widget != NULL)
    {
      if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
          && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
        return widget;
      if (gtk_widget_get_first_child (widget) != NULL)
        {
          widget = gtk_widget_get_first_child (widget);
          continue;
        }
      while (widget != root && gtk_widget_get_next_sibling (widget) == NULL)
        widget = gtk_widget_get_parent (widget);
      widget = widget != root ? gtk_widget_get_next_sibling (widget) : NULL;
    }
  return NULL;
}

static gboolean
pane_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

static gboolean
toast_shown (gpointer data)
{
  return shown_label (data, "Evidence pack saved") != NULL;
}

/* Staff answering a complaint export the pack from the reply screen's header: the PDF holds
 * the complaint's reason and its timeline; a folder that went away is said in a dialog and
 * nothing is written; closing the screen mid-export does not lose the file. */
static void
test_complaint_pane_export (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = make_disputed (f, "Anna Rossi", 0);
  GtkWidget *pane = sd_complaint_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 1280, 800);
  GtkWidget *header = GTK_WIDGET (gtk_widget_get_template_child (pane, SD_TYPE_COMPLAINT_PANE,
                                                                 "header_suffix"));
  GtkWidget *button = panes_find_button (pane, "complaint.export-evidence");
  g_autofree char *path = g_build_filename (f->dir, "from-reply-screen.pdf", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *gone = g_build_filename (f->dir, "gone", NULL);
  g_autofree char *bad_path = g_build_filename (gone, "x.pdf", NULL);
  g_autofree char *late_path = g_build_filename (f->dir, "closed-meanwhile.pdf", NULL);
  g_autoptr (GFile) pdf = g_file_new_for_path (path);
  g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr (GFile) late = g_file_new_for_path (late_path);
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  gint64 started;

  /* In the header, labelled; nothing to export before the complaint is loaded. */
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_ancestor (button, header));
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (
                     gtk_button_get_child (GTK_BUTTON (button)))), ==, "_Export Evidence…");
  sd_complaint_pane_set_complaint (SD_COMPLAINT_PANE (pane), sd_appointment_get_complaint_id (a));
  g_assert_false (gtk_widget_get_sensitive (button));
  panes_wait_until (complaint_loaded, pane);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_get_sensitive (button));

  started = g_get_monotonic_time ();
  sd_complaint_pane_export_evidence_to (SD_COMPLAINT_PANE (pane), pdf);
  /* One export at a time. */
  g_assert_false (gtk_widget_get_sensitive (button));
  panes_wait_until (sensitive, button);
  g_test_message ("exported in %lld ms", (long long) (g_get_monotonic_time () - started) / 1000);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  text = pdf_text (path);
  assert_contains (text, "Evidence pack — Anna Rossi");
  assert_contains (text, "The cut is uneven");
  assert_contains (text, "Mon 23 Nov 2026, 10:03 — Checked in, by the salon");
  assert_contains (text, "Complaint opened, by the client");
  /* The toast says so and offers to open it. */
  panes_wait_until (toast_shown, pane);
  g_assert_nonnull (shown_label (pane, "Open"));
  g_assert_null (panes_find_dialog ());
  screenshot (window, "complaints-export-toast.png");

  /* A folder that went away: the reason in a dialog over the window; nothing written. */
  sd_complaint_pane_export_evidence_to (SD_COMPLAINT_PANE (pane), bad);
  dialog = panes_wait_for_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The evidence pack was not saved");
  assert_contains (adw_message_dialog_get_body (dialog), "“");
  assert_contains (adw_message_dialog_get_body (dialog), "gone” does not exist");
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  screenshot (GTK_WIDGET (dialog), "complaints-export-error.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_sensitive (button));

  /* The screen closes while the pack is gathered: the save the user confirmed still
   * completes, with nothing to show it on and no warning. The export holds the pane until it
   * has ended, so the pane going away marks the end. */
  sd_complaint_pane_export_evidence_to (SD_COMPLAINT_PANE (pane), late);
  g_object_add_weak_pointer (G_OBJECT (pane), (gpointer *) &pane);
  gtk_window_destroy (GTK_WINDOW (window));
  panes_wait_until (pane_gone, &pane);
  g_assert_true (g_file_test (late_path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (panes_find_dialog ());
}

/* The button itself: without a desktop portal the "native" Save dialog is GTK's own, so the
 * test answers it as the user would. It opens in Documents (here the test's folder) with a
 * name that says whose pack it is, offers PDF only; Cancel writes nothing and says nothing;
 * Save writes there. */
static void
test_complaint_pane_save_dialog (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = make_disputed (f, "Anna Rossi", 0);
  GtkWidget *pane = sd_complaint_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 1280, 800);
  GtkWidget *button = panes_find_button (pane, "complaint.export-evidence");
  g_autofree char *path = g_build_filename (f->dir, "evidence-anna-rossi-2026-11-23.pdf", NULL);
  g_autofree char *user_dirs = g_build_filename (g_get_user_config_dir (), "user-dirs.dirs",
                                                 NULL);
  g_autofree char *documents = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", f->dir);
  g_autoptr (GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr (GFile) current = NULL;
  g_autoptr (GListModel) filters = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (user_dirs, documents, -1, NULL));
  g_reload_user_special_dirs_cache ();
  g_assert_cmpstr (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), ==, f->dir);
  sd_complaint_pane_set_complaint (SD_COMPLAINT_PANE (pane), sd_appointment_get_complaint_id (a));
  panes_wait_until (complaint_loaded, pane);

  /* Closed without saving. */
  gtk_widget_activate (button);
  panes_wait_until (save_dialog_shown, NULL);
  dialog = find_save_dialog ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Save Evidence Pack");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (name, ==, "evidence-anna-rossi-2026-11-23.pdf");
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 1);
  /* Open, the button waits: no second dialog. */
  g_assert_false (gtk_widget_get_sensitive (button));
  /* GTK's own dialog says "Operation was cancelled" when its folder load is cut short: let
   * it load, as a user's eye would. */
  panes_run_for (800);
  current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog));
  g_assert_nonnull (current);
  g_assert_true (g_file_equal (current, folder));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  panes_wait_until (sensitive, button);
  g_assert_null (find_save_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Saved where it opened, under the suggested name. */
  gtk_widget_activate (button);
  panes_wait_until (save_dialog_shown, NULL);
  g_assert_cmpint (g_unlink (user_dirs), ==, 0);   /* read: the test home is shared */
  g_reload_user_special_dirs_cache ();
  panes_run_for (800);
  gtk_dialog_response (GTK_DIALOG (find_save_dialog ()), GTK_RESPONSE_ACCEPT);
  panes_wait_until (toast_shown, pane);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  text = pdf_text (path);
  assert_contains (text, "Complaint opened, by the client · €45.00: “The cut is uneven”");
  g_assert_true (gtk_widget_get_sensitive (button));
  /* Nothing else left open: the window is the only one. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static SdAppointment *
resolve (PanesFixture *f, SdAppointment *a, SdOutcome outcome, gint64 amount, const char *note)
{
  g_autoptr (GError) error = NULL;
  SdAppointment *result;
  SdActionRequest r;

  sd_action_request_init (&r, SD_ACTION_RESOLVE_COMPLAINT);
  r.outcome = outcome;
  r.outcome_amount_cents = amount;
  r.text = note;
  result = sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);
  return result;
}

static void
test_assistance_resolved (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = make_disputed (f, "Anna Rossi", 0);
  g_autoptr (SdAppointment) resolved = NULL;
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 1150);
  g_autofree char *titles = NULL;

  show (pane, a);
  g_assert_cmpstr (assistance_subtitle (pane, "status_row"), ==, "Under review by the marketplace");
  g_assert_cmpstr (assistance_subtitle (pane, "opened_row"), ==, "By the client, Mon 23 Nov 2026, 12:00");
  g_assert_cmpstr (assistance_subtitle (pane, "reason_row"), ==,
                   "The cut is uneven — refund asked: €45.00");
  g_assert_cmpstr (assistance_subtitle (pane, "answer_row"), ==,
                   "Contested on Mon 23 Nov 2026, 13:00: The client asked for a short fringe; "
                   "see the photo");
  g_assert_false (assistance_row_visible (pane, "outcome_row"));
  g_assert_false (assistance_row_visible (pane, "effect_row"));

  /* The marketplace decides: half refunded. The window reloads after a sync pass. */
  sd_clock_set_now (f->clock, PANES_NOW + 2 * 86400);
  resolved = resolve (f, a, SD_OUTCOME_REFUND_PARTIAL, 2000,
                      "The fringe was shorter than agreed; half the price is fair.");
  show (pane, resolved);
  g_assert_cmpstr (assistance_subtitle (pane, "status_row"), ==, "Resolved on Wed 25 Nov 2026, 09:00");
  g_assert_true (assistance_row_visible (pane, "outcome_row"));
  g_assert_cmpstr (assistance_subtitle (pane, "outcome_row"), ==, "Refunded €20.00");
  g_assert_cmpstr (assistance_subtitle (pane, "note_row"), ==,
                   "The fringe was shorter than agreed; half the price is fair.");
  g_assert_true (assistance_row_visible (pane, "effect_row"));
  g_assert_cmpstr (assistance_subtitle (pane, "effect_row"), ==, "No effect on your reputation");
  titles = timeline_titles (pane);
  assert_contains (titles, "Complaint resolved: Refunded €20.00\n");
  /* Back to its state before the dispute: no longer locked. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (pane, SD_TYPE_DETAILS_PANE,
                                                             "notice_label"))));
  panes_wait_until (stack_settled, child (pane, SD_TYPE_DETAILS_PANE, "stack"));
  screenshot (window, "details-assistance.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_assistance_withdrawn (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = make_disputed (f, "Anna Rossi", 0);
  g_autoptr (SdAppointment) resolved = NULL;
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 900);
  g_autofree char *titles = NULL;

  sd_clock_set_now (f->clock, PANES_NOW + 86400);
  resolved = resolve (f, a, SD_OUTCOME_WITHDRAWN_HELPED, 0, NULL);
  show (pane, resolved);
  g_assert_cmpstr (assistance_subtitle (pane, "outcome_row"), ==, "Withdrawn: the client was helped");
  g_assert_cmpstr (assistance_subtitle (pane, "effect_row"), ==,
                   "The client withdrew the complaint: no effect on your reputation");
  g_assert_false (assistance_row_visible (pane, "note_row"));
  titles = timeline_titles (pane);
  assert_contains (titles, "Complaint resolved: Withdrawn: the client was helped\n");
  if (g_getenv ("SD_SCREENSHOT_DIR") != NULL)
    {
      /* The end of the pane: the outcome closes the timeline. */
      GtkStack *stack = GTK_STACK (child (pane, SD_TYPE_DETAILS_PANE, "stack"));
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_stack_get_child_by_name (stack,
                                                                                      "details"));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

      panes_wait_until (stack_settled, stack);
      panes_run_for (200);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                            - gtk_adjustment_get_page_size (adjustment));
      screenshot (window, "details-assistance-withdrawn.png");
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A client's complaint waiting for the salon: the deadline and time left; once the deadline
 * passed unanswered, missed, and it counts against the salon. */
static void
test_assistance_awaiting_and_missed (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = panes_make_in_state (f, SD_STATE_DISPUTED, "Anna Rossi");
  g_autoptr (GError) error = NULL;
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 900);
  g_autoptr (SdComplaint) complaint = sd_store_get_complaint (f->store,
                                                              sd_appointment_get_complaint_id (a),
                                                              &error);
  gint64 reply_by = sd_complaint_get_reply_by (complaint);

  g_assert_no_error (error);
  sd_clock_set_now (f->clock, reply_by - 3 * 3600);
  show (pane, a);
  g_assert_cmpstr (assistance_subtitle (pane, "status_row"), ==,
                   "Awaiting your reply by Tue 24 Nov 2026, 18:00 (3 h left)");
  g_assert_false (assistance_row_visible (pane, "answer_row"));
  g_assert_false (assistance_row_visible (pane, "effect_row"));
  /* The clock moves on: the time left follows without a reload. */
  sd_clock_set_now (f->clock, reply_by - 3600);
  g_assert_cmpstr (assistance_subtitle (pane, "status_row"), ==,
                   "Awaiting your reply by Tue 24 Nov 2026, 18:00 (1 h left)");

  sd_clock_set_now (f->clock, reply_by + 1);
  g_assert_cmpuint (sd_store_apply_deadlines (f->store, &error), ==, 1);
  show (pane, a);
  g_assert_cmpstr (assistance_subtitle (pane, "status_row"), ==, "Missed: not answered in time");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (child (assistance (pane),
                                                              SD_TYPE_ASSISTANCE_SECTION,
                                                              "status_row")), "error"));
  g_assert_cmpstr (assistance_subtitle (pane, "effect_row"), ==,
                   "Counts against your reputation: the complaint was not answered in time");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The salon opens a complaint ---- */

static GtkWidget *
nth_entry (AdwMessageDialog *dialog, guint n)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *c = gtk_widget_get_first_child (box);

  for (; c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_ENTRY (c) && n-- == 0)
      return c;
  g_assert_not_reached ();
}

typedef struct
{
  GtkWidget *pane;
  SdState state;
} StateIs;

static gboolean
state_is (gpointer data)
{
  StateIs *wait = data;
  SdAppointment *a = sd_details_pane_get_appointment (SD_DETAILS_PANE (wait->pane));

  return a != NULL && sd_appointment_get_state (a) == wait->state && history_loaded (wait->pane);
}

static void
test_contest_no_show (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = panes_make_in_state (f, SD_STATE_NO_SHOW, "Carla Bruni");
  g_autoptr (SdComplaint) complaint = NULL;
  g_autoptr (GError) error = NULL;
  gint64 marked = sd_appointment_get_updated_at (a);
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 900);
  GtkWidget *button = panes_find_button (pane, "appointment.open-complaint");
  AdwMessageDialog *dialog;
  GtkWidget *reason, *refund;
  StateIs wait = { pane, SD_STATE_DISPUTED };
  SdAppointment *now_shown;

  /* The last second of the contest window. */
  sd_clock_set_now (f->clock, marked + 24 * 3600);
  show (pane, a);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Contest _No-Show…");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));

  gtk_widget_activate_action (pane, "appointment.open-complaint", NULL);
  dialog = panes_wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Contest the no-show?");
  assert_contains (adw_message_dialog_get_body (dialog),
                   "The appointment is locked until the marketplace decides");
  reason = nth_entry (dialog, 0);
  refund = nth_entry (dialog, 1);
  /* The reason is required; the refund is optional but must be an amount up to €45.00. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "The client was at the door at 10:20, we have the camera");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "open"));
  gtk_editable_set_text (GTK_EDITABLE (refund), "46");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  g_assert_true (gtk_widget_has_css_class (refund, "error"));
  gtk_editable_set_text (GTK_EDITABLE (refund), "twenty");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  gtk_editable_set_text (GTK_EDITABLE (refund), "20,50");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "open"));
  g_assert_false (gtk_widget_has_css_class (refund, "error"));
  screenshot (GTK_WIDGET (dialog), "open-complaint-dialog.png");

  adw_message_dialog_response (dialog, "open");
  gtk_window_destroy (GTK_WINDOW (dialog));
  panes_wait_until (state_is, &wait);

  /* Disputed: locked, every modifying action disabled with the core's reason. */
  now_shown = sd_details_pane_get_appointment (SD_DETAILS_PANE (pane));
  for (guint i = 0; i < G_N_ELEMENTS (locked_actions); i++)
    {
      GtkWidget *b = panes_find_button (pane, locked_actions[i]);

      g_assert_nonnull (b);
      if (gtk_widget_get_sensitive (b))
        g_error ("%s is enabled on a disputed appointment", locked_actions[i]);
    }
  g_assert_false (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (pane, SD_TYPE_DETAILS_PANE,
                                                            "notice_label"))));
  complaint = sd_store_get_complaint (f->store, sd_appointment_get_complaint_id (now_shown),
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_complaint_get_opened_by (complaint), ==, SD_PARTY_SALON);
  g_assert_cmpint (sd_complaint_get_refund_requested_cents (complaint), ==, 2050);
  g_assert_cmpstr (sd_complaint_get_reason (complaint), ==,
                   "The client was at the door at 10:20, we have the camera");
  g_assert_cmpstr (assistance_subtitle (pane, "status_row"), ==, "Under review by the marketplace");
  g_assert_cmpstr (assistance_subtitle (pane, "opened_row"), ==, "By the salon, Tue 24 Nov 2026, 15:35");
  /* The core refuses too, not only the buttons. */
  {
    SdActionRequest r;
    g_autoptr (SdAppointment) none = NULL;

    sd_action_request_init (&r, SD_ACTION_CANCEL);
    none = sd_store_perform (f->store, sd_appointment_get_id (now_shown), &r, &error);
    g_assert_null (none);
    g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_LOCKED);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_contest_too_late (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = panes_make_in_state (f, SD_STATE_NO_SHOW, "Carla Bruni");
  g_autoptr (GError) error = NULL;
  gint64 marked = sd_appointment_get_updated_at (a);
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 900);
  GtkWidget *button = panes_find_button (pane, "appointment.open-complaint");

  sd_clock_set_now (f->clock, marked + 24 * 3600 + 1);
  show (pane, a);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_false (sd_lifecycle_check (a, SD_ACTION_OPEN_COMPLAINT, sd_store_get_salon (f->store),
                                      marked + 24 * 3600 + 1, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_DEADLINE_PASSED);
  /* The core's own words, where the receptionist hovers. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, error->message);
  assert_contains (error->message, "24");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_complaint_completed (PanesFixture *f, gconstpointer data)
{
  g_autoptr (SdAppointment) a = panes_make_in_state (f, SD_STATE_COMPLETED, "Dora Maar");
  g_autoptr (SdAppointment) confirmed = panes_make_in_state (f, SD_STATE_CONFIRMED, "Eva Green");
  GtkWidget *pane = sd_details_pane_new (f->store);
  GtkWidget *window = panes_window_new (pane, 480, 900);
  GtkWidget *button = panes_find_button (pane, "appointment.open-complaint");
  AdwMessageDialog *dialog;

  /* An upcoming appointment: the salon has nothing to complain about yet. */
  show (pane, confirmed);
  g_assert_false (gtk_widget_is_visible (button));

  show (pane, a);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Open _Complaint…");
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate_action (pane, "appointment.open-complaint", NULL);
  dialog = panes_wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Open a complaint?");
  /* Cancelling changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (nth_entry (dialog, 0)), "Left without paying the extras");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  panes_run_for (100);
  g_assert_cmpint (sd_appointment_get_state (sd_details_pane_get_appointment (SD_DETAILS_PANE (pane))),
                   ==, SD_STATE_COMPLETED);
  g_assert_cmpint (sd_appointment_get_complaint_id (sd_details_pane_get_appointment (SD_DETAILS_PANE (pane))),
                   ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  if (!panes_init (&argc, &argv))
    return 0;

#define ADD(name, fn) g_test_add ("/panes/evidence/" name, PanesFixture, NULL, \
                                  panes_fixture_setup, fn, panes_fixture_teardown)
  ADD ("pdf-contents", test_pdf_contents);
  ADD ("pdf-paginates", test_pdf_paginates);
  ADD ("pdf-missing-folder", test_pdf_missing_folder);
  ADD ("pane-export", test_pane_export);
  ADD ("complaint-pane-export", test_complaint_pane_export);
  ADD ("complaint-pane-save-dialog", test_complaint_pane_save_dialog);
  ADD ("assistance-resolved", test_assistance_resolved);
  ADD ("assistance-withdrawn", test_assistance_withdrawn);
  ADD ("assistance-awaiting-and-missed", test_assistance_awaiting_and_missed);
  ADD ("contest-no-show", test_contest_no_show);
  ADD ("contest-too-late", test_contest_too_late);
  ADD ("open-complaint-completed", test_open_complaint_completed);
#undef ADD
  return g_test_run ();
}

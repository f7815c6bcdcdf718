/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-evidence-export.c — lays an SdEvidencePack out on A4 pages with Pango and exports it
 * through GtkPrintOperation (GTK_PRINT_OPERATION_ACTION_EXPORT). begin-print lays out every
 * block once and breaks pages (a section title never ends a page alone); draw-page draws the
 * blocks of one page and its footer. Gathering runs in a thread, printing on the main one
 * (GtkPrintOperation is a GTK object). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sd-evidence-export.h"

#define FOOTER_HEIGHT 24.0   /* points kept free at the bottom of every page */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_SECTION,
  BLOCK_LINE,
} BlockKind;

typedef struct
{
  BlockKind kind;
  const char *text;      /* the pack's */
  PangoLayout *layout;   /* made in begin-print */
  double space_before;
  double y;              /* on its page */
  guint page;
} Block;

typedef struct
{
  SdEvidencePack *pack;
  GArray *blocks;        /* Block */
  guint n_pages;
  GPtrArray *continued;  /* per page: the section it continues ("Timeline"), or NULL */
  PangoLayout *continued_layout;
} Layout;

static void
block_clear (gpointer data)
{
  g_clear_object (&((Block *) data)->layout);
}

static void
layout_free (Layout *layout)
{
  g_object_unref (layout->pack);
  g_array_unref (layout->blocks);
  g_ptr_array_unref (layout->continued);
  g_clear_object (&layout->continued_layout);
  g_free (layout);
}

static Layout *
layout_new (SdEvidencePack *pack)
{
  Layout *layout = g_new0 (Layout, 1);
  Block block = { 0 };

  layout->pack = g_object_ref (pack);
  layout->continued = g_ptr_array_new_with_free_func (g_free);
  layout->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (layout->blocks, block_clear);

  block = (Block) { BLOCK_TITLE, sd_evidence_pack_get_title (pack), NULL, 0 };
  g_array_append_val (layout->blocks, block);
  block = (Block) { BLOCK_SUBTITLE, sd_evidence_pack_get_subtitle (pack), NULL, 4 };
  g_array_append_val (layout->blocks, block);
  for (guint i = 0; i < sd_evidence_pack_get_n_sections (pack); i++)
    {
      const char * const *lines = sd_evidence_pack_get_section_lines (pack, i);

      block = (Block) { BLOCK_SECTION, sd_evidence_pack_get_section_title (pack, i), NULL, 16 };
      g_array_append_val (layout->blocks, block);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          block = (Block) { BLOCK_LINE, lines[j], NULL, 3 };
          g_array_append_val (layout->blocks, block);
        }
    }
  return layout;
}

static const char *
font_for (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE:    return "Sans Bold 17";
    case BLOCK_SUBTITLE: return "Sans 9";
    case BLOCK_SECTION:  return "Sans Bold 12";
    case BLOCK_LINE:
    default:             return "Sans 10";
    }
}

static double
block_height (Block *block)
{
  int height = 0;

  pango_layout_get_size (block->layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
on_begin_print (GtkPrintOperation *operation, GtkPrintContext *context, Layout *layout)
{
  double width = gtk_print_context_get_width (context);
  double limit = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  const char *section = NULL;
  double y = 0;
  guint page = 0;

  for (guint i = 0; i < layout->blocks->len; i++)
    {
      Block *block = &g_array_index (layout->blocks, Block, i);
      g_autoptr (PangoFontDescription) font = pango_font_description_from_string (font_for (block->kind));

      block->layout = gtk_print_context_create_pango_layout (context);
      pango_layout_set_font_description (block->layout, font);
      pango_layout_set_width (block->layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
      /* Wrapped lines of an entry hang under its first words, so entries stay apart. */
      if (block->kind == BLOCK_LINE)
        pango_layout_set_indent (block->layout, -18 * PANGO_SCALE);
      pango_layout_set_text (block->layout, block->text, -1);
    }

  /* "Timeline (continued)" heads a page that goes on with a section. */
  {
    g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans Bold 9");

    layout->continued_layout = gtk_print_context_create_pango_layout (context);
    pango_layout_set_font_description (layout->continued_layout, font);
    pango_layout_set_width (layout->continued_layout, (int) (width * PANGO_SCALE));
    pango_layout_set_text (layout->continued_layout, "X", -1);
  }
  g_ptr_array_add (layout->continued, NULL);

  for (guint i = 0; i < layout->blocks->len; i++)
    {
      Block *block = &g_array_index (layout->blocks, Block, i);
      double needed = block_height (block);
      double before = y > 0 ? block->space_before : 0;

      if (block->kind == BLOCK_SECTION)
        section = block->text;
      /* A section title goes with its first line. */
      if (block->kind == BLOCK_SECTION && i + 1 < layout->blocks->len)
        needed += 3 + block_height (&g_array_index (layout->blocks, Block, i + 1));
      if (y > 0 && y + before + needed > limit)
        {
          int continued_height = 0;

          page++;
          y = 0;
          before = 0;
          if (block->kind == BLOCK_LINE && section != NULL)
            {
              /* Translators: at the top of a page: "Timeline (continued)" */
              g_ptr_array_add (layout->continued, g_strdup_printf (_("%s (continued)"), section));
              pango_layout_get_size (layout->continued_layout, NULL, &continued_height);
              y = (double) continued_height / PANGO_SCALE + 6;
            }
          else
            g_ptr_array_add (layout->continued, NULL);
        }
      block->page = page;
      block->y = y + before;
      y = block->y + block_height (block);
    }
  layout->n_pages = page + 1;
  gtk_print_operation_set_n_pages (operation, layout->n_pages);
}

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
              Layout *layout)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr (PangoFontDescription) small = pango_font_description_from_string ("Sans 8");
  g_autoptr (PangoLayout) footer = gtk_print_context_create_pango_layout (context);
  g_autofree char *footer_text = NULL;

  if ((guint) page_nr < layout->continued->len
      && g_ptr_array_index (layout->continued, page_nr) != NULL)
    {
      pango_layout_set_text (layout->continued_layout,
                             g_ptr_array_index (layout->continued, page_nr), -1);
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, layout->continued_layout);
    }

  for (guint i = 0; i < layout->blocks->len; i++)
    {
      Block *block = &g_array_index (layout->blocks, Block, i);

      if (block->page != (guint) page_nr)
        continue;
      cairo_set_source_rgb (cr, block->kind == BLOCK_SUBTITLE ? 0.35 : 0.0,
                            block->kind == BLOCK_SUBTITLE ? 0.35 : 0.0,
                            block->kind == BLOCK_SUBTITLE ? 0.35 : 0.0);
      cairo_move_to (cr, 0, block->y);
      pango_cairo_show_layout (cr, block->layout);
      if (block->kind == BLOCK_SECTION)
        {
          /* A hairline under each section title. */
          double under = block->y + block_height (block) + 1;

          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, 0, under);
          cairo_line_to (cr, width, under);
          cairo_stroke (cr);
        }
    }

  /* Translators: the footer of each page: "Evidence pack — Anna Rossi · page 1 of 3" */
  footer_text = g_strdup_printf (_("%s · page %d of %u"),
                                 sd_evidence_pack_get_title (layout->pack), page_nr + 1,
                                 layout->n_pages);
  pango_layout_set_font_description (footer, small);
  pango_layout_set_width (footer, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (footer, footer_text, -1);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, 0, height - 12);
  pango_cairo_show_layout (cr, footer);
}

/* Says plainly why @pdf cannot be written, before GTK tries (its own message would only be
 * cairo's "error while writing to output stream"). */
static gboolean
check_target (GFile *pdf, GError **error)
{
  g_autoptr (GFile) parent = g_file_get_parent (pdf);
  g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
  g_autoptr (GFileInfo) info = NULL;

  if (g_file_peek_path (pdf) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The evidence pack can only be saved to a folder on this computer."));
      return FALSE;
    }
  if (parent != NULL)
    info = g_file_query_info (parent, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                              G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE, G_FILE_QUERY_INFO_NONE,
                              NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Cannot save the evidence pack: the folder “%s” does not exist."),
                   folder != NULL ? folder : "/");
      return FALSE;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE)
      && !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Cannot save the evidence pack: you may not write in the folder “%s”."),
                   folder);
      return FALSE;
    }
  return TRUE;
}

gboolean
sd_evidence_export_pack (SdEvidencePack *pack, GFile *pdf, guint *n_pages_out, GError **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = NULL;
  g_autoptr (GtkPaperSize) a4 = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *name = NULL;
  GtkPrintOperationResult result;
  Layout *layout;

  g_return_val_if_fail (SD_IS_EVIDENCE_PACK (pack), FALSE);
  g_return_val_if_fail (G_IS_FILE (pdf), FALSE);

  if (!check_target (pdf, error))
    return FALSE;
  name = g_file_get_parse_name (pdf);
  partial = g_strdup_printf ("%s.partial", g_file_peek_path (pdf));

  operation = gtk_print_operation_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, sd_evidence_pack_get_title (pack));
  gtk_print_operation_set_export_filename (operation, partial);

  layout = layout_new (pack);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), layout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), layout);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &local_error);
  if (n_pages_out != NULL)
    *n_pages_out = layout->n_pages;
  layout_free (layout);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || local_error != NULL)
    {
      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), name,
                   local_error != NULL ? local_error->message : _("unknown error"));
      return FALSE;
    }
  if (g_rename (partial, g_file_peek_path (pdf)) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write “%s”: %s"),
                   name, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* ---- Async ---- */

typedef struct
{
  gint64 appointment_id;
  GFile *pdf;
  guint n_pages;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->pdf);
  g_free (data);
}

static void
gather_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;
  SdEvidencePack *pack = sd_evidence_pack_gather (source, data->appointment_id, &error);

  if (pack == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pack, g_object_unref);
}

static void
on_gathered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  ExportData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdEvidencePack) pack = g_task_propagate_pointer (G_TASK (result), &error);

  if (pack == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!sd_evidence_export_pack (pack, data->pdf, &data->n_pages, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
sd_evidence_export_async (SdStore *store, gint64 appointment_id, GFile *pdf,
                          GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (GTask) gather = NULL;
  GTask *task;
  ExportData *data;

  g_return_if_fail (SD_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (pdf));

  data = g_new0 (ExportData, 1);
  data->appointment_id = appointment_id;
  data->pdf = g_object_ref (pdf);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sd_evidence_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  gather = g_task_new (store, cancellable, on_gathered, task);
  g_task_set_source_tag (gather, sd_evidence_pack_gather);
  g_task_set_task_data (gather, data, NULL);
  g_task_run_in_thread (gather, gather_thread);
}

gboolean
sd_evidence_export_finish (GAsyncResult *result, guint *n_pages_out, GError **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sd_evidence_export_async,
                        FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (n_pages_out != NULL)
    *n_pages_out = ((ExportData *) g_task_get_task_data (G_TASK (result)))->n_pages;
  return TRUE;
}

/* ---- The panes' "Export Evidence…" ---- */

typedef struct
{
  SdStore *store;
  gint64 appointment_id;
  GtkFileChooserNative *chooser;   /* while the user chooses */
  GFile *pdf;                      /* once chosen */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->chooser);
  g_clear_object (&data->pdf);
  g_free (data);
}

static void
on_written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!sd_evidence_export_finish (result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (data->pdf), g_object_unref);
}

static void
write_chosen (GTask *task)
{
  SaveData *data = g_task_get_task_data (task);

  sd_evidence_export_async (data->store, data->appointment_id, data->pdf,
                            g_task_get_cancellable (task), on_written, g_object_ref (task));
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;   /* the dialog's reference */
  SaveData *data = g_task_get_task_data (task);

  if (response == GTK_RESPONSE_ACCEPT)
    data->pdf = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_signal_handlers_disconnect_by_data (chooser, task);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&data->chooser);
  if (data->pdf != NULL)
    write_chosen (task);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The evidence pack was not saved"));
}

static void
ask_for_file (GTask *task, GtkWidget *for_widget, SdAppointment *appointment)
{
  SaveData *data = g_task_get_task_data (task);
  GtkRoot *root = gtk_widget_get_root (for_widget);
  SdSalon *salon = sd_store_get_salon (data->store);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = sd_evidence_suggest_filename (appointment, salon != NULL
                                                        ? sd_salon_get_timezone (salon)
                                                        : NULL);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  data->chooser = gtk_file_chooser_native_new (_("Save Evidence Pack"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->chooser), filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) folder = g_file_new_for_path (documents);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (data->chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (data->chooser), name);
  /* The dialog holds a reference on the task until it answers. */
  g_signal_connect (data->chooser, "response", G_CALLBACK (on_chooser_response),
                    g_object_ref (task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->chooser));
}

void
sd_evidence_save_async (GtkWidget *for_widget, SdStore *store, SdAppointment *appointment,
                        GFile *pdf, GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (GTK_IS_WIDGET (for_widget));
  g_return_if_fail (SD_IS_STORE (store));
  g_return_if_fail (SD_IS_APPOINTMENT (appointment));
  g_return_if_fail (pdf == NULL || G_IS_FILE (pdf));

  data = g_new0 (SaveData, 1);
  data->store = g_object_ref (store);
  data->appointment_id = sd_appointment_get_id (appointment);
  data->pdf = pdf != NULL ? g_object_ref (pdf) : NULL;
  task = g_task_new (for_widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, sd_evidence_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (pdf != NULL)
    write_chosen (task);
  else
    ask_for_file (task, for_widget, appointment);
}

GFile *
sd_evidence_save_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sd_evidence_save_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_open_clicked (AdwToast *toast, GFile *pdf)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *uri = g_file_get_uri (pdf);
  g_autoptr (GdkAppLaunchContext) context = display != NULL
                                            ? gdk_display_get_app_launch_context (display)
                                            : NULL;

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, NULL,
                                           NULL);
}

static void
unref_file (gpointer pdf, GClosure *closure)
{
  g_object_unref (pdf);
}

AdwToast *
sd_evidence_saved_toast_new (GFile *pdf)
{
  AdwToast *toast;

  g_return_val_if_fail (G_IS_FILE (pdf), NULL);

  toast = adw_toast_new (_("Evidence pack saved"));
  adw_toast_set_button_label (toast, _("_Open"));
  /* A signal, not an action: the toast works in any pane's overlay. */
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked),
                         g_object_ref (pdf), unref_file, 0);
  return toast;
}

/* Says how a save ended: the toast, or the error in a dialog over @pane's window; nothing
 * when the user closed the Save dialog. */
static void
report (GtkWidget *pane, AdwToastOverlay *overlay, GFile *pdf, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (pane);
  GtkWidget *dialog;

  if (pdf != NULL)
    {
      adw_toast_overlay_add_toast (overlay, sd_evidence_saved_toast_new (pdf));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The evidence pack was not saved"), error->message);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

#define SAVING_KEY "sd-evidence-saving"

typedef struct
{
  AdwToastOverlay *overlay;
  SdEvidenceSavedFunc saved;
} PaneSave;

static void
on_pane_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PaneSave *save = user_data;
  GtkWidget *pane = GTK_WIDGET (source);   /* kept alive by the task */
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) pdf = sd_evidence_save_finish (result, &error);

  g_object_set_data (G_OBJECT (pane), SAVING_KEY, NULL);
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      report (pane, save->overlay, pdf, error);
      save->saved (pane, pdf);
    }
  g_object_unref (save->overlay);
  g_free (save);
}

void
sd_evidence_save_for_pane (GtkWidget *pane, const char *action_name, AdwToastOverlay *overlay,
                           SdStore *store, SdAppointment *appointment, GFile *pdf,
                           GCancellable *cancellable, SdEvidenceSavedFunc saved)
{
  PaneSave *save;

  g_return_if_fail (GTK_IS_WIDGET (pane));
  g_return_if_fail (action_name != NULL);
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (SD_IS_STORE (store));
  g_return_if_fail (SD_IS_APPOINTMENT (appointment));
  g_return_if_fail (pdf == NULL || G_IS_FILE (pdf));
  g_return_if_fail (saved != NULL);

  if (sd_evidence_save_running (pane))
    return;
  save = g_new0 (PaneSave, 1);
  save->overlay = g_object_ref (overlay);
  save->saved = saved;
  g_object_set_data (G_OBJECT (pane), SAVING_KEY, GINT_TO_POINTER (TRUE));
  gtk_widget_action_set_enabled (pane, action_name, FALSE);
  sd_evidence_save_async (pane, store, appointment, pdf, cancellable, on_pane_saved, save);
}

gboolean
sd_evidence_save_running (GtkWidget *pane)
{
  g_return_val_if_fail (GTK_IS_WIDGET (pane), FALSE);

  return g_object_get_data (G_OBJECT (pane), SAVING_KEY) != NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "sd-connect-dialog.h"
#include "sd-marketplace-client.h"
#include "sd-secret.h"
#include "sd-store-sync.h"

struct _SdConnectDialog
{
  AdwWindow parent_instance;

  SdStore *store;
  GCancellable *cancellable;
  GSubprocess *sandbox;      /* while it starts; then the application's */

  AdwEntryRow *url_row;
  AdwPasswordEntryRow *token_row;
  GtkLabel *error_label;
  GtkSpinner *spinner;
};

G_DEFINE_FINAL_TYPE (SdConnectDialog, sd_connect_dialog, ADW_TYPE_WINDOW)

enum { CONNECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_busy (SdConnectDialog *self, gboolean busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.sandbox", !busy);
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

static void
show_error (SdConnectDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  set_busy (self, FALSE);
}

/* ---- Saving: keyring and meta in a thread ---- */

typedef struct
{
  char *url;
  char *token;
} Credentials;

static void
credentials_free (Credentials *c)
{
  g_free (c->url);
  if (c->token != NULL)
    memset (c->token, 0, strlen (c->token));
  g_free (c->token);
  g_free (c);
}

static void
save_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SdConnectDialog *self = source;
  Credentials *c = task_data;
  GError *error = NULL;

  if (!sd_secret_store_token (c->url, c->token, cancellable, &error) ||
      !sd_store_set_meta (self->store, SD_STORE_META_URL, c->url, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SdConnectDialog *self = SD_CONNECT_DIALOG (source);
  Credentials *c = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("The token could not be kept in the keyring: %s"),
                              error->message);
      show_error (self, text);
      return;
    }
  set_busy (self, FALSE);
  g_signal_emit (self, signals[CONNECTED], 0, c->url, c->token);
  gtk_window_close (GTK_WINDOW (self));
}

static void
connect_with (SdConnectDialog *self, const char *url, const char *token)
{
  g_autoptr(SdMarketplaceClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Credentials *c;

  if (token == NULL || *token == '\0')
    {
      show_error (self, _("Enter the salon’s token from the marketplace."));
      return;
    }
  /* Refuses a plain http:// address that is not this computer. */
  client = sd_marketplace_client_new (url, token, &error);
  if (client == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  set_busy (self, TRUE);
  c = g_new0 (Credentials, 1);
  c->url = g_strdup (sd_marketplace_client_get_base_url (client));
  c->token = g_strdup (token);
  task = g_task_new (self, self->cancellable, on_saved, NULL);
  g_task_set_task_data (task, c, (GDestroyNotify) credentials_free);
  g_task_run_in_thread (task, save_thread);
}

static void
connect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdConnectDialog *self = SD_CONNECT_DIALOG (widget);
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (
                                                                        self->url_row))));

  connect_with (self, url, gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
}

/* ---- The sandbox ---- */

static void
stop_sandbox (gpointer data)
{
  GSubprocess *process = data;

  g_subprocess_send_signal (process, SIGTERM);
  g_object_unref (process);
}

static void
on_seeded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(SdConnectDialog) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without demo data the sandbox still works: connect either way. */
  if (bytes == NULL)
    g_warning ("The sandbox could not be filled with demo data: %s", error->message);
  connect_action (GTK_WIDGET (self), NULL, NULL);
}

static void
on_sandbox_line (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(SdConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *seed_url = NULL;
  g_autofree char *key = NULL;
  static const char seed[] = "{\"appointments\":300,\"seed\":1}";

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL,
                                                    &error);
  if (line == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  parts = line != NULL ? g_strsplit (g_strstrip (line), " ", 2) : NULL;
  if (parts == NULL || g_strv_length (parts) != 2)
    {
      g_clear_object (&self->sandbox);
      show_error (self, _("The sandbox did not start."));
      return;
    }
  /* From now on the application owns it: it outlives this dialog. */
  g_object_set_data_full (G_OBJECT (g_application_get_default ()), "sd-sandbox-process",
                          g_steal_pointer (&self->sandbox), stop_sandbox);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), parts[0]);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), parts[1]);

  session = soup_session_new ();
  seed_url = g_strconcat (parts[0], "/sandbox/seed", NULL);
  msg = soup_message_new ("POST", seed_url);
  auth = g_strconcat ("Bearer ", parts[1], NULL);
  key = g_uuid_string_random ();
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", key);
  body = g_bytes_new_static (seed, sizeof seed - 1);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, self->cancellable,
                                    on_seeded, g_object_ref (self));
}

static char *
sandbox_binary (void)
{
  const char *env = g_getenv ("SALON_DESK_SANDBOX");

  if (env != NULL && g_file_test (env, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (env);
  return g_find_program_in_path ("salon-desk-sandbox");
}

static void
sandbox_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdConnectDialog *self = SD_CONNECT_DIALOG (widget);
  g_autofree char *binary = sandbox_binary ();
  g_autofree char *db = NULL;
  g_autofree char *db_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;

  if (g_object_get_data (G_OBJECT (g_application_get_default ()), "sd-sandbox-process") != NULL)
    {
      show_error (self, _("The sandbox is already running: connect with its address."));
      return;
    }
  if (binary == NULL)
    {
      show_error (self, _("The sandbox (salon-desk-sandbox) is not installed."));
      return;
    }
  db = g_build_filename (g_get_user_data_dir (), "salon-desk", "sandbox", "sandbox.db", NULL);
  db_dir = g_path_get_dirname (db);
  g_mkdir_with_parents (db_dir, 0700);
  self->sandbox = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, binary, "--port",
                                    "0", "--db", db, NULL);
  if (self->sandbox == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  set_busy (self, TRUE);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->sandbox));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, self->cancellable,
                                       on_sandbox_line, g_object_ref (self));
}

/* ---- Life ---- */

SdConnectDialog *
sd_connect_dialog_new (GtkWindow *parent, SdStore *store)
{
  SdConnectDialog *self;
  g_autofree char *url = NULL;

  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  self = g_object_new (SD_TYPE_CONNECT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  url = sd_store_get_meta (store, SD_STORE_META_URL, NULL);
  if (url != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  return self;
}

static void
sd_connect_dialog_dispose (GObject *object)
{
  SdConnectDialog *self = SD_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->sandbox != NULL)
    {
      g_subprocess_send_signal (self->sandbox, SIGTERM);
      g_clear_object (&self->sandbox);
    }
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_CONNECT_DIALOG);
  G_OBJECT_CLASS (sd_connect_dialog_parent_class)->dispose (object);
}

static void
sd_connect_dialog_class_init (SdConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_connect_dialog_dispose;

  /* (url, token) */
  signals[CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                     G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/sd-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdConnectDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, SdConnectDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, SdConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SdConnectDialog, spinner);
  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "connect.sandbox", NULL, sandbox_action);
}

static void
sd_connect_dialog_init (SdConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

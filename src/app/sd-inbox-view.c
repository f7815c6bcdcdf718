/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-inbox-view.c — the desk's to-do list. The store orders it (most urgent first); the
 * view shows each deadline exactly and counts down. Every 30 s (and whenever the clock is
 * moved) it applies the clock to the store in a thread, so a request whose deadline
 * passed becomes expired and leaves the list without anyone restarting the app. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-inbox-item.h"
#include "sd-inbox-view.h"
#include "sd-state-style.h"
#include "sd-time.h"

#define TICK_SECONDS 30
/* Under this much time left a row is marked urgent. */
#define URGENT_SECONDS 3600

struct _SdInboxView
{
  AdwBin parent_instance;

  SdStore *store;
  GPtrArray *rows;             /* InboxRow, in list order */
  guint count;
  GCancellable *cancellable;   /* cancelled on dispose */
  GCancellable *load_cancellable;
  guint tick_source;
  gboolean loaded_once;

  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkLabel *summary_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (SdInboxView, sd_inbox_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_STORE, PROP_COUNT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { APPOINTMENT_ACTIVATED, DEADLINES_APPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  SdInboxItem *item;
  GtkWidget *row;
  GtkLabel *left_label;
  GtkLabel *deadline_label;
} InboxRow;

static void
inbox_row_free (InboxRow *row)
{
  g_clear_object (&row->item);
  g_free (row);
}

static char *
format_local (SdInboxView *self, gint64 instant, const char *format)
{
  SdSalon *salon = sd_store_get_salon (self->store);
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = salon != NULL ? g_date_time_to_timezone (utc, sd_salon_get_timezone (salon))
                        : g_date_time_ref (utc);
  return g_date_time_format (local, format);
}

/* ---- Countdowns ---- */

static void
render_countdown (SdInboxView *self, InboxRow *row, gint64 now)
{
  gint64 deadline = sd_inbox_item_get_deadline (row->item);
  gint64 left = deadline - now;
  g_autofree char *duration = sd_time_format_duration (left);
  g_autofree char *text = NULL;
  GtkWidget *label = GTK_WIDGET (row->left_label);

  if (left >= 0)
    /* Translators: time left before a deadline, "3 h 12 min left" */
    text = g_strdup_printf (_("%s left"), duration);
  else
    text = g_steal_pointer (&duration);   /* already says "overdue by …" */
  gtk_label_set_text (row->left_label, text);

  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  if (left < 0)
    gtk_widget_add_css_class (label, "error");
  else if (left < URGENT_SECONDS)
    gtk_widget_add_css_class (label, "warning");
}

static void
render_countdowns (SdInboxView *self)
{
  gint64 now = sd_clock_get_now (sd_store_get_clock (self->store));

  for (guint i = 0; i < self->rows->len; i++)
    render_countdown (self, g_ptr_array_index (self->rows, i), now);
}

/* ---- Rows ---- */

/* "Overlaps Anna Rossi at 14:00 — accepting needs your override": the store counted it
 * with the rule accepting uses, so the row says beforehand what accepting will ask. */
static char *
describe_overlap (SdInboxView *self, SdInboxItem *item)
{
  guint n = sd_inbox_item_get_overlap_count (item);
  const char *client = sd_inbox_item_get_overlap_client_name (item);
  g_autofree char *at = NULL;

  if (n == 0)
    return NULL;
  at = format_local (self, sd_inbox_item_get_overlap_start (item), "%H:%M");
  if (client == NULL || *client == '\0')
    client = _("another client");
  if (n == 1)
    /* Translators: "Overlaps Anna Rossi at 14:00 — accepting needs your override" */
    return g_strdup_printf (_("Overlaps %s at %s — accepting needs your override"), client, at);
  /* Translators: "Overlaps Anna Rossi at 14:00 and 2 others — accepting needs your
   * override"; %u is the number of other overlapping appointments */
  return g_strdup_printf (ngettext ("Overlaps %s at %s and %u other — accepting needs your "
                                    "override",
                                    "Overlaps %s at %s and %u others — accepting needs your "
                                    "override", n - 1),
                          client, at, n - 1);
}

/* The flag's icon beside the countdown; the words are the subtitle's bold second line, so
 * the flag does not rest on colour. The tooltip and the accessible name repeat them. */
static GtkWidget *
create_overlap_flag (const char *description)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_tooltip_text (icon, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  return icon;
}

static InboxRow *
create_row (SdInboxView *self, SdInboxItem *item)
{
  InboxRow *row = g_new0 (InboxRow, 1);
  gboolean complaint = sd_inbox_item_get_kind (item) == SD_INBOX_COMPLAINT;
  g_autofree char *title = NULL;
  g_autofree char *start = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *subtitle_markup = NULL;
  g_autofree char *overlap = NULL;
  const char *staff = sd_inbox_item_get_staff_name (item);
  GtkWidget *icon;
  GtkWidget *box;

  row->item = g_object_ref (item);
  row->row = adw_action_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), TRUE);

  /* Translators: an inbox row's title, "Anna Rossi — Cut & blow-dry" */
  title = g_strdup_printf (_("%s — %s"), sd_inbox_item_get_client_name (item),
                           sd_inbox_item_get_service_name (item));
  /* Translators: an appointment's start in the inbox, see g_date_time_format() */
  start = format_local (self, sd_inbox_item_get_start (item), _("%a %-d %b, %H:%M"));
  if (complaint)
    /* Translators: "Complaint awaiting your reply · appointment Tue 24 Nov, 10:00 with Marco" */
    subtitle = g_strdup_printf (_("Complaint awaiting your reply · appointment %s with %s"),
                                start, staff != NULL ? staff : "");
  else
    /* Translators: "Request to confirm · Tue 24 Nov, 10:00 with Marco" */
    subtitle = g_strdup_printf (_("Request to confirm · %s with %s"), start,
                                staff != NULL ? staff : "");
  overlap = complaint ? NULL : describe_overlap (self, item);
  title_markup = g_markup_escape_text (title, -1);
  subtitle_markup = g_markup_escape_text (subtitle, -1);
  if (overlap != NULL)
    {
      /* Bold under the dim line: read before the countdown. */
      g_autofree char *overlap_markup = g_markup_escape_text (overlap, -1);
      char *both = g_strdup_printf ("%s\n<b>%s</b>", subtitle_markup, overlap_markup);

      g_free (subtitle_markup);
      subtitle_markup = both;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), subtitle_markup);

  /* Coloured like the state it is about (style.css's .state-pill), with its own icon. */
  icon = gtk_image_new_from_icon_name (sd_state_style_get_icon_name (
                                         complaint ? SD_STATE_DISPUTED : SD_STATE_REQUESTED));
  gtk_widget_set_tooltip_text (icon, complaint ? _("Complaint") : _("Booking request"));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "state-pill");
  gtk_widget_add_css_class (box, sd_state_style_get_css_class (
                              complaint ? SD_STATE_DISPUTED : SD_STATE_REQUESTED));
  gtk_box_append (GTK_BOX (box), icon);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row->row), box);

  if (overlap != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), create_overlap_flag (overlap));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  row->left_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->left_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (row->left_label), "heading");
  /* Translators: the exact deadline in the inbox, see g_date_time_format() */
  deadline = format_local (self, sd_inbox_item_get_deadline (item), _("%a %-d %b, %H:%M"));
  /* Translators: "by Mon 23 Nov, 14:30" — the exact deadline */
  deadline_text = g_strdup_printf (_("by %s"), deadline);
  row->deadline_label = GTK_LABEL (gtk_label_new (deadline_text));
  gtk_label_set_xalign (row->deadline_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (row->deadline_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->deadline_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->left_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->deadline_label));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data (G_OBJECT (row->row), "sd-inbox-row", row);
  return row;
}

static void
set_count (SdInboxView *self, guint count)
{
  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

static void
show_items (SdInboxView *self, GPtrArray *items)
{
  GtkWidget *child;
  guint requests = 0, complaints = 0, overlapping = 0;
  g_autofree char *requests_text = NULL;
  g_autofree char *complaints_text = NULL;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < items->len; i++)
    {
      SdInboxItem *item = g_ptr_array_index (items, i);
      InboxRow *row = create_row (self, item);

      if (sd_inbox_item_get_kind (item) == SD_INBOX_COMPLAINT)
        complaints++;
      else
        requests++;
      overlapping += sd_inbox_item_get_overlap_count (item) > 0;
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list, row->row);
    }
  render_countdowns (self);

  requests_text = g_strdup_printf (ngettext ("%u request to confirm",
                                             "%u requests to confirm", requests), requests);
  if (overlapping > 0)
    {
      /* Translators: "3 requests to confirm (1 overlaps a booking)" */
      char *with_overlaps = g_strdup_printf (ngettext ("%s (%u overlaps a booking)",
                                                       "%s (%u overlap bookings)", overlapping),
                                             requests_text, overlapping);

      g_free (requests_text);
      requests_text = with_overlaps;
    }
  complaints_text = g_strdup_printf (ngettext ("%u complaint to answer",
                                               "%u complaints to answer", complaints),
                                     complaints);
  /* Translators: "2 requests to confirm, 1 complaint to answer" */
  summary = g_strdup_printf (_("%s, %s"), requests_text, complaints_text);
  gtk_label_set_text (self->summary_label, summary);

  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  set_count (self, items->len);
}

static void
on_row_activated (SdInboxView *self, GtkListBoxRow *list_row, GtkListBox *list)
{
  InboxRow *row = g_object_get_data (G_OBJECT (list_row), "sd-inbox-row");

  if (row != NULL)
    g_signal_emit (self, signals[APPOINTMENT_ACTIVATED], 0,
                   sd_inbox_item_get_appointment_id (row->item));
}

/* ---- Loading ---- */

static void
on_inbox_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdInboxView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = sd_store_list_inbox_finish (SD_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->spinner, FALSE);
  self->loaded_once = TRUE;
  if (items == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_items (self, items);
}

void
sd_inbox_view_reload (SdInboxView *self)
{
  g_return_if_fail (SD_IS_INBOX_VIEW (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  if (!self->loaded_once)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  sd_store_list_inbox_async (self->store, self->load_cancellable, on_inbox_loaded,
                             g_object_ref (self));
}

static void
apply_deadlines_thread (GTask *task, gpointer source, gpointer task_data,
                        GCancellable *cancellable)
{
  GError *error = NULL;
  guint changed = sd_store_apply_deadlines (source, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, changed);
}

static void
on_deadlines_applied (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdInboxView) self = user_data;
  g_autoptr (GError) error = NULL;
  gssize changed = g_task_propagate_int (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A failure here is the database's; the reload below shows it on the error page. */
  if (error != NULL)
    g_debug ("Could not apply the deadlines: %s", error->message);
  else if (changed > 0)
    g_signal_emit (self, signals[DEADLINES_APPLIED], 0, (guint) changed);
  sd_inbox_view_reload (self);
}

/* The clock moved: count down now, then let the store expire what is overdue. */
static void
tick (SdInboxView *self)
{
  g_autoptr (GTask) task = NULL;

  render_countdowns (self);
  task = g_task_new (self->store, self->cancellable, on_deadlines_applied,
                     g_object_ref (self));
  g_task_set_source_tag (task, tick);
  g_task_run_in_thread (task, apply_deadlines_thread);
}

static gboolean
on_tick (gpointer user_data)
{
  tick (user_data);
  return G_SOURCE_CONTINUE;
}

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  tick (SD_INBOX_VIEW (widget));
}

/* ---- GObject ---- */

static void
sd_inbox_view_constructed (GObject *object)
{
  SdInboxView *self = SD_INBOX_VIEW (object);

  G_OBJECT_CLASS (sd_inbox_view_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_signal_connect_object (sd_store_get_clock (self->store), "notify::now",
                           G_CALLBACK (tick), self, G_CONNECT_SWAPPED);
  self->tick_source = g_timeout_add_seconds (TICK_SECONDS, on_tick, self);
  sd_inbox_view_reload (self);
}

static void
sd_inbox_view_dispose (GObject *object)
{
  SdInboxView *self = SD_INBOX_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_ptr_array_set_size (self->rows, 0);
  /* AdwBin unparents its child itself; take it away first so the template does not
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_INBOX_VIEW);

  G_OBJECT_CLASS (sd_inbox_view_parent_class)->dispose (object);
}

static void
sd_inbox_view_finalize (GObject *object)
{
  SdInboxView *self = SD_INBOX_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_inbox_view_parent_class)->finalize (object);
}

static void
sd_inbox_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdInboxView *self = SD_INBOX_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_inbox_view_set_property (GObject *object, guint prop_id, const GValue *value,
                            GParamSpec *pspec)
{
  SdInboxView *self = SD_INBOX_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_inbox_view_class_init (SdInboxViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sd_inbox_view_constructed;
  object_class->dispose = sd_inbox_view_dispose;
  object_class->finalize = sd_inbox_view_finalize;
  object_class->get_property = sd_inbox_view_get_property;
  object_class->set_property = sd_inbox_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[APPOINTMENT_ACTIVATED] =
    g_signal_new ("appointment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DEADLINES_APPLIED] =
    g_signal_new ("deadlines-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sd-inbox-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SdInboxView, stack);
  gtk_widget_class_bind_template_child (widget_class, SdInboxView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SdInboxView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SdInboxView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SdInboxView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "inbox.refresh", NULL, refresh_action);
}

static void
sd_inbox_view_init (SdInboxView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) inbox_row_free);
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
sd_inbox_view_new (SdStore *store)
{
  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  return g_object_new (SD_TYPE_INBOX_VIEW, "store", store, NULL);
}

guint
sd_inbox_view_get_count (SdInboxView *self)
{
  g_return_val_if_fail (SD_IS_INBOX_VIEW (self), 0);

  return self->count;
}

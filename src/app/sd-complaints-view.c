/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-complaints-view.c — the complaints list (its columns are in
 * sd-complaints-view-columns.c). The store gives every complaint; a
 * GtkSortListModel orders them by urgency and a GtkFilterListModel applies the filter, so
 * changing the filter never queries again. Each minute (and whenever the clock moves) the
 * countdowns are redrawn; once a shown deadline has passed, the view applies the clock to
 * the store in a thread, so an unanswered complaint turns "missed" without a restart. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-complaint-pane.h"
#include "sd-complaints-view-private.h"
#include "sd-deadline.h"
#include "sd-money.h"
#include "sd-time.h"

#define TICK_SECONDS 60
/* "Opened in the last 2 days". */
#define RECENT_SECONDS (2 * 86400)


G_DEFINE_FINAL_TYPE (SdComplaintsView, sd_complaints_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_STORE, PROP_COUNT, PROP_FILTER, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

const char *
sd_complaints_view_status_label (SdComplaintStatus status)
{
  switch (status)
    {
    case SD_COMPLAINT_AWAITING_REPLY:
      return _("Awaiting reply");
    case SD_COMPLAINT_UNDER_REVIEW:
      return _("Under review");
    case SD_COMPLAINT_RESOLVED:
      return _("Resolved");
    case SD_COMPLAINT_MISSED:
      return _("Missed");
    default:
      return "";
    }
}

const char *
sd_complaints_view_status_icon (SdComplaintStatus status)
{
  switch (status)
    {
    case SD_COMPLAINT_AWAITING_REPLY:
      return "mail-unread-symbolic";
    case SD_COMPLAINT_UNDER_REVIEW:
      return "emblem-synchronizing-symbolic";
    case SD_COMPLAINT_RESOLVED:
      return "emblem-ok-symbolic";
    case SD_COMPLAINT_MISSED:
      return "appointment-missed-symbolic";
    default:
      return "dialog-question-symbolic";
    }
}

gint64
sd_complaints_view_now (SdComplaintsView *self)
{
  return sd_clock_get_now (sd_store_get_clock (self->store));
}

char *
sd_complaints_view_format_local (SdComplaintsView *self, gint64 instant, const char *format)
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

/* ---- Urgency and filters ---- */

static int
status_rank (SdComplaintStatus status)
{
  switch (status)
    {
    case SD_COMPLAINT_AWAITING_REPLY:
      return 0;
    case SD_COMPLAINT_UNDER_REVIEW:
      return 1;
    case SD_COMPLAINT_MISSED:
      return 2;
    case SD_COMPLAINT_RESOLVED:
    default:
      return 3;
    }
}

/* Awaiting a reply first, the nearest deadline on top; then those the marketplace still
 * reviews, missed and resolved ones, newest first. */
static int
compare_urgency (gconstpointer a, gconstpointer b, gpointer user_data)
{
  SdComplaint *x = (SdComplaint *) a;
  SdComplaint *y = (SdComplaint *) b;
  int rx = status_rank (sd_complaint_get_status (x));
  int ry = status_rank (sd_complaint_get_status (y));
  gint64 dx, dy;

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (rx == 0)
    {
      /* No deadline (the salon opened it) sorts after every deadline. */
      dx = sd_complaint_get_reply_by (x) != 0 ? sd_complaint_get_reply_by (x) : G_MAXINT64;
      dy = sd_complaint_get_reply_by (y) != 0 ? sd_complaint_get_reply_by (y) : G_MAXINT64;
      if (dx != dy)
        return dx < dy ? -1 : 1;
    }
  dx = sd_complaint_get_opened_at (x);
  dy = sd_complaint_get_opened_at (y);
  if (dx != dy)
    return dx > dy ? -1 : 1;
  return sd_complaint_get_id (x) < sd_complaint_get_id (y) ? -1 : 1;
}

static gboolean
needs_reply (SdComplaint *complaint)
{
  return sd_complaint_get_status (complaint) == SD_COMPLAINT_AWAITING_REPLY;
}

static gboolean
match_filter (gpointer item, gpointer user_data)
{
  SdComplaintsView *self = user_data;
  SdComplaint *complaint = item;

  if (g_strcmp0 (self->filter_mode, "needs") == 0)
    return needs_reply (complaint);
  if (g_strcmp0 (self->filter_mode, "recent") == 0)
    return sd_complaint_get_opened_at (complaint) >= sd_complaints_view_now (self) - RECENT_SECONDS;
  if (g_strcmp0 (self->filter_mode, "resolved") == 0)
    return sd_complaint_get_status (complaint) == SD_COMPLAINT_RESOLVED;
  return TRUE;
}

static void
update_page (SdComplaintsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->complaints));

  if (!self->loaded_once || g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack),
                                       "error") == 0)
    return;
  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No complaints"));
      adw_status_page_set_description (self->empty_page,
                                       _("When a client opens a complaint on an appointment, it "
                                         "appears here with the deadline to answer it."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Nothing matches this filter"));
      adw_status_page_set_description (self->empty_page,
                                       g_strcmp0 (self->filter_mode, "needs") == 0
                                       ? _("Every complaint has been answered.")
                                       : _("Choose “All” to see every complaint."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
set_filter (SdComplaintsView *self, const char *mode)
{
  if (g_strcmp0 (self->filter_mode, mode) == 0)
    return;
  g_free (self->filter_mode);
  self->filter_mode = g_strdup (mode);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/* ---- Loading ---- */

static void
set_count (SdComplaintsView *self, guint count)
{
  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

/* The complaint on the reply screen changed in the store (a pull brought comments, the
 * marketplace resolved it, its deadline passed): show it as it now is. What the user typed
 * or chose stays. */
static void
refresh_open_pane (SdComplaintsView *self, GPtrArray *list)
{
  SdComplaint *shown = sd_complaint_pane_get_complaint (self->pane);

  if (shown == NULL || sd_complaint_pane_get_busy (self->pane)
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "reply") != 0)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      SdComplaint *now_is = g_ptr_array_index (list, i);

      if (sd_complaint_get_id (now_is) != sd_complaint_get_id (shown))
        continue;
      if (sd_complaint_get_version (now_is) != sd_complaint_get_version (shown)
          || sd_complaint_get_status (now_is) != sd_complaint_get_status (shown))
        sd_complaint_pane_set_complaint (self->pane, sd_complaint_get_id (now_is));
      return;
    }
}

static void
show_complaints (SdComplaintsView *self, GPtrArray *list)
{
  guint awaiting = 0, missed = 0;
  g_autofree char *awaiting_text = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < list->len; i++)
    {
      SdComplaint *complaint = g_ptr_array_index (list, i);

      awaiting += needs_reply (complaint);
      missed += sd_complaint_get_status (complaint) == SD_COMPLAINT_MISSED;
    }
  g_list_store_splice (self->complaints, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->complaints)),
                       list->pdata, list->len);

  awaiting_text = g_strdup_printf (ngettext ("%u complaint awaiting your reply",
                                             "%u complaints awaiting your reply", awaiting),
                                   awaiting);
  if (missed > 0)
    {
      g_autofree char *missed_text = g_strdup_printf (ngettext ("%u missed", "%u missed",
                                                                missed), missed);
      /* Translators: "2 complaints awaiting your reply · 1 missed" */
      summary = g_strdup_printf (_("%s · %s"), awaiting_text, missed_text);
    }
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : awaiting_text);
  gtk_stack_set_visible_child_name (self->list_stack, "list");
  update_page (self);
  set_count (self, awaiting);
  refresh_open_pane (self, list);
}

typedef struct
{
  guint missed;
  GPtrArray *list;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->list, g_ptr_array_unref);
  g_free (result);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  /* First the clock: a deadline that passed makes its complaint "missed" before it is
   * listed, so the list never shows an answer that the store would refuse. */
  result->missed = sd_store_apply_deadlines (source, &error);
  if (error == NULL)
    result->list = sd_store_list_complaints (source, FALSE, 0, &error);
  if (error != NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
on_loaded (GObject *source, GAsyncResult *res, gpointer user_data)
{
  g_autoptr (SdComplaintsView) self = user_data;
  g_autoptr (GError) error = NULL;
  LoadResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  self->loaded_once = TRUE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (result == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }
  show_complaints (self, result->list);
  if (result->missed > 0)
    g_signal_emit (self, signals[CHANGED], 0);
  load_result_free (result);
}

void
sd_complaints_view_reload (SdComplaintsView *self)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (SD_IS_COMPLAINTS_VIEW (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (!self->loaded_once)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
    }
  task = g_task_new (self->store, self->load_cancellable, on_loaded, g_object_ref (self));
  g_task_set_source_tag (task, sd_complaints_view_reload);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

/* The clock moved (or a minute passed): count down; a deadline that has just passed
 * needs the store to mark its complaint missed. */
static void
tick (SdComplaintsView *self)
{
  GHashTableIter iter;
  gpointer item;
  gint64 t = sd_complaints_view_now (self);
  gboolean overdue = FALSE;

  g_hash_table_iter_init (&iter, self->deadline_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    sd_complaints_view_render_deadline (self, item);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->complaints)); i++)
    {
      g_autoptr (SdComplaint) complaint = g_list_model_get_item (G_LIST_MODEL (self->complaints),
                                                                 i);

      if (needs_reply (complaint) && sd_complaint_get_reply_by (complaint) != 0
          && sd_deadline_passed (sd_complaint_get_reply_by (complaint), t))
        overdue = TRUE;
    }
  /* "Opened in the last 2 days" moves with the clock too. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
  if (overdue && !self->loading)
    sd_complaints_view_reload (self);
}

static gboolean
on_tick (gpointer user_data)
{
  tick (user_data);
  return G_SOURCE_CONTINUE;
}

/* ---- Navigation ---- */

/* Back (and its Escape) only means something on the reply screen; elsewhere Escape is
 * the window's. */
static void
on_page_changed (SdComplaintsView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.back",
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->pages),
                                            "reply") == 0);
}

void
sd_complaints_view_open (SdComplaintsView *self, gint64 complaint_id)
{
  g_return_if_fail (SD_IS_COMPLAINTS_VIEW (self));

  sd_complaint_pane_set_complaint (self->pane, complaint_id);
  gtk_stack_set_visible_child_name (self->pages, "reply");
}

static void
on_row_activated (SdComplaintsView *self, guint position, GtkColumnView *view)
{
  g_autoptr (SdComplaint) complaint = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                             position);

  if (complaint != NULL)
    sd_complaints_view_open (self, sd_complaint_get_id (complaint));
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SdComplaintsView *self = SD_COMPLAINTS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->pages, "list");
}

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  sd_complaints_view_reload (SD_COMPLAINTS_VIEW (widget));
}

static void
on_pane_changed (SdComplaintsView *self, gint64 complaint_id)
{
  sd_complaints_view_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- GObject ---- */

static void
sd_complaints_view_constructed (GObject *object)
{
  SdComplaintsView *self = SD_COMPLAINTS_VIEW (object);

  G_OBJECT_CLASS (sd_complaints_view_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  /* The pane is the template's; it gets the store once the view has it. */
  g_object_set (self->pane, "store", self->store, NULL);
  g_signal_connect_object (self->pane, "changed", G_CALLBACK (on_pane_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sd_store_get_clock (self->store), "notify::now", G_CALLBACK (tick),
                           self, G_CONNECT_SWAPPED);
  self->tick_source = g_timeout_add_seconds (TICK_SECONDS, on_tick, self);
  sd_complaints_view_reload (self);
}

static void
sd_complaints_view_dispose (GObject *object)
{
  SdComplaintsView *self = SD_COMPLAINTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_hash_table_remove_all (self->deadline_cells);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_COMPLAINTS_VIEW);

  G_OBJECT_CLASS (sd_complaints_view_parent_class)->dispose (object);
}

static void
sd_complaints_view_finalize (GObject *object)
{
  SdComplaintsView *self = SD_COMPLAINTS_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->filtered);
  g_clear_object (&self->complaints);
  g_clear_pointer (&self->deadline_cells, g_hash_table_unref);
  g_clear_pointer (&self->filter_mode, g_free);

  G_OBJECT_CLASS (sd_complaints_view_parent_class)->finalize (object);
}

static void
sd_complaints_view_get_property (GObject *object, guint prop_id, GValue *value,
                                 GParamSpec *pspec)
{
  SdComplaintsView *self = SD_COMPLAINTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    case PROP_FILTER:
      g_value_set_string (value, self->filter_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_complaints_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  SdComplaintsView *self = SD_COMPLAINTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      set_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_complaints_view_class_init (SdComplaintsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sd_complaints_view_constructed;
  object_class->dispose = sd_complaints_view_dispose;
  object_class->finalize = sd_complaints_view_finalize;
  object_class->get_property = sd_complaints_view_get_property;
  object_class->set_property = sd_complaints_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SD_TYPE_COMPLAINT_PANE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sd-complaints-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SdComplaintsView, pages);
  gtk_widget_class_bind_template_child (widget_class, SdComplaintsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SdComplaintsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SdComplaintsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SdComplaintsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SdComplaintsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SdComplaintsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SdComplaintsView, pane);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_property_action (widget_class, "complaints.filter", "filter");
  gtk_widget_class_install_action (widget_class, "complaints.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "complaints.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "complaints.back", NULL);
}

static void
sd_complaints_view_init (SdComplaintsView *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->filter_mode = g_strdup ("all");
  self->deadline_cells = g_hash_table_new (NULL, NULL);
  self->complaints = g_list_store_new (SD_TYPE_COMPLAINT);

  /* store → sorted by urgency → filtered → shown. The models own the sorter and filter. */
  self->sorter = gtk_custom_sorter_new (compare_urgency, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->complaints)),
                                          GTK_SORTER (self->sorter));
  self->filter = gtk_custom_filter_new (match_filter, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->sorted),
                                              GTK_FILTER (self->filter));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_page), self,
                           G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  sd_complaints_view_build_columns (self);
  g_signal_connect_object (self->pages, "notify::visible-child-name",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  on_page_changed (self);
}

GtkWidget *
sd_complaints_view_new (SdStore *store)
{
  g_return_val_if_fail (SD_IS_STORE (store), NULL);

  return g_object_new (SD_TYPE_COMPLAINTS_VIEW, "store", store, NULL);
}

guint
sd_complaints_view_get_count (SdComplaintsView *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINTS_VIEW (self), 0);
  return self->count;
}

gint64
sd_complaints_view_find_awaiting (SdComplaintsView *self, gint64 appointment_id)
{
  GListModel *all;

  g_return_val_if_fail (SD_IS_COMPLAINTS_VIEW (self), 0);

  all = G_LIST_MODEL (self->complaints);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (SdComplaint) complaint = g_list_model_get_item (all, i);

      if (sd_complaint_get_appointment_id (complaint) == appointment_id && needs_reply (complaint))
        return sd_complaint_get_id (complaint);
    }
  return 0;
}

GListModel *
sd_complaints_view_get_model (SdComplaintsView *self)
{
  g_return_val_if_fail (SD_IS_COMPLAINTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

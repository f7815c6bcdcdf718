/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The inbox flags a request that overlaps another active appointment of the same stylist
 * (the rule accepting it would refuse by): half-open ranges, same staff only, freed slots
 * not counted; accepting a flagged request needs the override and then both are booked. */
#include "config.h"

#include "sd-policy-error.h"
#include "store-fixture.h"

/* A marketplace request, allowed to overlap (the marketplace does not check the desk). */
static SdAppointment *
request (Fixture *f, gint64 start, gint64 staff, gint64 service, const char *client)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *email = g_strdup_printf ("%s@example.com", client);
  SdNewAppointment spec;
  SdAppointment *a;

  sd_new_appointment_init (&spec);
  spec.start = start;
  spec.staff_id = staff;
  spec.service_id = service;
  spec.client_name = client;
  spec.client_email = email;
  spec.payment = SD_PAYMENT_PREPAID;
  spec.state = SD_STATE_REQUESTED;
  spec.allow_overlap = TRUE;
  a = sd_store_create_appointment (f->store, &spec, &error);
  g_assert_no_error (error);
  return a;
}

/* A desk booking of a cut with the first stylist, on @day November at @hour:@minute. */
static SdAppointment *
booked (Fixture *f, int day, int hour, int minute, const char *client)
{
  return fixture_book (f, fixture_at (f, day, hour, minute), f->staff[0], f->cut,
                       SD_STATE_CONFIRMED, SD_PAYMENT_AT_SALON, client);
}

static SdInboxItem *
item_for (GPtrArray *items, SdAppointment *a)
{
  for (guint i = 0; i < items->len; i++)
    {
      SdInboxItem *item = g_ptr_array_index (items, i);

      if (sd_inbox_item_get_appointment_id (item) == sd_appointment_get_id (a)
          && sd_inbox_item_get_kind (item) == SD_INBOX_REQUEST)
        return item;
    }
  return NULL;
}

static GPtrArray *
inbox (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = sd_store_list_inbox (f->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static void
assert_flag (GPtrArray *items, SdAppointment *a, guint count, gint64 first_start,
             const char *first_client)
{
  SdInboxItem *item = item_for (items, a);

  g_assert_nonnull (item);
  g_assert_cmpuint (sd_inbox_item_get_overlap_count (item), ==, count);
  g_assert_cmpint (sd_inbox_item_get_overlap_start (item), ==, first_start);
  g_assert_cmpstr (sd_inbox_item_get_overlap_client_name (item), ==, first_client);
}

static void
test_overlap_flag (Fixture *f, gconstpointer data)
{
  /* 25th: Anna 14:00–14:30 and Bram 14:30–15:00 with Giulia; a colour 13:45–15:15 asked
   * for Giulia overlaps both, Anna first. */
  g_autoptr(SdAppointment) anna = booked (f, 25, 14, 0, "Anna Rossi");
  g_autoptr(SdAppointment) bram = booked (f, 25, 14, 30, "Bram Visser");
  g_autoptr(SdAppointment) both = request (f, fixture_at (f, 25, 13, 45), f->staff[0],
                                           f->colour, "Dirk");
  /* 26th: Cora 10:00–10:30; requests right before and right after only touch it. */
  g_autoptr(SdAppointment) cora = booked (f, 26, 10, 0, "Cora");
  g_autoptr(SdAppointment) before = request (f, fixture_at (f, 26, 9, 30), f->staff[0], f->cut,
                                             "Eva");
  g_autoptr(SdAppointment) after = request (f, fixture_at (f, 26, 10, 30), f->staff[0],
                                            f->cut, "Femke");
  /* 27th: the same time with another stylist. */
  g_autoptr(SdAppointment) gina = fixture_book (f, fixture_at (f, 27, 11, 0), f->staff[1],
                                                f->cut, SD_STATE_CONFIRMED,
                                                SD_PAYMENT_AT_SALON, "Gina");
  g_autoptr(SdAppointment) other_staff = request (f, fixture_at (f, 27, 11, 0), f->staff[0],
                                                  f->cut, "Hugo");
  /* 28th: a cancelled booking frees its slot. */
  g_autoptr(SdAppointment) ines = booked (f, 28, 12, 0, "Ines");
  g_autoptr(SdAppointment) ines_cancelled = NULL;
  g_autoptr(SdAppointment) freed = NULL;
  /* 29th: two requests for overlapping times hold each other's slot. */
  g_autoptr(SdAppointment) kees = request (f, fixture_at (f, 29, 15, 0), f->staff[2], f->cut,
                                           "Kees");
  g_autoptr(SdAppointment) lotte = request (f, fixture_at (f, 29, 15, 15), f->staff[2],
                                            f->cut, "Lotte");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  SdActionRequest r;

  sd_action_request_init (&r, SD_ACTION_CANCEL);
  r.reason = SD_CANCEL_REASON_ILLNESS;
  ines_cancelled = sd_store_perform (f->store, sd_appointment_get_id (ines), &r, &error);
  g_assert_no_error (error);
  freed = request (f, fixture_at (f, 28, 12, 0), f->staff[0], f->cut, "Jan");

  items = inbox (f);
  g_assert_cmpuint (items->len, ==, 7);
  assert_flag (items, both, 2, sd_appointment_get_start (anna), "Anna Rossi");
  assert_flag (items, before, 0, 0, NULL);
  assert_flag (items, after, 0, 0, NULL);
  assert_flag (items, other_staff, 0, 0, NULL);
  assert_flag (items, freed, 0, 0, NULL);
  assert_flag (items, kees, 1, sd_appointment_get_start (lotte), "Lotte");
  assert_flag (items, lotte, 1, sd_appointment_get_start (kees), "Kees");
  (void) bram; (void) cora; (void) gina;
}

/* The flag and the accept rule agree: refused without the override, then booked with it,
 * and the other appointment stays as it was. */
static void
test_flagged_accept (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) anna = booked (f, 25, 14, 0, "Anna Rossi");
  g_autoptr(SdAppointment) dirk = request (f, fixture_at (f, 25, 14, 15), f->staff[0], f->cut,
                                           "Dirk");
  g_autoptr(SdAppointment) accepted = NULL;
  g_autoptr(SdAppointment) anna_after = NULL;
  g_autoptr(GPtrArray) flagged = inbox (f);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  SdActionRequest r;

  assert_flag (flagged, dirk, 1, sd_appointment_get_start (anna), "Anna Rossi");

  sd_action_request_init (&r, SD_ACTION_ACCEPT);
  g_assert_null (sd_store_perform (f->store, sd_appointment_get_id (dirk), &r, &error));
  g_assert_error (error, SD_POLICY_ERROR, SD_POLICY_ERROR_OVERLAP);
  g_clear_error (&error);

  r.allow_overlap = TRUE;
  accepted = sd_store_perform (f->store, sd_appointment_get_id (dirk), &r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_appointment_get_state (accepted), ==, SD_STATE_CONFIRMED);
  anna_after = sd_store_get_appointment (f->store, sd_appointment_get_id (anna), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_appointment_get_state (anna_after), ==, SD_STATE_CONFIRMED);
  /* "The salon confirmed" is in the accepted one's chat. */
  messages = sd_store_list_messages (f->store, sd_appointment_get_id (dirk), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (sd_message_get_body (g_ptr_array_index (messages, 0)), ==,
                   "The salon confirmed the appointment.");
  after = inbox (f);
  g_assert_cmpuint (after->len, ==, 0);
}

/* A complaint row never carries a flag, whatever overlaps its appointment. */
static void
test_complaint_not_flagged (Fixture *f, gconstpointer data)
{
  gint64 start = fixture_at (f, 23, 11, 0);
  g_autoptr(SdAppointment) a = fixture_book (f, start, f->staff[0], f->cut, SD_STATE_CONFIRMED,
                                             SD_PAYMENT_AT_SALON, "Anna Rossi");
  g_autoptr(SdAppointment) in = NULL;
  g_autoptr(SdAppointment) out = NULL;
  g_autoptr(SdAppointment) disputed = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  SdActionRequest r;

  sd_clock_set_now (f->clock, start);
  sd_action_request_init (&r, SD_ACTION_CHECK_IN);
  in = sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);
  sd_action_request_init (&r, SD_ACTION_CHECK_OUT);
  out = sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);
  sd_action_request_init (&r, SD_ACTION_OPEN_COMPLAINT);
  r.by = SD_PARTY_CLIENT;
  r.text = "Uneven";
  r.deadline_kind = SD_DEADLINE_HOURS_24;
  disputed = sd_store_perform (f->store, sd_appointment_get_id (a), &r, &error);
  g_assert_no_error (error);

  items = inbox (f);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (sd_inbox_item_get_kind (g_ptr_array_index (items, 0)), ==,
                   SD_INBOX_COMPLAINT);
  g_assert_cmpuint (sd_inbox_item_get_overlap_count (g_ptr_array_index (items, 0)), ==, 0);
}

/* sd_store_list_overlaps(): for one appointment, the same answer as the inbox flag, as a
 * list (earliest first), for a confirmed booking too; unknown ids are an error. */
static GPtrArray *
overlaps (Fixture *f, SdAppointment *a)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sd_store_list_overlaps (f->store, sd_appointment_get_id (a), &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
on_overlaps_listed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sd_store_list_overlaps_finish (SD_STORE (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
test_list_overlaps (Fixture *f, gconstpointer data)
{
  g_autoptr(SdAppointment) anna = booked (f, 25, 14, 0, "Anna Rossi");
  g_autoptr(SdAppointment) bram = booked (f, 25, 14, 30, "Bram Visser");
  g_autoptr(SdAppointment) dirk = request (f, fixture_at (f, 25, 13, 45), f->staff[0],
                                           f->colour, "Dirk");
  /* Back to back with Dirk (13:15–13:45), and the same time as Anna with another stylist. */
  g_autoptr(SdAppointment) eva = request (f, fixture_at (f, 25, 13, 15), f->staff[0], f->cut,
                                          "Eva");
  g_autoptr(SdAppointment) gina = request (f, fixture_at (f, 25, 14, 0), f->staff[1], f->cut,
                                           "Gina");
  g_autoptr(SdAppointment) cancelled = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) async_list = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  SdActionRequest r;

  /* Dirk's colour 13:45–15:15 covers Anna and Bram: both, Anna first, as the inbox says. */
  list = overlaps (f, dirk);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (sd_appointment_get_client_name (g_ptr_array_index (list, 0)), ==,
                   "Anna Rossi");
  g_assert_cmpstr (sd_appointment_get_client_name (g_ptr_array_index (list, 1)), ==,
                   "Bram Visser");
  items = inbox (f);
  assert_flag (items, dirk, list->len,
               sd_appointment_get_start (g_ptr_array_index (list, 0)), "Anna Rossi");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A confirmed booking sees the request that holds its slot (Anna: only Dirk, not Bram
   * who starts as she ends, nor Gina with another stylist). */
  list = overlaps (f, anna);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (sd_appointment_get_id (g_ptr_array_index (list, 0)), ==,
                   sd_appointment_get_id (dirk));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Half-open: Eva ends at 13:45 as Dirk starts. */
  list = overlaps (f, eva);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = overlaps (f, gina);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A cancelled booking frees its slot: Dirk then overlaps Bram only, also in a thread. */
  sd_action_request_init (&r, SD_ACTION_CANCEL);
  r.reason = SD_CANCEL_REASON_ILLNESS;
  cancelled = sd_store_perform (f->store, sd_appointment_get_id (anna), &r, &error);
  g_assert_no_error (error);
  sd_store_list_overlaps_async (f->store, sd_appointment_get_id (dirk), NULL,
                                on_overlaps_listed, &async_list);
  while (async_list == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (async_list->len, ==, 1);
  g_assert_cmpstr (sd_appointment_get_client_name (g_ptr_array_index (async_list, 0)), ==,
                   "Bram Visser");

  /* An id that is not there is an error, not "no overlap". */
  g_assert_null (sd_store_list_overlaps (f->store, 999999, &error));
  g_assert_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/inbox/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("overlap-flag", test_overlap_flag);
  ADD ("flagged-accept", test_flagged_accept);
  ADD ("complaint-not-flagged", test_complaint_not_flagged);
  ADD ("list-overlaps", test_list_overlaps);
#undef ADD

  return g_test_run ();
}

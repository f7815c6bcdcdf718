/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `salon-desk --screenshot`: the real application, run in this process, renders each view
 * of a demo salon to PNG; a bad database gives a picture of the error page, untouched. */
#include "config.h"

#include "app-test-fixture.h"
#include "sd-application.h"

static SalonFixture fixture;

static int
run_app (const char *const *args)
{
  g_autoptr(SdApplication) app = sd_application_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "salon-desk");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  return g_application_run (G_APPLICATION (app), argv->len, (char **) argv->pdata);
}

/* How many different colours a sample of the picture holds: a blank or half-drawn
 * window has a handful. */
static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      {
        guint32 p = *(guint32 *) (pixels + ((gsize) y * width + x) * 4);

        g_hash_table_add (seen, GUINT_TO_POINTER (p));
      }
  return g_hash_table_size (seen);
}

static void
test_views (void)
{
  const char *views[] = { "day", "week", "list", "inbox", "complaints" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *png = g_build_filename (fixture.dir, "shot.png", NULL);
      const char *args[] = { "--db", fixture.path, "--now", FIXTURE_NOW, "--date", "2026-11-24",
                             "--view", views[i], "--screenshot", png, NULL };
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("view %s", views[i]);
      g_assert_cmpint (run_app (args), ==, 0);
      texture = gdk_texture_new_from_filename (png, &error);
      g_assert_no_error (error);
      /* 1280 × 840 less the client-side shadow, if the window manager asked for one. */
      g_assert_cmpint (gdk_texture_get_width (texture), >=, 1260);
      g_assert_cmpint (gdk_texture_get_height (texture), >=, 820);
      g_assert_cmpuint (count_colours (texture), >, 40);
      g_unlink (png);
    }
}

static void
test_bad_database (void)
{
  g_autofree char *path = g_build_filename (fixture.dir, "notes.sqlite", NULL);
  g_autofree char *png = g_build_filename (fixture.dir, "error.png", NULL);
  const char *args[] = { "--db", path, "--now", FIXTURE_NOW, "--screenshot", png, NULL };
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "shopping list: shampoo, towels\n", -1, NULL));
  g_assert_cmpint (run_app (args), ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "shopping list: shampoo, towels\n");
  g_unlink (png);
  g_unlink (path);
}

static void
test_bad_arguments (void)
{
  const char *bad_view[] = { "--db", fixture.path, "--view", "month", NULL };
  const char *bad_date[] = { "--db", fixture.path, "--date", "2026-02-30", NULL };
  const char *bad_now[] = { "--db", fixture.path, "--now", "2026-11-24 10:00", NULL };

  if (g_test_subprocess ())
    {
      g_assert_cmpint (run_app (bad_view), ==, 2);
      g_assert_cmpint (run_app (bad_date), ==, 2);
      g_assert_cmpint (run_app (bad_now), ==, 2);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Unknown view “month”*Invalid date “2026-02-30”*Invalid time*");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  fixture_require_display (&argc, &argv);
  fixture_open (&fixture, 3000);
  /* The app opens the file itself, as after a restart. */
  g_clear_object (&fixture.store);

  g_test_add_func ("/app/screenshot/views", test_views);
  g_test_add_func ("/app/screenshot/bad-database", test_bad_database);
  g_test_add_func ("/app/screenshot/bad-arguments", test_bad_arguments);

  ret = g_test_run ();
  fixture_close (&fixture);
  return ret;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sd-money.h"

static void
assert_format (gint64 cents, const char *currency, const char *want)
{
  g_autofree char *got = sd_money_format (cents, currency);

  g_assert_cmpstr (got, ==, want);
}

static void
test_format (void)
{
  assert_format (4500, "EUR", "€45.00");
  assert_format (4550, "EUR", "€45.50");
  assert_format (5, "EUR", "€0.05");
  assert_format (0, "EUR", "€0.00");
  assert_format (-4500, "EUR", "-€45.00");
  assert_format (-5, "EUR", "-€0.05");
  assert_format (123456789, "EUR", "€1234567.89");
  assert_format (4500, "GBP", "£45.00");
  assert_format (4500, "USD", "$45.00");
  assert_format (4500, "CHF", "45.00 CHF");
  assert_format (-4500, "CHF", "-45.00 CHF");
  assert_format (4500, NULL, "45.00");
  assert_format (G_MININT64, "CHF", "-92233720368547758.08 CHF");
  assert_format (G_MAXINT64, "EUR", "€92233720368547758.07");
}

static gint64
parse (const char *text)
{
  gint64 cents = -1;

  g_assert_true (sd_money_parse (text, &cents));
  return cents;
}

static void
test_parse (void)
{
  g_assert_cmpint (parse ("45"), ==, 4500);
  g_assert_cmpint (parse ("45.5"), ==, 4550);
  g_assert_cmpint (parse ("45,50"), ==, 4550);
  g_assert_cmpint (parse ("45.05"), ==, 4505);
  g_assert_cmpint (parse ("0"), ==, 0);
  g_assert_cmpint (parse ("0.01"), ==, 1);
  g_assert_cmpint (parse (" 12.30 "), ==, 1230);
  g_assert_cmpint (parse ("007"), ==, 700);
  g_assert_cmpint (parse ("92233720368547758.07"), ==, G_MAXINT64);
}

static void
test_parse_garbage (void)
{
  static const char *const garbage[] = {
    "", " ", "abc", "-45", "+45", "45.", ",5", ".5", "45.123", "45,5,0", "45.5.0",
    "4 5", "45€", "€45", "45 EUR", "1e3", "0x10", "92233720368547758.08",
    "99999999999999999999999",
  };
  gint64 cents = 42;

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_test_message ("“%s”", garbage[i]);
      g_assert_false (sd_money_parse (garbage[i], &cents));
      g_assert_cmpint (cents, ==, 42);
    }
  g_assert_false (sd_money_parse (NULL, &cents));
}

static void
test_round_trip (void)
{
  const gint64 amounts[] = { 0, 1, 10, 99, 100, 4500, 4550, 1234567 };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = sd_money_format (amounts[i], NULL);

      g_assert_cmpint (parse (text), ==, amounts[i]);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/money/format", test_format);
  g_test_add_func ("/core/money/parse", test_parse);
  g_test_add_func ("/core/money/parse-garbage", test_parse_garbage);
  g_test_add_func ("/core/money/round-trip", test_round_trip);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sd-money.h"

static const char *
symbol_for (const char *currency)
{
  static const struct { const char *code, *symbol; } symbols[] = {
    { "EUR", "€" }, { "GBP", "£" }, { "USD", "$" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_ascii_strcasecmp (currency, symbols[i].code) == 0)
      return symbols[i].symbol;
  return NULL;
}

char *
sd_money_format (gint64 cents, const char *currency)
{
  const char *sign = cents < 0 ? "-" : "";
  /* Through guint64 so that G_MININT64 has a magnitude too. */
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;
  const char *symbol;
  g_autofree char *number = NULL;

  number = g_strdup_printf ("%" G_GUINT64_FORMAT ".%02u", magnitude / 100,
                            (guint) (magnitude % 100));
  if (currency == NULL || *currency == '\0')
    return g_strconcat (sign, number, NULL);
  symbol = symbol_for (currency);
  if (symbol != NULL)
    return g_strconcat (sign, symbol, number, NULL);
  return g_strdup_printf ("%s%s %s", sign, number, currency);
}

gboolean
sd_money_parse (const char *text, gint64 *cents_out)
{
  const char *p;
  guint64 units = 0, cents = 0;
  int decimals = 0;

  g_return_val_if_fail (cents_out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  p = text;
  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      units = units * 10 + (guint64) (*p - '0');
      if (units > (guint64) (G_MAXINT64 / 100))
        return FALSE;
    }
  /* Both separators, since a front desk in Italy or the Netherlands types "45,50". */
  if (*p == '.' || *p == ',')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++)
        {
          if (++decimals > 2)
            return FALSE;
          cents = cents * 10 + (guint64) (*p - '0');
        }
      if (decimals == 0)
        return FALSE;
      if (decimals == 1)
        cents *= 10;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;
  if (units * 100 > (guint64) G_MAXINT64 - cents)
    return FALSE;

  *cents_out = (gint64) (units * 100 + cents);
  return TRUE;
}

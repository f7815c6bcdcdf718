/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-money.h — amounts are gint64 minor units ("cents") plus an ISO 4217 code. Formatting
 * and parsing are locale-independent (a dot before the cents), so what the CLI prints and
 * reads is the same on every machine. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "€45.00" for EUR, "£", "$" likewise for GBP and USD; "45.00 CHF" for any other code;
 * "45.00" when @currency is NULL. Negative amounts get a leading minus ("-€45.00").
 * Free with g_free. */
char    *sd_money_format (gint64 cents, const char *currency);

/* "45", "45.5", "45,50" (surrounding spaces allowed) -> 4500, 4550, 4550. Returns FALSE,
 * leaving *cents_out untouched, on garbage, a sign, more than two decimals, a separator
 * without digits after it, or an amount too large for gint64 cents. */
gboolean sd_money_parse  (const char *text, gint64 *cents_out);

G_END_DECLS

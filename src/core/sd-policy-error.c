/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sd-policy-error.h"

G_DEFINE_QUARK (sd-policy-error-quark, sd_policy_error)

const char *
sd_policy_error_code (SdPolicyError code)
{
  static const char *const codes[] = {
    "invalid_transition", "locked", "deadline_passed", "too_early", "overlap", "validation",
    "not_found",
  };

  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (codes), "validation");
  return codes[code];
}

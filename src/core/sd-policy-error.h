/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-policy-error.h — why a rule refused something. The codes are the API's error codes
 * (../shared/marketplace-api.md), so the CLI, the sandbox and the app speak of the same
 * refusal with the same word. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SD_POLICY_ERROR (sd_policy_error_quark ())

typedef enum
{
  SD_POLICY_ERROR_INVALID_TRANSITION, /* "invalid_transition": not allowed from this state */
  SD_POLICY_ERROR_LOCKED,             /* "locked": the appointment is disputed */
  SD_POLICY_ERROR_DEADLINE_PASSED,    /* "deadline_passed" */
  SD_POLICY_ERROR_TOO_EARLY,          /* "too_early": e.g. check-in before its window */
  SD_POLICY_ERROR_OVERLAP,            /* "overlap": double booking for the same staff */
  SD_POLICY_ERROR_VALIDATION,         /* "validation": a field is missing or out of range */
  SD_POLICY_ERROR_NOT_FOUND,          /* "not_found" */
} SdPolicyError;

GQuark      sd_policy_error_quark   (void);

/* The API's code for an error of this domain ("locked", "overlap", …). */
const char *sd_policy_error_code    (SdPolicyError code);

G_END_DECLS

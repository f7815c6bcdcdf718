/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-simulator.h — --simulate RATE: a live stream of what clients do on the
 * marketplace (new requests, cancellations, messages, complaints, reviews), RATE
 * activities a minute on the first salon, through the same actions as the /sandbox/
 * endpoints, so a demo desk sees a busy salon. */
#pragma once

#include "sd-sandbox-server.h"

G_BEGIN_DECLS

#define SD_TYPE_SANDBOX_SIMULATOR (sd_sandbox_simulator_get_type ())
G_DECLARE_FINAL_TYPE (SdSandboxSimulator, sd_sandbox_simulator, SD, SANDBOX_SIMULATOR, GObject)

/* @server is not referenced: it owns the simulator and drops it before it goes. */
SdSandboxSimulator *sd_sandbox_simulator_new  (SdSandboxServer *server, double per_minute);
/* Does one activity now (what the timer does). Returns its kind ("booking", …) or NULL
 * when nothing could be done. */
const char         *sd_sandbox_simulator_step (SdSandboxSimulator *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sd-sandbox-routes.h — the actions the routes share with each other and with the
 * simulator (sd-sandbox-actions.c, sd-sandbox-comments.c). Each reads its JSON body,
 * asks the store, records what changed, and returns the resource as the API shows it; the
 * caller holds the sandbox database's transaction. */
#pragma once

#include "sd-sandbox-server-private.h"

G_BEGIN_DECLS

/* {"name","email","phone"} of a new appointment's client. */
gboolean  sd_sandbox_read_client     (JsonObject *client, SdNewAppointment *spec,
                                      GError **error);
/* {"by","reason","note","refund"} of a cancellation. "refund" may be left out where the
 * core's refund rule leaves no choice. */
gboolean  sd_sandbox_read_cancel     (SdSandboxServer *self, SdSandboxSalon *salon,
                                      JsonObject *body, SdAppointment *appointment,
                                      SdActionRequest *request, GError **error);
/* The system message some actions post into the appointment's chat (confirmation,
 * check-in, check-out, cancellation); nothing for the others. */
gboolean  sd_sandbox_system_message  (SdSandboxServer *self, SdSandboxSalon *salon,
                                      SdAppointment *appointment, SdAction action,
                                      GError **error);
/* {"body"} from @author on appointment @id. */
JsonNode *sd_sandbox_write_message   (SdSandboxServer *self, SdSandboxSalon *salon, gint64 id,
                                      SdParty author, JsonObject *body, GError **error);
/* {"appointment_id","reason","refund_requested_cents","deadline_kind"} */
JsonNode *sd_sandbox_open_complaint  (SdSandboxServer *self, SdSandboxSalon *salon,
                                      SdParty by, JsonObject *body, GError **error);
/* The client books: body of POST /sandbox/bookings. */
JsonNode *sd_sandbox_book            (SdSandboxServer *self, SdSandboxSalon *salon,
                                      JsonObject *body, GError **error);
/* The client cancels: {"reason"}. */
JsonNode *sd_sandbox_client_cancel   (SdSandboxServer *self, SdSandboxSalon *salon, gint64 id,
                                      JsonObject *body, GError **error);
/* The marketplace staff close complaint @id: {"outcome","amount_cents","note"}. */
JsonNode *sd_sandbox_resolve         (SdSandboxServer *self, SdSandboxSalon *salon, gint64 id,
                                      JsonObject *body, GError **error);
/* {"appointment_id","scores":{…},"comment"} */
JsonNode *sd_sandbox_review          (SdSandboxServer *self, SdSandboxSalon *salon,
                                      JsonObject *body, GError **error);

/* POST /v1/complaints/<id>/comments (multipart/form-data). */
JsonNode *sd_sandbox_post_comment    (SdSandboxRequest *req, GError **error);

G_END_DECLS

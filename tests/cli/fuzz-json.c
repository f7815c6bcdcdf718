/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json.c — libFuzzer target: any bytes fed to the parsers of the marketplace's shapes
 * must give an object or an SD_JSON_ERROR, never a crash, a leak or a warning.
 * Built with -Dfuzzing=true and clang; run e.g.
 *   build/tests/cli/fuzz-json -max_len=4096 -runs=200000 tests/cli/fuzz-corpus */

#include "config.h"

#include "sd-appointment.h"
#include "sd-complaint.h"
#include "sd-json.h"
#include "sd-message.h"
#include "sd-review.h"
#include "sd-transaction.h"

int LLVMFuzzerTestOneInput (const guint8 *data, gsize size);

int
LLVMFuzzerTestOneInput (const guint8 *data, gsize size)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  SdJsonRefs refs = { 0 };
  GObject *object = NULL;

  node = sd_json_parse ((const char *) data, (gssize) size, &error);
  if (node == NULL)
    {
      g_assert (error != NULL && error->domain == SD_JSON_ERROR);
      return 0;
    }

  /* Every document goes through every reader: each must refuse or accept it whole. */
  for (guint kind = 0; kind < 5; kind++)
    {
      g_clear_error (&error);
      switch (kind)
        {
        case 0: object = (GObject *) sd_json_to_appointment (node, &refs, &error); break;
        case 1: object = (GObject *) sd_json_to_complaint (node, &refs, &error); break;
        case 2: object = (GObject *) sd_json_to_message (node, &refs, &error); break;
        case 3: object = (GObject *) sd_json_to_review (node, &refs, &error); break;
        default: object = (GObject *) sd_json_to_transaction (node, &refs, &error); break;
        }
      g_assert ((object == NULL) == (error != NULL));
      if (object != NULL && kind == 0)
        {
          /* What was accepted can be written again. */
          g_autoptr(JsonNode) written = sd_json_from_appointment (SD_APPOINTMENT (object), NULL);
          g_autofree char *text = sd_json_to_string (written, FALSE);

          g_assert (text != NULL);
        }
      g_clear_object (&object);
      sd_json_refs_clear (&refs);
    }
  return 0;
}

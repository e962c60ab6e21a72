import { handleStripeWebhook } from "@/lib/payouts/stripe-webhook";
import { readLimitedText } from "@/lib/http/read-limited";
import { log } from "@/lib/ops/log";

/** Stripe events are a few kB; anything near this is not from Stripe. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Stripe → Twoway events (transfers, connected accounts). The body is read raw: the signature covers its exact bytes. */
export async function POST(request: Request) {
  try {
    const body = await readLimitedText(request, MAX_WEBHOOK_BYTES);
    if (body === null) return Response.json({ error: "payload_too_large" }, { status: 413 });
    const result = await handleStripeWebhook(body, request.headers.get("stripe-signature"));
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    // Unexpected (database down …): 500 makes Stripe retry later; the event was not recorded.
    log().error({ err: error }, "stripe webhook failed");
    return Response.json({ error: "internal_error" }, { status: 500 });
  }
}

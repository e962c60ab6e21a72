import { handleStripeWebhook } from "@/lib/payouts/stripe-webhook";
import { log } from "@/lib/ops/log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Stripe → Twoway events (transfers, connected accounts). The body is read raw: the signature covers its exact bytes. */
export async function POST(request: Request) {
  try {
    const result = await handleStripeWebhook(await request.text(), request.headers.get("stripe-signature"));
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    // Unexpected (database down …): 500 makes Stripe retry later; the event was not recorded.
    log().error({ err: error }, "stripe webhook failed");
    return Response.json({ error: "internal_error" }, { status: 500 });
  }
}

import "server-only";
import Stripe from "stripe";

/**
 * The Stripe client, or null when no key is configured (the UI then says Stripe payouts are not
 * configured and everything else keeps working). `STRIPE_API_BASE` points the real SDK at another
 * host — the local stand-in used by tests and the demo (`scripts/stripe-standin.ts`).
 */
export function getStripe(env: NodeJS.ProcessEnv = process.env): Stripe | null {
  const key = env.STRIPE_SECRET_KEY?.trim();
  if (!key) return null;
  const base = env.STRIPE_API_BASE?.trim();
  const options: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "Twoway" } };
  if (base) {
    const url = new URL(base);
    options.host = url.hostname;
    options.port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
    options.protocol = url.protocol === "https:" ? "https" : "http";
  }
  return new Stripe(key, options);
}

export function stripeConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.STRIPE_SECRET_KEY?.trim());
}

export function webhookSecret(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.STRIPE_WEBHOOK_SECRET?.trim() || null;
}

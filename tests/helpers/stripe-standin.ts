// The Stripe stand-in for tests (the same server `tsx scripts/stripe-standin.ts` runs for the demo).
export { parseStripeForm, startStripeStandin, stripeEvent, type StripeStandin } from "../../scripts/stripe-standin";

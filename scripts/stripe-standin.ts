// A local stand-in for the few Stripe endpoints Twoway uses, so tests and the demo run the real
// `stripe` SDK (pointed here with STRIPE_API_BASE) without reaching api.stripe.com. It answers like
// Stripe does — form-encoded requests, JSON objects with `object` fields, Stripe-shaped errors,
// Idempotency-Key replays — and, given a webhook URL and secret, posts signed events (signed with
// the SDK's own test-header helper) so the app's real webhook path runs:
//   POST /v1/accounts, GET /v1/accounts/:id, POST /v1/account_links, GET /setup/:token (the
//   "hosted onboarding": marks the account onboarded, sends account.updated, redirects to return_url),
//   POST /v1/transfers (sends transfer.created), GET /v1/transfers/:id, GET /v1/transfers (newest
//   first; transfer_group, destination, limit and starting_after as Stripe has them),
//   POST /v1/transfers/:id/reversals (sends transfer.reversed).
// CLI: `tsx scripts/stripe-standin.ts` listens on STRIPE_STANDIN_PORT (12111); webhooks go to
// STRIPE_STANDIN_WEBHOOK_URL (default http://127.0.0.1:$PORT/api/webhooks/stripe) when
// STRIPE_WEBHOOK_SECRET is set; STRIPE_STANDIN_ACCOUNTS (comma-separated acct_… ids) exist onboarded
// from the start, for seeded demo partners.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Obj = Record<string, unknown>;
type Reply = { status: number; body: Obj };

export type StandinAccount = Obj & {
  id: string; object: "account"; details_submitted: boolean; payouts_enabled: boolean; charges_enabled: boolean;
  capabilities: { transfers: "inactive" | "pending" | "active" }; metadata: Record<string, string>;
};
export type StandinTransfer = Obj & {
  id: string; object: "transfer"; amount: number; amount_reversed: number; currency: string; destination: string;
  reversed: boolean; metadata: Record<string, string>; transfer_group: string | null;
};
export type WebhookDelivery = { eventId: string; type: string; status: number | null; error?: string };

export type StandinState = {
  accounts: Map<string, StandinAccount>;
  transfers: Map<string, StandinTransfer>;
  /** Every API request received (method, path, Idempotency-Key), oldest first. */
  requests: { method: string; path: string; idempotencyKey: string | null }[];
  /** Every webhook delivery attempt's final outcome. */
  deliveries: WebhookDelivery[];
  /** Completes onboarding for an account (as opening its account link does) and sends account.updated. */
  onboard(accountId: string): Promise<StandinAccount>;
  /** Resolves once every webhook delivery started so far has finished. */
  idle(): Promise<void>;
  /** Drops every remembered Idempotency-Key, as Stripe does after about 24 hours. */
  forgetIdempotencyKeys(): void;
};

export type StandinOptions = {
  port?: number;
  webhookUrl?: string;
  webhookSecret?: string;
  /** Currencies the platform balance can transfer (a US platform: usd). */
  currencies?: string[];
  /** Connected accounts that exist from the start, already onboarded (e.g. ids the demo seed binds). */
  seedAccounts?: string[];
};

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
const now = () => Math.floor(Date.now() / 1000);

/** `metadata[payout_id]=x&capabilities[transfers][requested]=true` → nested objects (Stripe's form encoding). */
export function parseStripeForm(body: string): Obj {
  const out: Obj = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let node = out;
    path.forEach((segment, i) => {
      if (i === path.length - 1) node[segment] = value;
      else node = (node[segment] ??= {}) as Obj;
    });
  }
  return out;
}

function stripeError(status: number, message: string, extra: Obj = {}): Reply {
  return { status, body: { error: { type: "invalid_request_error", message, ...extra } } };
}
const missing = (param: string) => stripeError(400, `Missing required param: ${param}.`, { code: "parameter_missing", param });
const noSuch = (what: string, value: string, param?: string) =>
  stripeError(param ? 400 : 404, `No such ${what}: '${value}'`, { code: "resource_missing", ...(param ? { param } : {}) });

/** The secret key from `Bearer sk_…` or HTTP Basic (`sk_…:`), both of which Stripe accepts. */
function apiKeyOf(header: string | undefined): string | null {
  const [scheme, value = ""] = (header ?? "").split(" ");
  const key = scheme === "Basic" ? Buffer.from(value, "base64").toString("utf8").split(":")[0] : scheme === "Bearer" ? value : "";
  return /^(sk|rk)_\w+$/.test(key) ? key : null;
}

/** An event as Stripe sends it to a webhook endpoint. */
export function stripeEvent(type: string, object: Obj, extra: Obj = {}): Obj {
  return {
    id: id("evt"), object: "event", api_version: Stripe.API_VERSION, created: now(), livemode: false,
    pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object }, ...extra,
  };
}

export async function startStripeStandin(options: StandinOptions = {}) {
  const currencies = options.currencies ?? ["usd"];
  const accounts = new Map<string, StandinAccount>();
  const transfers = new Map<string, StandinTransfer>();
  const links = new Map<string, { account: string; returnUrl: string; refreshUrl: string; expiresAt: number; used: boolean }>();
  const idempotent = new Map<string, { signature: string; reply: Reply }>();
  const requests: StandinState["requests"] = [];
  const deliveries: WebhookDelivery[] = [];
  const pending = new Set<Promise<void>>();
  let base = "";

  async function deliverOnce(payload: string): Promise<number> {
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret! });
    const res = await fetch(options.webhookUrl!, {
      method: "POST", body: payload, headers: { "content-type": "application/json", "stripe-signature": signature },
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** Posts a signed event to the webhook URL, retrying a few times like Stripe (much faster). */
  function send(type: string, object: Obj, extra: Obj = {}): Promise<void> {
    if (!options.webhookUrl || !options.webhookSecret) return Promise.resolve();
    const event = stripeEvent(type, object, extra);
    const payload = JSON.stringify(event, null, 2);
    const run = (async () => {
      const outcome: WebhookDelivery = { eventId: String(event.id), type, status: null };
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          outcome.status = await deliverOnce(payload);
          delete outcome.error;
          if (outcome.status < 500) break;
        } catch (err) {
          outcome.error = err instanceof Error ? err.message : String(err);
        }
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      }
      deliveries.push(outcome);
    })();
    pending.add(run);
    void run.finally(() => pending.delete(run));
    return run;
  }

  function markOnboarded(account: StandinAccount) {
    account.details_submitted = true;
    account.payouts_enabled = true;
    account.charges_enabled = true;
    account.capabilities = { transfers: "active" };
    account.requirements = { currently_due: [], eventually_due: [], past_due: [], disabled_reason: null };
    return send("account.updated", account, { account: account.id });
  }

  function createAccount(params: Obj, accountId = id("acct")): Reply {
    const account: StandinAccount = {
      id: accountId, object: "account", type: (params.type as string) ?? "express", country: (params.country as string) ?? "US",
      email: (params.email as string) ?? null, default_currency: "usd", created: now(), business_type: null,
      details_submitted: false, payouts_enabled: false, charges_enabled: false,
      capabilities: { transfers: "inactive" },
      metadata: (params.metadata ?? {}) as Record<string, string>,
      requirements: { currently_due: ["external_account", "tos_acceptance.date"], eventually_due: [], past_due: [], disabled_reason: "requirements.past_due" },
      settings: {}, tos_acceptance: {}, external_accounts: { object: "list", data: [], has_more: false, url: "" },
    };
    accounts.set(account.id, account);
    return { status: 200, body: account };
  }

  function createAccountLink(params: Obj): Reply {
    const accountId = params.account as string | undefined;
    if (!accountId) return missing("account");
    if (!params.type) return missing("type");
    if (params.type !== "account_onboarding" && params.type !== "account_update") {
      return stripeError(400, `Invalid type: must be one of account_onboarding or account_update`, { param: "type" });
    }
    if (!params.return_url) return missing("return_url");
    if (!params.refresh_url) return missing("refresh_url");
    if (!accounts.has(accountId)) return noSuch("account", accountId, "account");
    const token = randomBytes(16).toString("hex");
    const created = now();
    links.set(token, { account: accountId, returnUrl: String(params.return_url), refreshUrl: String(params.refresh_url), expiresAt: created + 300, used: false });
    return { status: 200, body: { object: "account_link", created, expires_at: created + 300, url: `${base}/setup/${token}` } };
  }

  function createTransfer(params: Obj): { reply: Reply; created?: StandinTransfer } {
    if (params.currency === undefined || params.currency === "") return { reply: missing("currency") };
    if (params.destination === undefined || params.destination === "") return { reply: missing("destination") };
    const raw = String(params.amount ?? "");
    if (!/^\d+$/.test(raw)) return { reply: stripeError(400, raw ? `Invalid integer: ${raw}` : "Missing required param: amount.", { param: "amount", code: raw ? "parameter_invalid_integer" : "parameter_missing" }) };
    const amount = Number(raw);
    if (amount < 1) return { reply: stripeError(400, "This value must be greater than or equal to 1.", { param: "amount", code: "parameter_invalid_integer" }) };
    const currency = String(params.currency).toLowerCase();
    if (!currencies.includes(currency)) {
      return { reply: stripeError(400, `Your account has insufficient funds in ${currency.toUpperCase()} to make this transfer.`, { code: "balance_insufficient", param: "currency" }) };
    }
    const destination = String(params.destination);
    const account = accounts.get(destination);
    if (!account) return { reply: noSuch("destination", destination, "destination") };
    if (account.capabilities.transfers !== "active") {
      return { reply: stripeError(400, "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments", { code: "insufficient_capabilities_for_transfer", param: "destination" }) };
    }
    const transfer: StandinTransfer = {
      id: id("tr"), object: "transfer", amount, amount_reversed: 0, balance_transaction: id("txn"), created: now(), currency,
      description: (params.description as string) ?? null, destination, destination_payment: id("py"), livemode: false,
      metadata: (params.metadata ?? {}) as Record<string, string>, reversed: false, source_transaction: null, source_type: "card",
      transfer_group: (params.transfer_group as string) ?? null,
      reversals: { object: "list", data: [], has_more: false, total_count: 0, url: "" },
    };
    (transfer.reversals as Obj).url = `/v1/transfers/${transfer.id}/reversals`;
    transfers.set(transfer.id, transfer);
    return { reply: { status: 200, body: transfer }, created: transfer };
  }

  function reverseTransfer(transferId: string, params: Obj): { reply: Reply; reversed?: StandinTransfer } {
    const transfer = transfers.get(transferId);
    if (!transfer) return { reply: noSuch("transfer", transferId) };
    const left = transfer.amount - transfer.amount_reversed;
    const amount = params.amount === undefined ? left : Number(params.amount);
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > left) {
      return { reply: stripeError(400, `Amount must be no more than ${left}`, { param: "amount" }) };
    }
    transfer.amount_reversed += amount;
    transfer.reversed = transfer.amount_reversed >= transfer.amount;
    const reversal = { id: id("trr"), object: "transfer_reversal", amount, currency: transfer.currency, created: now(), transfer: transfer.id, metadata: {}, balance_transaction: id("txn"), destination_payment_refund: null, source_refund: null };
    const list = transfer.reversals as { data: Obj[]; total_count: number };
    list.data.unshift(reversal);
    list.total_count += 1;
    return { reply: { status: 200, body: reversal }, reversed: transfer };
  }

  function listTransfers(params: Obj): Reply {
    const limit = Math.min(Math.max(Number(params.limit ?? 10) || 10, 1), 100);
    let all = [...transfers.values()].reverse(); // newest first, as Stripe lists them
    if (params.transfer_group) all = all.filter((t) => t.transfer_group === params.transfer_group);
    if (params.destination) all = all.filter((t) => t.destination === params.destination);
    if (params.starting_after) all = all.slice(all.findIndex((t) => t.id === params.starting_after) + 1);
    const data = all.slice(0, limit);
    return { status: 200, body: { object: "list", data, has_more: all.length > limit, url: "/v1/transfers" } };
  }

  function route(method: string, path: string, params: Obj): { reply: Reply; after?: () => void } {
    let m: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/accounts") return { reply: createAccount(params) };
    if (method === "GET" && (m = path.match(/^\/v1\/accounts\/([\w]+)$/))) {
      const account = accounts.get(m[1]);
      return { reply: account ? { status: 200, body: account } : noSuch("account", m[1]) };
    }
    if (method === "POST" && path === "/v1/account_links") return { reply: createAccountLink(params) };
    if (method === "POST" && path === "/v1/transfers") {
      const { reply, created } = createTransfer(params);
      return { reply, after: created ? () => void send("transfer.created", { ...created }) : undefined };
    }
    if (method === "GET" && path === "/v1/transfers") return { reply: listTransfers(params) };
    if (method === "GET" && (m = path.match(/^\/v1\/transfers\/([\w]+)$/))) {
      const transfer = transfers.get(m[1]);
      return { reply: transfer ? { status: 200, body: transfer } : noSuch("transfer", m[1]) };
    }
    if (method === "POST" && (m = path.match(/^\/v1\/transfers\/([\w]+)\/reversals$/))) {
      const { reply, reversed } = reverseTransfer(m[1], params);
      return { reply, after: reversed ? () => void send("transfer.reversed", { ...reversed }) : undefined };
    }
    return { reply: stripeError(404, `Unrecognized request URL (${method}: ${path}).`) };
  }

  function json(res: ServerResponse, reply: Reply, headers: Record<string, string> = {}) {
    res.writeHead(reply.status, { "content-type": "application/json", "request-id": id("req"), "stripe-version": Stripe.API_VERSION, ...headers });
    res.end(JSON.stringify(reply.body));
  }

  async function onboardingPage(token: string, res: ServerResponse) {
    const link = links.get(token);
    if (!link) {
      res.writeHead(404, { "content-type": "text/plain" }).end("This onboarding link is not valid.");
      return;
    }
    // Account links are single-use and short-lived: a stale one goes to refresh_url, as Stripe does.
    if (link.used || link.expiresAt < now()) {
      res.writeHead(302, { location: link.refreshUrl }).end();
      return;
    }
    link.used = true;
    const account = accounts.get(link.account)!;
    await markOnboarded(account);
    res.writeHead(302, { location: link.returnUrl }).end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://standin");
    const method = req.method ?? "GET";
    if (method === "GET" && url.pathname.startsWith("/setup/")) return onboardingPage(url.pathname.slice("/setup/".length), res);
    if (method === "GET" && url.pathname === "/") {
      res.writeHead(200, { "content-type": "text/plain" }).end("Stripe stand-in");
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    requests.push({ method, path: url.pathname, idempotencyKey });
    if (!apiKeyOf(req.headers.authorization)) {
      return json(res, stripeError(401, "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."));
    }
    // Same key → the first response again (same request only); a key reused for another request is an error.
    const signature = `${method} ${url.pathname} ${body}`;
    if (method === "POST" && idempotencyKey) {
      const seen = idempotent.get(idempotencyKey);
      if (seen && seen.signature !== signature) {
        return json(res, stripeError(400, "Keys for idempotent requests can only be used with the same parameters they were first used with.", { type: "idempotency_error" }));
      }
      if (seen) return json(res, seen.reply, { "idempotent-replayed": "true", "idempotency-key": idempotencyKey });
    }
    // GET parameters come in the query string, POST parameters in the form body.
    const params = method === "GET" ? parseStripeForm(url.searchParams.toString()) : parseStripeForm(body);
    const { reply, after } = route(method, url.pathname, params);
    // Like Stripe, only a request that ran is saved (a validation error is not), as it was answered then.
    if (method === "POST" && idempotencyKey && reply.status === 200) {
      idempotent.set(idempotencyKey, { signature, reply: { status: 200, body: JSON.parse(JSON.stringify(reply.body)) } });
    }
    if (after) res.once("finish", after);
    json(res, reply, idempotencyKey ? { "idempotency-key": idempotencyKey } : {});
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error("[stripe-standin]", err);
      if (!res.headersSent) json(res, { status: 500, body: { error: { type: "api_error", message: "Stand-in failure." } } });
    });
  });
  for (const seeded of options.seedAccounts ?? []) {
    const account = createAccount({ type: "express", country: "US" }, seeded).body as StandinAccount;
    Object.assign(account, { details_submitted: true, payouts_enabled: true, charges_enabled: true, capabilities: { transfers: "active" }, requirements: { currently_due: [], eventually_due: [], past_due: [], disabled_reason: null } });
  }
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  const state: StandinState = {
    accounts, transfers, requests, deliveries,
      forgetIdempotencyKeys() {
      idempotent.clear();
    },
    async onboard(accountId) {
      const account = accounts.get(accountId);
      if (!account) throw new Error(`stand-in: no account ${accountId}`);
      await markOnboarded(account);
      return account;
    },
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };

  return {
    url: base,
    port,
    state,
    async close() {
      await state.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type StripeStandin = Awaited<ReturnType<typeof startStripeStandin>>;

if (process.argv[1] && /stripe-standin\.ts$/.test(process.argv[1])) {
  const appPort = process.env.PORT ?? "3000";
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET?.trim() || undefined;
  const webhookUrl = process.env.STRIPE_STANDIN_WEBHOOK_URL ?? (webhookSecret ? `http://127.0.0.1:${appPort}/api/webhooks/stripe` : undefined);
  const seedAccounts = (process.env.STRIPE_STANDIN_ACCOUNTS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  startStripeStandin({ port: Number(process.env.STRIPE_STANDIN_PORT ?? 12111), webhookUrl, webhookSecret, seedAccounts })
    .then((standin) => {
      console.log(`[stripe-standin] listening on ${standin.url}${webhookUrl ? `, webhooks → ${webhookUrl}` : " (no webhooks: STRIPE_WEBHOOK_SECRET unset)"}`);
      const stop = () => void standin.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}

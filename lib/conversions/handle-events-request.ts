import type { TFunction } from "i18next";
import { authenticateApiKey, type ApiKeyContext } from "@/lib/api-keys/authenticate";
import { DomainError } from "@/lib/kernel/errors";
import { fieldMessages, apiTranslator } from "./api-messages";
import { EventFieldError, IdempotencyConflictError } from "./errors";
import { eventInputSchema, MAX_BATCH } from "./event-schema";
import { ingestEvent } from "./ingest";
import { consumeEvents } from "./rate-limit";
import { serializeEvent } from "./serialize-event";
import { log } from "@/lib/ops/log";
import { readLimitedText } from "@/lib/http/read-limited";

export const MAX_BODY_BYTES = 256 * 1024;

type ApiError = { code: string; message: string; fields?: Record<string, string> };
type ItemOutcome =
  | { ok: true; status: 200 | 201; body: { id: string; duplicate: boolean; event: ReturnType<typeof serializeEvent> } }
  | { ok: false; status: 400 | 409 | 500; error: ApiError };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

const fail = (status: number, t: TFunction, code: string, extra: Partial<ApiError> = {}, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message: t(`apikeys.api.${code}`), ...extra } }, headers);

/** One event: validate, ingest, and describe the outcome. Bad input never becomes a 500. */
async function processItem(ctx: ApiKeyContext, raw: unknown, t: TFunction, path: (string | number)[]): Promise<ItemOutcome> {
  const parsed = eventInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, status: 400, error: { code: "validation_failed", message: t("apikeys.api.validation_failed"), fields: fieldMessages(parsed.error, t, path) } };
  }
  try {
    const { event, duplicate } = await ingestEvent(ctx, parsed.data, { source: "api", apiKeyId: ctx.apiKeyId });
    return { ok: true, status: duplicate ? 200 : 201, body: { id: event.id, duplicate, event: serializeEvent(event) } };
  } catch (error) {
    if (error instanceof IdempotencyConflictError) {
      return { ok: false, status: 409, error: { code: "idempotency_conflict", message: t(error.code) } };
    }
    if (error instanceof EventFieldError) {
      const field = [...path, error.field].join(".");
      return { ok: false, status: 400, error: { code: "validation_failed", message: t("apikeys.api.validation_failed"), fields: { [field]: t(error.code) } } };
    }
    if (error instanceof DomainError) return { ok: false, status: 400, error: { code: error.code.replace(/^apikeys\./, ""), message: t(error.code) } };
    log().error({ err: error }, "conversion event failed");
    return { ok: false, status: 500, error: { code: "internal", message: t("apikeys.api.internal") } };
  }
}

/**
 * POST /api/v1/events. Order of checks: key (401) → media type (415) → size (413) → JSON (400) →
 * envelope (400) → rate limit per key, counted in events (429) → each event. A batch answers
 * every item on its own; one bad item does not stop the others (see docs/conversion-api.md).
 */
export async function handleEventsRequest(request: Request): Promise<Response> {
  const t = apiTranslator(request.headers.get("accept-language"));
  try {
    return await handle(request, t);
  } catch (error) {
    // Only server faults reach here (e.g. the database is down); input errors are answered above.
    log().error({ err: error }, "events request failed");
    return fail(500, t, "internal");
  }
}

async function handle(request: Request, t: TFunction): Promise<Response> {
  const ctx = await authenticateApiKey(request.headers.get("authorization"));
  if (!ctx) return fail(401, t, "unauthorized", {}, { "www-authenticate": 'Bearer realm="twoway"' });

  const type = request.headers.get("content-type");
  if (type && !/^application\/json\s*(;|$)/i.test(type)) return fail(415, t, "unsupported_media_type");
  const text = await readLimitedText(request, MAX_BODY_BYTES);
  if (text === null) return fail(413, t, "payload_too_large");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(400, t, "invalid_json");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return fail(400, t, "invalid_body");

  const isBatch = Object.hasOwn(body, "events");
  const events = isBatch ? (body as { events: unknown }).events : null;
  if (isBatch && (!Array.isArray(events) || events.length === 0 || events.length > MAX_BATCH)) {
    return fail(400, t, "validation_failed", { fields: { events: t("apikeys.batch_size", { max: MAX_BATCH }) } });
  }

  const retryAfter = await consumeEvents(ctx.apiKeyId, isBatch ? (events as unknown[]).length : 1);
  if (retryAfter !== null) return fail(429, t, "rate_limited", {}, { "retry-after": String(retryAfter) });

  if (!isBatch) {
    const outcome = await processItem(ctx, body, t, []);
    return outcome.ok ? json(outcome.status, outcome.body) : json(outcome.status, { error: outcome.error });
  }

  // Items run one after another, so an idempotency key repeated inside a batch is a replay.
  const results = [];
  let created = 0, duplicates = 0, failed = 0, conflicts = 0;
  for (const [index, item] of (events as unknown[]).entries()) {
    const outcome = await processItem(ctx, item, t, ["events", index]);
    if (outcome.ok) {
      if (outcome.body.duplicate) duplicates++;
      else created++;
      results.push({ index, id: outcome.body.id, duplicate: outcome.body.duplicate });
    } else {
      failed++;
      if (outcome.status === 409) conflicts++;
      results.push({ index, error: outcome.error });
    }
  }
  const status = created > 0 ? 201 : duplicates > 0 ? 200 : conflicts === failed ? 409 : 400;
  return json(status, { created, duplicates, failed, results });
}

/** Anything but POST on the route. */
export function methodNotAllowed(request: Request): Response {
  const t = apiTranslator(request.headers.get("accept-language"));
  return fail(405, t, "method_not_allowed", {}, { allow: "POST" });
}

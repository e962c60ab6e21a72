// VK ОРД over its public REST API (https://ord.vk.com/help/api/api.html; sandbox
// https://api-sandbox.ord.vk.com, production https://api.ord.vk.com; `Authorization: Bearer <key>`).
// Writes are PUT by external id (create or update) and statistics are keyed by creative, pad and
// start date, so every call is safe to repeat: a timeout, 429, 5xx or dropped connection is retried
// with exponential backoff (Retry-After honoured), anything else is answered at once as an OrdError.
import { z } from "zod";
import type { OrdClient, OrdCreativeResult, OrdExchange, OrdMediaResult, OrdObjectKind, OrdRegistryStatus, OrdStatisticsResult, OrdWriteResult } from "./client";
import { OrdError, issueFromOperator, issuesFromZod, type OrdErrorCode } from "./errors";
import { contractSchema, creativeSchema, padSchema, personSchema, statisticsSchema, externalIdSchema, type OrdContract, type OrdCreative, type OrdPad, type OrdPerson, type OrdStatisticsItem } from "./schemas";
import { vkContractBody, vkCreativeBody, vkPadBody, vkPersonBody, vkStatisticsItem } from "./vk-wire";

export const VK_ORD_PRODUCTION_URL = "https://api.ord.vk.com";
export const VK_ORD_SANDBOX_URL = "https://api-sandbox.ord.vk.com";

export type VkOrdOptions = {
  baseUrl: string;
  apiKey: string;
  /** Per attempt, including reading the answer (default 15 s). */
  timeoutMs?: number;
  /** Attempts per call, the first included (default 4). */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, with jitter (default 500 ms). */
  baseDelayMs?: number;
  /** Cap on any one delay, Retry-After included (default 30 s). */
  maxDelayMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
};

const messagesSchema = z.array(z.object({ text: z.string().optional() }).loose()).optional();
const writeAnswer = z.object({ messages: messagesSchema }).loose().nullable();
const creativeAnswer = z.object({ erid: z.string().min(1), messages: messagesSchema }).loose();
const mediaAnswer = z.object({ sha256: z.string().length(64) }).loose();
const statisticsAnswer = z.object({ external_ids: z.array(z.string()) }).loose();
const registryAnswer = z.object({ erir_status: z.enum(["processing", "verified", "bad"]), messages: z.array(z.string()).nullish() }).loose();
const errorAnswer = z.object({ error: z.string().optional(), errors: z.array(z.record(z.string(), z.unknown())).optional() }).loose();

type Body = { json: unknown } | { form: FormData; describe: unknown } | undefined;

function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new OrdError("invalid_input", issuesFromZod(parsed.error));
  return parsed.data;
}

/** Retry-After in seconds or as an HTTP date, in ms; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class VkOrdClient implements OrdClient {
  readonly operator = "vk" as const;
  private readonly base: string;
  private readonly fetcher: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: VkOrdOptions) {
    this.base = options.baseUrl.replace(/\/+$/, "");
    this.fetcher = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  private backoff(attempt: number): number {
    const base = this.options.baseDelayMs ?? 500;
    const cap = this.options.maxDelayMs ?? 30_000;
    // Full doubling per attempt with ±25 % jitter, so several workers do not retry in step.
    return Math.min(cap, base * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
  }

  private async call(method: string, path: string, body: Body): Promise<{ status: number; json: unknown; exchange: OrdExchange }> {
    const maxAttempts = Math.max(1, this.options.maxAttempts ?? 4);
    const sent = body === undefined ? undefined : "json" in body ? body.json : body.describe;
    let failure: OrdErrorCode = "network";
    let lastStatus: number | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let delay = this.backoff(attempt);
      try {
        const res = await this.fetcher(`${this.base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${this.options.apiKey}`,
            accept: "application/json",
            ...(body && "json" in body ? { "content-type": "application/json" } : {}),
          },
          body: body === undefined ? undefined : "json" in body ? JSON.stringify(body.json) : body.form,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        });
        lastStatus = res.status;
        if (res.status === 429 || res.status >= 500) {
          failure = res.status === 429 ? "rate_limited" : "unavailable";
          delay = Math.min(retryAfterMs(res.headers.get("retry-after")) ?? delay, this.options.maxDelayMs ?? 30_000);
          await res.body?.cancel();
        } else {
          const text = await res.text();
          let json: unknown = null;
          if (text.trim()) {
            try {
              json = JSON.parse(text);
            } catch {
              throw new OrdError("unexpected_response", [{ code: "operator", message: text.slice(0, 500) }], { status: res.status, attempts: attempt, method, path });
            }
          }
          const exchange: OrdExchange = { method, path, status: res.status, sent, answered: json, attempts: attempt };
          if (res.ok) return { status: res.status, json, exchange };
          throw this.refusal(res.status, json, { method, path, attempts: attempt });
        }
      } catch (err) {
        if (err instanceof OrdError) throw err;
        const name = (err as { name?: string })?.name;
        failure = name === "TimeoutError" || name === "AbortError" ? "timeout" : "network";
        lastStatus = undefined;
      }
      if (attempt < maxAttempts) await this.sleep(delay);
    }
    throw new OrdError(failure, [], { status: lastStatus, attempts: maxAttempts, method, path });
  }

  private refusal(status: number, json: unknown, details: { method: string; path: string; attempts: number }): OrdError {
    const parsed = errorAnswer.safeParse(json);
    const raw = parsed.success ? (parsed.data.errors ?? []) : [];
    const issues = raw.map((e) => issueFromOperator(status, e));
    if (!issues.length && parsed.success && parsed.data.error) issues.push({ code: "operator", message: parsed.data.error });
    const code: OrdErrorCode = status === 401 ? "unauthorized" : status === 404 ? "reference_missing" : "rejected";
    return new OrdError(code, issues, { status, ...details });
  }

  private answer<S extends z.ZodType>(schema: S, json: unknown, exchange: OrdExchange): z.output<S> {
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new OrdError("unexpected_response", [{ code: "operator", message: JSON.stringify(json)?.slice(0, 500) }], { status: exchange.status, method: exchange.method, path: exchange.path, attempts: exchange.attempts });
    }
    return parsed.data;
  }

  private async put(path: string, externalId: string, body: unknown): Promise<OrdWriteResult> {
    const { status, json, exchange } = await this.call("PUT", path, { json: body });
    const answer = this.answer(writeAnswer, json, exchange);
    return { externalId, created: status === 201, messages: (answer?.messages ?? []).flatMap((m) => (m.text ? [m.text] : [])), exchange };
  }

  async registerPerson(input: OrdPerson): Promise<OrdWriteResult> {
    const person = parseInput(personSchema, input);
    return this.put(`/v1/person/${encodeURIComponent(person.externalId)}`, person.externalId, vkPersonBody(person));
  }

  async registerContract(input: OrdContract): Promise<OrdWriteResult> {
    const contract = parseInput(contractSchema, input);
    return this.put(`/v1/contract/${encodeURIComponent(contract.externalId)}`, contract.externalId, vkContractBody(contract));
  }

  async registerPad(input: OrdPad): Promise<OrdWriteResult> {
    const pad = parseInput(padSchema, input);
    return this.put(`/v1/pad/${encodeURIComponent(pad.externalId)}`, pad.externalId, vkPadBody(pad));
  }

  async uploadMedia(media: { externalId: string; fileName: string; contentType: string; bytes: Uint8Array }): Promise<OrdMediaResult> {
    const externalId = parseInput(externalIdSchema, media.externalId);
    const form = new FormData();
    form.set("media_file", new Blob([new Uint8Array(media.bytes)], { type: media.contentType }), media.fileName);
    const describe = { media_file: { fileName: media.fileName, contentType: media.contentType, size: media.bytes.byteLength } };
    const { json, exchange } = await this.call("PUT", `/v1/media/${encodeURIComponent(externalId)}`, { form, describe });
    return { externalId, sha256: this.answer(mediaAnswer, json, exchange).sha256, exchange };
  }

  async registerCreative(input: OrdCreative): Promise<OrdCreativeResult> {
    const creative = parseInput(creativeSchema, input);
    const { status, json, exchange } = await this.call("PUT", `/v3/creative/${encodeURIComponent(creative.externalId)}`, { json: vkCreativeBody(creative) });
    const answer = this.answer(creativeAnswer, json, exchange);
    return { externalId: creative.externalId, erid: answer.erid, created: status === 201, messages: (answer.messages ?? []).flatMap((m) => (m.text ? [m.text] : [])), exchange };
  }

  async reportStatistics(input: OrdStatisticsItem[]): Promise<OrdStatisticsResult> {
    const items = parseInput(statisticsSchema, input);
    const { json, exchange } = await this.call("POST", "/v3/statistics", { json: { items: items.map(vkStatisticsItem) } });
    return { externalIds: this.answer(statisticsAnswer, json, exchange).external_ids, exchange };
  }

  async registryStatus(kind: OrdObjectKind, externalId: string): Promise<OrdRegistryStatus> {
    const id = parseInput(externalIdSchema, externalId);
    const { json, exchange } = await this.call("GET", `/v1/${kind}/${encodeURIComponent(id)}/erir_status`, undefined);
    const answer = this.answer(registryAnswer, json, exchange);
    return { status: answer.erir_status, messages: answer.messages ?? [], exchange };
  }
}

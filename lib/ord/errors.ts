// Failures of an ОРД call as stable codes. `code` is the key under `errors.` in the `ord` namespace
// (locales/*/ord.json); each issue's `code` is a key under `issues.`, with the field it concerns and
// the operator's own message kept for staff ("what the ОРД answered").
import type { ZodError } from "zod";
import { DomainError } from "@/lib/kernel/errors";

export const ordErrorCodes = [
  "not_configured", // no API key: export a file for manual upload instead
  "invalid_input", // Twoway's own check refused the data before sending
  "rejected", // the operator refused the data (400/403/409/410) — see issues
  "reference_missing", // a party, contract, pad or creative the object names is not registered (404)
  "unauthorized", // the key is wrong or revoked (401)
  "rate_limited", // 429 on every attempt
  "unavailable", // 5xx on every attempt
  "timeout", // no answer in time on every attempt
  "network", // connection failed on every attempt
  "unexpected_response", // a 2xx the documentation does not describe
] as const;
export type OrdErrorCode = (typeof ordErrorCodes)[number];

export const ordIssueCodes = [
  "required", "not_allowed", "invalid", "too_long", "invalid_inn", "invalid_kpp", "invalid_date", "invalid_url",
  "invalid_kktu", "invalid_phone", "invalid_country_code", "invalid_external_id", "cyrillic_name", "same_parties",
  "before_start", "one_month", "amount_pair", "contract_or_self_promotion", "not_found", "conflict", "forbidden",
  "restricted_url", "operator",
] as const;
export type OrdIssueCode = (typeof ordIssueCodes)[number];

export type OrdIssue = {
  code: OrdIssueCode;
  /** Field path in Twoway's terms (camelCase) or the operator's (snake_case) when it answered. */
  field?: string;
  /** The operator's own error code and message, untranslated, for staff. */
  operatorCode?: string;
  message?: string;
};

const RETRYABLE: readonly OrdErrorCode[] = ["rate_limited", "unavailable", "timeout", "network"];

export class OrdError extends DomainError {
  declare readonly code: OrdErrorCode;
  constructor(
    code: OrdErrorCode,
    readonly issues: OrdIssue[] = [],
    readonly details: { status?: number; attempts?: number; method?: string; path?: string } = {},
  ) {
    super(code, `ОРД ${code}${details.status ? ` (HTTP ${details.status})` : ""}${issues.length ? `: ${issues.map((i) => `${i.field ?? "-"} ${i.message ?? i.code}`).join("; ")}` : ""}`);
    this.name = "OrdError";
  }

  /** True for failures worth trying again later (a job's retry), false for data to fix. */
  get retryable(): boolean {
    return RETRYABLE.includes(this.code);
  }

  /** i18n keys in the `ord` namespace: the error, then one per issue. */
  get messageKey(): string {
    return `errors.${this.code}`;
  }
}

export function issueKey(issue: OrdIssue): string {
  return `issues.${issue.code}`;
}

const known = new Set<string>(ordIssueCodes);

/** Twoway's own validation (zod) as issues; messages in the schemas are issue codes. */
export function issuesFromZod(error: ZodError, prefix: (string | number)[] = []): OrdIssue[] {
  return error.issues.map((i) => {
    const field = [...prefix, ...i.path].map(String).join(".") || undefined;
    if (known.has(i.message)) return { code: i.message as OrdIssueCode, field };
    if (i.code === "invalid_type" && i.message.endsWith("received undefined")) return { code: "required", field };
    if (i.code === "too_big") return { code: "too_long", field };
    if (i.code === "too_small" && (i.origin === "array" || i.origin === "string")) return { code: "required", field };
    return { code: "invalid", field, message: i.message };
  });
}

/**
 * One operator error object ({ error_code, message, field | query_param | path_param }) as an issue.
 * VK ОРД documents the shape and a few codes (common_length_out_of_ranges, common_not_found_error,
 * common_conflict_error, common_forbidden_error); anything else stays "operator" with its message.
 */
export function issueFromOperator(status: number, raw: { error_code?: unknown; message?: unknown; field?: unknown; query_param?: unknown; path_param?: unknown }): OrdIssue {
  const operatorCode = typeof raw.error_code === "string" ? raw.error_code : undefined;
  const message = typeof raw.message === "string" ? raw.message : undefined;
  const fieldRaw = raw.field ?? raw.query_param ?? raw.path_param;
  const field = typeof fieldRaw === "string" ? fieldRaw : undefined;
  const c = operatorCode ?? "";
  const code: OrdIssueCode =
    status === 404 || c.includes("not_found") ? "not_found"
    : status === 409 || c.includes("conflict") ? "conflict"
    : status === 403 || c.includes("forbidden") ? "forbidden"
    : c.includes("length_out_of_range") ? "too_long"
    : c.includes("required") || c.includes("missing") ? "required"
    : c.includes("restricted") ? "restricted_url"
    : c.includes("inn") ? "invalid_inn"
    : "operator";
  return { code, field, operatorCode, message };
}

let known: Set<string> | null = null;

/** True for an ISO 4217 code the runtime knows (USD, RUB, KZT…), upper case only. */
export function isCurrencyCode(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf("currency"));
  return /^[A-Z]{3}$/.test(code) && known.has(code);
}

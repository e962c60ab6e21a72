// Parser for the Central Bank of Russia daily rates file (XML_daily.asp):
// <ValCurs Date="26.11.2026"><Valute><CharCode>USD</CharCode><Nominal>1</Nominal><Value>78,1234</Value>…
// Value is the RUB price of `Nominal` units (KZT, AMD, JPY are quoted per 100), with a decimal comma.
// Real files are windows-1251 encoded, so we decode the bytes by the encoding the file declares.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DomainError } from "@/lib/kernel/errors";
import { divide, formatRatio, parseDecimal } from "./decimal";

export type ParsedRate = { day: Date; base: string; quote: string; rate: string };
export type CbrFile = { day: Date; rates: ParsedRate[] };

const ENCODING = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** Decodes XML bytes with the encoding named in the declaration (default UTF-8). */
export function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200)).replace(/^\uFEFF|^ï»¿/, "");
  const declared = ENCODING.exec(head.trimStart())?.[1] ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
  } catch {
    throw new DomainError("fx.cbr_encoding_unsupported");
  }
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new DomainError("fx.cbr_invalid");
  }
}

/** "26.11.2026" → 2026-11-26T00:00:00Z, or null when not a real calendar day. */
export function parseDottedDate(text: string): Date | null {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false, // keep "036", "78,1234" as text; we parse numbers exactly ourselves
  parseAttributeValue: false,
  isArray: (name) => name === "Valute",
});

type Valute = { CharCode?: unknown; Nominal?: unknown; Value?: unknown };

/** Parses a CBR daily file (bytes or already-decoded text). Throws DomainError("fx.cbr_invalid") on anything unexpected. */
export function parseCbrDaily(input: Uint8Array | string): CbrFile {
  const text = typeof input === "string" ? input : decodeXml(input);
  if (XMLValidator.validate(text) !== true) throw new DomainError("fx.cbr_invalid");
  const doc = parser.parse(text) as { ValCurs?: { "@_Date"?: unknown; Valute?: Valute[] } };
  const root = doc.ValCurs;
  const day = typeof root?.["@_Date"] === "string" ? parseDottedDate(root["@_Date"]) : null;
  if (!root || !day || !Array.isArray(root.Valute) || root.Valute.length === 0) throw new DomainError("fx.cbr_invalid");

  const rates = root.Valute.map((valute): ParsedRate => {
    const code = String(valute.CharCode ?? "").trim();
    const nominal = String(valute.Nominal ?? "").trim();
    const value = parseDecimal(String(valute.Value ?? "").trim().replace(",", "."));
    if (!/^[A-Z]{3}$/.test(code) || !/^[1-9]\d{0,6}$/.test(nominal) || !value || value.n === 0n) {
      throw new DomainError("fx.cbr_invalid");
    }
    // Value is the price of `Nominal` units: 100 KZT = 15,6789 RUB → 1 KZT = 0.156789 RUB (exact).
    return { day, base: code, quote: "RUB", rate: formatRatio(divide(value, { n: BigInt(nominal), d: 1n }), 10) };
  });
  if (new Set(rates.map((r) => r.base)).size !== rates.length) throw new DomainError("fx.cbr_invalid");
  return { day, rates };
}

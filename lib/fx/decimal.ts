// Exact decimal arithmetic for FX: rates are rationals of BigInts (n / d), so a cross rate or an
// inverse never loses precision; rounding happens once, at the end, half-even (banker's rounding:
// no upward bias when many amounts are summed into LTV).

/** An exact positive rational number n / d (d > 0). */
export type Ratio = { n: bigint; d: bigint };

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "78.1234" → 781234 / 10000. Only plain non-negative decimals (no exponent, no sign); null otherwise. */
export function parseDecimal(text: string): Ratio | null {
  const match = PLAIN_DECIMAL.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  return { n: BigInt(match[1] + fraction), d: 10n ** BigInt(fraction.length) };
}

export function divide(a: Ratio, b: Ratio): Ratio {
  if (b.n === 0n) throw new RangeError("division by zero rate");
  return { n: a.n * b.d, d: a.d * b.n };
}

export function invert(a: Ratio): Ratio {
  return divide({ n: 1n, d: 1n }, a);
}

/** n / d rounded to an integer, half to even; works for negative n too (symmetric). */
export function roundHalfEven(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("denominator must be positive");
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / d;
  const twice = (abs % d) * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** The ratio as a plain decimal string with at most `scale` fraction digits (half-even), trailing zeros trimmed. */
export function formatRatio(r: Ratio, scale = 10): string {
  const scaled = roundHalfEven(r.n * 10n ** BigInt(scale), r.d);
  const digits = scaled.toString().padStart(scale + 1, "0");
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return fraction ? `${integer}.${fraction}` : integer;
}

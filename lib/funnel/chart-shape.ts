// Pure geometry of the funnel's pictures, so what they draw can be tested without a browser.

/** The narrowest band, as a share of the widest: a zero stage stays visible (and labelled) but thin. */
export const MIN_BAND = 0.06;

/**
 * Each band's width as a share of the widest (0..1), proportional to its count above a floor:
 * a zero is always the narrowest band, a larger count is never narrower than a smaller one, and
 * nothing at all draws every band at the floor — never a zero as the widest band.
 */
export function bandWidths(values: number[]): number[] {
  const max = Math.max(0, ...values.map((v) => (Number.isFinite(v) ? v : 0)));
  return values.map((v) => (max <= 0 || !(v > 0) ? MIN_BAND : MIN_BAND + (1 - MIN_BAND) * (Math.min(v, max) / max)));
}

/** Days with activity at or below which the series draws a dot on every day (one event must show as a point). */
export const SPARSE_DAYS = 12;

/** Whether a daily line should show its points: few days, or few days with anything on them. */
export function showDots(values: number[]): boolean {
  return values.length <= 31 || values.filter((v) => v !== 0).length <= SPARSE_DAYS;
}

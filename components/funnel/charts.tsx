"use client";
// The funnel's charts. Loaded lazily (see lazy-charts.tsx), so recharts never weighs on a page's
// first load; every chart sits next to a server-rendered table holding the same numbers.
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { intlLocale, type Locale } from "@/lib/i18n/settings";
import { showDots } from "@/lib/funnel/chart-shape";

const colors = { clicks: "#c7d2fe", referrals: "#4f46e5", qualified: "#0891b2", closes: "#059669", referral: "#4f46e5", direct: "#94a3b8" };

const numberFormat = (locale: Locale) => new Intl.NumberFormat(intlLocale(locale));
const dayTick = (locale: Locale) => (day: string) =>
  new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

export type SeriesDatum = { day: string; clicks: number; referrals: number; qualified: number; closes: number };
export type SeriesLabels = { clicks: string; referrals: string; qualified: string; closes: string; clicksAxis: string; stagesAxis: string };

/**
 * Clicks (bars, left axis) are an order of magnitude above the stages (lines, right axis). Lines are
 * straight between days (a curve would invent values between two single events) and show their
 * points when the data is sparse.
 */
export function SeriesChart({ points, labels, locale }: { points: SeriesDatum[]; labels: SeriesLabels; locale: Locale }) {
  const n = numberFormat(locale);
  const tick = dayTick(locale);
  return (
    <ComposedChart data={points} style={{ width: "100%", height: 280 }} responsive margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="day" tickFormatter={tick} minTickGap={24} tick={{ fontSize: 12 }} />
      <YAxis yAxisId="clicks" tickFormatter={(v: number) => n.format(v)} allowDecimals={false} tick={{ fontSize: 12 }} width={48}
        label={{ value: labels.clicksAxis, angle: -90, position: "insideLeft", style: { fontSize: 11, fill: "#64748b" } }} />
      <YAxis yAxisId="stages" orientation="right" tickFormatter={(v: number) => n.format(v)} allowDecimals={false} tick={{ fontSize: 12 }} width={40}
        label={{ value: labels.stagesAxis, angle: 90, position: "insideRight", style: { fontSize: 11, fill: "#64748b" } }} />
      <Tooltip labelFormatter={(d) => tick(String(d))} formatter={(v) => n.format(Number(v))} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar yAxisId="clicks" dataKey="clicks" name={labels.clicks} fill={colors.clicks} isAnimationActive={false} />
      {(["referrals", "qualified", "closes"] as const).map((k) => (
        <Line key={k} yAxisId="stages" type="linear" dataKey={k} name={labels[k]} stroke={colors[k]} strokeWidth={2}
          dot={showDots(points.map((p) => p[k])) ? { r: 3, fill: colors[k] } : false} isAnimationActive={false} />
      ))}
    </ComposedChart>
  );
}

export type LtvCohortDatum = { month: string; referral: number | null; direct: number | null };

export function LtvCohortChart({ months, labels, currency, locale }: { months: LtvCohortDatum[]; labels: { referral: string; direct: string }; currency: string; locale: Locale }) {
  const money = new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency, maximumFractionDigits: 0 });
  const monthTick = (m: string) => new Intl.DateTimeFormat(intlLocale(locale), { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(`${m}-01T00:00:00Z`));
  return (
    <BarChart data={months} style={{ width: "100%", height: 240 }} responsive margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="month" tickFormatter={monthTick} tick={{ fontSize: 12 }} />
      <YAxis tickFormatter={(v: number) => money.format(v)} tick={{ fontSize: 12 }} width={72} />
      <Tooltip labelFormatter={(m) => monthTick(String(m))} formatter={(v) => (v === null || v === undefined ? "—" : money.format(Number(v)))} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="referral" name={labels.referral} fill={colors.referral} isAnimationActive={false} />
      <Bar dataKey="direct" name={labels.direct} fill={colors.direct} isAnimationActive={false} />
    </BarChart>
  );
}

import type { TFunction } from "i18next";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/settings";
import type { Breakdown, ComponentKey } from "@/lib/opportunities/matching";

type Range = { audienceMin: number | null; audienceMax: number | null };

/** "10 000–100 000", "from 10 000", "up to 100 000". */
export function audienceRange(locale: Locale, o: Range, t: TFunction): string | null {
  const n = (v: number) => formatNumber(locale, v);
  if (o.audienceMin !== null && o.audienceMax !== null) return t("matching.range.both", { min: n(o.audienceMin), max: n(o.audienceMax) });
  if (o.audienceMin !== null) return t("matching.range.min", { min: n(o.audienceMin) });
  if (o.audienceMax !== null) return t("matching.range.max", { max: n(o.audienceMax) });
  return null;
}

/** One sentence saying why a part of the score came out as it did, in the viewer's language. */
export function explainPart(key: ComponentKey, b: Breakdown, ctx: { locale: Locale; market: string; opportunity: Range & { platforms: readonly string[]; niches: readonly string[] } }, t: TFunction): string {
  const platforms = (codes: readonly string[]) => codes.map((c) => t(`common:platforms.${c}`, { defaultValue: c })).join(", ");
  switch (key) {
    case "market":
      return t(`matching.explain.market.${b.market.code}`, { market: t(`common:markets.${ctx.market}`), sought: t(`common:markets.${b.market.sought}`) });
    case "platform":
      return t(`matching.explain.platform.${b.platform.code}`, { list: platforms(b.platform.code === "match" ? b.platform.matched : ctx.opportunity.platforms), matched: b.platform.matched.length, required: b.platform.required });
    case "niche":
      return t(`matching.explain.niche.${b.niche.code}`, { list: (b.niche.code === "match" ? b.niche.matched : ctx.opportunity.niches).join(", "), matched: b.niche.matched.length, required: b.niche.required });
    case "audience": {
      const a = b.audience;
      const range = audienceRange(ctx.locale, ctx.opportunity, t) ?? "";
      return a.audience !== null && a.code !== "any"
        ? t(`matching.explain.audience.${a.code}`, { count: a.audience, range })
        : t(`matching.explain.audience.${a.code}`, { range });
    }
    case "language":
      return t(`matching.explain.language.${b.language.code}`, { language: t(`common:languages.${b.language.language}`, { defaultValue: b.language.language }) });
    case "outcomes": {
      const o = b.outcomes;
      if (o.code === "none") return t("matching.explain.outcomes.none");
      const history = t("matching.explain.outcomes.history", { won: formatNumber(ctx.locale, o.won), lost: formatNumber(ctx.locale, o.lost), rejected: formatNumber(ctx.locale, o.rejected) });
      return o.client ? `${t("matching.explain.outcomes.client")} · ${history}` : history;
    }
  }
}

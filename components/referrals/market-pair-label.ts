import type { TFunction } from "i18next";

/** A market pair as people read it, «Россия → США»: markets by name, never the stored codes. */
export function marketPairLabel(t: TFunction, source: string, target: string): string {
  return `${t(`common:markets.${source}`, { defaultValue: source })} → ${t(`common:markets.${target}`, { defaultValue: target })}`;
}

/** The same for a pair key as the funnel stores it ("US>RU"). */
export function marketPairKeyLabel(t: TFunction, key: string): string {
  const [source, target] = key.split(">");
  return source && target ? marketPairLabel(t, source, target) : key;
}

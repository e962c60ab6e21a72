import type { Locale } from "./settings";

// Soft hyphens for narrow table cells. Chromium hyphenates (`hyphens: auto`) only where it has a
// dictionary, which desktop Linux builds and offline installs lack, so a long Russian word
// («квалифицированный», 17 letters) sets the minimum width of its column and pushes a ten-column
// table past a 1280 px screen. A soft hyphen (U+00AD) is invisible unless the line breaks there,
// then it shows as «-»; screen readers and search skip it. Apply it only to text shown in a cell,
// never to values that are compared, exported or put in a `title`.

const SOFT_HYPHEN = "\u00ad";
const VOWELS = "аеёиоуыэюя";
/** A syllable never starts with these: they stay with the letter before («боль-шой», «бой-кий»). */
const NEVER_FIRST = "ьъй";

/**
 * Russian words of `minLength` letters or more get soft hyphens at syllable breaks: V-CV, VC-CV,
 * VC-CCV, V-V, never leaving a piece under two letters nor a tail under three. `once` keeps only
 * the break nearest the middle (a heading splits into two halves, «Квалифици-рованные», not five
 * lines of syllables). Other locales' text is returned unchanged (English breaks at spaces).
 */
export function softHyphens(locale: Locale, text: string, { minLength = 13, once = false }: { minLength?: number; once?: boolean } = {}): string {
  if (locale !== "ru") return text;
  return text.replace(/[А-Яа-яЁё]+/g, (word) => {
    if (word.length < minLength) return word;
    const breaks = syllableBreaks(word);
    const kept = once && breaks.length ? [breaks.reduce((best, at) => (Math.abs(at - word.length / 2) < Math.abs(best - word.length / 2) ? at : best))] : breaks;
    return kept.reduce((out, at, i) => out + word.slice(i ? kept[i - 1] : 0, at) + SOFT_HYPHEN, "") + word.slice(kept.at(-1) ?? 0);
  });
}

function syllableBreaks(word: string): number[] {
  const lower = word.toLowerCase();
  const vowels = [...lower].flatMap((c, i) => (VOWELS.includes(c) ? [i] : []));
  const breaks: number[] = [];
  for (let k = 0; k + 1 < vowels.length; k++) {
    const [a, b] = [vowels[k], vowels[k + 1]];
    const consonants = b - a - 1;
    let at = consonants === 0 ? b : consonants === 1 ? a + 1 : a + 2;
    while (at < b && NEVER_FIRST.includes(lower[at])) at++;
    if (NEVER_FIRST.includes(lower[at])) continue;
    // No piece shorter than two letters («объ-е-ди…» reads as noise), no tail under three.
    if (at - (breaks.at(-1) ?? 0) >= 2 && word.length - at >= 3) breaks.push(at);
  }
  return breaks;
}

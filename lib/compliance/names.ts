// Name normalisation for sanctions screening. Russian names reach us in Cyrillic and in several
// Latin spellings (ГОСТ, BGN/PCGN, passport, German/French habits): "Сергей", "Sergey", "Sergei",
// "Sergej". We do not generate every variant; instead both sides are folded to one skeleton, so the
// same name in any spelling gives the same tokens. Over-folding is harmless here: a skeleton is only
// compared with other skeletons, and every hit goes to a person for review.

// One Latin rendering per Cyrillic letter; the variant spellings (й→i/y, х→kh/h, ю→yu/iu, …) are
// merged afterwards by `foldToken`, so they need not be listed here.
const cyrillic: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k",
  л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts",
  ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
  // Ukrainian and Belarusian letters that appear in transliterated names on the list.
  і: "i", ї: "yi", є: "ye", ґ: "g", ў: "u",
};

/** Cyrillic → Latin (lowercase input). Other characters pass through. */
export function transliterate(text: string): string {
  let out = "";
  for (const ch of text) out += cyrillic[ch] ?? ch;
  return out;
}

/**
 * Merges Latin spelling variants of one token:
 * j→y, w→v, ph→f, kh→h, ks/x→x, tz→ts, y→i (ey/ei, iy/ii/y, ya/ia, yu/iu, ye/e), ie→e, doubled letters → one.
 */
export function foldToken(token: string): string {
  return token
    .replace(/j/g, "y")
    .replace(/w/g, "v")
    .replace(/ph/g, "f")
    .replace(/kh/g, "h")
    .replace(/ks/g, "x")
    .replace(/tz/g, "ts")
    .replace(/y/g, "i")
    .replace(/ie/g, "e")
    .replace(/(.)\1+/g, "$1");
}

// Legal-form and filler words: "PJSC SBERBANK" and "Sberbank" are the same bank to a screener.
const stopWords = new Set([
  "the", "of", "and", "a", "an",
  "llc", "ltd", "limited", "inc", "corp", "corporation", "co", "company", "gmbh", "sa", "ag", "plc",
  "jsc", "pjsc", "ojsc", "cjsc", "ooo", "oao", "zao", "pao", "ao", "ip",
  "public", "joint", "stock", "closed", "open", "obshchestvo", "aktsionernoe", "publichnoe", "otkritoe",
  "s", "ogranichennoi", "otvetstvennostu", "otvetstvennostyu",
]);
const foldedStopWords = new Set([...stopWords].map(foldToken));

/** The sorted, folded tokens of a name ("IVANOV, Sergei" and "Сергей Иванов" give the same). */
export function nameTokens(name: string): string[] {
  const plain = transliterate(name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase());
  return plain
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter(Boolean)
    .map(foldToken)
    .filter((t) => t && !foldedStopWords.has(t))
    .sort();
}

/** The stored normalised form of a name: its tokens joined by single spaces. */
export function normalizeName(name: string): string {
  return nameTokens(name).join(" ");
}

import { join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";

// Case- and «ё»-insensitive matching that does not depend on the database's locale: lower() only
// folds ASCII under the C collation, so Cyrillic capitals are mapped by translate(), and «ё» is
// read as «е» (people type «Семен» for «Семён»). The query is folded the same way in JS.
const UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё";
const LOWER = foldText(UPPER);

export function foldText(text: string): string {
  return text.toLowerCase().replaceAll("ё", "е");
}

/** `%text%` for LIKE … ESCAPE '\', with the user's `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${foldText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `text%`: the same, anchored at the start (used to rank prefix matches first). */
export function prefixPattern(text: string): string {
  return `${foldText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The folded form of a column expression (trusted SQL: a quoted column name, never user input). */
export function folded(column: string): Sql {
  return sql`translate(lower(coalesce(${raw(column)}, '')), ${UPPER}, ${LOWER})`;
}

/** `folded(column) LIKE pattern` for any of the columns. */
export function anyLike(columns: string[], pattern: string): Sql {
  return join(columns.map((c) => sql`${folded(c)} LIKE ${pattern} ESCAPE '\\'`), " OR ");
}

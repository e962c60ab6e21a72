// The group named by a public application link (`/apply/<tenant>/<program>?group=<id or slug>`):
// only what the application page may show — its name, landing text, intro and questions.
import type { PublicContext } from "@/lib/auth/contexts/public";
import { parseQuestions, type GroupQuestion } from "./schemas";

export type PublicGroup = {
  id: string; name: string;
  landingText: { en: string | null; ru: string | null };
  intro: { en: string | null; ru: string | null };
  questions: GroupQuestion[];
};

/** The group of this (already checked, open) program by id or slug; null when the key names none. */
export async function findPublicGroup(ctx: PublicContext, programId: string, key: string): Promise<PublicGroup | null> {
  const k = key.trim().slice(0, 60);
  if (!k) return null;
  const row = await ctx.db.partnerGroup.findFirst({
    where: { programId, OR: [{ id: k }, { slug: k.toLowerCase() }] },
    select: { id: true, name: true, landingTextEn: true, landingTextRu: true, applicationIntroEn: true, applicationIntroRu: true, questions: true },
  });
  if (!row) return null;
  return {
    id: row.id, name: row.name,
    landingText: { en: row.landingTextEn, ru: row.landingTextRu },
    intro: { en: row.applicationIntroEn, ru: row.applicationIntroRu },
    questions: parseQuestions(row.questions),
  };
}

/** A text in the visitor's language, else the other one (an agency may write only one). */
export function inLanguage(text: { en: string | null; ru: string | null }, locale: string): string | null {
  return locale === "ru" ? (text.ru ?? text.en) : (text.en ?? text.ru);
}

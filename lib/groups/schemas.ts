import { z } from "zod";
import { optionalText } from "@/lib/kernel/fields";

// Form schemas for partner groups (FormData: every field arrives as a string). Error messages are
// keys in the `errors` namespace.

export const MAX_QUESTIONS = 3;

const question = z.object({ en: optionalText(300), ru: optionalText(300) }).optional();

/** A whole number of days 0–365, or blank for "the rule's own holding period". */
const holdDays = z
  .string().trim().optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!/^\d{1,3}$/.test(v) || Number(v) > 365) {
      ctx.addIssue({ code: "custom", message: "groups.hold_invalid" });
      return z.NEVER;
    }
    return Number(v);
  });

export const groupInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    holdDays,
    landingTextEn: optionalText(2000),
    landingTextRu: optionalText(2000),
    applicationIntroEn: optionalText(1000),
    applicationIntroRu: optionalText(1000),
    questions: z.array(question).max(MAX_QUESTIONS).optional(),
  })
  .transform((v, ctx) => {
    const questions: { id: string; en: string | null; ru: string | null }[] = [];
    (v.questions ?? []).forEach((q, i) => {
      if (!q || (!q.en && !q.ru)) return;
      // A question shown to English and Russian visitors alike needs both wordings.
      if (!q.en) ctx.addIssue({ code: "custom", path: ["questions", i, "en"], message: "required" });
      if (!q.ru) ctx.addIssue({ code: "custom", path: ["questions", i, "ru"], message: "required" });
      questions.push({ id: `q${i + 1}`, en: q.en, ru: q.ru });
    });
    if (ctx.issues.length) return z.NEVER;
    return { ...v, questions: questions as { id: string; en: string; ru: string }[] };
  });
export type GroupData = z.output<typeof groupInput>;
export type GroupQuestion = GroupData["questions"][number];

export const moveInput = z.object({
  programId: z.string().trim().min(1).max(40),
  groupId: z.string().trim().min(1, { message: "required" }).max(40),
});

/** Stored questions (JSON) → the list; anything malformed is dropped. */
export function parseQuestions(json: unknown): GroupQuestion[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((q) =>
    q && typeof q === "object" && typeof q.id === "string" && typeof q.en === "string" && typeof q.ru === "string"
      ? [{ id: q.id, en: q.en, ru: q.ru }] : []);
}

/** Answers to a group's questions from the application form (`answers.q1` …); each required, ≤ 1000 characters. */
export function parseAnswers(questions: GroupQuestion[], read: (name: string) => unknown): { answers: Record<string, string>; error: { field: string; key: string } | null } {
  const answers: Record<string, string> = Object.create(null);
  let error: { field: string; key: string } | null = null;
  for (const q of questions) {
    const raw = read(`answers.${q.id}`);
    const value = typeof raw === "string" ? raw.trim() : "";
    if (!value || value.length > 1000) error ??= { field: `answers.${q.id}`, key: value ? "groups.answer_too_long" : "required" };
    else answers[q.id] = value;
  }
  return { answers, error };
}

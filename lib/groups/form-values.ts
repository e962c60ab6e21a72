import { parseQuestions } from "./schemas";

/** A stored group as the strings its edit form shows (the inverse of `groupInput`). */
export function groupFormValues(g: {
  name: string; holdDays: number | null; landingTextEn: string | null; landingTextRu: string | null;
  applicationIntroEn: string | null; applicationIntroRu: string | null; questions: unknown;
}): Record<string, string> {
  const values: Record<string, string> = {
    name: g.name, holdDays: g.holdDays === null ? "" : String(g.holdDays),
    landingTextEn: g.landingTextEn ?? "", landingTextRu: g.landingTextRu ?? "",
    applicationIntroEn: g.applicationIntroEn ?? "", applicationIntroRu: g.applicationIntroRu ?? "",
  };
  parseQuestions(g.questions).forEach((q, i) => {
    values[`questions.${i}.en`] = q.en;
    values[`questions.${i}.ru`] = q.ru;
  });
  return values;
}

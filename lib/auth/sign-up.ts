import { z } from "zod";
import { createUserWithTenant, findUserByEmail, isSlugTaken } from "@/lib/db/users";
import { DomainError } from "@/lib/errors";
import { hashPassword } from "./password";

export const signUpSchema = z.object({
  agencyName: z.string().trim().min(1).max(80),
  name: z.string().trim().min(1).max(80),
  email: z.string().trim().toLowerCase().max(200).pipe(z.email({ message: "invalid_email" })),
  password: z.string().min(10, { message: "password_too_short" }).max(200),
});
export type SignUpInput = z.output<typeof signUpSchema>;

const translit: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

/** "Агентство Мост" → "agentstvo-most"; the URL segment of a tenant. */
export function slugify(name: string): string {
  const latin = [...name.toLowerCase()].map((ch) => translit[ch] ?? ch).join("");
  const slug = latin.normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  return slug || "agency";
}

async function freeSlug(name: string): Promise<string> {
  const base = slugify(name);
  for (let i = 0; i < 20; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    if (!(await isSlugTaken(candidate))) return candidate;
  }
  return `${base}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Creates a new agency tenant with its owner. */
export async function signUp(input: SignUpInput, locale: string) {
  if (await findUserByEmail(input.email)) throw new DomainError("signup_unavailable");
  const passwordHash = await hashPassword(input.password);
  try {
    return await createUserWithTenant({
      email: input.email,
      name: input.name,
      passwordHash,
      locale,
      tenantName: input.agencyName,
      tenantSlug: await freeSlug(input.agencyName),
    });
  } catch (error) {
    // A concurrent sign-up with the same e-mail or slug loses the unique-index race.
    if ((error as { code?: string }).code === "P2002") throw new DomainError("signup_unavailable");
    throw error;
  }
}

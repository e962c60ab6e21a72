// E-mail helpers of the risk rules: domains, free-mail providers (a shared domain there says
// nothing), disposable domains (the maintained list of the `mailchecker` package).
import { blacklist } from "mailchecker";

/** Public mail providers: two people on gmail.com are not the same person. */
export const freeMailDomains = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
  "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net",
  "zoho.com", "mail.com", "fastmail.com", "tutanota.com", "hey.com",
  "mail.ru", "bk.ru", "inbox.ru", "list.ru", "internet.ru", "yandex.ru", "yandex.com", "ya.ru", "yandex.kz",
  "yandex.by", "rambler.ru", "lenta.ru", "autorambler.ru", "ro.ru", "mail.kz", "qip.ru", "vk.com",
]);

export function normalizeEmail(value: string | null | undefined): string | null {
  const v = value?.trim().toLowerCase();
  return v && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? v : null;
}

export const emailDomain = (email: string) => email.slice(email.lastIndexOf("@") + 1);

export const isFreeMail = (domain: string) => freeMailDomains.has(domain);

let disposable: Set<string> | null = null;

/** True for a throwaway-mail domain or a subdomain of one. */
export function isDisposableDomain(domain: string): boolean {
  disposable ??= blacklist();
  const parts = domain.toLowerCase().split(".");
  for (let i = 0; i < parts.length - 1; i++) if (disposable.has(parts.slice(i).join("."))) return true;
  return false;
}

/** Digits of a phone number, for comparing "+7 999 123-45-67" with "79991234567". */
export function phoneDigits(value: string | null | undefined): string | null {
  const d = value?.replace(/\D/g, "") ?? "";
  return d.length >= 7 ? d : null;
}

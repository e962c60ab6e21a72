import "server-only";
import { baseUrl } from "./base-url";

/** Absolute base URL for links in e-mails and links to copy: configuration only (lib/base-url.ts). */
export async function appUrl(): Promise<string> {
  return baseUrl();
}

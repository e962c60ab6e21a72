import type { Market } from "@/lib/db/generated/enums";

// The platform list is data: adding one needs no migration, only an entry here and its label.
export const platforms = [
  { code: "instagram", markets: ["US", "EU", "AE", "KZ", "AM", "GE"] },
  { code: "tiktok", markets: ["US", "EU", "AE", "KZ"] },
  { code: "youtube", markets: ["US", "RU", "EU", "KZ", "AM", "GE", "AE"] },
  { code: "telegram", markets: ["RU", "KZ", "AM", "GE", "AE", "EU"] },
  { code: "vk", markets: ["RU", "KZ"] },
  { code: "vk_video", markets: ["RU"] },
  { code: "dzen", markets: ["RU"] },
  { code: "rutube", markets: ["RU"] },
] as const satisfies readonly { code: string; markets: readonly Market[] }[];

export type PlatformCode = (typeof platforms)[number]["code"];
export const platformCodes = platforms.map((p) => p.code) as [PlatformCode, ...PlatformCode[]];

export const markets = ["US", "RU", "KZ", "AM", "GE", "AE", "EU"] as const satisfies readonly Market[];
export const languages = ["en", "ru", "kk", "hy", "ka", "uk", "es"] as const;

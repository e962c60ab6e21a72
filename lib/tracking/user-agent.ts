// Device class and bot flag from the User-Agent. Deliberately coarse: the funnel splits by
// desktop/mobile/tablet, nothing finer, so a few regexes beat a UA-parsing library on the hot path.
import { isbot } from "isbot";
import type { DeviceClass } from "@/lib/db/generated/enums";

const TABLET = /ipad|tablet|kindle|silk\/|playbook|(android(?!.*mobile))/i;
const MOBILE = /mobi|iphone|ipod|android|blackberry|opera mini|iemobile|windows phone/i;

/** Bots are flagged separately (`isBot`) and classed as `bot`; an empty UA is `unknown`. */
export function deviceClass(userAgent: string | undefined): DeviceClass {
  if (!userAgent) return "unknown";
  if (TABLET.test(userAgent)) return "tablet";
  if (MOBILE.test(userAgent)) return "mobile";
  return "desktop";
}

// isbot runs one large regex (~4 µs); real traffic repeats a few thousand User-Agents, so the
// answer is memoised in a bounded map (cleared when full, which is rare and cheap).
const botCache = new Map<string, boolean>();
const BOT_CACHE_MAX = 5_000;

/** No User-Agent at all is a script, not a person. */
export function isBotUserAgent(userAgent: string | undefined): boolean {
  if (!userAgent) return true;
  let bot = botCache.get(userAgent);
  if (bot === undefined) {
    bot = isbot(userAgent);
    if (botCache.size >= BOT_CACHE_MAX) botCache.clear();
    if (userAgent.length <= 512) botCache.set(userAgent, bot);
  }
  return bot;
}

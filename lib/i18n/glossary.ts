// The machine-readable part of docs/glossary.md: one Russian and one English term per product concept,
// and the synonyms that must not name the same concept (`npm run i18n:check` fails on them, see
// lib/i18n/wording.ts). Change a term here and in docs/glossary.md together; a test checks that every
// term below appears in the document.

/** A Russian word starting with `stem`, not inside another word (JS `\b` does not know Cyrillic). */
const ru = (stem: string, tail = "\\p{L}*") => new RegExp(`(?<!\\p{L})${stem}${tail}`, "iu");
const en = (phrase: string) => new RegExp(`\\b${phrase}\\b`, "i");

export type Concept = {
  id: string;
  ru: string;
  en: string;
  /** Other words people would read as this concept: each match in a string of that language is a problem. */
  forbiddenRu?: RegExp[];
  forbiddenEn?: RegExp[];
  /** Keys (`ns:key`) where a forbidden pattern is ordinary language, not the concept. */
  exempt?: string[];
};

export const glossary: Concept[] = [
  { id: "agency", ru: "агентство", en: "agency" },
  { id: "workspace", ru: "пространство", en: "workspace" },
  { id: "partner", ru: "партнёр", en: "partner", forbiddenRu: [ru("партнер")] },
  { id: "brand", ru: "бренд", en: "brand" },
  { id: "creator", ru: "автор", en: "creator", forbiddenRu: [ru("блогер"), ru("креатор")] },
  { id: "program", ru: "программа", en: "program" },
  // «реферальная программа» (the adjective) is fine; the noun «реферал» is the calque.
  { id: "referral", ru: "рекомендация", en: "referral", forbiddenRu: [ru("реферал", "(?!ьн)\\p{L}*")] },
  { id: "direct-referral", ru: "прямая рекомендация", en: "direct referral" },
  { id: "placement", ru: "размещение", en: "placement" },
  { id: "labelling", ru: "маркировка", en: "labelling" },
  { id: "advertiser", ru: "рекламодатель", en: "advertiser" },
  { id: "impression-statistics", ru: "статистика показов", en: "impression statistics" },
  { id: "pool", ru: "пул предложений", en: "opportunity pool" },
  {
    id: "opportunity", ru: "предложение", en: "opportunity",
    forbiddenRu: [ru("возможност", "(ь|и|ью|ей|ям|ями|ях)(?!\\p{L})")],
    forbiddenEn: [en("offers?")],
    exempt: ["partners:mail.declined.body"], // "cannot offer you a place": the verb
  },
  { id: "board", ru: "доска предложений", en: "opportunity board" },
  { id: "opt-in", ru: "отклик", en: "opt-in" },
  { id: "protection-window", ru: "срок закрепления", en: "protection window", forbiddenRu: [/окно защиты/iu, /рекомендация защищена/iu] },
  { id: "attribution-window", ru: "окно атрибуции", en: "attribution window" },
  { id: "tracked-link", ru: "ссылка партнёра", en: "tracked link" },
  { id: "promo-code", ru: "промокод", en: "promo code", forbiddenRu: [ru("промо-код"), ru("купон")], forbiddenEn: [en("coupons?")] },
  // Showing the board or an application form inside the agency's own site (an iframe).
  { id: "embedding", ru: "встраивание", en: "embedding", forbiddenRu: [ru("эмбед"), ru("виджет")] },
  { id: "click", ru: "переход", en: "click", forbiddenRu: [ru("клик")] },
  { id: "qualified-lead", ru: "квалифицированный лид", en: "qualified lead" },
  { id: "won", ru: "сделка заключена", en: "won", forbiddenRu: [ru("выигран"), /закр\p{L}* сделк/iu] },
  { id: "lost", ru: "сделка не состоялась", en: "lost", forbiddenRu: [ru("проигран"), ru("сорвал")] },
  { id: "market", ru: "рынок", en: "market" },
  { id: "market-pair", ru: "пара рынков", en: "market pair" },
  { id: "reporting-currency", ru: "валюта отчётов", en: "reporting currency", forbiddenRu: [/отчётн\p{L}* валют/iu] },
  { id: "commission-rule", ru: "правило комиссии", en: "commission rule" },
  { id: "commission", ru: "комиссия", en: "commission" },
  { id: "accrual", ru: "начисление", en: "earning" },
  { id: "bounty", ru: "бонус", en: "bounty", forbiddenRu: [/вознагражд\p{L}* за/iu] },
  { id: "revenue-share", ru: "процент от выручки", en: "revenue share" },
  { id: "hold-period", ru: "срок ожидания", en: "hold period", forbiddenRu: [/срок\p{L}* удержани/iu, /период\p{L}* удержани/iu, /после удержани/iu] },
  {
    id: "clawback", ru: "списание", en: "clawback",
    forbiddenRu: [ru("сторно"), /зачитыва\p{L}* против/iu, /\(clawback\)/iu],
    forbiddenEn: [en("reversal entry")],
  },
  { id: "refund", ru: "возврат средств", en: "refund" },
  { id: "ledger", ru: "реестр комиссий", en: "ledger" },
  { id: "payout", ru: "выплата", en: "payout" },
  {
    id: "payout-run", ru: "платёжный цикл", en: "payout run",
    forbiddenRu: [ru("прогон"), /выплатн\p{L}* цикл/iu, /пакет\p{L}* выплат/iu],
    forbiddenEn: [en("payment cycles?"), en("payout batch(es)?")],
  },
  { id: "payout-hold", ru: "удержание", en: "hold" },
  { id: "payout-method", ru: "способ выплаты", en: "payout method" },
  { id: "bank-registry", ru: "реестр банковских переводов", en: "bank-transfer registry" },
  { id: "tax-profile", ru: "налоговый профиль", en: "tax profile" },
  { id: "sanctions-screening", ru: "санкционная проверка", en: "sanctions screening" },
  { id: "sanctions-list", ru: "санкционный список", en: "sanctions list" },
  { id: "self-employed", ru: "самозанятый", en: "self-employed" },
  { id: "fx-rate", ru: "курс валют", en: "exchange rate" },
  { id: "api-key", ru: "ключ API", en: "API key" },
  { id: "notification", ru: "уведомление", en: "notification", forbiddenRu: [ru("оповещени"), ru("нотификаци")] },
  { id: "digest", ru: "сводка", en: "digest", forbiddenRu: [ru("дайджест")] },
  { id: "webhook", ru: "вебхук", en: "webhook", forbiddenRu: [ru("веб-хук"), /(?<!\p{L})хук/iu] },
  { id: "webhook-endpoint", ru: "адрес вебхука", en: "endpoint", forbiddenRu: [ru("эндпоинт"), ru("эндпойнт")] },
  { id: "signing-secret", ru: "секрет подписи", en: "signing secret", forbiddenRu: [/ключ подписи/iu] },
  { id: "audit-log", ru: "журнал действий", en: "audit log" },
  { id: "email", ru: "электронная почта", en: "e-mail", forbiddenRu: [/(?<!\p{L})e-?mail/iu, ru("имейл"), ru("мейл")] },
  { id: "earnings-page", ru: "доходы", en: "earnings", forbiddenRu: [ru("заработ", "(ок|ка|ке|ку)(?!\\p{L})")] }, // the noun as a label; «заработать» is fine
  { id: "account-page", ru: "выплаты и налоги", en: "payments & tax" },
  // Fraud and risk rules (lib/risk). A risk hold is not the compliance "hold" (удержание) of a payout.
  { id: "risk-review", ru: "риск-проверка", en: "risk review", forbiddenRu: [ru("антифрод"), ru("фрод")], forbiddenEn: [en("fraud queue")] },
  { id: "risk-rule", ru: "правило риск-проверки", en: "risk rule" },
  { id: "under-review", ru: "на проверке", en: "under review", forbiddenRu: [/на удержании/iu] },
  { id: "risk-finding", ru: "срабатывание", en: "finding" },
  // Messages to partners (lib/messages).
  { id: "message", ru: "сообщение", en: "message" },
  { id: "announcement", ru: "объявление", en: "announcement", forbiddenRu: [ru("анонс"), ru("рассылк")] },
  { id: "direct-message", ru: "личное сообщение", en: "direct message", forbiddenRu: [ru("директ"), /(?<!\p{L})ЛС(?!\p{L})/u] },
  // Partner groups inside a program (lib/groups): not the partner's trust tier (уровень доверия).
  { id: "partner-group", ru: "группа партнёров", en: "partner group", forbiddenRu: [/сегмент\p{L}* партн/iu], forbiddenEn: [en("partner segments?")] },
  { id: "time-zone", ru: "часовой пояс", en: "time zone", forbiddenRu: [ru("таймзон"), /временн\p{L}* зон/iu], forbiddenEn: [en("timezones?")] },
];

import { describe, expect, it } from "vitest";
import { buildIndex, matchName, type ListEntry } from "./match";
import { normalizeName, transliterate } from "./names";
import { blockedRegionIn } from "./regions";
import { jaroWinkler } from "./similarity";

const entry = (uid: string, name: string, entryType: string | null = "individual"): ListEntry => ({ uid, name, normalizedName: normalizeName(name), entryType });

describe("normalizeName", () => {
  it("ignores case, punctuation, diacritics and word order", () => {
    expect(normalizeName("IVANOV, Sergei")).toBe(normalizeName("Sergei Ivanov"));
    expect(normalizeName("  sergei   IVANOV. ")).toBe(normalizeName("Ivanov Sergei"));
    expect(normalizeName("José Müller")).toBe(normalizeName("JOSE MULLER"));
  });

  it("transliterates Cyrillic and folds the usual Latin spellings to one form", () => {
    expect(transliterate("щука жёлтая")).toBe("shchuka zheltaya");
    const forms = ["Сергей Иванов", "Sergey Ivanov", "Sergei Ivanov", "Sergej Ivanov", "IVANOV, Sergei"];
    expect(new Set(forms.map(normalizeName)).size).toBe(1);
    expect(normalizeName("Юрий Хохлов")).toBe(normalizeName("Yuriy Khokhlov"));
    expect(normalizeName("Iurii Hohlov")).toBe(normalizeName("Yury Khokhlov"));
    expect(normalizeName("Наталья Алексеевна")).toBe(normalizeName("Natalia Alexeevna"));
    expect(normalizeName("Евгений Андреев")).toBe(normalizeName("Yevgeny Andreyev"));
  });

  it("drops legal forms so a bank is the same bank", () => {
    expect(normalizeName("PUBLIC JOINT STOCK COMPANY SBERBANK")).toBe(normalizeName("ПАО «Сбербанк»"));
    expect(normalizeName("OOO Volga Trading")).toBe(normalizeName("Volga Trading LLC"));
  });
});

describe("matchName", () => {
  const index = buildIndex([
    entry("100", "IVANOV, Sergei Petrovich"),
    entry("101", "PETROVA, Anna Viktorovna"),
    entry("200", "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA", null),
    entry("201", "VOLGA TRADING HOUSE LLC", null),
  ]);

  it("finds the same person written in Latin and in Cyrillic", () => {
    for (const name of ["Sergey Ivanov", "Сергей Иванов", "Сергей Петрович Иванов", "IVANOV Sergei Petrovich", "Sergei Ivanov"]) {
      const [hit] = matchName(index, name, "name");
      expect(hit, name).toMatchObject({ uid: "100", field: "name" });
      expect(hit.score).toBeGreaterThanOrEqual(0.9);
    }
    expect(matchName(index, "Сергей Петрович Иванов", "name")[0].score).toBe(1);
    expect(matchName(index, "Анна Петрова", "legalName")[0]).toMatchObject({ uid: "101", field: "legalName" });
  });

  it("does not match unrelated names, a shared surname alone, or a patronymic taken for a surname", () => {
    expect(matchName(index, "Maria Sokolova", "name")).toEqual([]);
    expect(matchName(index, "Ivanov", "name")).toEqual([]);
    expect(matchName(index, "Oleg Ivanov", "name")).toEqual([]);
    expect(matchName(index, "Sergei Petrov", "name")).toEqual([]);
    expect(matchName(index, "", "name")).toEqual([]);
  });

  it("matches banks against entities only", () => {
    expect(matchName(index, "Sberbank", "bankName", { entitiesOnly: true })[0]).toMatchObject({ uid: "200" });
    expect(matchName(index, "ПАО Сбербанк", "bankName", { entitiesOnly: true })[0]).toMatchObject({ uid: "200" });
    expect(matchName(index, "Tinkoff Bank", "bankName", { entitiesOnly: true })).toEqual([]);
    expect(matchName(index, "Sergei Ivanov", "bankName", { entitiesOnly: true })).toEqual([]);
  });
});

describe("jaroWinkler", () => {
  it("is 1 for equal strings and lower for different ones", () => {
    expect(jaroWinkler("martha", "martha")).toBe(1);
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
  });
});

describe("blockedRegionIn", () => {
  it("blocks Crimea, Sevastopol and the so-called DNR/LNR in either alphabet", () => {
    for (const text of ["Республика Крым", "Crimea", "г. Севастополь", "Sevastopol", "ДНР, Донецк", "Donetsk", "Луганская обл.", "LNR", "Lugansk", "UA-43"]) {
      expect(blockedRegionIn(null, text), text).toBe(text);
    }
  });

  it("lets other regions through", () => {
    for (const text of ["Москва", "Moscow", "Краснодарский край", "Rostov-on-Don", "Kyiv", "California", "Dnipro"]) {
      expect(blockedRegionIn(text), text).toBeNull();
    }
  });
});

import { expect, test } from "@playwright/test";
import { open, shot, signIn, unique } from "./helpers";

// Issue 16, part 3: the agency's owner, working in Russian, creates a partner group in the demo's
// creator pool with its own commission rule, moves a partner into it and sees the group on the
// partner's page; the group's application link shows its landing text in Russian.
test("группа партнёров: своё правило комиссии, перевод партнёра, группа на странице партнёра", async ({ page }) => {
  const name = unique("Лучшие авторы");
  await signIn(page, "owner@northstar.test", "twoway-demo", "ru");
  await open(page, "/ru/t/northstar/programs");
  // The creator pool is the second program; its card lists its groups.
  await expect(page.getByText("Top scouts")).toBeVisible();
  await page.getByRole("link", { name: "Группы партнёров" }).nth(1).click();
  await page.waitForURL(/\/programs\/[^/]+\/groups$/);
  await expect(page.getByRole("heading", { name: "Группы партнёров — Creator Pool 2027" })).toBeVisible();

  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Создать группу" }) });
  await create.getByLabel("Название").fill(name);
  await create.getByLabel("Срок ожидания (дней)").fill("7");
  await create.getByLabel("Текст страницы (русский)").fill("Для тех, кто приводит авторов каждую неделю.");
  await create.getByRole("button", { name: "Создать группу" }).click();
  await expect(page.getByText(`Группа партнёров «${name}» создана.`)).toBeVisible();

  // Its own rule: a lead bonus only for this group.
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name, exact: true }) });
  await card.getByRole("link", { name: "Добавить правило комиссии для этой группы" }).click();
  await page.waitForURL(/commissions\/rules\?program=.+&group=/);
  const rule = page.locator("#rule-form form");
  await expect(rule.getByLabel("Группа партнёров")).toHaveValue(/.+/);
  await rule.getByLabel("Название").fill(`Бонус: ${name}`);
  await rule.getByLabel("Основание").selectOption("lead_bounty");
  await rule.locator('input[name="bounty"]').fill("5 000");
  await rule.getByRole("button", { name: "Добавить правило" }).click();
  await expect(page.getByRole("cell", { name: new RegExp(`Группа: ${name}`) })).toBeVisible();

  // Move Ольга Петрова (in the pool's default group) into the new group.
  await open(page, "/ru/t/northstar/partners?q=Ольга");
  await page.getByRole("link", { name: "Ольга Петрова" }).first().click();
  await expect(page.getByText("Группа партнёров: Creator scouts")).toBeVisible();
  await page.getByLabel("Группа партнёров в программе «Creator Pool 2027»").selectOption({ label: name });
  await page.getByRole("button", { name: "Перевести" }).click();
  await expect(page.getByText("Партнёр переведён.", { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Группа партнёров: ${name}`)).toBeVisible();
  await expect(page.getByText("Переведён в другую группу партнёров")).toBeVisible();
  await shot(page, "partner-groups-partner-ru");

  // The seeded group's application link speaks Russian to a Russian visitor.
  await open(page, "/ru/t/northstar/programs");
  const programId = (await page.getByRole("link", { name: "Группы партнёров" }).nth(1).getAttribute("href"))!.split("/").at(-2);
  await open(page, `/ru/apply/northstar/${programId}?group=top-scouts`);
  await expect(page.getByText("Группа партнёров: Top scouts")).toBeVisible();
  await expect(page.getByText("Для партнёров, которые приводят авторов каждый месяц", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Сколько авторов в месяц вы можете рекомендовать?")).toBeVisible();
});

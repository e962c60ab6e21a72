import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { signatureHeader, signatureV1, verifySignature } from "./signing";

const secret = "whsec_0123456789abcdefghijklmnopqrstuv";
const body = '{"id":"evt_1","type":"referral.submitted"}';

describe("webhook signatures", () => {
  it("match the documented known vector (computed independently with openssl)", () => {
    expect(signatureV1(secret, 1767225600, body)).toBe("91ea19620a8ff2d534c71bf578ba98c820be22ea3084714f9bb5b6bbb373839b");
    expect(signatureHeader(secret, 1767225600, body)).toBe("t=1767225600,v1=91ea19620a8ff2d534c71bf578ba98c820be22ea3084714f9bb5b6bbb373839b");
    expect(readFileSync("docs/webhooks.md", "utf8")).toContain("v1=91ea19620a8ff2d534c71bf578ba98c820be22ea3084714f9bb5b6bbb373839b");
  });

  it("verify: right secret and body pass; another body, secret, or a stale time fail", () => {
    const now = 1767225600;
    const header = signatureHeader(secret, now, body);
    expect(verifySignature(secret, header, body, now + 10)).toBe(true);
    expect(verifySignature(secret, header, body.replace("1", "2"), now)).toBe(false);
    expect(verifySignature("whsec_other", header, body, now)).toBe(false);
    expect(verifySignature(secret, header, body, now + 301)).toBe(false);
    expect(verifySignature(secret, "v1=abc", body, now)).toBe(false);
  });
});

/** The fenced code block after `<!-- verify:<lang> -->` in docs/webhooks.md. */
function snippet(lang: string): string {
  const doc = readFileSync("docs/webhooks.md", "utf8");
  const match = new RegExp(`<!-- verify:${lang} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match) throw new Error(`no ${lang} snippet in docs/webhooks.md`);
  return match[1];
}

const hasCommand = (cmd: string) => spawnSync(cmd, ["--version"], { stdio: "ignore" }).status === 0;

describe("the documented verification snippets", () => {
  const now = Math.floor(Date.now() / 1000);
  const cases = [
    { name: "a fresh, correct signature", header: signatureHeader(secret, now, body), body, ok: true },
    { name: "a tampered body", header: signatureHeader(secret, now, body), body: body.replace("submitted", "paid"), ok: false },
    { name: "another secret", header: signatureHeader("whsec_someone_else", now, body), body, ok: false },
    { name: "a replayed old request", header: signatureHeader(secret, now - 3600, body), body, ok: false },
  ];

  it.each(cases)("Node: $name → $ok", ({ header, body: b, ok }) => {
    const code = `${snippet("node")}\nprocess.stdout.write(String(verifyTwowaySignature(process.env.S, process.env.H, process.env.B)));`;
    const out = execFileSync(process.execPath, ["-e", code], { env: { ...process.env, S: secret, H: header, B: b } }).toString();
    expect(out).toBe(String(ok));
  });

  it.each(cases)("Python: $name → $ok", ({ header, body: b, ok }) => {
    const code = `${snippet("python")}\nimport os, sys\nsys.stdout.write(str(verify_twoway_signature(os.environ["S"], os.environ["H"], os.environ["B"].encode())))`;
    const out = execFileSync("python3", ["-c", code], { env: { ...process.env, S: secret, H: header, B: b } }).toString();
    expect(out).toBe(ok ? "True" : "False");
  });

  it.runIf(hasCommand("php"))("PHP verifies a correct signature and refuses a tampered body", () => {
    for (const { header, body: b, ok } of cases.slice(0, 2)) {
      const code = `${snippet("php")}\necho verify_twoway_signature(getenv("S"), getenv("H"), getenv("B")) ? "true" : "false";`;
      expect(execFileSync("php", ["-r", code], { env: { ...process.env, S: secret, H: header, B: b } }).toString()).toBe(String(ok));
    }
  });
});

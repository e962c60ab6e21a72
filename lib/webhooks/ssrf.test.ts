import { describe, expect, it } from "vitest";
import { checkWebhookUrl, classifyAddress, WebhookUrlError, type Resolver } from "./ssrf";

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"], ["127.255.0.9", "loopback"], ["::1", "loopback"], ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "loopback"], ["::ffff:7f00:1", "loopback"], ["0:0:0:0:0:ffff:7f00:0001", "loopback"],
    ["10.0.0.1", "blocked"], ["10.255.255.255", "blocked"], ["172.16.0.1", "blocked"], ["172.31.255.1", "blocked"],
    ["192.168.1.1", "blocked"], ["169.254.169.254", "blocked"], ["100.64.0.1", "blocked"], ["100.100.100.200", "blocked"],
    ["0.0.0.0", "blocked"], ["224.0.0.1", "blocked"], ["239.255.255.250", "blocked"], ["240.0.0.1", "blocked"], ["255.255.255.255", "blocked"],
    ["192.0.2.10", "blocked"], ["198.18.0.1", "blocked"],
    ["::", "blocked"], ["fe80::1", "blocked"], ["fe80::1%eth0", "blocked"], ["fc00::1", "blocked"], ["fd00:ec2::254", "blocked"], ["ff02::1", "blocked"],
    ["::ffff:10.0.0.1", "blocked"], ["::ffff:169.254.169.254", "blocked"], ["::ffff:a9fe:a9fe", "blocked"],
    ["64:ff9b::a9fe:a9fe", "blocked"], ["2002:a9fe:a9fe::1", "blocked"], ["2001:db8::1", "blocked"],
    ["not-an-ip", "blocked"], ["1.2.3", "blocked"],
    ["8.8.8.8", "public"], ["93.184.216.34", "public"], ["172.32.0.1", "public"], ["100.128.0.1", "public"], ["2606:4700:4700::1111", "public"],
    ["::ffff:8.8.8.8", "public"], ["64:ff9b::808:808", "public"],
  ])("%s → %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

const fixed = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
const problem = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    return error instanceof WebhookUrlError ? error.problem : "other";
  }
};

describe("checkWebhookUrl", () => {
  const strict = { allowLoopback: false };
  it("refuses other schemes, credentials and junk", async () => {
    expect(await problem(checkWebhookUrl("ftp://example.com/hook", strict, fixed("8.8.8.8")))).toBe("scheme");
    expect(await problem(checkWebhookUrl("file:///etc/passwd", strict))).toBe("scheme");
    expect(await problem(checkWebhookUrl("https://user:pw@example.com/", strict, fixed("8.8.8.8")))).toBe("credentials");
    expect(await problem(checkWebhookUrl("not a url", strict))).toBe("invalid_url");
  });

  it.each([
    "http://127.0.0.1:8080/hook", "http://[::1]/hook", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://0.0.0.0/", "http://2130706433/", "http://0x7f.1/",
  ])("refuses the literal address %s", async (url) => {
    expect(await problem(checkWebhookUrl(url, strict))).toBe("blocked_address");
  });

  it("refuses a name that resolves to loopback or a private address — even one of several", async () => {
    expect(await problem(checkWebhookUrl("https://localhost/hook", strict))).toBe("blocked_address");
    expect(await problem(checkWebhookUrl("https://rebind.example/hook", strict, fixed("127.0.0.1")))).toBe("blocked_address");
    expect(await problem(checkWebhookUrl("https://mixed.example/hook", strict, fixed("8.8.8.8", "10.0.0.7")))).toBe("blocked_address");
    expect(await problem(checkWebhookUrl("https://nx.example/hook", strict, async () => { throw new Error("ENOTFOUND"); }))).toBe("unresolvable");
  });

  it("accepts a public name and returns the address to connect to", async () => {
    const target = await checkWebhookUrl("https://hooks.example/x?y=1", strict, fixed("93.184.216.34"));
    expect(target).toMatchObject({ address: "93.184.216.34", family: 4 });
    expect(target.url.hostname).toBe("hooks.example");
  });

  it("lets loopback (and only loopback) through in test mode", async () => {
    const loose = { allowLoopback: true };
    expect(await problem(checkWebhookUrl("http://127.0.0.1:9/x", loose))).toBe("accepted");
    expect(await problem(checkWebhookUrl("http://localhost:9/x", loose))).toBe("accepted");
    expect(await problem(checkWebhookUrl("http://10.0.0.1/x", loose))).toBe("blocked_address");
    expect(await problem(checkWebhookUrl("http://169.254.169.254/x", loose))).toBe("blocked_address");
  });
});

import { describe, expect, it } from "vitest";
import { readLimitedForm, readLimitedText } from "./read-limited";

/** A request whose body is streamed in chunks with no Content-Length, as a chunked upload is. */
function chunked(chunks: string[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks.length) return controller.close();
      controller.enqueue(new TextEncoder().encode(chunks[pulled++]));
    },
  });
  const request = new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readLimitedText", () => {
  it("reads a body under the limit", async () => {
    const { request } = chunked(["hello ", "world"]);
    expect(await readLimitedText(request, 100)).toBe("hello world");
  });

  it("stops at the limit on a body that declares no length, without reading the rest", async () => {
    const { request, pulled } = chunked(Array.from({ length: 1000 }, () => "x".repeat(1024)));
    expect(request.headers.get("content-length")).toBeNull();
    expect(await readLimitedText(request, 4 * 1024)).toBeNull();
    expect(pulled()).toBeLessThan(10);
  });

  it("refuses a declared length over the limit before reading", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: "x".repeat(50), headers: { "content-length": "50" } });
    expect(await readLimitedText(request, 10)).toBeNull();
  });
});

describe("readLimitedForm", () => {
  it("parses a urlencoded form under the limit", async () => {
    const { request } = chunked(["token=abc", "&locale=ru"], { "content-type": "application/x-www-form-urlencoded" });
    const form = await readLimitedForm(request, 1024);
    expect(form?.get("token")).toBe("abc");
    expect(form?.get("locale")).toBe("ru");
  });

  it("is null over the limit", async () => {
    const { request } = chunked(["token=", "a".repeat(5000)], { "content-type": "application/x-www-form-urlencoded" });
    expect(await readLimitedForm(request, 1024)).toBeNull();
  });
});

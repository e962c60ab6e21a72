import { describe, expect, it } from "vitest";
import { createRedirectCore, type RedirectOutcome } from "./core";
import type { ClickRow, LinkRecord } from "./types";
import { outcomeResponse, respondToWebRequest, webRedirectInput } from "./web";

const record: LinkRecord = {
  id: "link1", tenantId: "t1", partnerId: "p1", programId: "prog1", opportunityId: null,
  destinationUrl: "/en/o/agency", sourceMarket: "US", targetMarket: "RU", disabled: false,
  attributionWindowDays: 7, partnerRefCode: "alice", erid: null, eridRequired: false,
};

describe("webRedirectInput", () => {
  it("reads path, the decision's headers, the forwarded address and the scheme", () => {
    const request = new Request("http://app.test/r/abc?x=1", {
      headers: { "user-agent": "UA", "accept-language": "ru", "x-forwarded-for": "198.51.100.66", "x-twoway-client-ip": "203.0.113.9", "x-forwarded-proto": "https", "x-other": "no" },
    });
    const plain = webRedirectInput(request, false);
    expect(plain).toMatchObject({ method: "GET", url: "/r/abc?x=1", ip: "203.0.113.9", https: false });
    expect(plain.headers["user-agent"]).toBe("UA");
    expect(plain.headers["x-other"]).toBeUndefined();
    expect(webRedirectInput(request, true).https).toBe(true);
  });
});

describe("outcomeResponse", () => {
  it("keeps both Set-Cookie headers and leaves Content-Length to the framework", async () => {
    const outcome: RedirectOutcome = {
      status: 302,
      headers: ["Location", "/en/o/a", "Set-Cookie", "tw_lc=1; Path=/", "Set-Cookie", "tw_fc=1; Path=/", "Content-Length", "0"],
      body: null,
    };
    const res = outcomeResponse(outcome);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/en/o/a");
    expect(res.headers.getSetCookie()).toEqual(["tw_lc=1; Path=/", "tw_fc=1; Path=/"]);
    expect(res.headers.get("content-length")).toBeNull();
  });
});

describe("respondToWebRequest", () => {
  it("gives the same decision as the node adapter: site-relative destination, UTM, click id, cookies", async () => {
    const rows: ClickRow[] = [];
    const core = createRedirectCore({ lookup: async (c) => (c === "live" ? record : null), sink: { add: (r) => rows.push(r) }, secret: "s", register: false });
    const res = await respondToWebRequest(core, new Request("http://app.test/r/live", { headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0" } }), false);
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location.startsWith("/en/o/agency?utm_source=twoway&utm_medium=partner&utm_campaign=prog1&utm_content=alice&tw_click=")).toBe(true);
    expect(rows).toHaveLength(1);
    expect(location.endsWith(rows[0].id)).toBe(true);
    expect(res.headers.getSetCookie().map((c) => c.split(";")[0])).toEqual([`tw_lc=${rows[0].id}`, `tw_fc=${rows[0].id}`]);

    const missing = await respondToWebRequest(core, new Request("http://app.test/r/nope", { headers: { "accept-language": "ru" } }), false);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Эта ссылка не работает");
    expect(rows).toHaveLength(1);
  });
});

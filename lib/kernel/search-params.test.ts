import { describe, expect, it } from "vitest";
import { firstParam, flattenSearchParams, pageParam } from "./search-params";

describe("search params", () => {
  it("takes the first of a repeated parameter and leaves a missing one undefined", () => {
    expect(firstParam(["a", "b"])).toBe("a");
    expect(firstParam("a")).toBe("a");
    expect(firstParam(undefined)).toBeUndefined();
    expect(firstParam(null)).toBeUndefined();
    expect(firstParam([])).toBeUndefined();
  });

  it("flattens a page's searchParams to one string each", () => {
    expect(flattenSearchParams({ status: ["new", "won"], q: "glow", empty: "", gone: undefined })).toEqual({ status: "new", q: "glow", empty: "", gone: undefined });
  });

  it("treats an empty value as missing only when asked", () => {
    expect(flattenSearchParams({ tier: "", page: "2" }, { blankAsMissing: true })).toEqual({ tier: undefined, page: "2" });
    expect(flattenSearchParams(new URLSearchParams("tier=&page=2"), { blankAsMissing: true })).toEqual({ tier: undefined, page: "2" });
  });

  it("reads a route's URLSearchParams, the last of a repeated key winning", () => {
    expect(flattenSearchParams(new URLSearchParams("status=new&status=won&q=a"))).toEqual({ status: "won", q: "a" });
  });

  it("makes anything but a positive number page 1", () => {
    expect(pageParam("3")).toBe(3);
    expect(pageParam(["2", "5"])).toBe(2);
    for (const junk of [undefined, "", "abc", "0", "-4"]) expect(pageParam(junk)).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { clientIpFrom, isLoopback, trustedProxyHops } from "./client-ip";

describe("clientIpFrom", () => {
  it("ignores X-Forwarded-For without a trusted proxy", () => {
    expect(clientIpFrom({ forwardedFor: "203.0.113.9", socketAddress: "198.51.100.1", hops: 0 })).toBe("198.51.100.1");
  });
  it("takes the right-most untrusted hop behind one proxy, not the client-supplied left entries", () => {
    // The client sent "1.1.1.1"; our proxy appended the address it saw.
    expect(clientIpFrom({ forwardedFor: "1.1.1.1, 203.0.113.9", socketAddress: "10.0.0.2", hops: 1 })).toBe("203.0.113.9");
    expect(clientIpFrom({ forwardedFor: "1.1.1.1, 203.0.113.9, 10.0.0.5", socketAddress: "10.0.0.2", hops: 2 })).toBe("203.0.113.9");
  });
  it("falls back to the socket when the chain is short or garbage", () => {
    expect(clientIpFrom({ forwardedFor: "", socketAddress: "10.0.0.2", hops: 1 })).toBe("10.0.0.2");
    expect(clientIpFrom({ forwardedFor: "evil<script>", socketAddress: "10.0.0.2", hops: 1 })).toBe("10.0.0.2");
    expect(clientIpFrom({ forwardedFor: "203.0.113.9", socketAddress: "10.0.0.2", hops: 2 })).toBe("10.0.0.2");
  });
  it("unmaps IPv4-mapped IPv6 and recognises loopback", () => {
    expect(clientIpFrom({ socketAddress: "::ffff:127.0.0.1", hops: 0 })).toBe("127.0.0.1");
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("203.0.113.9")).toBe(false);
  });
  it("reads TRUST_PROXY", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(trustedProxyHops("true")).toBe(1);
    expect(trustedProxyHops("yes")).toBe(0);
  });
});

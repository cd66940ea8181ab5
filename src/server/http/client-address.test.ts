import { describe, expect, it } from "vitest";
import { resolveClientAddress, trustedProxyList, isAddressOrRange } from "./client-address";

const none = trustedProxyList([]);
const proxies = trustedProxyList(["10.0.0.0/8", "::1", "fd00::/8"]);

describe("resolveClientAddress", () => {
  it("without trusted proxies is the peer, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress("198.51.100.4", undefined, none)).toBe("198.51.100.4");
    expect(resolveClientAddress("198.51.100.4", "203.0.113.9", none)).toBe("198.51.100.4");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", none)).toBe("10.0.0.2");
  });

  it("behind trusted proxies is the nearest untrusted hop, read from the right", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.1.1.1", proxies)).toBe("203.0.113.9");
    expect(resolveClientAddress("::1", " 203.0.113.9 ", proxies)).toBe("203.0.113.9");
  });

  it("does not believe X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.4", "10.0.0.3, 203.0.113.9", proxies)).toBe("198.51.100.4");
  });

  it("when every hop is a trusted proxy, is the farthest one", () => {
    expect(resolveClientAddress("10.0.0.2", "10.9.9.9, 10.0.0.1", proxies)).toBe("10.9.9.9");
  });

  it("reads IPv4-mapped IPv6 peers as IPv4", () => {
    expect(resolveClientAddress("::ffff:10.0.0.2", "203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:198.51.100.4", undefined, none)).toBe("198.51.100.4");
  });

  it("keys an IPv6 client by its /64, however it is written", () => {
    const key = resolveClientAddress("2001:db8:77:1::5", undefined, none);
    expect(key).toBe("2001:db8:77:1::/64");
    expect(resolveClientAddress("2001:0db8:0077:0001:ffff:1:2:3", undefined, none)).toBe(key);
    expect(resolveClientAddress("2001:db8:77:2::5", undefined, none)).not.toBe(key);
    expect(resolveClientAddress("fd00::1", "2001:db8:77:1:abcd::1", proxies)).toBe(key);
    expect(resolveClientAddress("::1", undefined, none)).toBe("0:0:0:0::/64");
  });
});

describe("isAddressOrRange", () => {
  it.each(["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8", "0.0.0.0/0", "2001:db8::/128"])(
    "takes %s",
    (entry) => {
      expect(isAddressOrRange(entry)).toBe(true);
    },
  );

  it.each(["", "localhost", "10.0.0.0/33", "::/129", "10.0.0.0/8/1", "10.0.0.0/", "10.0.0.0/x", "1.2.3"])(
    "refuses %j",
    (entry) => {
      expect(isAddressOrRange(entry)).toBe(false);
    },
  );
});

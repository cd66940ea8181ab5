import { describe, expect, it } from "vitest";
import { ConfigError, defaultConfig, loadConfig } from "./config";

describe("loadConfig", () => {
  it("has the documented defaults, and an empty variable counts as unset", () => {
    expect(loadConfig({ PORT: "", EVENTDESK_CORS_ORIGINS: "" })).toEqual(defaultConfig);
    expect(defaultConfig).toMatchObject({
      port: 8080,
      db: "./data/eventdesk.db",
      seedEvents: 100_000,
      demoPassword: "demo",
      tokenTtlSeconds: 3600,
      refreshTtlSeconds: 7 * 24 * 3600,
      corsOrigins: [],
      staticDir: "dist/web",
      exportSendTimeoutSeconds: 30,
    });
  });

  it("reads every variable", () => {
    const config = loadConfig({
      PORT: "9090",
      EVENTDESK_DB: "/tmp/x.db",
      EVENTDESK_SEED_EVENTS: "500",
      EVENTDESK_DEMO_PASSWORD: "s3cret",
      EVENTDESK_TOKEN_TTL: "600",
      EVENTDESK_REFRESH_TTL: "86400",
      EVENTDESK_CORS_ORIGINS: "https://a.example.com, http://localhost:5173/",
      EVENTDESK_STATIC_DIR: "public",
      EVENTDESK_EXPORT_SEND_TIMEOUT: "5",
    });
    expect(config).toMatchObject({
      port: 9090,
      db: "/tmp/x.db",
      seedEvents: 500,
      demoPassword: "s3cret",
      tokenTtlSeconds: 600,
      refreshTtlSeconds: 86400,
      corsOrigins: ["https://a.example.com", "http://localhost:5173"],
      staticDir: "public",
      exportSendTimeoutSeconds: 5,
    });
  });

  it("names every bad variable in one clear error", () => {
    const bad = {
      PORT: "eighty",
      EVENTDESK_TOKEN_TTL: "0",
      EVENTDESK_CORS_ORIGINS: "example.com",
      EVENTDESK_EXPORT_SEND_TIMEOUT: "0",
    };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    try {
      loadConfig(bad);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/EVENTDESK_TOKEN_TTL/);
      expect(message).toMatch(/example\.com is not an origin/);
      expect(message).toMatch(/EVENTDESK_EXPORT_SEND_TIMEOUT/);
    }
  });

  it("reads trusted proxies as addresses and CIDR ranges, and a token secret as its bytes", () => {
    const config = loadConfig({
      EVENTDESK_TRUSTED_PROXIES: " 10.0.0.0/8, ::1 ,192.168.1.7",
      EVENTDESK_TOKEN_SECRET: "x".repeat(40),
    });
    expect(config.trustedProxies).toEqual(["10.0.0.0/8", "::1", "192.168.1.7"]);
    expect(config.tokenSecret).toEqual(new TextEncoder().encode("x".repeat(40)));
    expect(defaultConfig.trustedProxies).toEqual([]);
    expect(defaultConfig.tokenSecret).toBeUndefined();
  });

  it("refuses a proxy that is not an address or range, and a short token secret", () => {
    expect(() => loadConfig({ EVENTDESK_TRUSTED_PROXIES: "10.0.0.0/8,proxy.internal" })).toThrow(
      /EVENTDESK_TRUSTED_PROXIES.*proxy\.internal is not an IP address/s,
    );
    expect(() => loadConfig({ EVENTDESK_TOKEN_SECRET: "short" })).toThrow(/EVENTDESK_TOKEN_SECRET.*32/s);
  });
});

import { secureHeaders } from "hono/secure-headers";

/** CSP for the dashboard (scripts only from us, no framing) and the usual hardening headers, on every answer. */
export const securityHeaders = (corsOrigins: readonly string[]) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Styles only: component libraries set inline styles; scripts stay strict.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", ...corsOrigins],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    xContentTypeOptions: "nosniff",
    // HSTS belongs to whoever terminates TLS in front of us; over plain HTTP it means nothing.
    strictTransportSecurity: false,
  });

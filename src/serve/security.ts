/**
 * What every response carries and every request is checked for: security
 * headers with a strict Content-Security-Policy (scripts, styles and data
 * only from the page's own origin, no inline script, no framing), a Host
 * check against DNS rebinding when the server listens on the loopback
 * interface, and the write token, compared in constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "X-Permitted-Cross-Domain-Policies": "none",
};

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
};

/** Host names a loopback server answers to; anything else may be a rebound DNS name. */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

export const isLoopback = (host: string) =>
  host === "localhost" || host === "::1" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);

/** Refuses requests whose Host header is not one of the names (any port). */
export function hostCheck(allowed: readonly string[]): MiddlewareHandler {
  const names = new Set(allowed.map((h) => h.toLowerCase()));
  return async (c, next) => {
    // the Host header, or the URL the request was made for when there is none (requests made in-process)
    const host = (c.req.header("host") ?? new URL(c.req.url).host).toLowerCase();
    const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d+$/, "");
    if (!names.has(name))
      return c.json(
        { error: { status: 421, message: `this server answers to ${[...names].join(", ")} only` } },
        421,
      );
    await next();
  };
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Whether the request's bearer token is the one set at start, compared in constant time. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  // hashing first makes both sides the same length, so the comparison leaks neither length nor content
  return timingSafeEqual(digest(given ?? ""), digest(expected)) && given !== undefined;
}

export const bearer = (authorization: string | undefined): string | undefined => {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return m?.[1];
};

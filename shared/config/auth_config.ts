import { z } from "zod";

const HttpUrl = z.url({ protocol: /^https?$/ });

/**
 * Account settings of core, spread into `CoreEnvSchema`. Google sign-in is enabled only when
 * `GOOGLE_CLIENT_ID`, `GOOGLE_CLIENT_SECRET` and `OAUTH_REDIRECT_URL` are all set.
 */
export const AuthEnvShape = {
  /** OAuth client id issued by Google (or by the test provider). */
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  /** OAuth client secret; read from the environment only, never logged. */
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** The exact redirect URI registered at the provider (…/api/auth/google/callback). */
  OAUTH_REDIRECT_URL: HttpUrl.optional(),
  /** OpenID issuer; discovery reads `<issuer>/.well-known/openid-configuration`. */
  GOOGLE_ISSUER: HttpUrl.transform((u) => u.replace(/\/+$/, "")).default(
    "https://accounts.google.com",
  ),
  /** A session ends after this many seconds without a request. */
  SESSION_IDLE_TIMEOUT_S: z.coerce.number().int().min(60).default(7 * 86_400),
  /** A session ends this many seconds after sign-in whatever its use. */
  SESSION_MAX_AGE_S: z.coerce.number().int().min(60).default(30 * 86_400),
  /**
   * Number of reverse proxies in front of core that append to `X-Forwarded-For` (0: use the
   * socket address). The client IP used for rate limits is the entry that many hops from the
   * right.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
};

/** The parsed values of {@link AuthEnvShape} plus `ENVIRONMENT`. */
interface AuthEnv {
  ENVIRONMENT: "development" | "production";
  GOOGLE_CLIENT_ID?: string | undefined;
  GOOGLE_CLIENT_SECRET?: string | undefined;
  OAUTH_REDIRECT_URL?: string | undefined;
  GOOGLE_ISSUER: string;
  SESSION_IDLE_TIMEOUT_S: number;
  SESSION_MAX_AGE_S: number;
}

/** Whether Google sign-in is fully configured. */
export function googleEnabled(cfg: Omit<AuthEnv, "ENVIRONMENT">): boolean {
  return Boolean(cfg.GOOGLE_CLIENT_ID && cfg.GOOGLE_CLIENT_SECRET && cfg.OAUTH_REDIRECT_URL);
}

/**
 * Cross-field rules: in production a partial Google configuration is refused (all three
 * variables or none) and Google URLs must be https; the idle timeout cannot exceed the
 * absolute lifetime.
 */
export function refineAuthEnv(cfg: AuthEnv, ctx: z.RefinementCtx): void {
  const google = ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "OAUTH_REDIRECT_URL"] as const;
  const set = google.filter((k) => cfg[k]);
  if (cfg.ENVIRONMENT === "production") {
    if (set.length > 0 && set.length < google.length) {
      for (const k of google.filter((k) => !cfg[k])) {
        ctx.addIssue({
          code: "custom",
          path: [k],
          message: `required when ${set.join(", ")} is set (Google sign-in needs all three)`,
        });
      }
    }
    for (const k of ["OAUTH_REDIRECT_URL", "GOOGLE_ISSUER"] as const) {
      if (cfg[k]?.startsWith("http:")) {
        ctx.addIssue({ code: "custom", path: [k], message: "must be https in production" });
      }
    }
  }
  if (cfg.SESSION_IDLE_TIMEOUT_S > cfg.SESSION_MAX_AGE_S) {
    ctx.addIssue({
      code: "custom",
      path: ["SESSION_IDLE_TIMEOUT_S"],
      message: "must not exceed SESSION_MAX_AGE_S",
    });
  }
}

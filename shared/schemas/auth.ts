import { z } from "zod";
import { API_SCOPES } from "../scopes.ts";

export { API_SCOPES, type ApiScope } from "../scopes.ts";

/** An e-mail address as typed by a user (trimmed, lower-cased). */
export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254)).meta({
  example: "trader@example.com",
});

/** A new password: 10 to 200 characters. */
export const NewPasswordSchema = z.string().min(10, "must be at least 10 characters").max(200);

/** Body of `POST /api/auth/register`. */
export const RegisterBodySchema = z.object({ email: EmailSchema, password: NewPasswordSchema });

/** Body of `POST /api/auth/login` (any password length is checked, none is echoed). */
export const LoginBodySchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(200),
});

/** Body of `POST /api/auth/password`. */
export const ChangePasswordBodySchema = z.object({
  current_password: z.string().max(200).optional().meta({
    description: "Required when the account has a password (not for Google-only accounts)",
  }),
  new_password: NewPasswordSchema,
});

/** The signed-in user. */
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(["user", "admin"]),
  plan: z.enum(["free", "premium"]),
}).meta({ id: "User" });

/** AI analysis allowance of a user. */
export const QuotaStatusSchema = z.object({
  plan: z.enum(["free", "premium"]),
  unlimited: z.boolean(),
  credits: z.number().int().meta({ description: "From redemption codes; spent first" }),
  free_remaining: z.number().int().meta({ description: "Of the free analyses of a new account" }),
  daily_limit: z.number().int(),
  daily_remaining: z.number().int(),
  remaining: z.number().int().nullable().meta({
    description: "Total usable now; null = unlimited",
  }),
  resets_at: z.string().meta({ description: "Next UTC midnight, when the daily allowance renews" }),
}).meta({ id: "QuotaStatus" });

/** Type of {@link QuotaStatusSchema}. */
export type QuotaStatus = z.infer<typeof QuotaStatusSchema>;

/** Answer of sign-in, registration and `GET /api/me`. */
export const MeResponseSchema = z.object({
  user: UserSchema,
  quota: QuotaStatusSchema,
  auth: z.enum(["session", "token"]).optional(),
});

/** Answer of `POST /api/auth/logout`. */
export const SignedOutSchema = z.object({ signed_out: z.literal(true) });

/** Answer of `DELETE /api/tokens/:id`. */
export const TokenRevokedSchema = z.object({
  revoked: z.string().describe("the token's id"),
  count: z.number().int().describe("tokens revoked: it and every token minted from it"),
});

/** Answer of `DELETE /api/admin/redemption-codes/:id`. */
export const CodeRevokedSchema = z.object({ revoked: z.string().describe("the code's id") });

/** Answer of `GET /api/auth/providers`. */
export const ProvidersResponseSchema = z.object({
  password: z.boolean(),
  google: z.boolean(),
  google_login_url: z.string().nullable(),
});

/** One API token scope (see `shared/scopes.ts`). */
export const ApiScopeSchema = z.enum(API_SCOPES);

/** An API token as listed (never the secret). */
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ApiScopeSchema),
  /** The token that minted this one (revoked with it), or null when made by a session. */
  parent_id: z.string().nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
}).meta({ id: "ApiToken" });

/** Body of `POST /api/tokens`; `scopes` defaults to every scope (today's full account rights). */
export const CreateTokenBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(ApiScopeSchema).min(1).max(API_SCOPES.length).optional(),
});

/** Answer of `POST /api/tokens`: the only time `token` is shown. */
export const CreatedTokenSchema = ApiTokenSchema.extend({ token: z.string() });

/** A redemption code: `XXXX-XXXX-XXXX`, case and spaces forgiven. */
export const RedemptionCodeInputSchema = z.string().trim().toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[0-9A-Z]{12}$/, "must look like XXXX-XXXX-XXXX"));

/** Body of `POST /api/redemption/redeem`. */
export const RedeemBodySchema = z.object({ code: RedemptionCodeInputSchema });

/** Answer of `POST /api/redemption/redeem`. */
export const RedeemResponseSchema = z.object({
  credits_added: z.number().int(),
  quota: QuotaStatusSchema,
});

/** Body of `POST /api/admin/redemption-codes`. */
export const MintCodesBodySchema = z.object({
  amount: z.number().int().min(1).max(10_000).meta({ description: "Credits per redemption" }),
  max_uses: z.number().int().min(1).max(100_000).default(1),
  count: z.number().int().min(1).max(500).default(1).meta({ description: "Codes to mint" }),
  expires_at: z.iso.datetime({ offset: true }).optional(),
  note: z.string().max(200).optional(),
});

/** A redemption code as an admin sees it (the full code only in the mint answer). */
export const RedemptionCodeSchema = z.object({
  id: z.string(),
  hint: z.string().meta({ description: "Last four characters" }),
  amount: z.number().int(),
  max_uses: z.number().int(),
  uses: z.number().int(),
  expires_at: z.string().nullable(),
  note: z.string().nullable(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
  status: z.enum(["active", "used_up", "expired", "revoked"]),
}).meta({ id: "RedemptionCode" });

/** Answer of `POST /api/admin/redemption-codes`. */
export const MintedCodesSchema = z.object({
  codes: z.array(RedemptionCodeSchema.extend({ code: z.string() })),
});

/** Answer of `GET /api/admin/usage`. */
export const UsageResponseSchema = z.object({
  since: z.string(),
  totals: z.object({
    users: z.number().int(),
    analyses: z.number().int(),
    analyses_today: z.number().int(),
  }),
  users: z.array(z.object({
    id: z.string(),
    email: z.string(),
    role: z.enum(["user", "admin"]),
    plan: z.enum(["free", "premium"]),
    credits: z.number().int(),
    analyses: z.number().int(),
    analyses_today: z.number().int(),
    last_analysis_at: z.string().nullable(),
  })),
});

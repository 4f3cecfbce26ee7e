import { z } from "zod";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import {
  ApiTokenSchema,
  CreatedTokenSchema,
  CreateTokenBodySchema,
  TOKEN_RESPONSE_EXAMPLE,
  TokenRevokedSchema,
} from "@trading/shared/schemas";
import { createApiToken, listApiTokens, revokeApiToken } from "../../auth/api_tokens.ts";
import { type AuthDeps, clockOf } from "../../auth/auth_deps.ts";
import { requireUser } from "../../auth/auth_context.ts";

const TokenPath = z.object({ id: z.string().min(1).max(64) });
const TAG = "accounts";

/** API tokens of the signed-in user. */
export const tokensRoutes = routeGroup(
  (deps: AuthDeps) => {
    const now = clockOf(deps);
    return { deps, now };
  },
  [
    {
      method: "get",
      path: "/api/tokens",
      summary: "The caller's API tokens (never their secrets)",
      tag: TAG,
      response: z.object({ tokens: z.array(ApiTokenSchema) }),
      errors: [401],
      access: "user",
      scope: "account",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        return c.json({ tokens: await listApiTokens(deps.db, user.id) });
      },
    },
    {
      method: "post",
      path: "/api/tokens",
      responseExample: TOKEN_RESPONSE_EXAMPLE,
      summary:
        "Create an API token; the secret is in this answer only. Send it as `Authorization: Bearer`. " +
        "`scopes` defaults to every scope; a token (with the `account` scope) may mint tokens with " +
        "at most its own scopes, and they are revoked with it",
      tag: TAG,
      body: CreateTokenBodySchema,
      response: CreatedTokenSchema,
      status: 201,
      errors: [401, 403, 422],
      example: { name: "research notebook", scopes: ["read", "backtest"] },
      access: "user",
      scope: "account",
      handler: async (c, { deps, now }) => {
        const user = requireUser(c);
        const body = validate(CreateTokenBodySchema, await readJson(c.req), "body");
        const parent = user.token ?? null;
        const created = await createApiToken(deps.db, user.id, {
          name: body.name,
          now: now(),
          parent,
          ...(body.scopes ? { scopes: body.scopes } : parent ? { scopes: parent.scopes } : {}),
        });
        deps.logger.info("api token created", {
          user_id: user.id,
          token_id: created.id,
          scopes: created.scopes.join(" "),
        });
        return c.json(created, 201);
      },
    },
    {
      method: "delete",
      path: "/api/tokens/{id}",
      summary: "Revoke one of the caller's API tokens and every token minted from it",
      tag: TAG,
      params: TokenPath,
      response: TokenRevokedSchema,
      errors: [401, 404],
      access: "user",
      scope: "account",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const { id } = validate(TokenPath, c.req.param(), "path");
        const count = await revokeApiToken(deps.db, user.id, id);
        return c.json({ revoked: id, count });
      },
    },
  ],
);

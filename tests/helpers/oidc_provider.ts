/**
 * A real OpenID provider (`npm:oidc-provider`) on 127.0.0.1 standing in for Google in tests:
 * RS256-signed ID tokens carrying `email` and `email_verified` (as Google sends them), PKCE,
 * and either automatic sign-in (for HTTP-level tests that follow redirects themselves) or
 * interactive login and consent pages a browser fills in (for the e2e suite).
 *
 * @module
 */
import http from "node:http";
import Provider from "oidc-provider";
import { exportJWK, generateKeyPair } from "jose";
import { freePort } from "./services.ts";

/** An OAuth client registered at the provider. */
export interface OidcClient {
  client_id: string;
  client_secret: string;
}

/** The claims of an account at the provider. */
export interface OidcAccount {
  email: string;
  email_verified: boolean;
}

/** Options of {@link startOidcProvider}. */
export interface OidcProviderOptions {
  /** Registered clients. */
  clients: OidcClient[];
  /** Redirect URIs allowed for every client. */
  redirectUris: string[];
  /** Accounts by subject id. */
  accounts: Record<string, OidcAccount>;
  /**
   * Without a browser: the subject signed in on every authorization (read at each request),
   * consent granted implicitly. When absent the provider shows a login page (field
   * "Account", button "Sign in") and a consent page (button "Allow").
   */
  autoLogin?: () => string;
  /** ID token lifetime in seconds, read at each issue (default 600). */
  idTokenTtl?: () => number;
  /** When it returns a token, the token endpoint answers with it as the ID token. */
  forgedIdToken?: () => string | null;
}

/** A running provider. */
export interface OidcProvider {
  /** Issuer URL, e.g. `http://127.0.0.1:41234` (what `GOOGLE_ISSUER` is set to). */
  issuer: string;
  /** Stops listening. */
  close: () => Promise<void>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="icon" href="data:,"></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (text += c));
    req.on("end", () => resolve(new URLSearchParams(text)));
    req.on("error", reject);
  });
}

/** The login and consent pages of interactive mode. */
async function interact(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params } = details;
  if (req.method === "GET") {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(
      prompt.name === "login"
        ? page(
          "Test provider sign-in",
          `<form method="post" action="/interaction/${uid}"><label for="account">Account</label>` +
            `<input id="account" name="account" autocomplete="username">` +
            `<button type="submit">Sign in</button></form>`,
        )
        : page(
          "Test provider consent",
          `<p>${params.client_id} asks for: ${params.scope}</p>` +
            `<form method="post" action="/interaction/${uid}"><button type="submit">Allow</button>` +
            `</form>`,
        ),
    );
    return;
  }
  const form = await readForm(req);
  if (prompt.name === "login") {
    await provider.interactionFinished(req, res, {
      login: { accountId: form.get("account") ?? "" },
    }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = details.grantId
    ? (await provider.Grant.find(details.grantId))!
    : new provider.Grant({
      accountId: details.session!.accountId,
      clientId: String(params.client_id),
    });
  const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, {
    consent: details.grantId ? {} : { grantId },
  }, { mergeWithLastSubmission: true });
}

/** Starts the provider on a free port of 127.0.0.1. */
export async function startOidcProvider(opts: OidcProviderOptions): Promise<OidcProvider> {
  const { accounts, autoLogin, idTokenTtl = () => 600, forgedIdToken = () => null } = opts;
  const port = freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: "test-key", use: "sig", alg: "RS256" };
  const provider = new Provider(issuer, {
    clients: opts.clients.map((c) => ({
      ...c,
      redirect_uris: opts.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
    })),
    jwks: { keys: [jwk] },
    findAccount: (_ctx: unknown, id: string) =>
      accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined,
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    // like Google: the e-mail claims are in the ID token itself
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    ...(autoLogin
      ? {
        // deno-lint-ignore no-explicit-any
        loadExistingGrant: async (ctx: any) => {
          const grant = new ctx.oidc.provider.Grant({
            clientId: ctx.oidc.client.clientId,
            accountId: ctx.oidc.session.accountId,
          });
          grant.addOIDCScope("openid email");
          await grant.save();
          return grant;
        },
      }
      : {}),
    ttl: {
      IdToken: () => idTokenTtl(),
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      Interaction: 600,
      Session: 600,
    },
    cookies: { keys: ["test-cookie-key"] },
  });
  const callback = provider.callback();
  const fail = (res: http.ServerResponse) => (e: unknown) => {
    res.statusCode = 500;
    res.end(String(e));
  };
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      if (autoLogin) {
        provider.interactionFinished(req, res, { login: { accountId: autoLogin() } }, {
          mergeWithLastSubmission: false,
        }).catch(fail(res));
      } else interact(provider, req, res).catch(fail(res));
      return;
    }
    const forged = forgedIdToken();
    if (forged && req.method === "POST" && req.url === "/token") {
      // A token endpoint answering with the given ID token (e.g. one issued to another client).
      req.resume();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({
        access_token: "opaque-access-token",
        token_type: "Bearer",
        expires_in: 600,
        id_token: forged,
      }));
      return;
    }
    callback(req, res);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  return {
    issuer,
    close: () =>
      new Promise<void>((r) => {
        // a browser's keep-alive connections would hold close() open
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

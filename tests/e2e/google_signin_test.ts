/**
 * Browser test of Google sign-in through a local OpenID provider standing in for Google: core's
 * `GOOGLE_ISSUER` points at it and `OAUTH_REDIRECT_URL` at web's callback (the browser only
 * talks to web, which forwards `/api/*` — the redirect to the provider, the callback and the
 * session cookie — to core). The user clicks "Sign in with Google" on the account page, signs
 * in and consents on the provider's pages, and comes back signed in.
 */
import assert from "node:assert/strict";
import { startOidcProvider } from "../helpers/oidc_provider.ts";
import { freePort } from "../helpers/services.ts";
import { SHOTS } from "./_browser.ts";
import { browserSession } from "./_stack.ts";

const CLIENT = { client_id: "e2e-web", client_secret: "e2e-web-client-secret-0123456789" };
const EMAIL = "google-user@example.com";

Deno.test({
  name: "e2e Google sign-in - account page → provider login and consent → signed in",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const webPort = freePort();
    const callbackUrl = `http://127.0.0.1:${webPort}/api/auth/google/callback`;
    const op = await startOidcProvider({
      clients: [CLIENT],
      redirectUris: [callbackUrl],
      accounts: { "g-123": { email: EMAIL, email_verified: true } },
    });
    try {
      await browserSession("e2e-google", {
        webPort,
        coreEnv: {
          GOOGLE_CLIENT_ID: CLIENT.client_id,
          GOOGLE_CLIENT_SECRET: CLIENT.client_secret,
          OAUTH_REDIRECT_URL: callbackUrl,
          GOOGLE_ISSUER: op.issuer,
        },
      }, async ({ page, problems, stack }) => {
        page.setDefaultTimeout(15_000);
        const { web } = stack;
        await page.goto(`${web.url}/account`, { waitUntil: "networkidle" });
        await page.waitForSelector("[data-island=SignIn][data-hydrated=true]");
        await page.getByRole("link", { name: "Sign in with Google" }).click();

        // The provider's own pages (another origin): sign in, then allow the e-mail scope.
        await page.waitForURL((u) => u.origin === op.issuer);
        await page.getByLabel("Account").fill("g-123");
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.getByText(`${CLIENT.client_id} asks for: openid email`).waitFor();
        await page.screenshot({ path: `${SHOTS}google-consent.png`, fullPage: true });
        await page.getByRole("button", { name: "Allow" }).click();

        // Back on web through its forwarded callback, with core's session cookie.
        await page.waitForURL(`${web.url}/account`);
        await page.getByText(`Signed in as ${EMAIL}`).waitFor();
        await page.waitForSelector("[data-island=AccountPanel][data-hydrated=true]");
        const cookies = await page.context().cookies(web.url);
        const session = cookies.find((c) => c.name === "session");
        assert.ok(session?.httpOnly, "an HttpOnly session cookie on web's origin");
        assert.equal(cookies.some((c) => c.name === "oidc_state"), false, "state cookie cleared");
        const me = await page.evaluate(() => fetch("/api/me").then((r) => r.json()));
        assert.equal(me.user.email, EMAIL);
        await page.screenshot({ path: `${SHOTS}google-signed-in.png`, fullPage: true });
        assert.deepEqual(problems, [], "no console errors and no failed requests");
      });
    } finally {
      await op.close();
    }
  },
});

/**
 * axe-core on every page, desktop and phone, light and dark (issue 19, Definition of done):
 * no serious or critical violation of WCAG 2.1 A/AA or axe's best practices. The phone pages
 * are also checked with the Menu open, so the folded navigation is checked too.
 */
import assert from "node:assert/strict";
import axe from "axe-core";
import type { Page } from "playwright-core";
import { browserSession } from "./_stack.ts";
import { openPage, seedPages, VIEWPORTS, WALK_PAGES } from "./_pages.ts";

const AXE_SOURCE = (axe as unknown as { source: string }).source;

interface Found {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Serious and critical violations on the page as it is now, and how many checks passed. */
async function violations(page: Page): Promise<{ found: Found[]; passes: number }> {
  // evaluated through the DevTools protocol: the page's CSP (no inline script) does not apply
  if (!await page.evaluate("typeof window.axe === 'object'")) await page.evaluate(AXE_SOURCE);
  return await page.evaluate(async () => {
    const w = globalThis as unknown as {
      axe: {
        run: (ctx: Document, o: unknown) => Promise<{
          passes: unknown[];
          violations: {
            id: string;
            impact: string | null;
            help: string;
            nodes: { target: unknown[]; failureSummary?: string }[];
          }[];
        }>;
      };
    };
    const r = await w.axe.run(document, {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    });
    const found = r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
      }));
    return { found, passes: r.passes.length };
  });
}

Deno.test({
  name: "e2e axe - no serious or critical violation on any page, desktop and phone, both themes",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await browserSession("e2e-axe", {}, async ({ page, stack }) => {
      const base = stack.web.url;
      await seedPages(page, stack, "axe@example.com");
      const found: string[] = [];
      for (const [vp, size] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(size);
        for (const theme of ["light", "dark"]) {
          for (const [name, path] of Object.entries(WALK_PAGES)) {
            const lang = theme === "dark" ? "zh-TW" : "en"; // both languages across the themes
            await openPage(page, base, path, { lang, theme });
            if (path.startsWith("/symbol/")) await page.waitForSelector(".chart-box[data-status]");
            if (vp === "phone" && path !== "/docs") {
              await page.locator("details.menu summary").click();
            }
            const { found: here, passes } = await violations(page);
            assert.ok(passes > 10, `axe ran on ${name} (${passes} rules passed)`);
            for (const v of here) {
              found.push(
                `${name} ${vp} ${theme} ${lang}: ${v.impact} ${v.id} (${v.help})\n    ${
                  v.nodes.join("\n    ")
                }`,
              );
            }
          }
        }
      }
      assert.deepEqual(found, [], found.join("\n"));
    });
  },
});

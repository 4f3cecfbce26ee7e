import assert from "node:assert/strict";
import { renderDocsPage, themedDocsPage } from "./docs_page.ts";

const doc = {
  info: { title: "Test API", version: "1.0.0" },
  paths: {
    "/api/symbols/{symbol}/candles": {
      get: { summary: "Candles", tags: ["market data"], responses: { "200": {} } },
    },
    "/api/backtests": {
      post: { summary: "Run a backtest", tags: ["backtests"], responses: { "201": {} } },
    },
    "/health": { get: { summary: "Health", tags: ["market data"], responses: { "200": {} } } },
  },
};

Deno.test("renderDocsPage() - a way back, a description, and a table of contents whose links all land", () => {
  const html = renderDocsPage(doc);
  assert.match(html, /<a href="\/">← Back to the dashboard<\/a>/);
  assert.match(html, /<meta name="description" content="[^"]+">/);
  const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(links.length, 2 + 3, "two tags and three operations");
  for (const id of links) assert.ok(html.includes(`id="${id}"`), `#${id} exists`);
  // each tag's heading comes before its operations
  assert.ok(html.indexOf('id="tag-market-data"') < html.indexOf('id="op-get-health"'));
  assert.ok(html.indexOf('id="op-get-health"') < html.indexOf('id="tag-backtests"'));
});

Deno.test("themedDocsPage() - the dashboard's theme cookie picks light or dark; else the system's", () => {
  const html = renderDocsPage(doc);
  assert.match(themedDocsPage(html, "dark"), /<html lang="en" data-theme="dark">/);
  assert.match(themedDocsPage(html, "light"), /<html lang="en" data-theme="light">/);
  assert.equal(themedDocsPage(html, 'x" onload="alert(1)'), html);
  assert.match(html, /prefers-color-scheme:dark/);
});

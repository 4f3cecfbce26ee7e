import assert from "node:assert/strict";
import { upstreamUrl } from "./forward_path.ts";

const core = "http://core.test:8002";
const refused = (raw: string, allow = "/api/") => {
  const r = upstreamUrl(core, `http://web.test${raw}`, allow);
  assert.equal(r.ok, false, `${raw} was forwarded to ${r.ok && r.url}`);
};

Deno.test("upstreamUrl() - refuses dot segments at any depth of percent-encoding", () => {
  for (
    const raw of [
      "/api/../metrics",
      "/api/./me",
      "/api/%2e%2e/metrics",
      "/api/%2E%2E/x",
      "/api/.%2e/x",
      "/api/%2e./x",
      "/api/%2e/x",
      "/api/%252e%252e/x",
      "/api/%25252e%25252e/x",
      "/api/x/..",
    ]
  ) refused(raw);
});

Deno.test("upstreamUrl() - refuses encoded slashes, backslashes, control characters and bad escapes", () => {
  for (
    const raw of [
      "/api/..%2fmetrics",
      "/api/a%2Fb",
      "/api/a%5cb",
      "/api/..\\metrics",
      "/api/a%252fb",
      "/api/a%00b",
      "/api/a%0d%0ab",
      "/api/%zz",
    ]
  ) refused(raw);
});

Deno.test("upstreamUrl() - only the allow-listed prefix or exact path", () => {
  refused("/metrics");
  refused("/apix/me");
  refused("/docs/x", "/docs");
  assert.deepEqual(upstreamUrl(core, "http://web.test/docs", "/docs"), {
    ok: true,
    url: `${core}/docs`,
  });
});

Deno.test("upstreamUrl() - ordinary paths keep their query and the target's base path", () => {
  assert.deepEqual(
    upstreamUrl(core, "http://web.test/api/symbols/2330.TW?a=%2e%2e&b=c/d", "/api/"),
    {
      ok: true,
      url: `${core}/api/symbols/2330.TW?a=%2e%2e&b=c/d`,
    },
  );
  assert.deepEqual(upstreamUrl(`${core}/v1/`, "http://web.test/api/a...b/%E5%8F%B0", "/api/"), {
    ok: true,
    url: `${core}/v1/api/a...b/%E5%8F%B0`,
  });
});

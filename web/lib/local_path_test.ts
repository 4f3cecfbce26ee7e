import assert from "node:assert/strict";
import { sameOriginPath } from "./local_path.ts";

Deno.test("sameOriginPath() - keeps paths on this site, refuses anything a browser could read as another host", () => {
  assert.equal(sameOriginPath("/symbol/AAPL?range=1y#chart"), "/symbol/AAPL?range=1y#chart");
  assert.equal(sameOriginPath("/account", "/x"), "/account");
  assert.equal(sameOriginPath("/symbol/台積電"), "/symbol/%E5%8F%B0%E7%A9%8D%E9%9B%BB");
  for (
    const bad of [
      null,
      undefined,
      "",
      "//evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\nX-Evil: 1",
      "/\x00",
      "/\x7f",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "/..//evil.example",
      "/" + "a".repeat(3000),
    ]
  ) {
    assert.equal(sameOriginPath(bad, "/fallback"), "/fallback", JSON.stringify(bad));
  }
});

import assert from "node:assert/strict";
import { safeReturnPath } from "./google.ts";

Deno.test("safeReturnPath() - only a path on this site; control characters (NUL, DEL) refused", () => {
  assert.equal(safeReturnPath("/dashboard?x=1"), "/dashboard?x=1");
  assert.equal(safeReturnPath("/symbol/%E5%8F%B0"), "/symbol/%E5%8F%B0");
  assert.equal(safeReturnPath("/symbol/台"), "/symbol/%E5%8F%B0", "a valid Location header");
  for (
    const bad of [
      undefined,
      "",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\r\nX-Evil: 1",
      "/a\x00b",
      "/a\x7f",
      "/a\x1b",
      "https://evil.example",
      "/" + "a".repeat(600),
    ]
  ) {
    assert.equal(safeReturnPath(bad), "/", JSON.stringify(bad));
  }
});

import "../../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { translator } from "../../i18n/mod.ts";
import { cooldownText, localInput } from "./AlertOptions.tsx";
import { endpointLabel } from "./EndpointRow.tsx";

Deno.test("localInput() - an instant as the datetime-local value of this time zone, and back", () => {
  const at = new Date(2027, 0, 2, 9, 5); // local time
  assert.equal(localInput(at.toISOString()), "2027-01-02T09:05");
  assert.equal(new Date(localInput(at.toISOString())).getTime(), at.getTime());
  assert.equal(localInput(null), "");
  assert.equal(localInput("not a date"), "");
});

Deno.test("cooldownText() - quiet times in the largest whole unit, in both languages", () => {
  const en = translator("en");
  assert.equal(cooldownText(en, 600), "10 min");
  assert.equal(cooldownText(en, 7200), "2 h");
  assert.equal(cooldownText(en, 172_800), "2 d");
  assert.equal(cooldownText(translator("zh-TW"), 7200), "2 小時");
});

Deno.test("endpointLabel() - an e-mail endpoint by its address, a webhook by its URL", () => {
  assert.equal(
    endpointLabel({ kind: "email", url: "mailto:me@example.com", address: "me@example.com" }),
    "me@example.com",
  );
  assert.equal(endpointLabel({ kind: "email", url: "mailto:x@y.z", address: null }), "x@y.z");
  assert.equal(
    endpointLabel({ kind: "webhook", url: "https://h.example/x", address: null }),
    "https://h.example/x",
  );
});

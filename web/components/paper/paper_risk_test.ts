import "../../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { translator } from "../../i18n/mod.ts";
import { riskBody } from "./paper_risk.tsx";

const t = translator("en");

Deno.test("riskBody() - empty limits are null (no limit), numbers pass, the switch is kept", () => {
  assert.deepEqual(riskBody(t, { max_position_pct: "", max_order_value: " ", kill_switch: true }), {
    ok: true,
    body: { max_position_pct: null, max_order_value: null, kill_switch: true },
  });
  assert.deepEqual(
    riskBody(t, { max_position_pct: "25", max_order_value: "1000.5", kill_switch: false }),
    { ok: true, body: { max_position_pct: 25, max_order_value: 1000.5, kill_switch: false } },
  );
});

Deno.test("riskBody() - names each limit that is not a positive number", () => {
  const r = riskBody(t, { max_position_pct: "0", max_order_value: "abc", kill_switch: false });
  assert.deepEqual(r, {
    ok: false,
    issues: [
      { field: "max_position_pct", message: "Enter a number above 0, or leave it empty." },
      { field: "max_order_value", message: "Enter a number above 0, or leave it empty." },
    ],
  });
});

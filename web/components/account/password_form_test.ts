import "../../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { translator } from "../../i18n/mod.ts";
import { passwordProblems } from "./password_form.tsx";

const t = translator("en");

Deno.test("passwordProblems() - ties a short or unconfirmed new password to its input", () => {
  assert.deepEqual(passwordProblems(t, { next: "long enough pw", confirm: "long enough pw" }), []);
  assert.deepEqual(passwordProblems(t, { next: "short", confirm: "short" }), [
    { field: "new_password", message: "At least 10 characters." },
  ]);
  assert.deepEqual(passwordProblems(t, { next: "long enough pw", confirm: "long enough px" }), [
    { field: "confirm", message: "The two new passwords differ." },
  ]);
});

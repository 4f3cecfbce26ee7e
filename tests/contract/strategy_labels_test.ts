// Issue 19, finding 4: strategy names and parameter labels are translated. Every strategy core
// offers has a name, and each of its parameters a label and help, in English and Chinese.
import assert from "node:assert/strict";
import { z } from "zod";
import { STRATEGIES } from "../../core/strategies/mod.ts";
import { labEn as en } from "../../web/i18n/lab_en.ts";
import { labZhTW as zhTW } from "../../web/i18n/lab_zh-TW.ts";
import "../../web/i18n/dictionaries.ts";
import { translator } from "../../web/i18n/mod.ts";
import {
  paramHelp,
  paramLabel,
  paramOptionLabel,
  strategyAbout,
} from "../../web/components/param_labels.ts";

Deno.test("strategies - every strategy name, parameter label, help and option is in both languages", () => {
  const zh = translator("zh-TW");
  for (const [id, s] of Object.entries(STRATEGIES)) {
    assert.ok(`strategy.${id}` in en && `strategy.${id}` in zhTW, `strategy.${id}`);
    assert.match(strategyAbout(zh, id) ?? "", /[\u4e00-\u9fff]/, `strategy.${id}.about`);
    const schema = z.toJSONSchema(s.params, { io: "input", unrepresentable: "any" }) as {
      properties?: Record<string, { enum?: unknown[]; description?: string }>;
    };
    for (const [name, p] of Object.entries(schema.properties ?? {})) {
      assert.ok(`param.${name}` in en, `en param.${name} (${id})`);
      assert.ok(`param.${name}.help` in en, `en param.${name}.help (${id})`);
      assert.notEqual(paramLabel(zh, name), name, `zh-TW label of ${name}`);
      assert.match(paramHelp(zh, name, p.description) ?? "", /[\u4e00-\u9fff]/, `${name} help`);
      for (const o of p.enum ?? []) {
        assert.match(paramOptionLabel(zh, name, String(o)), /[\u4e00-\u9fff]/, `${name}=${o}`);
      }
    }
  }
});

/**
 * The `rule` strategy specialised to one set of rules: its parameter schema names exactly the
 * rules' `$parameters` (with their declared defaults and ranges) so a request, an optimiser grid
 * or the strategy picker sees real parameters. Pure.
 *
 * @module
 */
import { z } from "zod";
import { compileRuleSet, type RuleSetText } from "../rules/targets.ts";
import { type RuleParamInfo, ruleParams } from "../rules/compile.ts";
import { RuleError, wholeSpan } from "../rules/rule_error.ts";
import { RuleSourceSchema } from "@trading/shared/schemas";
import {
  RULE_FIELDS,
  type RuleField,
  type RuleParams,
  ruleStrategy,
  ruleStrategyWith,
  RuleTextSchema,
} from "./rule.ts";
import type { AnyStrategy } from "./types.ts";

/** Most values a declared range (`$n = 14 in 5..30`) gives the default grid. */
const GRID_STEPS = 6;

const setText = (t: Partial<Record<RuleField, string | undefined>>): RuleSetText => ({
  entry: t.entry ?? "",
  exit: t.exit,
  shortEntry: t.short_entry,
  shortExit: t.short_exit,
});

/** The default grid of one declared parameter: its range in ≤ 6 steps, or its default. */
function gridOf(p: RuleParamInfo): number[] | null {
  if (p.min !== undefined && p.max !== undefined && p.max > p.min) {
    const whole = [p.min, p.max, p.default ?? p.min].every(Number.isInteger);
    const out = new Set<number>();
    for (let k = 0; k < GRID_STEPS; k++) {
      const v = p.min + (p.max - p.min) * k / (GRID_STEPS - 1);
      out.add(whole ? Math.round(v) : Number(v.toPrecision(6)));
    }
    return [...out];
  }
  return p.default !== undefined ? [p.default] : null;
}

/** The `$parameters` of every rule, merged by name (a default given anywhere counts). */
function declarations(texts: Partial<Record<RuleField, string | undefined>>) {
  const decls = new Map<string, RuleParamInfo>();
  for (const f of RULE_FIELDS) {
    const src = texts[f];
    if (src === undefined) continue;
    let found: RuleParamInfo[];
    try {
      found = ruleParams(src);
    } catch (e) {
      throw e instanceof RuleError ? e.inField(`params.${f}`) : e;
    }
    for (const p of found) {
      if ((RULE_FIELDS as readonly string[]).includes(p.name)) {
        throw new RuleError(`$${p.name} is a reserved name: call it something else`, wholeSpan(src))
          .inField(`params.${f}`);
      }
      const had = decls.get(p.name);
      if (!had || (had.default === undefined && p.default !== undefined)) decls.set(p.name, p);
    }
  }
  return decls;
}

/**
 * The `rule` strategy for the rules in `raw` (a request's `params`): exact `$parameter` names
 * with their bounds and defaults, a default grid from declared ranges. A rule that does not
 * parse or, with every `$parameter` valued, does not type-check is refused here with its
 * {@link RuleError} (`details.field` = `params.entry`…, `details.span`). Invalid text fields
 * are left to the parameter schema (a 422 naming the field).
 *
 * @example
 * ```ts
 * import { ruleStrategyFor } from "./rule_for.ts";
 * const s = ruleStrategyFor({ entry: "sma($fast = 10 in 5..30) crosses_above sma(50)" });
 * s.grid; // { fast: [5, 10, 15, 20, 25, 30] }
 * s.params.parse({}); // { entry: "sma($fast = 10 in 5..30) crosses_above sma(50)", fast: 10 }
 * ```
 */
export function ruleStrategyFor(raw: unknown): AnyStrategy {
  const parsed = RuleTextSchema.safeParse(raw ?? {});
  if (!parsed.success) return ruleStrategy;
  const texts = parsed.data;
  const decls = declarations(texts);
  const given = (raw ?? {}) as Record<string, unknown>;
  const values: Record<string, number> = {};
  for (const [name, d] of decls) {
    const v = given[name] ?? d.default;
    if (typeof v === "number") values[name] = v;
  }
  if (Object.keys(values).length === decls.size) {
    try {
      compileRuleSet(setText(texts), { params: values });
    } catch (e) {
      throw e instanceof RuleError ? e.inField(`params.${e.details.field ?? "entry"}`) : e;
    }
  }
  const text = RuleSourceSchema;
  const shape: Record<string, z.ZodType> = {};
  for (const f of RULE_FIELDS) {
    if (texts[f] !== undefined) shape[f] = text.default(texts[f]);
  }
  const grid: Record<string, number[]> = {};
  for (const [name, d] of decls) {
    let n = z.number().finite();
    if (d.min !== undefined) n = n.min(d.min);
    if (d.max !== undefined) n = n.max(d.max);
    shape[name] = (d.default !== undefined ? n.default(d.default) : n).describe(`$${name}`);
    const g = gridOf(d);
    if (g) grid[name] = g;
  }
  const schema = z.strictObject(shape).superRefine((p, ctx) => {
    const v: Record<string, number> = {};
    for (const name of decls.keys()) v[name] = p[name] as number;
    try {
      compileRuleSet(setText(p as Partial<Record<RuleField, string>>), { params: v });
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      ctx.addIssue({ code: "custom", path: [e.details.field ?? "entry"], message: e.message });
    }
  });
  return ruleStrategyWith(schema as unknown as z.ZodType<RuleParams>, grid);
}

/**
 * Labels and help of strategy parameters in the UI language: `param.<name>` and
 * `param.<name>.help` from the dictionaries, else the parameter's name and the description core
 * gives in its schema.
 *
 * @module
 */
import type { MessageKey, T } from "../i18n/mod.ts";

function entry(t: T, key: string): string | null {
  const text = t(key as MessageKey); // the key itself when there is no entry
  return text === key ? null : text;
}

/** Label of a strategy parameter (`fast` → "Fast" / "快線"). */
export function paramLabel(t: T, name: string): string {
  return entry(t, `param.${name}`) ?? name.replace(/_/g, " ");
}

/** Help of a strategy parameter: the dictionary's, else the description core gives. */
export function paramHelp(t: T, name: string, description?: string): string | undefined {
  return entry(t, `param.${name}.help`) ?? description;
}

/** Label of an enum parameter's option (`mode` `breakout` → "Breakout" / "突破"). */
export function paramOptionLabel(t: T, name: string, option: string): string {
  return entry(t, `param.${name}.${option}`) ?? option;
}

/** What a strategy does, in the UI language (`strategy.<id>.about`), else core's description. */
export function strategyAbout(t: T, id: string, description?: string): string | undefined {
  return entry(t, `strategy.${id}.about`) ?? description;
}

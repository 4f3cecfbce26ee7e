/**
 * Registers the backtest lab's section in both languages. Imported by the lab's island (so only
 * the lab page downloads it) and by the server's `dictionaries.ts`.
 *
 * @module
 */
import { labEn } from "./lab_en.ts";
import { labZhTW } from "./lab_zh-TW.ts";
import { registerSection } from "./mod.ts";

registerSection("en", labEn);
registerSection("zh-TW", labZhTW);

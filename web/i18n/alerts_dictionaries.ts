/**
 * Registers the alerts section in both languages. Imported by the alerts islands (so only the
 * alerts pages download it) and by the server's `dictionaries.ts`.
 *
 * @module
 */
import { alertsEn } from "./alerts_en.ts";
import { alertsZhTW } from "./alerts_zh-TW.ts";
import { registerSection } from "./mod.ts";

registerSection("en", alertsEn);
registerSection("zh-TW", alertsZhTW);

/**
 * Code shared by core, chart and web: schemas, configuration and domain errors.
 *
 * @module
 */
export * from "./schemas/mod.ts";
export * from "./config/mod.ts";
export * from "./errors.ts";
export * from "./log.ts";

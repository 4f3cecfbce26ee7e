/**
 * Configuration loaders of the three services.
 *
 * @module
 */
export * from "./load_config.ts";
export * from "./core_config.ts";
export * from "./chart_config.ts";
export * from "./web_config.ts";
export * from "./read_env.ts";

/**
 * HTTP pieces shared by the three services: request ids and logs, errors, validation.
 *
 * @module
 */
export * from "./request_context.ts";
export * from "./errors.ts";
export * from "./validate.ts";
export * from "./openapi.ts";
export * from "./docs_page.ts";

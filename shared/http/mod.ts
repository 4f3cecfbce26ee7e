/**
 * HTTP pieces shared by the three services: request ids and logs, errors, validation.
 *
 * @module
 */
export * from "./request_context.ts";
export * from "./errors.ts";
export * from "./validate.ts";
export * from "./openapi.ts";
export * from "./route.ts";
export * from "./response_check.ts";
export * from "./docs_page.ts";
export * from "./circuit_breaker.ts";
export * from "./metrics.ts";
export * from "./http_metrics.ts";
export * from "./forward.ts";
export * from "./security_headers.ts";
export * from "./compression.ts";
export * from "./client_ip.ts";
export * from "./guarded_serve.ts";
export * from "./start_service.ts";
export * from "./route_key.ts";

import { z } from "zod";

/** The error body every service returns: `{"error":{"code","message","details"?}}`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    request_id: z.string().optional(),
  }),
}).meta({ id: "ErrorBody" });

/** The error body every service returns. */
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

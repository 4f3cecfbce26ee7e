import { rateLimit } from "../../auth/rate_limit.ts";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import { NotFoundError, UnavailableError } from "@trading/shared/errors";
import {
  ConfirmEndpointBodySchema,
  CreatedEndpointSchema,
  CreateEndpointBodySchema,
  EndpointSchema,
  NotificationListSchema,
  NotificationSchema,
  RotatedEndpointSchema,
} from "@trading/shared/schemas";
import { resendDelivery } from "../../alerts/deliver.ts";
import { confirmEmailEndpoint, createEmailEndpoint } from "../../alerts/email_endpoints.ts";
import {
  createEndpoint,
  deleteEndpoint,
  listEndpoints,
  rotateSecret,
} from "../../alerts/endpoints.ts";
import { listNotifications, markRead, unreadCount } from "../../alerts/notifications.ts";
import type { CoreDeps } from "../../deps.ts";
import { requireUser } from "../../auth/auth_context.ts";

const TAG = "alerts";
const IdPath = z.object({ id: z.string().min(1).max(64) });
const ListQuery = z.object({
  unread: z.enum(["1", "true", "0", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const ReadBody = z.object({
  ids: z.array(z.string().min(1).max(64)).max(200).optional(),
  all: z.boolean().optional(),
}).strict().refine((b) => (b.ids === undefined) !== (b.all === undefined), {
  message: "give ids or all: true",
  path: ["ids"],
});

/** Notification endpoints (webhooks, e-mail), in-app notifications and their live stream. */
export const notifyRoutes = routeGroup(
  (deps: CoreDeps) => ({ deps }),
  [
    {
      method: "post",
      path: "/api/notify/endpoints",
      summary: 'Add a notification endpoint. `{kind: "webhook", url}`: the answer carries its ' +
        "`whsec_` signing secret, shown only here; requests are signed per Standard Webhooks; " +
        "loopback, private, link-local and metadata addresses are refused (also after DNS " +
        'resolution). `{kind: "email", address, language?}`: added `unconfirmed` and a ' +
        "confirmation link is mailed; it receives alerts once confirmed (503 when the server " +
        "has no SMTP_URL)",
      tag: TAG,
      body: CreateEndpointBodySchema,
      response: CreatedEndpointSchema,
      status: 201,
      errors: [401, 403, 422, 429, 503],
      example: { kind: "webhook", url: "https://hooks.example.com/trading" },
      access: "user",
      use: [rateLimit({ key: "notify-endpoints", limit: 10, windowS: 600 })],
      scope: "alerts",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const b = validate(CreateEndpointBodySchema, await readJson(c.req), "body");
        const now = deps.now();
        if (b.kind === "email") {
          if (!deps.config.SMTP_URL) {
            throw new UnavailableError(
              "E-mail notifications are not configured on this server (SMTP_URL); use a webhook.",
            );
          }
          const created = await createEmailEndpoint(deps.db, deps.jobs, user.id, {
            address: b.address,
            language: b.language,
            now,
          });
          deps.logger.info("notify endpoint created", {
            user_id: user.id,
            endpoint_id: created.id,
            kind: "email",
          });
          return c.json({ ...created, secret: null }, 201);
        }
        const created = await createEndpoint(deps.db, user.id, b.url, {
          allowPrivate: deps.config.ALLOW_PRIVATE_WEBHOOKS,
          now,
        });
        deps.logger.info("notify endpoint created", { user_id: user.id, endpoint_id: created.id });
        return c.json(created, 201);
      },
    },
    {
      method: "post",
      path: "/api/notify/endpoints/confirm",
      summary: "Confirm an e-mail endpoint with the token of the mailed link (the web page " +
        "`/alerts/confirm?token=…` posts it); the token works once, for 48 hours. No sign-in " +
        "needed: the token proves the mailbox",
      tag: TAG,
      body: ConfirmEndpointBodySchema,
      response: EndpointSchema,
      errors: [404, 422, 429],
      example: { token: "q7Xw0mYb2Jx3b0mUj2cPZ7l1d8a9Jt6eXoV3k5rYw1Q" },
      access: "public",
      use: [rateLimit({ key: "notify-confirm", limit: 20, windowS: 600 })],
      scope: null,
      handler: async (c, { deps }) => {
        const b = validate(ConfirmEndpointBodySchema, await readJson(c.req), "body");
        const ep = await confirmEmailEndpoint(deps.db, b.token, deps.now());
        deps.logger.info("e-mail endpoint confirmed", { endpoint_id: ep.id });
        return c.json(ep);
      },
    },
    {
      method: "post",
      path: "/api/notify/endpoints/{id}/rotate",
      summary: "Rotate a webhook's signing secret: the answer carries the new `whsec_` secret " +
        "(shown only here); the previous one keeps signing beside it for the grace period " +
        "(24 h by default, `previous_secret_expires_at`), so deliveries carry two signatures " +
        "`v1,<new> v1,<old>` per Standard Webhooks",
      tag: TAG,
      params: IdPath,
      response: RotatedEndpointSchema,
      errors: [401, 403, 404, 422, 429],
      access: "user",
      use: [rateLimit({ key: "notify-rotate", limit: 10, windowS: 600 })],
      scope: "alerts",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const { id } = validate(IdPath, c.req.param(), "path");
        const rotated = await rotateSecret(deps.db, user.id, id, {
          now: deps.now(),
          graceMs: deps.config.WEBHOOK_ROTATION_GRACE_S * 1000,
        });
        if (!rotated) throw new NotFoundError(`Endpoint ${id} not found`);
        deps.logger.info("webhook secret rotated", { user_id: user.id, endpoint_id: id });
        return c.json(rotated);
      },
    },
    {
      method: "get",
      path: "/api/notify/endpoints",
      summary: "The caller's notification endpoints (never their secrets)",
      tag: TAG,
      response: z.object({ endpoints: z.array(EndpointSchema) }),
      errors: [401],
      access: "user",
      scope: "read",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        return c.json({ endpoints: await listEndpoints(deps.db, user.id, deps.now()) });
      },
    },
    {
      method: "delete",
      path: "/api/notify/endpoints/{id}",
      summary: "Delete a notification endpoint (its pending deliveries are dead-lettered)",
      tag: TAG,
      params: IdPath,
      response: z.object({ deleted: z.string() }),
      errors: [401, 403, 404],
      access: "user",
      scope: "alerts",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const { id } = validate(IdPath, c.req.param(), "path");
        if (!(await deleteEndpoint(deps.db, user.id, id))) {
          throw new NotFoundError(`Endpoint ${id} not found`);
        }
        return c.json({ deleted: id });
      },
    },
    {
      method: "post",
      path: "/api/notify/deliveries/{id}/resend",
      summary: "Send a dead-lettered delivery again (same `webhook-id`)",
      tag: TAG,
      params: IdPath,
      response: z.object({ resent: z.string() }),
      status: 202,
      errors: [401, 403, 404],
      access: "user",
      use: [rateLimit({ key: "notify-resend", limit: 30, windowS: 600 })],
      scope: "alerts",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const { id } = validate(IdPath, c.req.param(), "path");
        if (!(await resendDelivery(deps.db, deps.jobs, user.id, id, deps.now()))) {
          throw new NotFoundError(`No dead-lettered delivery ${id}`);
        }
        return c.json({ resent: id }, 202);
      },
    },
    {
      method: "get",
      path: "/api/notifications",
      summary: "The caller's in-app notifications (newest first) and the unread count",
      tag: TAG,
      query: ListQuery,
      response: NotificationListSchema,
      errors: [401, 422],
      access: "user",
      scope: "read",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const q = validate(ListQuery, c.req.query(), "query");
        const unreadOnly = q.unread === "1" || q.unread === "true";
        return c.json({
          notifications: await listNotifications(deps.db, user.id, { limit: q.limit, unreadOnly }),
          unread: await unreadCount(deps.db, user.id),
        });
      },
    },
    {
      method: "get",
      path: "/api/notifications/unread",
      summary: "The caller's unread notification count (the header badge)",
      tag: TAG,
      response: z.object({ unread: z.number() }),
      errors: [401],
      access: "user",
      scope: "read",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        return c.json({ unread: await unreadCount(deps.db, user.id) });
      },
    },
    {
      method: "post",
      path: "/api/notifications/read",
      summary: "Mark notifications read: `{ids: [...]}` or `{all: true}`",
      tag: TAG,
      body: ReadBody,
      response: z.object({ marked: z.number(), unread: z.number() }),
      errors: [401, 403, 422],
      example: { all: true },
      access: "user",
      scope: "alerts",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const b = validate(ReadBody, await readJson(c.req), "body");
        const marked = await markRead(deps.db, user.id, b.all ? "all" : b.ids ?? [], deps.now());
        return c.json({ marked, unread: await unreadCount(deps.db, user.id) });
      },
    },
    {
      method: "get",
      path: "/api/notifications/stream",
      summary: "Server-sent events: `notification` for each new in-app notification, `unread` " +
        "with the count, and a heartbeat",
      tag: TAG,
      produces: "text/event-stream",
      response: NotificationSchema,
      errors: [401],
      access: "user",
      scope: "read",
      handler: (c, { deps }) => {
        const user = requireUser(c);
        return streamSSE(c, async (stream) => {
          let since = deps.now();
          let atSince = new Set<string>();
          let id = 0;
          await stream.writeSSE({
            event: "unread",
            data: JSON.stringify({ unread: await unreadCount(deps.db, user.id) }),
          });
          while (!stream.aborted && !stream.closed) {
            await deps.notifications.wait(user.id, 2_000, c.req.raw.signal);
            if (stream.aborted || stream.closed) break;
            const rows = await listNotifications(deps.db, user.id, { after: since - 1, limit: 50 });
            const fresh = rows.reverse().filter((n) => !atSince.has(n.id));
            for (const n of fresh) {
              const t = Date.parse(n.created_at);
              if (t > since) [since, atSince] = [t, new Set()];
              atSince.add(n.id);
              await stream.writeSSE({
                event: "notification",
                id: String(++id),
                data: JSON.stringify(n),
              });
            }
            if (fresh.length) {
              await stream.writeSSE({
                event: "unread",
                data: JSON.stringify({ unread: await unreadCount(deps.db, user.id) }),
              });
            } else {
              await stream.writeSSE({
                event: "heartbeat",
                data: new Date(deps.now()).toISOString(),
              });
            }
          }
        });
      },
    },
  ],
);

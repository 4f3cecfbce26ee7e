import { z } from "zod";
import { BaseEnvSchema, EnvBoolSchema, PortSchema, ServiceUrlSchema } from "./load_config.ts";
import { AuthEnvShape, refineAuthEnv } from "./auth_config.ts";

/** `sqlite:///relative/or/absolute/path.db`, `sqlite::memory:` or `postgres(ql)://…`. */
export const DatabaseUrlSchema = z.string().refine(
  (u) => /^sqlite:(\/\/\/.+|:memory:)$/.test(u) || /^postgres(ql)?:\/\/.+/.test(u),
  "must be sqlite:///path/to/file.db, sqlite::memory: or postgres://user:pass@host:port/db",
);

/** Environment of the core service. */
export const CoreEnvSchema = BaseEnvSchema.extend({
  PORT: PortSchema.default(8002),
  DATABASE_URL: DatabaseUrlSchema.default("sqlite:///./data/trading.db"),
  CHART_SERVICE_URL: ServiceUrlSchema.default("http://127.0.0.1:8003"),
  DATA_DIR: z.string().min(1).default("./core/data/market"),
  SEED_DATA: z.enum(["embedded", "none"]).default("embedded"),
  // Online market data (issue 10): offline serves only stored data.
  MARKET_DATA: z.enum(["offline", "online"]).default("offline"),
  YAHOO_BASE_URL: ServiceUrlSchema.default("https://query2.finance.yahoo.com"),
  TWSE_BASE_URL: ServiceUrlSchema.default("https://www.twse.com.tw"),
  QUOTE_POLL_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
  REPLAY_STEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
  ...AuthEnvShape,
  // Stored backtest results (core/backtest_store): anonymous ones expire; caps per owner.
  BACKTEST_ANON_TTL_HOURS: z.coerce.number().min(1).max(24 * 365).default(24),
  BACKTEST_ANON_MAX_MB: z.coerce.number().min(1).max(100_000).default(256),
  BACKTEST_USER_MAX_MB: z.coerce.number().min(1).max(100_000).default(64),
  BACKTEST_USER_MAX_COUNT: z.coerce.number().int().min(1).max(100_000).default(500),
  // AI analyst: without OPENAI_API_KEY the rule-based analyst answers (see core/ai).
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: ServiceUrlSchema.optional(),
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  AI_DAILY_BUDGET_USD: z.coerce.number().min(0).default(5),
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  AI_ANONYMOUS_LLM: EnvBoolSchema.default(false),
  // Alerts (core/alerts): active alerts per plan, how often new data is looked for, webhooks.
  ALERTS_MAX_ACTIVE_FREE: z.coerce.number().int().min(0).max(100_000).default(20),
  ALERTS_MAX_ACTIVE_PREMIUM: z.coerce.number().int().min(0).max(1_000_000).default(400),
  ALERTS_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(1_000),
  ALLOW_PRIVATE_WEBHOOKS: EnvBoolSchema.default(false),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_RETRY_SCHEDULE_S: z.string().regex(
    /^\d+(\.\d+)?(,\d+(\.\d+)?)*$/,
    "a comma-separated list of seconds, e.g. 5,300,1800",
  ).default("5,300,1800,7200,18000,36000,36000"),
  // Webhook secret rotation: how long the previous secret keeps signing (two signatures).
  WEBHOOK_ROTATION_GRACE_S: z.coerce.number().int().min(0).max(30 * 86_400).default(86_400),
  // E-mail alerts: smtp(s)://user:pass@host:port (nodemailer); unset = no e-mail endpoints.
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, "smtp://user:pass@host:587 or smtps://…:465")
    .optional(),
  SMTP_FROM: z.string().min(3).max(200).default("AI Trading alerts <alerts@localhost>"),
  // The web app's public address, for links in e-mails (confirmation, alert, symbol).
  PUBLIC_WEB_URL: ServiceUrlSchema.default("http://127.0.0.1:8000"),
  // Hosts core's permissions let webhooks reach (`host:port,…`, or `*`): read by the start scripts.
  WEBHOOK_HOSTS: z.string().max(2000).regex(/^(\*|[\w.:\-\[\],]*)$/, "host:port list or *")
    .default(""),
  // MCP server at /mcp (core/mcp): what callers without an API token get.
  MCP_ANONYMOUS: z.enum(["read", "none"]).default("read"),
}).superRefine(refineAuthEnv);

/** Parsed configuration of the core service. */
export type CoreConfig = z.infer<typeof CoreEnvSchema>;

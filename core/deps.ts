import type { CoreConfig } from "@trading/shared/config";
import { MetricsRegistry } from "@trading/shared/http";
import type { Logger } from "@trading/shared/log";
import type { Db } from "./db/db.ts";
import { instrumentDb } from "./db/instrument.ts";
import { migrateUp } from "./db/migrations.ts";
import { openDatabase } from "./db/open.ts";
import { NotificationHub } from "./alerts/notifications.ts";
import { openJobQueue } from "./jobs/open_queue.ts";
import type { JobQueue } from "./jobs/queue.ts";
import { seedEmbedded } from "./market_data/embedded.ts";
import { IntradayBars } from "./market_data/intraday_bars.ts";
import { asIntradayProvider } from "./market_data/intraday_fetch.ts";
import { IntradayStore } from "./market_data/intraday_store.ts";
import { MarketRepository } from "./market_data/repository.ts";
import { SeriesCache } from "./market_data/series_cache.ts";
import { OnlineStore } from "./market_data/online_store.ts";
import type { MarketDataProvider } from "./market_data/provider.ts";
import { TwseProvider } from "./providers/twse.ts";
import { YahooProvider } from "./providers/yahoo.ts";

/** Version reported by the core service. */
export const CORE_VERSION = "0.1.0";

/** Everything the core routes need, built once at start-up and passed down. */
export interface CoreDeps {
  /** Parsed configuration. */
  config: CoreConfig;
  /** Open, migrated database. */
  db: Db;
  /** Symbols and candles storage. */
  market: MarketRepository;
  /** In-memory columnar histories. */
  series: SeriesCache;
  /** Intraday bars (1m … 1h): stored, bundled (loaded on first use) or aggregated by session. */
  intraday: IntradayBars;
  /** Providers, corporate actions, quarantine and leases of online market data. */
  online: OnlineStore;
  /** Online market-data providers by id (used only when `MARKET_DATA=online`). */
  providers: Record<string, MarketDataProvider>;
  /** Structured logger. */
  logger: Logger;
  /** Start time (ms since epoch) for uptime. */
  startedAt: number;
  /** The clock (ms since epoch); injectable so tests control market hours and freshness. */
  now: () => number;
  /** Prometheus metrics of this process, served at /metrics: add counters to it. */
  metrics: MetricsRegistry;
  /**
   * Aborted when the process shuts down (SIGTERM/SIGINT in main.ts): every outbound provider
   * call listens to its signal, so backfills stop at once instead of outliving the listener.
   */
  shutdown: AbortController;
  /** The background job queue (graphile-worker on PostgreSQL, in-process on SQLite); started by main.ts. */
  jobs: JobQueue;
  /** Wakes this instance's notification streams when it records a firing. */
  notifications: NotificationHub;
  /**
   * Test apps only: check every 2xx JSON answer against its route's declared schema and answer
   * 500 on a mismatch (shared/http/response_check.ts). Absent in production.
   */
  checkResponses?: boolean;
}

/**
 * Opens the database, applies pending migrations and, unless `SEED_DATA=none`, loads the
 * embedded dataset (idempotent).
 */
export async function buildDeps(config: CoreConfig, logger: Logger): Promise<CoreDeps> {
  const metrics = new MetricsRegistry({ service: "core" });
  const db = instrumentDb(await openDatabase(config.DATABASE_URL), metrics);
  const applied = await migrateUp(db);
  if (applied.length) logger.info("migrations applied", { versions: applied });
  const market = new MarketRepository(db);
  const online = new OnlineStore(db);
  if (config.SEED_DATA === "embedded") {
    const seeded = await seedEmbedded(market, online, config.DATA_DIR);
    const written = seeded.filter((s) => s.written > 0);
    if (written.length) {
      logger.info("embedded dataset loaded", {
        symbols: written.map((s) => s.symbol),
        rows: written.reduce((a, s) => a + s.written, 0),
      });
    }
  }
  const shutdown = new AbortController();
  const jobs = await openJobQueue(db, config.DATABASE_URL, logger);
  const built: { deps?: CoreDeps } = {}; // the fetcher reads the provider of the finished deps
  const intraday = new IntradayBars(new IntradayStore(db), {
    ...(config.SEED_DATA === "embedded" ? { embeddedDir: `${config.DATA_DIR}/intraday` } : {}),
    online,
    // online, SPY/IBM/BAC daily bars come from the provider, not from the bundled LEAN files;
    // intraday bars a symbol lacks are fetched from Yahoo on first request
    ...(config.MARKET_DATA === "online"
      ? {
        fetcher: {
          provider: () => asIntradayProvider(built.deps?.providers.yahoo),
          now: () => (built.deps?.now ?? Date.now)(),
        },
      }
      : { market }),
  });
  const deps: CoreDeps = {
    config,
    db,
    market,
    series: new SeriesCache(market, {
      online,
      onUnknown: (symbol) => intraday.ensureEmbedded(symbol),
    }),
    intraday,
    online,
    providers: {
      yahoo: new YahooProvider(config.YAHOO_BASE_URL, { signal: shutdown.signal }),
      twse: new TwseProvider(config.TWSE_BASE_URL, { signal: shutdown.signal }),
    },
    logger,
    startedAt: Date.now(),
    now: Date.now,
    metrics,
    shutdown,
    jobs,
    notifications: new NotificationHub(),
  };
  built.deps = deps;
  return deps;
}

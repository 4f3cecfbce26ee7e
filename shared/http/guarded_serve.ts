/**
 * `Deno.serve` behind a thin TCP front that gives each connection the deadlines `Deno.serve`
 * lacks (Deno 2.9.6 has no header or body read timeout: a client trickling one header line
 * every few seconds, or a partial body, holds a connection for as long as it likes) and caps
 * the connections one address may hold open.
 *
 * The front accepts on the public address, counts connections per client IP, and pipes each one
 * to the HTTP server listening on a private loopback port. It sees every byte the client sends
 * and every request the server starts (the handler is called once a request's header block is
 * complete), so it knows, per connection:
 * - header wait: from the connection's first moment, or from the first byte after a request
 *   was answered, until the server starts the next request — at most `headerTimeoutMs`;
 * - body read: from the start of a request with a body until the handler has read it to the
 *   end (or answered) — at most `bodyTimeoutMs`;
 * - idle: a kept-alive connection with no traffic — closed after `idleTimeoutMs`.
 * A connection past a deadline is closed (with a 408 when nothing was answered on it yet). The
 * handler receives the client's own address as `info.remoteAddr`, as with plain `Deno.serve`.
 *
 * Behind trusted proxies (`trustProxyHops` > 0) every connection comes from a proxy's few
 * addresses, so counting connections per socket address would throttle all users together.
 * The cap then counts the requests in flight per client, as the trusted `X-Forwarded-For` entry
 * names it (the rule of `clientIp`); a request over the cap is answered 429 at once. A request
 * without the header came from a service on the private network (web's page renders, chart)
 * and is not counted.
 *
 * @module
 */
import { internalPort } from "../config/load_config.ts";
import { forwardedClient } from "./client_ip.ts";

/** Options of {@link guardedServe}. */
export interface GuardedServeOptions {
  /** Address to listen on (default `0.0.0.0`). */
  hostname?: string;
  /** Port to listen on (0: any free port). */
  port: number;
  /** Loopback port of the HTTP server behind the guard (default 0: any free port). */
  internalPort?: number;
  /** Time from a connection's first byte (or its opening) to a complete header block (default 10 s). */
  headerTimeoutMs?: number;
  /** Time to read a request's body once its headers are in (default 30 s). */
  bodyTimeoutMs?: number;
  /** Time a kept-alive connection may stay silent between requests (default 60 s). */
  idleTimeoutMs?: number;
  /** Connections one client address may hold open (default 64; 0: no cap). */
  maxConnectionsPerIp?: number;
  /**
   * Trusted proxies in front (`TRUST_PROXY_HOPS`): with > 0 the cap applies to requests in
   * flight per forwarded client address instead of connections per socket address.
   */
  trustProxyHops?: number;
  /** Addresses without a cap (default loopback: services and tests on the same host). */
  exempt?: (ip: string) => boolean;
  /** How often the deadlines are checked, in ms (default 250). */
  checkEveryMs?: number;
  /** Called once listening, with the public address. */
  onListen?: (addr: Deno.NetAddr) => void;
}

/** The settings of a service's config that {@link guardOptions} reads. */
export interface GuardConfig {
  /** Public address. */
  HOST: string;
  /** Public port. */
  PORT: number;
  /** Loopback port of the HTTP server (see `internalPort()`). */
  INTERNAL_PORT?: number | undefined;
  /** Per-IP connection cap (0: none). */
  MAX_CONNECTIONS_PER_IP: number;
  /** Proxies in front: the cap then counts each forwarded client's requests in flight. */
  TRUST_PROXY_HOPS?: number;
}

/**
 * {@link guardedServe}'s options from a service's configuration: the listen address, the
 * internal port, the per-client cap and the trusted proxy hops (which turn the cap from
 * connections per socket address into requests in flight per forwarded client).
 *
 * @example
 * ```ts
 * guardOptions({ HOST: "0.0.0.0", PORT: 8002, MAX_CONNECTIONS_PER_IP: 64 });
 * // { hostname: "0.0.0.0", port: 8002, internalPort: 18002, maxConnectionsPerIp: 64, trustProxyHops: 0 }
 * ```
 */
export function guardOptions(cfg: GuardConfig): GuardedServeOptions {
  return {
    hostname: cfg.HOST,
    port: cfg.PORT,
    internalPort: internalPort(cfg),
    maxConnectionsPerIp: cfg.MAX_CONNECTIONS_PER_IP,
    trustProxyHops: cfg.TRUST_PROXY_HOPS ?? 0,
  };
}

/** A running {@link guardedServe}: like `Deno.HttpServer`. */
export interface GuardedServer {
  /** The public address. */
  addr: Deno.NetAddr;
  /** Connections currently open through the front. */
  readonly connections: number;
  /** Stops accepting, lets requests in flight finish, then closes the rest. */
  shutdown(): Promise<void>;
  /** Resolves when the server has shut down. */
  finished: Promise<void>;
}

interface ConnState {
  client: Deno.Conn;
  upstream: Deno.Conn;
  ip: string;
  clientAddr: Deno.NetAddr;
  /** When the current header wait began (null: not waiting for a header block). */
  headerSince: number | null;
  /** Requests whose handler is running. */
  active: number;
  /** Start times of request bodies not yet read to the end. */
  bodies: Set<{ since: number }>;
  lastActivity: number;
  answered: boolean;
  closed: boolean;
}

/** A complete `Connection: close` JSON answer, written by the front itself. */
function rawAnswer(status: string, code: string, message: string, extra = ""): Uint8Array {
  const body = JSON.stringify({ error: { code, message } });
  return new TextEncoder().encode(
    `HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-type: application/json\r\n${extra}` +
      `content-length: ${body.length}\r\n\r\n${body}`,
  );
}

const TIMEOUT_408 = rawAnswer(
  "408 Request Timeout",
  "request_timeout",
  "Request not received in time.",
);
const TOO_MANY_IN_FLIGHT = () =>
  new Response(
    JSON.stringify({
      error: {
        code: "too_many_requests",
        message: "Too many requests in flight from this address.",
      },
    }),
    { status: 429, headers: { "content-type": "application/json", "retry-after": "5" } },
  );
const TOO_MANY = rawAnswer(
  "429 Too Many Requests",
  "too_many_connections",
  "Too many connections from this address.",
  "retry-after: 5\r\n",
);

/** Loopback addresses (127.0.0.0/8, ::1, ::ffff:127.x). */
function isLoopback(ip: string): boolean {
  return /^(127\.|::1$|::ffff:127\.)/.test(ip);
}

/**
 * Serves `handler` on `hostname:port` with header/body/idle deadlines and a per-IP connection
 * cap (see the module doc).
 *
 * @example
 * ```ts ignore
 * const server = guardedServe({ port: 8002 }, app.fetch);
 * await server.shutdown();
 * ```
 */
export function guardedServe(
  options: GuardedServeOptions,
  handler: Deno.ServeHandler<Deno.NetAddr>,
): GuardedServer {
  const {
    hostname = "0.0.0.0",
    port,
    headerTimeoutMs = 10_000,
    bodyTimeoutMs = 30_000,
    idleTimeoutMs = 60_000,
    maxConnectionsPerIp = 64,
    exempt = isLoopback,
    checkEveryMs = 250,
    internalPort = 0,
    trustProxyHops = 0,
  } = options;
  const behindProxy = trustProxyHops > 0;
  /** Open connections by the private port they reach the HTTP server from. */
  const byPort = new Map<number, ConnState>();
  const perIp = new Map<string, number>();
  /** Requests in flight per forwarded client (behind trusted proxies only). */
  const inFlight = new Map<string, number>();

  const inner = Deno.serve(
    { hostname: "127.0.0.1", port: internalPort, onListen() {} },
    (req, info) => {
      const state = byPort.get(info.remoteAddr.port);
      if (!state) return handler(req, info); // a direct call to the private port
      return serveOne(state, req, info);
    },
  );

  async function serveOne(
    state: ConnState,
    req: Request,
    info: Deno.ServeHandlerInfo<Deno.NetAddr>,
  ): Promise<Response> {
    state.headerSince = null;
    const client = behindProxy
      ? forwardedClient(req.headers.get("x-forwarded-for"), trustProxyHops)
      : null;
    const counted = client !== null && maxConnectionsPerIp > 0 && !exempt(client);
    if (counted) {
      const n = inFlight.get(client) ?? 0;
      if (n >= maxConnectionsPerIp) {
        state.answered = true;
        req.body?.cancel().catch(() => {});
        return TOO_MANY_IN_FLIGHT();
      }
      inFlight.set(client, n + 1);
    }
    state.active++;
    let pending: { since: number } | null = null;
    if (req.body) {
      const entry = { since: Date.now() };
      pending = entry;
      state.bodies.add(entry);
      const body = watched(req.body, () => state.bodies.delete(entry));
      req = new Request(req, { body, duplex: "half" } as RequestInit);
    }
    try {
      return await handler(req, { ...info, remoteAddr: state.clientAddr });
    } finally {
      state.active--;
      state.answered = true;
      if (pending) state.bodies.delete(pending);
      if (counted) {
        const n = (inFlight.get(client) ?? 1) - 1;
        if (n > 0) inFlight.set(client, n);
        else inFlight.delete(client);
      }
    }
  }

  function close(state: ConnState, answer408: boolean): void {
    if (state.closed) return;
    state.closed = true;
    byPort.delete((state.upstream.localAddr as Deno.NetAddr).port);
    const n = (perIp.get(state.ip) ?? 1) - 1;
    if (n > 0) perIp.set(state.ip, n);
    else perIp.delete(state.ip);
    try {
      state.upstream.close();
    } catch { /* already closed */ }
    const end = () => {
      try {
        state.client.close();
      } catch { /* already closed */ }
    };
    if (answer408 && !state.answered) state.client.write(TIMEOUT_408).then(end, end);
    else end();
  }

  const timer = setInterval(() => {
    const now = Date.now();
    for (const s of byPort.values()) {
      if (s.headerSince !== null && now - s.headerSince > headerTimeoutMs) close(s, true);
      else if ([...s.bodies].some((b) => now - b.since > bodyTimeoutMs)) close(s, true);
      else if (s.active === 0 && now - s.lastActivity > idleTimeoutMs) close(s, false);
    }
  }, checkEveryMs);

  const listener = Deno.listen({ hostname, port });
  const addr = listener.addr as Deno.NetAddr;
  options.onListen?.(addr);

  async function accept(client: Deno.Conn): Promise<void> {
    const clientAddr = client.remoteAddr as Deno.NetAddr;
    const ip = clientAddr.hostname;
    const open = perIp.get(ip) ?? 0;
    if (!behindProxy && maxConnectionsPerIp > 0 && open >= maxConnectionsPerIp && !exempt(ip)) {
      await client.write(TOO_MANY).catch(() => {});
      client.close();
      return;
    }
    perIp.set(ip, open + 1);
    let upstream: Deno.Conn;
    try {
      upstream = await Deno.connect({ hostname: "127.0.0.1", port: inner.addr.port });
    } catch {
      perIp.set(ip, (perIp.get(ip) ?? 1) - 1);
      client.close();
      return;
    }
    const now = Date.now();
    const state: ConnState = {
      client,
      upstream,
      ip,
      clientAddr,
      headerSince: now,
      active: 0,
      bodies: new Set(),
      lastActivity: now,
      answered: false,
      closed: false,
    };
    byPort.set((upstream.localAddr as Deno.NetAddr).port, state);
    await Promise.all([
      pump(client, upstream, (t) => {
        state.lastActivity = t;
        if (state.active === 0 && state.headerSince === null) state.headerSince = t;
      }),
      pump(upstream, client, (t) => state.lastActivity = t),
    ]);
    close(state, false);
  }

  const accepting = (async () => {
    for await (const conn of listener) accept(conn).catch(() => {});
  })().catch(() => {});

  return {
    addr,
    get connections() {
      return byPort.size;
    },
    finished: inner.finished,
    async shutdown() {
      try {
        listener.close();
      } catch { /* closed */ }
      await accepting;
      const shut = inner.shutdown();
      for (const s of [...byPort.values()]) if (s.active === 0) close(s, false);
      await shut;
      for (const s of [...byPort.values()]) close(s, false);
      clearInterval(timer);
    },
  };
}

/** Copies `from` to `to` until either side ends; `seen` is told of each chunk. */
async function pump(from: Deno.Conn, to: Deno.Conn, seen: (at: number) => void): Promise<void> {
  const buf = new Uint8Array(64 * 1024);
  try {
    for (let n = await from.read(buf); n !== null; n = await from.read(buf)) {
      seen(Date.now());
      let off = 0;
      while (off < n) off += await to.write(buf.subarray(off, n));
    }
    await to.closeWrite().catch(() => {});
  } catch { /* reset or closed by a deadline */ }
}

/** `body` passed through unchanged; `done` is called once it was read to the end or cancelled. */
function watched(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      const r = await reader.read();
      if (r.done) {
        done();
        ctrl.close();
      } else ctrl.enqueue(r.value);
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
}

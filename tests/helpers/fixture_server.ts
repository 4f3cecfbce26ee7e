/**
 * A local HTTP server on 127.0.0.1 for provider tests: each request is answered by a handler
 * (recorded fixtures, errors, slow answers). Nothing touches the internet.
 *
 * @module
 */

/** A running fixture server. */
export interface FixtureServer {
  /** Base URL, `http://127.0.0.1:PORT`. */
  url: string;
  /** Request paths (with query) received so far. */
  requests: string[];
  /** Stops the server. */
  close: () => Promise<void>;
}

/** Starts a server answering every request with `handler`. */
export function startFixtureServer(
  handler: (url: URL, req: Request) => Response | Promise<Response>,
): FixtureServer {
  const requests: string[] = [];
  const ac = new AbortController();
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    signal: ac.signal,
    onListen: () => {},
  }, (req) => {
    const url = new URL(req.url);
    requests.push(url.pathname + url.search);
    return handler(url, req);
  });
  return {
    url: `http://127.0.0.1:${(server.addr as Deno.NetAddr).port}`,
    requests,
    close: async () => {
      ac.abort();
      await server.finished;
    },
  };
}

/** Reads a recorded provider response from tests/fixtures/providers/. */
export function fixture(path: string): string {
  return Deno.readTextFileSync(new URL(`../fixtures/providers/${path}`, import.meta.url));
}

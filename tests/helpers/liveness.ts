/**
 * A probe of a service's `/health/live` every ~20 ms, for fault tests that check a long
 * computation never holds the event loop: `stop()` ends it and gives each round trip.
 *
 * @module
 */

/** One `/health/live` round trip (performance.now() times, ms). */
export interface Probe {
  /** When the request was sent. */
  start: number;
  /** When its answer had arrived. */
  end: number;
}

/** Starts probing `${url}/health/live`; `stop()` waits for the last probe and returns all. */
export function probeLiveness(url: string): { stop: () => Promise<Probe[]> } {
  const probes: Probe[] = [];
  let done = false;
  const running = (async () => {
    while (!done) {
      const start = performance.now();
      const r = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(30_000) });
      await r.body?.cancel();
      probes.push({ start, end: performance.now() });
      await new Promise((res) => setTimeout(res, 20));
    }
  })();
  return {
    stop: async () => {
      done = true;
      await running;
      return probes;
    },
  };
}

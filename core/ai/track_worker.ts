/// <reference lib="deno.worker" />
/**
 * Track-record worker: runs one computation (`trackSteps`) off core's event loop and posts its
 * output, or `{ error }`.
 *
 * @module
 */
import { runSteps } from "./track_groups.ts";
import { type TrackInput, trackSteps } from "./track_compute.ts";

self.onmessage = (e: MessageEvent<TrackInput>) => {
  try {
    self.postMessage({ ok: runSteps(trackSteps(e.data)) });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};

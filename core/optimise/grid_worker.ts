/// <reference lib="deno.worker" />
/**
 * Optimiser worker: evaluates a chunk of grid combinations (or walk-forward windows) with its
 * own indicator cache and reports progress.
 *
 * @module
 */
import type { WorkerTask } from "./protocol.ts";
import { runTask } from "./task.ts";

self.onmessage = (e: MessageEvent<WorkerTask>) => runTask(e.data, (m) => self.postMessage(m));

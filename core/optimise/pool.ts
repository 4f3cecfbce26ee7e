/**
 * A pool of optimiser workers (Web Workers), created once and reused, so a job pays no
 * start-up cost. Work is split into one interleaved chunk per worker.
 *
 * @module
 */
import type { GridRow } from "../backtest/grid.ts";
import type { WorkerReply, WorkerTask } from "./protocol.ts";
import { runTask } from "./task.ts";

type Pending = {
  resolve: (r: WorkerReply) => void;
  reject: (e: Error) => void;
  onProgress: (done: number) => void;
};

/** Task without the correlation id (the pool assigns it). */
export type TaskBody = WorkerTask extends infer T ? T extends unknown ? Omit<T, "taskId"> : never
  : never;

const WORKER_URL = new URL("./grid_worker.ts", import.meta.url);

/**
 * Whether this process may start a worker of the module at `url` (by default the optimiser's):
 * a worker loads its modules from disk, so it needs read access to the code (`--allow-read` of
 * core/, shared/ and node_modules/).
 */
export function workersAllowed(url: URL = WORKER_URL): boolean {
  return Deno.permissions.querySync({ name: "read", path: url }).state === "granted";
}

/** Runs tasks on the calling thread, one after the other, yielding between tasks. */
class InlineWorker {
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  #queue: Promise<void> = Promise.resolve();
  postMessage(task: WorkerTask): void {
    this.#queue = this.#queue.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
      .then(() => runTask(task, (m) => this.onmessage?.({ data: m } as MessageEvent<WorkerReply>)));
  }
  terminate(): void {}
}

/**
 * A fixed set of workers running {@link WorkerTask}s. When the process may not read its own code
 * (a sandbox without `--allow-read` of core/), the pool runs the same tasks on the calling
 * thread instead and says so in `inline` (same results, no parallelism).
 */
export class WorkerPool {
  readonly #workers: (Worker | InlineWorker)[] = [];
  /** True when the tasks run on the calling thread (no read permission for workers). */
  readonly inline: boolean;
  readonly #pending = new Map<number, Pending>();
  #next = 1;
  #rr = 0;

  /** @param size number of workers (≥ 1) */
  constructor(readonly size: number) {
    this.inline = !workersAllowed();
    for (let i = 0; i < size; i++) {
      const w = this.inline ? new InlineWorker() : new Worker(WORKER_URL, { type: "module" });
      w.onmessage = (e: MessageEvent<WorkerReply>) => this.#reply(e.data);
      w.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        for (const p of this.#pending.values()) p.reject(new Error(e.message));
        this.#pending.clear();
      };
      this.#workers.push(w);
    }
  }

  #reply(m: WorkerReply): void {
    const p = this.#pending.get(m.taskId);
    if (!p) return;
    if (m.type === "progress") return p.onProgress(m.done);
    this.#pending.delete(m.taskId);
    if (m.type === "error") p.reject(new Error(m.message));
    else p.resolve(m);
  }

  /** Runs one task on the next worker (round robin). */
  run(task: TaskBody, onProgress: (done: number) => void = () => {}): Promise<WorkerReply> {
    const taskId = this.#next++;
    const w = this.#workers[this.#rr++ % this.#workers.length]!;
    return new Promise((resolve, reject) => {
      this.#pending.set(taskId, { resolve, reject, onProgress });
      w.postMessage({ ...task, taskId });
    });
  }

  /**
   * Evaluates a grid spread over `parts` workers (default all); rows come back in combination
   * order. `onProgress(done)` receives the total across workers.
   */
  async grid(
    task: Omit<Extract<TaskBody, { kind: "grid" }>, "combos"> & {
      combos: WorkerTask["combos"];
    },
    onProgress: (done: number) => void = () => {},
    parts = this.size,
  ): Promise<GridRow[]> {
    const chunks = split(task.combos, Math.min(parts, this.size));
    const done = chunks.map(() => 0);
    const replies = await Promise.all(
      chunks.map((combos, k) =>
        this.run({ ...task, combos }, (d) => {
          done[k] = d;
          onProgress(done.reduce((a, b) => a + b, 0));
        })
      ),
    );
    const rows = replies.flatMap((r) => (r.type === "grid" ? r.rows : []));
    return rows.sort((a, b) => a.index - b.index);
  }

  /** Stops every worker. */
  close(): void {
    for (const w of this.#workers) w.terminate();
    for (const p of this.#pending.values()) p.reject(new Error("worker pool closed"));
    this.#pending.clear();
  }
}

/** Interleaved split of `items` into `k` chunks (balances cheap and expensive regions). */
export function split<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = Array.from({ length: Math.max(1, k) }, () => []);
  items.forEach((it, i) => out[i % out.length]!.push(it));
  return out.filter((c) => c.length > 0);
}

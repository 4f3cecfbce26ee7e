/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, gauges and histograms
 * with labels. Each service owns one registry (passed down with its dependencies) that other
 * modules add their metrics to — LLM calls/tokens/cost, cache hits, DB pool — and that
 * `GET /metrics` renders.
 *
 * @module
 */

type Labels = Record<string, string | number>;

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

function escapeLabel(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labelText(names: readonly string[], values: readonly string[], extra = ""): string {
  const parts = names.map((n, i) => `${n}="${escapeLabel(values[i] ?? "")}"`);
  if (extra) parts.push(extra);
  return parts.length ? `{${parts.join(",")}}` : "";
}

function fmt(n: number): string {
  return Number.isFinite(n) ? String(n) : n > 0 ? "+Inf" : n < 0 ? "-Inf" : "NaN";
}

abstract class Metric {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  constructor(name: string, help: string, labelNames: readonly string[]) {
    if (!NAME.test(name)) throw new RangeError(`Invalid metric name: ${name}`);
    this.name = name;
    this.help = help;
    this.labelNames = labelNames;
  }
  protected key(labels: Labels = {}): string {
    return JSON.stringify(this.labelNames.map((n) => String(labels[n] ?? "")));
  }
  abstract get type(): string;
  abstract lines(): string[];
}

/** A monotonically increasing count. */
export class Counter extends Metric {
  readonly #values = new Map<string, number>();
  /** Prometheus type. */
  get type(): string {
    return "counter";
  }
  /** Adds `by` (default 1, must be ≥ 0) to the series of `labels`. */
  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new RangeError(`Cannot decrease counter ${this.name}`);
    const k = this.key(labels);
    this.#values.set(k, (this.#values.get(k) ?? 0) + by);
  }
  /** Current value of a series (0 when never incremented). */
  get(labels: Labels = {}): number {
    return this.#values.get(this.key(labels)) ?? 0;
  }
  /** Exposition lines. */
  lines(): string[] {
    return [...this.#values].map(([k, v]) =>
      `${this.name}${labelText(this.labelNames, JSON.parse(k))} ${fmt(v)}`
    );
  }
}

/** A value that goes up and down, set directly or read from `collect` at scrape time. */
export class Gauge extends Metric {
  readonly #values = new Map<string, number>();
  readonly #collect: (() => number) | undefined;
  constructor(name: string, help: string, labelNames: readonly string[], collect?: () => number) {
    super(name, help, labelNames);
    this.#collect = collect;
  }
  /** Prometheus type. */
  get type(): string {
    return "gauge";
  }
  /** Sets the series of `labels` to `value`. */
  set(labels: Labels, value: number): void {
    this.#values.set(this.key(labels), value);
  }
  /** Adds `by` (may be negative). */
  inc(labels: Labels = {}, by = 1): void {
    const k = this.key(labels);
    this.#values.set(k, (this.#values.get(k) ?? 0) + by);
  }
  /** Exposition lines. */
  lines(): string[] {
    if (this.#collect) return [`${this.name} ${fmt(this.#collect())}`];
    return [...this.#values].map(([k, v]) =>
      `${this.name}${labelText(this.labelNames, JSON.parse(k))} ${fmt(v)}`
    );
  }
}

/** Latency-style buckets in seconds (1 ms … 10 s). */
export const DEFAULT_BUCKETS = [
  0.001,
  0.0025,
  0.005,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
] as const;

/** Cumulative-bucket histogram of observations. */
export class Histogram extends Metric {
  readonly buckets: readonly number[];
  readonly #series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    buckets: readonly number[] = DEFAULT_BUCKETS,
  ) {
    super(name, help, labelNames);
    this.buckets = [...buckets].sort((a, b) => a - b);
  }
  /** Prometheus type. */
  get type(): string {
    return "histogram";
  }
  /** Records one observation `v` in the series of `labels`. */
  observe(labels: Labels, v: number): void {
    const k = this.key(labels);
    let s = this.#series.get(k);
    if (!s) this.#series.set(k, s = { counts: this.buckets.map(() => 0), sum: 0, count: 0 });
    for (let i = 0; i < this.buckets.length; i++) if (v <= this.buckets[i]!) s.counts[i]!++;
    s.sum += v;
    s.count++;
  }
  /** Number of observations of a series. */
  count(labels: Labels = {}): number {
    return this.#series.get(this.key(labels))?.count ?? 0;
  }
  /** Exposition lines (`_bucket` with `le`, `_sum`, `_count`). */
  lines(): string[] {
    const out: string[] = [];
    for (const [k, s] of this.#series) {
      const values = JSON.parse(k) as string[];
      this.buckets.forEach((b, i) =>
        out.push(
          `${this.name}_bucket${labelText(this.labelNames, values, `le="${b}"`)} ${s.counts[i]}`,
        )
      );
      out.push(`${this.name}_bucket${labelText(this.labelNames, values, 'le="+Inf"')} ${s.count}`);
      out.push(`${this.name}_sum${labelText(this.labelNames, values)} ${fmt(s.sum)}`);
      out.push(`${this.name}_count${labelText(this.labelNames, values)} ${s.count}`);
    }
    return out;
  }
}

/**
 * The metrics of one service. Registering a name twice returns the existing metric (so modules
 * can declare what they use without coordinating), as long as the type matches.
 *
 * @example
 * ```ts
 * const metrics = new MetricsRegistry({ service: "core" });
 * const calls = metrics.counter("llm_calls_total", "LLM calls by model and outcome", ["model", "outcome"]);
 * calls.inc({ model: "gpt-4o-mini", outcome: "ok" });
 * metrics.render(); // Prometheus text
 * ```
 */
export class MetricsRegistry {
  readonly #metrics = new Map<string, Metric>();
  /** Labels added to every line (e.g. `service`). */
  readonly constLabels: Record<string, string>;

  /** @param constLabels labels added to every series, e.g. `{ service: "core" }` */
  constructor(constLabels: Record<string, string> = {}) {
    this.constLabels = constLabels;
  }

  #get<M extends Metric>(name: string, make: () => M, type: string): M {
    const existing = this.#metrics.get(name);
    if (existing) {
      if (existing.type !== type) {
        throw new TypeError(`Metric ${name} is already registered as a ${existing.type}`);
      }
      return existing as M;
    }
    const m = make();
    this.#metrics.set(name, m);
    return m;
  }

  /** A counter (created on first use). */
  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.#get(name, () => new Counter(name, help, labelNames), "counter");
  }

  /** A gauge; with `collect`, its value is read at each scrape. */
  gauge(
    name: string,
    help: string,
    labelNames: readonly string[] = [],
    collect?: () => number,
  ): Gauge {
    return this.#get(name, () => new Gauge(name, help, labelNames, collect), "gauge");
  }

  /** A histogram with `buckets` (default {@link DEFAULT_BUCKETS}, seconds). */
  histogram(
    name: string,
    help: string,
    labelNames: readonly string[] = [],
    buckets?: readonly number[],
  ): Histogram {
    return this.#get(name, () => new Histogram(name, help, labelNames, buckets), "histogram");
  }

  /** The Prometheus text exposition of every metric. */
  render(): string {
    const constPart = Object.entries(this.constLabels)
      .map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",");
    const out: string[] = [];
    for (const m of this.#metrics.values()) {
      out.push(`# HELP ${m.name} ${m.help.replace(/\n/g, " ")}`, `# TYPE ${m.name} ${m.type}`);
      for (const line of m.lines()) {
        if (!constPart) out.push(line);
        else {
          const brace = line.indexOf("{");
          const space = line.lastIndexOf(" ");
          out.push(
            brace >= 0 && brace < space
              ? `${line.slice(0, brace + 1)}${constPart},${line.slice(brace + 1)}`
              : `${line.slice(0, space)}{${constPart}}${line.slice(space)}`,
          );
        }
      }
    }
    return out.join("\n") + "\n";
  }
}

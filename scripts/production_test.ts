/**
 * `deno task production-test --core URL --chart URL [--web URL]`: the deployment checks with a
 * heavier load step (2,000 mixed requests at 50 concurrent), for a deployment about to take
 * traffic; prints the table and exits 1 on any failure.
 *
 * @module
 */
import { main } from "./check_deploy.ts";

if (import.meta.main) {
  Deno.exit(
    await main(Deno.args, { loadRequests: 2000, concurrency: 50, title: "Production test" }),
  );
}

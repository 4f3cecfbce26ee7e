import { routeGroup } from "@trading/shared/http";
import { JobsDashboardSchema } from "@trading/shared/schemas";
import { requireAdmin } from "../../auth/auth_context.ts";
import type { CoreDeps } from "../../deps.ts";
import { jobsDashboard } from "../../jobs/dashboard.ts";

/** The background-jobs dashboard (admins). */
export const adminJobsRoutes = routeGroup(
  (deps: CoreDeps) => ({ deps }),
  [
    {
      method: "get",
      path: "/api/admin/jobs",
      summary: "Background work (admins): the job queue's engine, its jobs by kind and state " +
        "(waiting, running, failed = no attempt left), the latest 20 failed attempts, and the " +
        "optimisation jobs and alert deliveries by state",
      tag: "admin",
      response: JobsDashboardSchema,
      errors: [401, 403],
      access: "admin",
      scope: "admin",
      handler: async (c, { deps }) => {
        requireAdmin(c);
        return c.json(await jobsDashboard(deps.db, deps.jobs));
      },
    },
  ],
);

/** GET /healthz: 200 when the database answers and every migration is applied, 503 otherwise (app/health.server.ts). */
import { resolveDatabase } from "../../prisma/database";
import prisma from "../db.server";
import { checkHealth } from "../health.server";

export const loader = async () => {
  const health = await checkHealth(prisma, resolveDatabase().migrationsPath);
  return Response.json(
    { status: health.ok ? "ok" : "unavailable", database: health.database, migrations: health.migrations },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
};

/**
 * Another Prisma client on this run's database: what a second app process (or the same one
 * after a restart) has. Tests disconnect them with closeSecondProcesses() in afterAll.
 */
import { createDriverAdapterFactory, loadPrismaClientClass, resolveDatabase } from "../../prisma/database";
import type { PrismaClient } from "../../app/db.server";

const opened: Array<{ $disconnect(): Promise<void> }> = [];

/** `databaseUrl`: another database than this run's (the demo process's). */
export async function secondProcessClient(databaseUrl?: string): Promise<PrismaClient> {
  const target = resolveDatabase(databaseUrl);
  const Client = loadPrismaClientClass(target.provider);
  const client = new Client({ adapter: await createDriverAdapterFactory(target) });
  opened.push(client);
  return client as unknown as PrismaClient;
}

export async function closeSecondProcesses(): Promise<void> {
  await Promise.all(opened.splice(0).map((client) => client.$disconnect()));
}

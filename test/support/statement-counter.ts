/**
 * The app's Prisma client counting every statement run through it (model calls and raw SQL
 * alike), in its transactions and outside them, for tests of how many statements a batch or a
 * claim costs. Reset `counter.statements` after a test's setup.
 */
import prisma, { type Transaction } from "../../app/db.server";

type Call = (...args: unknown[]) => unknown;

export function statementCountingClient() {
  const counter = { statements: 0 };
  const counted = (target: object, call: Call) => (...args: unknown[]) => (counter.statements++, call.apply(target, args));
  const counting = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, name, receiver) {
        const value: unknown = Reflect.get(object, name, receiver);
        if (typeof name !== "string" || name.startsWith("_")) return value;
        // A transaction is not a statement; the ones run in it are.
        if (name === "$transaction") return (work: (tx: Transaction) => Promise<unknown>, options?: object) => prisma.$transaction((tx) => work(counting(tx)), options);
        if (name.startsWith("$")) return typeof value === "function" ? counted(object, value as Call) : value;
        if (typeof value !== "object" || value === null) return value;
        return new Proxy(value, {
          get: (model, method) => {
            const call: unknown = Reflect.get(model, method);
            return typeof call === "function" ? counted(model, call as Call) : call;
          },
        });
      },
    });
  return { counter, client: counting(prisma) };
}

/**
 * The app's Prisma client whose transactions count every statement run in them (model calls and
 * raw SQL alike), for tests of how many statements a batch costs. Everything outside a
 * transaction goes to the real client, uncounted.
 */
import prisma, { type Transaction } from "../../app/db.server";

export function statementCountingClient() {
  const counter = { statements: 0 };
  const counted = <F extends (...args: never[]) => unknown>(target: object, call: F) => (...args: Parameters<F>) => (counter.statements++, call.apply(target, args));
  const counting = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(object, name, receiver) {
        const value: unknown = Reflect.get(object, name, receiver);
        if (typeof name !== "string" || name.startsWith("_")) return value;
        if (name.startsWith("$")) return typeof value === "function" ? counted(object, value as (...args: never[]) => unknown) : value;
        if (typeof value !== "object" || value === null) return value;
        return new Proxy(value, {
          get: (model, method) => {
            const call: unknown = Reflect.get(model, method);
            return typeof call === "function" ? counted(model, call as (...args: never[]) => unknown) : call;
          },
        });
      },
    });
  const client = new Proxy(prisma, {
    get(object, name, receiver) {
      if (name === "$transaction") return (work: (tx: Transaction) => Promise<unknown>, options?: object) => prisma.$transaction((tx) => work(counting(tx)), options);
      const value: unknown = Reflect.get(object, name, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
  return { counter, client: client as typeof prisma };
}

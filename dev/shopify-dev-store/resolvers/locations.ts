/** locations(first, includeInactive): the shop's locations, inactive ones only on request. */
import { paginate } from "../connection";
import { connectionArgs, type ResolverMap } from "./common";

export const locationResolvers: ResolverMap = {
  QueryRoot: {
    locations: (_root, args, ctx) => {
      const locations = args.includeInactive === true ? ctx.store.state.locations : ctx.store.state.locations.filter((l) => l.isActive);
      return paginate(args.reverse === true ? [...locations].reverse() : locations, connectionArgs(args));
    },
  },
};

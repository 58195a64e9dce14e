/**
 * deliveryProfiles(first, merchantOwnedOnly): the shop's shipping profiles, with their location
 * groups' zones (a connection) and each zone's rates (a connection; `eligible`/`type` filters
 * are not modelled: every seeded rate is a merchant rate).
 */
import { paginate } from "../connection";
import type { DeliveryProfileRecord } from "../types";
import { connectionArgs, resolversFor, type ResolverMap } from "./common";

type LocationGroup = DeliveryProfileRecord["profileLocationGroups"][number];
type Zone = LocationGroup["locationGroupZones"][number];

export const deliveryProfileResolvers: ResolverMap = {
  QueryRoot: {
    deliveryProfiles: (_root, args, ctx) => {
      const profiles = ctx.store.state.deliveryProfiles;
      return paginate(args.reverse === true ? [...profiles].reverse() : profiles, connectionArgs(args));
    },
  },
  DeliveryProfileLocationGroup: resolversFor<LocationGroup>({
    locationGroupZones: (group, args) => paginate(group.locationGroupZones, connectionArgs(args)),
  }),
  DeliveryLocationGroupZone: resolversFor<Zone>({
    methodDefinitions: (zone, args) => paginate(zone.methodDefinitions, connectionArgs(args)),
  }),
};

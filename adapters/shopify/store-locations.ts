/** The shop's active Shopify locations with a street address (needs read_locations). */
import type { StoreLocation } from "../types";
import { runAdminQuery, type AdminGraphql } from "./admin-graphql";

export const STORE_LOCATIONS_QUERY = `#graphql
  query RassureStoreLocations {
    locations(first: 20, includeInactive: false) {
      nodes { id name isActive address { address1 address2 city zip countryCode } }
    }
  }
`;

interface StoreLocationsData {
  locations: {
    nodes: Array<{ id: string; name: string; isActive: boolean; address: { address1: string | null; address2: string | null; city: string | null; zip: string | null; countryCode: string | null } }>;
  };
}

export async function fetchShopifyStoreLocations(graphql: AdminGraphql): Promise<StoreLocation[]> {
  const { data } = await runAdminQuery<StoreLocationsData>(graphql, STORE_LOCATIONS_QUERY);
  return data.locations.nodes
    .filter((l) => l.isActive && l.address.address1 && l.address.city)
    .map((l) => ({ name: l.name, address1: l.address.address1!, address2: l.address.address2 || null, city: l.address.city!, zip: l.address.zip || null, countryCode: l.address.countryCode || null }));
}

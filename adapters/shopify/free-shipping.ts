/**
 * The free-shipping threshold of a Shopify shop, from its shipping profiles (needs read_shipping):
 * an active Shopify-priced rate at 0 whose only conditions are "order subtotal at least X" is
 * free shipping from X (none: always free). Rates under weight conditions or an upper price
 * bound are not an offer every order of that amount gets, and carrier-calculated rates
 * (DeliveryParticipant) have no price to read: neither counts.
 *
 * One query within Shopify's single-query cost limit (1000): 3 profiles × 6 zones × 8 rates.
 * Rates beyond those are not seen, which can only make the fact less generous (a promise left
 * without its amount, never an amount claimed).
 */
import { decimalToMinor, freeShippingFacts, UNREAD_SHIPPING_FACTS, type ShippingPromiseFacts } from "../shipping-promise-facts";
import { runAdminQuery, type AdminGraphql } from "./admin-graphql";

export const FREE_SHIPPING_QUERY = `#graphql
  query RassureFreeShipping {
    deliveryProfiles(first: 3) {
      nodes {
        profileLocationGroups {
          locationGroupZones(first: 6) {
            nodes {
              methodDefinitions(first: 8) {
                nodes {
                  active
                  rateProvider { ... on DeliveryRateDefinition { price { amount } } }
                  methodConditions { field operator conditionCriteria { __typename ... on MoneyV2 { amount } } }
                }
              }
            }
          }
        }
      }
    }
  }
`;

interface MethodDefinition {
  active: boolean;
  rateProvider: { price?: { amount: string } };
  methodConditions: Array<{ field: string; operator: string; conditionCriteria: { __typename: string; amount?: string } }>;
}

interface FreeShippingData {
  deliveryProfiles: { nodes: Array<{ profileLocationGroups: Array<{ locationGroupZones: { nodes: Array<{ methodDefinitions: { nodes: MethodDefinition[] } }> } }> }> };
}

/** The subtotal from which this rate ships free; null when it is not a free-shipping rate. */
export function freeShippingThreshold(method: MethodDefinition): number | null {
  const price = method.rateProvider.price ? decimalToMinor(method.rateProvider.price.amount) : null;
  if (!method.active || price !== 0) return null;
  let threshold = 0;
  for (const condition of method.methodConditions) {
    const minor = condition.conditionCriteria.amount !== undefined ? decimalToMinor(condition.conditionCriteria.amount) : null;
    if (condition.field !== "TOTAL_PRICE" || condition.operator !== "GREATER_THAN_OR_EQUAL_TO" || minor === null) return null;
    threshold = Math.max(threshold, minor);
  }
  return threshold;
}

export async function readShopifyShippingPromiseFacts(graphql: AdminGraphql): Promise<ShippingPromiseFacts> {
  let data: FreeShippingData;
  try {
    data = (await runAdminQuery<FreeShippingData>(graphql, FREE_SHIPPING_QUERY)).data;
  } catch {
    return UNREAD_SHIPPING_FACTS; // Shopify down, throttled, or read_shipping not granted yet
  }
  const methods = data.deliveryProfiles.nodes.flatMap((profile) => profile.profileLocationGroups.flatMap((group) => group.locationGroupZones.nodes.flatMap((zone) => zone.methodDefinitions.nodes)));
  return freeShippingFacts(methods.map(freeShippingThreshold).filter((threshold): threshold is number => threshold !== null));
}

/** @jsxImportSource preact */
/**
 * What the shopper sees in the delivery card: per parcel, the carrier, the number and a button
 * to the carrier's page. Polaris web components (s-*), so Shopify styles it like the card.
 */
// Types only: brings the target's Polaris web components (s-*) into Preact's JSX.
import type {} from "@shopify/ui-extensions/customer-account.order-status.fulfillment-details.render-after";
import type { ParcelTracking } from "./tracking";

export type Translate = (key: string, values?: Record<string, string>) => string;

export function FulfillmentTracking({ parcels, t }: { parcels: ParcelTracking[]; t: Translate }) {
  if (parcels.length === 0) return null;
  return (
    <s-stack direction="block" gap="base">
      <s-heading>{t("heading")}</s-heading>
      {parcels.map((parcel) => {
        const carrier = parcel.carrier ?? t("unknownCarrier");
        return (
          <s-stack key={parcel.number} direction="block" gap="small-200">
            {parcel.carrier && <s-text>{t("carrier", { carrier: parcel.carrier })}</s-text>}
            <s-text>{t("number", { number: parcel.number })}</s-text>
            {parcel.url ? (
              <s-button href={parcel.url} target="_blank" variant="primary" accessibilityLabel={`${t("track", { carrier })} (${parcel.number})`}>
                {t("track", { carrier })}
              </s-button>
            ) : (
              <s-text color="subdued">{t("noLink")}</s-text>
            )}
          </s-stack>
        );
      })}
    </s-stack>
  );
}

/** The WooCommerce store address (Settings → General), the shop's one physical address. */
import type { StoreLocation } from "../types";
import { fetchSettings, fetchSiteIndex, settingText } from "./resources";
import type { WooReader } from "./rest-client";

export async function fetchWooStoreLocation(reader: WooReader): Promise<StoreLocation[]> {
  const [general, index] = await Promise.all([fetchSettings(reader, "general"), fetchSiteIndex(reader)]);
  const address1 = settingText(general, "woocommerce_store_address");
  const city = settingText(general, "woocommerce_store_city");
  if (!address1 || !city) return [];
  return [
    {
      name: index.name || "",
      address1,
      address2: settingText(general, "woocommerce_store_address_2") || null,
      city,
      zip: settingText(general, "woocommerce_store_postcode") || null,
      countryCode: settingText(general, "woocommerce_default_country")?.split(":")[0] || null,
    },
  ];
}

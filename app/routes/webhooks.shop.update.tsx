import { onShopUpdate } from "../checklist/background.server";
import { shopifyWebhookAction } from "../webhooks/shopify-route.server";

export const action = shopifyWebhookAction("SHOP_UPDATE", onShopUpdate);

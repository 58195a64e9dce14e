import { onShopRedact } from "../webhooks/shopify-handlers.server";
import { shopifyWebhookAction } from "../webhooks/shopify-route.server";

export const action = shopifyWebhookAction("SHOP_REDACT", onShopRedact, { undoesInstall: true });

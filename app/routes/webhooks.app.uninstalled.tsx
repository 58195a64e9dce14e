import { onAppUninstalled } from "../webhooks/shopify-handlers.server";
import { shopifyWebhookAction } from "../webhooks/shopify-route.server";

export const action = shopifyWebhookAction("APP_UNINSTALLED", onAppUninstalled, { undoesInstall: true });

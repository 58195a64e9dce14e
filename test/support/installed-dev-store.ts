/** The Shopify dev store with the app installed, for tests that act as the app on a real session. */
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { ShopifyAdapter } from "../../adapters/shopify";
import prisma from "../../app/db.server";
import { authenticate } from "../../app/shopify.server";
import { startTestDevStore } from "./dev-store";

/** The dev store with the app installed through the real `authenticate.admin`, its adapter and the shop's row id. */
export async function startInstalledDevStore(path = "/app") {
  const store = await startTestDevStore();
  setAbstractFetchFunc(store.fetch);
  const { admin, session } = await authenticate.admin(new Request(store.embeddedAppUrl(path)));
  const shopId = (await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "shopify", domain: session.shop } } })).id;
  return { store, adapter: new ShopifyAdapter(admin.graphql), shopId };
}

/**
 * Background work, wired in one place: every job kind's handler is registered on the process's
 * one queue, with the platform clients it needs outside a merchant's request (a Shopify shop's
 * offline Admin API token, a WooCommerce shop's sealed REST keys). The composition root
 * (app/shopify.server.ts, which owns Shopify's clients) calls `wireBackgroundWork` once.
 * Features export their handlers' registration and never import the root back, so imports run
 * one way: root → features → adapters.
 */
import { ShopifyAdapter, type AdminGraphql } from "../adapters/shopify";
import type { Platform, PlatformAdapter } from "../adapters/types";
import { registerAlertJobs } from "./alerts/delivery.server";
import { registerChecklistJobs } from "./checklist/background.server";
import { budgetedAdminGraphql } from "./limits/shopify-budget.server";
import { jobQueue } from "./jobs/runtime.server";
import { registerReviewsAggregateJobs } from "./reviews/aggregate-job.server";
import { registerTrackingJobs } from "./tracking/jobs.server";
import { wooAdapterForShop } from "./woocommerce/credentials.server";

/** A shop's Admin API client from its stored offline session (Shopify's `unauthenticated.admin`). */
export type ShopifyOfflineAdmin = (shopDomain: string) => Promise<AdminGraphql>;

export function wireBackgroundWork(shopifyAdmin: ShopifyOfflineAdmin): void {
  // Every process's jobs draw on one shared budget of the shop's Shopify API points.
  const shopifyAdapter = async (shopDomain: string) => new ShopifyAdapter(budgetedAdminGraphql(shopDomain, await shopifyAdmin(shopDomain)));
  const adapterFor = (platform: Platform, shopDomain: string): Promise<PlatformAdapter> =>
    platform === "shopify" ? shopifyAdapter(shopDomain) : wooAdapterForShop(shopDomain);
  registerChecklistJobs(jobQueue, shopifyAdapter);
  registerTrackingJobs(jobQueue, adapterFor);
  registerAlertJobs(jobQueue, adapterFor);
  registerReviewsAggregateJobs(jobQueue, shopifyAdapter);
}

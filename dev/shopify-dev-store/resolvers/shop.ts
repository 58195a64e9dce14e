/**
 * The shop, its policies and online store settings; the app, its
 * installation on the shop and the access scopes it was granted.
 */
import { paginate } from "../connection";
import type { DevStoreContext } from "../context";
import type { AppInstallationState, ShopAddressRecord, ShopRecord } from "../types";
import { adminAppUrl } from "../urls";
import { optString, resolversFor, type ResolverMap } from "./common";
import { ownerMetafieldResolvers } from "./metafields";

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  read_legal_policies: "Read legal policies",
  write_legal_policies: "Modify legal policies",
  read_orders: "Read orders, transactions, and fulfillments",
  write_merchant_managed_fulfillment_orders: "Modify fulfillment orders assigned to merchant-managed locations",
  write_third_party_fulfillment_orders: "Modify fulfillment orders assigned to a location managed by any fulfillment service",
  read_themes: "Read themes",
};

function describeScope(handle: string): string {
  return (
    SCOPE_DESCRIPTIONS[handle] ??
    handle.replace(/^(read|write)_/, (_m, verb: string) => (verb === "read" ? "Read " : "Modify ")).replace(/_/g, " ")
  );
}

export function appRecord(store: DevStoreContext) {
  const installation = store.state.appInstallation;
  const scopes = store.app.scopes.map((handle) => ({ handle, description: describeScope(handle) }));
  return {
    id: installation.appId,
    title: store.app.title,
    handle: store.app.handle,
    apiKey: store.app.apiKey,
    embedded: true,
    description: null,
    developerName: store.app.title,
    developerType: "PARTNER",
    developerUrl: store.app.appUrl,
    published: false,
    previouslyInstalled: installation.uninstalledAt !== null,
    pricingDetails: null,
    pricingDetailsSummary: "",
    uninstallMessage: "",
    webhookApiVersion: store.apiVersion,
    features: [],
    failedRequirements: [],
    isPostPurchaseAppInUse: false,
    shopifyDeveloped: false,
    requestedAccessScopes: scopes,
    availableAccessScopes: scopes,
    optionalAccessScopes: [],
    appStoreAppUrl: null,
    appStoreDeveloperUrl: null,
    installUrl: null,
    privacyPolicyUrl: null,
    launchUrl: adminAppUrl(store, "/app"),
    uninstallUrl: null,
    navigationItems: [],
    installation: installation.installed ? installation : null,
  };
}

function formattedAddress(address: ShopAddressRecord, withCompany: boolean): string[] {
  const lines = [
    withCompany ? address.company : null,
    address.address1,
    address.address2,
    [address.zip, address.city].filter(Boolean).join(" ") || null,
    address.province,
    address.country,
  ];
  return lines.filter((line): line is string => Boolean(line));
}

export const shopResolvers: ResolverMap = {
  QueryRoot: {
    shop: (_root, _args, ctx) => ctx.store.state.shop,
    onlineStore: (_root, _args, ctx) => ctx.store.state.onlineStore,
    currentAppInstallation: (_root, _args, ctx) => ctx.store.state.appInstallation,
    appInstallation: (_root, args, ctx) => {
      const installation = ctx.store.state.appInstallation;
      const id = optString(args.id);
      return id === null || id === installation.id ? installation : null;
    },
    app: (_root, args, ctx) => {
      const id = optString(args.id);
      return id === null || id === ctx.store.state.appInstallation.appId ? appRecord(ctx.store) : null;
    },
  },
  Shop: resolversFor<ShopRecord>({
    url: (shop) => shop.primaryDomain.url,
    shopPolicies: (_shop, _args, ctx) => ctx.store.state.policies,
    ...ownerMetafieldResolvers(),
  }),
  ShopAddress: resolversFor<ShopAddressRecord>({
    formatted: (address, args) => formattedAddress(address, args.withCompany !== false),
    formattedArea: (address) => [address.city, address.province, address.country].filter(Boolean).join(", ") || null,
    countryCode: (address) => address.countryCodeV2,
    firstName: () => null,
    lastName: () => null,
    name: (address) => address.company,
  }),
  ShopPolicy: {
    translations: () => [],
  },
  AppInstallation: resolversFor<AppInstallationState>({
    accessScopes: (installation) =>
      installation.grantedScopes.map((handle) => ({ handle, description: describeScope(handle) })),
    app: (_installation, _args, ctx) => appRecord(ctx.store),
    launchUrl: (_installation, _args, ctx) => adminAppUrl(ctx.store, "/app"),
    uninstallUrl: () => null,
    activeSubscriptions: () => [],
    subscriptions: () => [],
    allSubscriptions: (_i, args) => paginate([], { first: args.first as number, last: args.last as number }),
    oneTimePurchases: (_i, args) => paginate([], { first: args.first as number, last: args.last as number }),
    credits: (_i, args) => paginate([], { first: args.first as number, last: args.last as number }),
    revenueAttributionRecords: (_i, args) => paginate([], { first: args.first as number, last: args.last as number }),
    channel: () => null,
    publication: () => null,
    ...ownerMetafieldResolvers(),
  }),
};

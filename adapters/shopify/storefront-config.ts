/**
 * Publishes the storefront blocks configuration where the theme app extension reads it:
 * app-data metafields on the app installation (`app.metafields.rassure.*` in Liquid).
 * Both metafields go in one metafieldsSet call, which Shopify applies all-or-nothing.
 */
import type { StorefrontPublication } from "../types";
import { runAdminQuery, ShopifyGraphqlError, type AdminGraphql } from "./admin-graphql";

/** Namespace and keys the Liquid blocks read (extensions/rassure-theme). */
export const STOREFRONT_METAFIELD_NAMESPACE = "rassure";
export const STOREFRONT_CONFIG_KEY = "config";
export const STOREFRONT_GATE_KEY = "enabled";

const APP_INSTALLATION_ID_QUERY = `#graphql
  query RassureAppInstallationId {
    currentAppInstallation { id }
  }
`;

const SET_APP_DATA_METAFIELDS_MUTATION = `#graphql
  mutation RassureSetAppDataMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { key updatedAt }
      userErrors { field message code }
    }
  }
`;

interface SetResult {
  metafieldsSet: {
    metafields: Array<{ key: string; updatedAt: string }> | null;
    userErrors: Array<{ field: string[] | null; message: string; code: string | null }>;
  };
}

/** One app-data metafield in Rassure's namespace on the app installation. */
export interface AppDataMetafield {
  key: string;
  type: "json" | "boolean";
  value: string;
}

/**
 * Sets app-data metafields on the app installation in one all-or-nothing metafieldsSet call
 * (no scope needed: the app owns its installation). `what` names the value in the error.
 */
export async function setAppDataMetafields(graphql: AdminGraphql, entries: AppDataMetafield[], what: string): Promise<void> {
  const { data } = await runAdminQuery<{ currentAppInstallation: { id: string } }>(graphql, APP_INSTALLATION_ID_QUERY);
  const ownerId = data.currentAppInstallation.id;
  const metafields = entries.map((entry) => ({ ownerId, namespace: STOREFRONT_METAFIELD_NAMESPACE, ...entry }));
  const { data: result } = await runAdminQuery<SetResult>(graphql, SET_APP_DATA_METAFIELDS_MUTATION, { metafields });
  const errors = result.metafieldsSet.userErrors;
  if (errors.length > 0) {
    // A userError means Shopify refused the value itself: retrying the same payload cannot help.
    throw new ShopifyGraphqlError(
      `Shopify refused ${what}: ${errors.map((e) => `${(e.field ?? []).join(".")} ${e.message}`.trim()).join("; ")}`,
      errors.map((e) => ({ message: e.message, extensions: { code: e.code ?? "USER_ERROR" } })),
    );
  }
}

export async function publishShopifyStorefrontConfig(graphql: AdminGraphql, publication: StorefrontPublication): Promise<void> {
  await setAppDataMetafields(
    graphql,
    [
      { key: STOREFRONT_CONFIG_KEY, type: "json", value: JSON.stringify(publication.config) },
      { key: STOREFRONT_GATE_KEY, type: "boolean", value: String(publication.enabled) },
    ],
    "the storefront configuration",
  );
}

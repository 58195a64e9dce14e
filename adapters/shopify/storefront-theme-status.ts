/**
 * Is Rassure live on the published theme? App embeds are recorded in the MAIN theme's
 * config/settings_data.json (`blocks` entries whose type is
 * `shopify://apps/<app>/blocks/<handle>/<uuid>`, with `disabled`), and app blocks placed on the
 * product page in templates/product.json. Read through the themes API (`read_themes`).
 */
import type { ThemeEmbedStatus } from "../types";
import { runAdminQuery, type AdminGraphql } from "./admin-graphql";

export const MAIN_THEME_FILES_QUERY = `#graphql
  query RassureMainThemeFiles($filenames: [String!]!) {
    themes(first: 1, roles: [MAIN]) {
      nodes {
        id
        name
        files(filenames: $filenames, first: 2) {
          nodes {
            filename
            body {
              ... on OnlineStoreThemeFileBodyText { content }
            }
          }
        }
      }
    }
  }
`;

const SETTINGS_DATA = "config/settings_data.json";
const PRODUCT_TEMPLATE = "templates/product.json";

interface ThemeFilesData {
  themes: {
    nodes: Array<{
      id: string;
      name: string;
      files: { nodes: Array<{ filename: string; body: { content?: string } }> } | null;
    }>;
  };
}

/** Shopify writes a /* … *\/ banner above the JSON of theme config files. */
export function parseThemeJson(text: string): unknown {
  const withoutBanner = text.replace(/^\uFEFF?\s*\/\*[\s\S]*?\*\/\s*/, "");
  try {
    return JSON.parse(withoutBanner) as unknown;
  } catch {
    return null;
  }
}

type BlockEntry = { type?: unknown; disabled?: unknown };

function appBlockHandle(type: unknown): string | null {
  if (typeof type !== "string") return null;
  return /^shopify:\/\/apps\/[^/]+\/blocks\/([^/]+)\//.exec(type)?.[1] ?? null;
}

function blocksOf(value: unknown): BlockEntry[] {
  if (!value || typeof value !== "object") return [];
  return Object.values(value as Record<string, unknown>).filter((b): b is BlockEntry => !!b && typeof b === "object");
}

/** Handles of app embeds that are enabled in settings_data.json. */
export function activeEmbedHandles(settingsData: unknown): string[] {
  const current = (settingsData as { current?: unknown } | null)?.current;
  // `current` is a preset name (string) on themes that never saved settings: no embed then.
  const blocks = current && typeof current === "object" ? (current as { blocks?: unknown }).blocks : undefined;
  return blocksOf(blocks)
    .filter((b) => b.disabled !== true)
    .map((b) => appBlockHandle(b.type))
    .filter((h): h is string => h !== null);
}

/** Handles of app blocks placed in any section of a JSON template. */
export function appBlockHandlesInTemplate(template: unknown): string[] {
  const sections = (template as { sections?: unknown } | null)?.sections;
  return blocksOf(sections)
    .flatMap((section) => blocksOf((section as { blocks?: unknown }).blocks))
    .filter((b) => b.disabled !== true)
    .map((b) => appBlockHandle(b.type))
    .filter((h): h is string => h !== null);
}

export async function fetchShopifyThemeEmbedStatus(graphql: AdminGraphql, embedHandle: string): Promise<ThemeEmbedStatus | null> {
  const { data } = await runAdminQuery<ThemeFilesData>(graphql, MAIN_THEME_FILES_QUERY, { filenames: [SETTINGS_DATA, PRODUCT_TEMPLATE] });
  const theme = data.themes.nodes[0];
  if (!theme) return null;
  const content = (name: string) => theme.files?.nodes.find((f) => f.filename === name)?.body.content ?? null;
  const settings = content(SETTINGS_DATA);
  const product = content(PRODUCT_TEMPLATE);
  return {
    themeId: theme.id,
    themeName: theme.name,
    embedActive: settings !== null && activeEmbedHandles(parseThemeJson(settings)).includes(embedHandle),
    blocksOnProductPage: product === null ? [] : [...new Set(appBlockHandlesInTemplate(parseThemeJson(product)))],
  };
}

/**
 * Reads the published (MAIN) theme's JSON files from the dev store's themes state, as
 * Shopify's renderer does: JSON templates (`templates/<name>.json`: sections in `order`, each
 * with blocks in `block_order`) and the app embeds of `config/settings_data.json`
 * (`current.blocks`). Junk and missing files read as "nothing there", never as an error.
 */
import { parseThemeJson } from "../../../adapters/shopify/storefront-theme-status";
import type { DevStoreState, ThemeRecord } from "../types";

export interface ThemeBlock {
  id: string;
  type: string;
  settings: Record<string, unknown>;
}

export interface ThemeSection {
  id: string;
  type: string;
  settings: Record<string, unknown>;
  blocks: ThemeBlock[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => !!value && typeof value === "object" && !Array.isArray(value);

export function mainTheme(state: DevStoreState): ThemeRecord | undefined {
  return state.themes.find((theme) => theme.role === "MAIN");
}

function themeJson(state: DevStoreState, filename: string): Json | null {
  const file = mainTheme(state)?.files.find((f) => f.filename === filename);
  const parsed = file ? parseThemeJson(file.content) : null;
  return isObject(parsed) ? parsed : null;
}

/** Entries of `record` in `order` (unknown ids skipped), then the rest; disabled ones left out. */
function ordered(record: unknown, order: unknown): Array<[string, Json]> {
  if (!isObject(record)) return [];
  const ids = Array.isArray(order) ? order.filter((id): id is string => typeof id === "string" && id in record) : [];
  const all = [...ids, ...Object.keys(record).filter((id) => !ids.includes(id))];
  return all.flatMap((id) => {
    const entry = record[id];
    return isObject(entry) && typeof entry.type === "string" && entry.disabled !== true ? [[id, entry] as [string, Json]] : [];
  });
}

const settingsOf = (entry: Json): Record<string, unknown> => (isObject(entry.settings) ? entry.settings : {});

/** The sections of `templates/<name>.json`, or null when the theme has no such template. */
export function readTemplate(state: DevStoreState, name: string): ThemeSection[] | null {
  const template = themeJson(state, `templates/${name}.json`);
  if (!template) return null;
  return ordered(template.sections, template.order).map(([id, section]) => ({
    id,
    type: section.type as string,
    settings: settingsOf(section),
    blocks: ordered(section.blocks, section.block_order).map(([blockId, block]) => ({ id: blockId, type: block.type as string, settings: settingsOf(block) })),
  }));
}

/** App embeds switched on in the theme editor (settings_data.json `current.blocks`). */
export function enabledEmbeds(state: DevStoreState): ThemeBlock[] {
  const current = themeJson(state, "config/settings_data.json")?.current;
  // `current` is a preset name on a theme that never saved settings: no embeds then.
  if (!isObject(current)) return [];
  return ordered(current.blocks, null).map(([id, block]) => ({ id, type: block.type as string, settings: settingsOf(block) }));
}

/** The plugin's stylesheet and strings come from the theme extension by a script, never by hand. */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXTENSION_DIR, PLUGIN_DIR, SHARED_FILES, stalePluginFiles, writePluginFiles } from "../scripts/sync-plugin-assets.mjs";

describe("the plugin's copies of the storefront files", () => {
  it("are found stale when the extension changes, and written again from it", () => {
    const work = mkdtempSync(path.join(tmpdir(), "rassure-plugin-assets-"));
    const extension = path.join(work, "extension");
    const plugin = path.join(work, "plugin");
    cpSync(EXTENSION_DIR, extension, { recursive: true });
    cpSync(PLUGIN_DIR, plugin, { recursive: true });
    expect(stalePluginFiles(extension, plugin)).toEqual([]);

    writeFileSync(path.join(extension, "assets/rassure.css"), ".rassure{color:red}\n");
    writeFileSync(path.join(extension, "locales/fr.json"), '{"changed":true}\n');
    expect(stalePluginFiles(extension, plugin)).toEqual(["assets/rassure.css", "locales/fr.json"]);

    writePluginFiles(extension, plugin);
    expect(stalePluginFiles(extension, plugin)).toEqual([]);
    expect(SHARED_FILES).toEqual(["assets/rassure.css", "locales/en.default.json", "locales/fr.json"]);
  });
});

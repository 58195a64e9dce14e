/**
 * Online store themes and their files: themes(roles, names, ...), theme(id),
 * OnlineStoreTheme.files(filenames, ...) with "*" wildcards, NOT_FOUND read
 * results for missing files, and text bodies.
 */
import { createHash } from "node:crypto";
import { paginate } from "../connection";
import type { ThemeFileRecord, ThemeRecord } from "../types";
import { connectionArgs, optStringList, resolversFor, type ResolverMap } from "./common";

function filenameMatcher(pattern: string): (filename: string) => boolean {
  if (!pattern.includes("*")) return (filename) => filename === pattern;
  const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return (filename) => regex.test(filename);
}

export const themeResolvers: ResolverMap = {
  QueryRoot: {
    themes: (_root, args, ctx) => {
      let themes = ctx.store.state.themes;
      const roles = optStringList(args.roles);
      if (roles) themes = themes.filter((theme) => roles.includes(theme.role));
      const names = optStringList(args.names);
      if (names) {
        const matchers = names.map(filenameMatcher);
        themes = themes.filter((theme) => matchers.some((match) => match(theme.name)));
      }
      if (args.reverse === true) themes = [...themes].reverse();
      return paginate(themes, connectionArgs(args));
    },
    theme: (_root, args, ctx) => ctx.store.state.themes.find((theme) => theme.id === args.id) ?? null,
  },
  OnlineStoreTheme: resolversFor<ThemeRecord>({
    files: (theme, args) => {
      const filenames = optStringList(args.filenames);
      let files = theme.files;
      const userErrors: Array<{ filename: string; code: string }> = [];
      if (filenames) {
        const matchers = filenames.map((name) => ({ name, match: filenameMatcher(name) }));
        files = files.filter((file) => matchers.some(({ match }) => match(file.filename)));
        for (const { name, match } of matchers) {
          if (!name.includes("*") && !theme.files.some((file) => match(file.filename))) {
            userErrors.push({ filename: name, code: "NOT_FOUND" });
          }
        }
      }
      return { ...paginate(files, connectionArgs(args)), userErrors };
    },
    translations: () => [],
  }),
  OnlineStoreThemeFile: resolversFor<ThemeFileRecord>({
    body: (file) => ({ __typename: "OnlineStoreThemeFileBodyText", content: file.content }),
    size: (file) => String(Buffer.byteLength(file.content)),
    checksumMd5: (file) => createHash("md5").update(file.content).digest("hex"),
  }),
};

/** The setup guide's steps and what the page receives about them (shared by the loader and the component). */
export const SETUP_GUIDE_INTENT = "setup-guide";

export const SETUP_STEPS = ["embed", "blocks", "scan", "tracking"] as const;
export type SetupStepId = (typeof SETUP_STEPS)[number];

export interface SetupGuide {
  hidden: boolean;
  done: Record<SetupStepId, boolean>;
  /**
   * Whether Shopify answered the theme read: when it did not, the embed and blocks steps are
   * "not checked" (they are not ticked, and the page does not say they are undone either).
   */
  themeRead: boolean;
  /** The published theme's name when Shopify told it (the embed and blocks steps read it). */
  themeName: string | null;
  blocksOnProductPage: number;
  /** When the latest finished scan was evaluated (ISO), null before the first one. */
  scannedAt: string | null;
  embedUrl: string;
  addBlockUrl: string;
}


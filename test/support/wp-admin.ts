/** The wp-admin side of the offline demo: the companion plugin's "Rassure" page and the app's frame inside it. */
import type { Frame } from "playwright-core";
import type { DemoAdmin } from "./demo-admin";

/** The wp-admin URL the demo printed for its WooCommerce store. */
export function wpAdminUrl(admin: DemoAdmin): string {
  const match = /WordPress admin[^\n]*\n\s+(http:\/\/127\.0\.0\.1:\d+\/wp-admin\/\S+)/.exec(admin.demo.output());
  if (!match) throw new Error(`the demo printed no WordPress admin URL:\n${admin.demo.output()}`);
  return match[1];
}

/** The app as the plugin's page frames it. */
export async function rassureFrame(admin: DemoAdmin): Promise<Frame> {
  const handle = await admin.page.waitForSelector('iframe[title="Rassure"]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the wp-admin page has no Rassure frame");
  return frame;
}

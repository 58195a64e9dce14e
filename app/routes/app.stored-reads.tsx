/**
 * Answers once the platform reads an admin page started in the background are over (or after a
 * bounded wait), so the page revalidates with what they found: GET ?kinds=a,b&since=<ISO>.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { waitForStoredReads } from "../platform-reads/stored-reads.server";
import { authenticate } from "../shopify.server";

const MAX_KINDS = 8;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const kinds = (url.searchParams.get("kinds") ?? "").split(",").filter((kind) => /^[a-z-]{1,40}$/.test(kind)).slice(0, MAX_KINDS);
  const since = url.searchParams.get("since") ?? "";
  if (kinds.length === 0 || Number.isNaN(Date.parse(since))) throw new Response("Expected kinds and since.", { status: 400 });
  return { settled: await waitForStoredReads({ platform: "shopify", shopDomain: session.shop }, { kinds, since }) };
};

/**
 * POST /woocommerce/callback — WooCommerce's /wc-auth flow delivers the new key pair here.
 * Exactly 200 keeps the key; anything else makes WooCommerce delete it (wanted for a forged
 * or expired state).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWooKeys, verifyWooKeysSoon } from "../woocommerce/connect.server";

export const loader = () => new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });

export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return loader();
  const outcome = await receiveWooKeys(request);
  if (outcome.domain) verifyWooKeysSoon(outcome.domain);
  return new Response(outcome.message, { status: outcome.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
};

/** POST /woocommerce/webhooks?shop=<store> — signed WooCommerce webhook deliveries (and the creation ping). */
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWooWebhook } from "../woocommerce/webhooks.server";

export const loader = () => new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });

export const action = ({ request }: ActionFunctionArgs) => handleWooWebhook(request);

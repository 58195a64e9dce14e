import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NotBuiltPage } from "../components/NotBuiltPage";
import type { MessageKey } from "../i18n";
import { authenticate } from "../shopify.server";

// Navigation entries whose feature has not shipped yet. When a feature ships it gets its
// own route file (e.g. app.checklist.tsx), which Remix prefers over this one.
const UPCOMING: Partial<Record<string, MessageKey>> = {};

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const titleKey = Object.hasOwn(UPCOMING, params.feature ?? "") ? UPCOMING[params.feature ?? ""] : undefined;
  if (!titleKey) throw new Response("Not found", { status: 404 });
  return { titleKey };
};

export default function UpcomingFeature() {
  const { titleKey } = useLoaderData<typeof loader>();
  return <NotBuiltPage titleKey={titleKey} />;
}

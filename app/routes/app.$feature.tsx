import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NotBuiltPage } from "../components/NotBuiltPage";
import { authenticate } from "../shopify.server";

// Navigation entries whose feature has not shipped yet. When a feature ships it gets its
// own route file (e.g. app.checklist.tsx), which Remix prefers over this one.
const UPCOMING = { checklist: "checklist.title" } as const;

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const feature = params.feature as keyof typeof UPCOMING;
  if (!Object.hasOwn(UPCOMING, feature)) throw new Response("Not found", { status: 404 });
  return { titleKey: UPCOMING[feature] };
};

export default function UpcomingFeature() {
  const { titleKey } = useLoaderData<typeof loader>();
  return <NotBuiltPage titleKey={titleKey} />;
}

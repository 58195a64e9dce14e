import type { LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData } from "@remix-run/react";
import { negotiateLocale } from "./i18n";

export const loader = ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  return { lang: negotiateLocale({ adminLocale: url.searchParams.get("locale"), acceptLanguage: request.headers.get("accept-language") }) };
};

export default function App() {
  const { lang } = useLoaderData<typeof loader>();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

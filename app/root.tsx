import type { LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError } from "@remix-run/react";
import { negotiateLocale, translator } from "./i18n";

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

/**
 * Shown when no route serves the path (404) or a page outside the embedded admin failed. Remix's
 * default boundary would print the error and its stack to the console on every missing favicon;
 * the request was already logged once, at the right level, by handleError (entry.server.tsx).
 * The visitor's language is unknown here (no loader ran): both languages are shown.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = status === 404 ? "errorPage.notFound" : "errorPage.failed";
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{`Rassure – ${status}`}</title>
        <Links />
      </head>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main>
          <h1>{status}</h1>
          <p>{translator("en")(message)}</p>
          <p lang="fr">{translator("fr")(message)}</p>
        </main>
        <Scripts />
      </body>
    </html>
  );
}

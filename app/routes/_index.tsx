import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { negotiateLocale, translator } from "../i18n";

// Outside the Shopify admin: a Shopify request carries ?shop=… and goes to the app; anyone
// else gets a short page that says what Rassure is and where to open it.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return { locale: negotiateLocale({ acceptLanguage: request.headers.get("accept-language") }) };
};

export default function Landing() {
  const { locale } = useLoaderData<typeof loader>();
  const t = translator(locale);
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "4rem auto", padding: "0 1rem", lineHeight: 1.5, color: "#303030" }}>
      <h1>Rassure</h1>
      <p>{t("landing.pitch")}</p>
      <p>{t("landing.open")}</p>
      <p>
        <a href="/auth/login">{t("landing.login")}</a>
      </p>
    </main>
  );
}

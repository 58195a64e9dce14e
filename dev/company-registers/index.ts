/**
 * Local stand-in for the two public registers Rassure asks (development and tests only; the
 * demo points RASSURE_COMPANY_DIRECTORY_URL and RASSURE_VIES_URL here):
 * - France's company directory, GET /search?q=…: the answer shape of
 *   recherche-entreprises.api.gouv.fr (`results[]` with `siren`, `nom_complet`,
 *   `nom_raison_sociale`, `sigle`, `etat_administratif` "A"/"C", `siege.siret`, `siege.adresse`;
 *   `total_results`, `page`, `per_page`, `total_pages`);
 * - VIES, POST /check-vat-number {countryCode, vatNumber}: `valid`, `name`, `address`
 *   ("---" when the member state does not disclose them), `requestDate`; a member state that is
 *   down answers `{actionSucceed: false, errorWrappers: [{error: "MS_UNAVAILABLE"}]}`.
 * Its companies are fictitious; the shapes are the services' documented ones.
 */
import { startHttpServer, type RunningServer } from "../shopify-dev-store/http-server";

export interface RegisteredCompany {
  siren: string;
  name: string;
  acronym?: string;
  active: boolean;
  headOfficeSiret: string;
  address: string;
  /** VAT number VIES confirms, if any. */
  vat?: string;
}

export const DEMO_COMPANIES: RegisteredCompany[] = [
  { siren: "812345676", name: "ATELIER LUMIERE", active: true, headOfficeSiret: "81234567600017", address: "12 RUE DES CAPUCINS 69001 LYON", vat: "FR19812345676" },
  { siren: "904128733", name: "SAVONNERIE DU VIEUX-PORT", active: true, headOfficeSiret: "90412873300014", address: "4 QUAI DU PORT 13002 MARSEILLE", vat: "FR43904128733" },
  // A real-looking but closed company: the identity check must say "ceased", not "verified".
  { siren: "732829320", name: "BOUGIES D'ANTAN", active: false, headOfficeSiret: "73282932000074", address: "8 RUE MERCIERE 69002 LYON" },
];

export interface CompanyRegistersStandIn extends RunningServer {
  /** The next N requests answer 503 (directory) / MS_UNAVAILABLE (VIES). */
  failNext(n: number): void;
  requests: number;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8" } });

export async function startCompanyRegisters(options: { port?: number; host?: string; companies?: RegisteredCompany[] } = {}): Promise<CompanyRegistersStandIn> {
  const companies = options.companies ?? DEMO_COMPANIES;
  let failures = 0;
  let requests = 0;

  async function handle(request: Request): Promise<Response> {
    requests++;
    const url = new URL(request.url);
    const failing = failures > 0 && failures-- > 0;
    if (request.method === "GET" && url.pathname === "/search") {
      if (failing) return json(503, { erreur: "Service temporairement indisponible" });
      const q = (url.searchParams.get("q") ?? "").replace(/\s/g, "").toUpperCase();
      if (q.length < 3) return json(400, { erreur: "Veuillez indiquer au moins 3 caractères." });
      const perPage = Math.min(25, Number(url.searchParams.get("per_page") ?? 10) || 10);
      const found = companies.filter((c) => c.siren === q || c.headOfficeSiret === q || c.name.replace(/\s/g, "").includes(q));
      return json(200, {
        results: found.slice(0, perPage).map((c) => ({
          siren: c.siren,
          nom_complet: c.name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase()),
          nom_raison_sociale: c.name,
          sigle: c.acronym ?? null,
          etat_administratif: c.active ? "A" : "C",
          siege: { siret: c.headOfficeSiret, adresse: c.address, etat_administratif: c.active ? "A" : "F" },
        })),
        total_results: found.length,
        page: 1,
        per_page: perPage,
        total_pages: Math.max(1, Math.ceil(found.length / perPage)),
      });
    }
    if (request.method === "POST" && url.pathname.replace(/\/$/, "").endsWith("/check-vat-number")) {
      let body: { countryCode?: unknown; vatNumber?: unknown };
      try {
        body = (await request.json()) as typeof body;
      } catch {
        return json(400, { actionSucceed: false, errorWrappers: [{ error: "INVALID_INPUT" }] });
      }
      if (typeof body.countryCode !== "string" || typeof body.vatNumber !== "string") return json(400, { actionSucceed: false, errorWrappers: [{ error: "INVALID_INPUT" }] });
      if (failing) return json(200, { actionSucceed: false, errorWrappers: [{ error: "MS_UNAVAILABLE", message: "The member state service is unavailable" }] });
      const vat = `${body.countryCode}${body.vatNumber}`.toUpperCase();
      const company = companies.find((c) => c.vat === vat);
      return json(200, {
        countryCode: body.countryCode,
        vatNumber: body.vatNumber,
        requestDate: new Date().toISOString(),
        valid: Boolean(company),
        requestIdentifier: "",
        name: company?.name ?? "---",
        address: company?.address ?? "---",
        traderName: "---",
      });
    }
    return json(404, { erreur: "Not found" });
  }

  const server = await startHttpServer(handle, { port: options.port ?? 0, host: options.host ?? "127.0.0.1", onError: (error) => console.error("company registers stand-in:", error) });
  return {
    ...server,
    failNext: (n) => {
      failures += n;
    },
    get requests() {
      return requests;
    },
  };
}

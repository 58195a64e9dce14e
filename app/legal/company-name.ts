/**
 * Does the name a register gives match the name a legal notice shows? Registers write names
 * in capitals without the legal form ("ATELIER LUMIERE"), merchants with it ("Atelier Lumière
 * SAS"): compare words, accents, case, punctuation and legal forms aside.
 */
const LEGAL_FORMS = /\b(sas|sasu|sarl|eurl|sa|snc|sci|scop|ei|eirl|sca|selarl|gmbh|ltd|llc|bv|nv|srl|spa|sl)\b/g;

export function companyNameWords(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .replace(LEGAL_FORMS, " ")
    .split(" ")
    .filter(Boolean);
}

/** True when every word of the shorter name appears, in order, in the longer one. */
export function companyNamesMatch(a: string, b: string): boolean {
  const [short, long] = [companyNameWords(a), companyNameWords(b)].sort((x, y) => x.length - y.length);
  if (!short.length) return false;
  let at = 0;
  for (const word of long) if (word === short[at]) at++;
  return at === short.length;
}

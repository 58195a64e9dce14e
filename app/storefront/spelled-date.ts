/** A day written out for shoppers in each storefront language ("3 December 2026", "3 décembre 2026"). */
export function spelledDate(date: Date | string, timeZone = "UTC"): { en: string; fr: string } {
  const at = new Date(date);
  const format = (locale: string) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone }).format(at);
  return { en: format("en-GB"), fr: format("fr-FR") };
}

import type { storedReadsEn } from "./stored-reads.en";

/** Textes français des faits montrés d'après la dernière lecture de la plateforme par Rassure. */
export const storedReadsFr: Record<keyof typeof storedReadsEn, string> = {
  "storedReads.checkedJustNow": "Vérifié à l'instant",
  "storedReads.checkedMinutes": "Vérifié il y a {minutes} min",
  "storedReads.checkedHours": "Vérifié il y a {hours} h",
  "storedReads.checkedDays": "Vérifié il y a {days} j",
  "storedReads.notChecked": "Non vérifié",
  "storedReads.refreshFailed": "{platform} n'a pas pu être lu à l'instant",
  "storedReads.showingStored": "Cette page montre ce que Rassure a lu plus tôt ({age}). Elle relira à votre prochaine visite.",
  "storedReads.nothingStored": "Rassure n'a encore rien lu de votre boutique pour cette page. Rechargez la page pour réessayer.",
};

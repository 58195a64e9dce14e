import type { jobsEn } from "./jobs.en";

/** Textes français des tâches de fond (mêmes clés que jobs.en.ts). */
export const jobsFr: Record<keyof typeof jobsEn, string> = {
  "jobs.failures.title": "Certaines tâches de fond n'ont pas abouti",
  "jobs.failures.intro": "Rassure a réessayé plusieurs fois, en espaçant les essais, puis s'est arrêté. Le reste n'est pas bloqué.",
  "jobs.failures.item": "{label} : {count} en échec, la dernière le {date}",
  "jobs.failures.reason": "Dernière raison : {reason}",
  "jobs.failures.more": "Si cela se répète, vérifiez que Rassure a toujours accès à votre boutique, ou contactez l'assistance avec la raison ci-dessus.",
  "jobs.kind.tracking.check-fulfillment": "Vérifications des liens de suivi",
  "jobs.kind.checklist.scan": "Analyses de la checklist de confiance",
  "jobs.kind.other": "Autres tâches de fond",
};

import type { merchantUxEn } from "./merchant-ux.en";

/** Textes français de l'expérience commune de l'administration : modifications non enregistrées, aide, guide de configuration. */
export const merchantUxFr: Record<keyof typeof merchantUxEn, string> = {
  "unsaved.message": "Modifications non enregistrées",
  "unsaved.save": "Enregistrer",
  "unsaved.discard": "Ignorer",
  "help.question": "Besoin d'aide ?",
  "help.docs": "Consultez le centre d'aide Rassure",
  "help.contact": "Écrivez-nous à {email}",
  "phone.blockPicker": "Bloc",
  "feedback.scanFinished": "Analyse terminée",
  "feedback.scanFinishedScore": "Analyse terminée : {score}/100 ({grade})",
  "feedback.scanStopped": "L'analyse ne s'est pas terminée",
};

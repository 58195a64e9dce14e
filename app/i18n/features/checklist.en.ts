/** English texts of the checklist feature (keys start with "checklist."). */
export const checklistEn = {} as const;

/** English texts of the admin's shared merchant experience: unsaved changes, help, setup guide (keys "unsaved.", "help.", "setup."). */
export const merchantUxEn = {
  "unsaved.message": "Unsaved changes",
  "unsaved.save": "Save",
  "unsaved.discard": "Discard",
} as const;

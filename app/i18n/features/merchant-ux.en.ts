/** English texts of the admin's shared merchant experience: unsaved changes, help, setup guide (keys "unsaved.", "help.", "setup."). */
export const merchantUxEn = {
  "unsaved.message": "Unsaved changes",
  "unsaved.save": "Save",
  "unsaved.discard": "Discard",
  "help.question": "Need help?",
  "help.docs": "Read the Rassure help center",
  "help.contact": "Write to us at {email}",
  "phone.blockPicker": "Block",
  "feedback.scanFinished": "Scan finished",
  "feedback.scanFinishedScore": "Scan finished: {score}/100 ({grade})",
  "feedback.scanStopped": "The scan did not finish",
} as const;

/** English texts of facts shown from what Rassure read last from the platform (keys start with "storedReads."). */
export const storedReadsEn = {
  "storedReads.checkedJustNow": "Checked just now",
  "storedReads.checkedMinutes": "Checked {minutes} min ago",
  "storedReads.checkedHours": "Checked {hours} h ago",
  "storedReads.checkedDays": "Checked {days} d ago",
  "storedReads.notChecked": "Not checked",
  "storedReads.refreshFailed": "{platform} could not be read just now",
  "storedReads.showingStored": "This page shows what Rassure read earlier ({age}). It reads again on your next visit.",
  "storedReads.nothingStored": "Rassure has nothing read from your shop yet for this page. Reload the page to try again.",
};

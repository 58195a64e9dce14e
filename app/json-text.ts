/** JSON stored as text (scan reports, snapshots): the value, or null when absent or unreadable. */
export function parseJsonText<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

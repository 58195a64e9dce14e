/**
 * One toast per action, in the merchant's language. A toast belongs to the answer of an action
 * (the object Remix or a fetcher hands back), not to a render: the translator is a new function
 * on every render and changes language when the merchant has just chosen another one in
 * Settings, so an effect keyed on it showed the same toast again (once in English, once in
 * French). Here each answer is shown once, worded once the page has reloaded its data (so in
 * the language the merchant just chose).
 */
import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useToast } from "./toast";

export interface ToastMessage {
  message: string;
  isError?: boolean;
}

export function useActionToast<T>(answer: T | undefined, toastFor: (answer: T) => ToastMessage | null) {
  const shown = useRef<T | undefined>(undefined);
  const latest = useRef(toastFor);
  latest.current = toastFor;
  const showToast = useToast();
  const settled = useNavigation().state === "idle";
  useEffect(() => {
    if (!settled || answer === undefined || answer === shown.current) return;
    shown.current = answer;
    const toast = latest.current(answer);
    if (toast) showToast(toast.message, { isError: toast.isError });
  }, [answer, settled, showToast]);
}

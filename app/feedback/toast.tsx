/**
 * Where a page's toasts go. In the Shopify admin, App Bridge's `shopify.toast` (the admin draws
 * it); on the pages outside it (wp-admin), there is no App Bridge: StandaloneToasts draws them
 * itself, in a polite live region so screen readers hear them too. Components call `useToast()`
 * and do not care which.
 */
import { Box, Text } from "@shopify/polaris";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

export type ShowToast = (message: string, options?: { isError?: boolean }) => void;

const appBridgeToast: ShowToast = (message, options) => shopify.toast.show(message, options?.isError ? { isError: true } : undefined);

const ToastContext = createContext<ShowToast>(appBridgeToast);

export function useToast(): ShowToast {
  return useContext(ToastContext);
}

const TOAST_MS = 5_000;

interface Shown {
  id: number;
  message: string;
  isError: boolean;
}

/** Toasts for a page without App Bridge: bottom centre, a few seconds each. */
export function StandaloneToasts({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Shown[]>([]);
  const next = useRef(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  const show = useCallback<ShowToast>((message, options) => {
    const id = (next.current += 1);
    setShown((list) => [...list, { id, message, isError: options?.isError ?? false }]);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setShown((list) => list.filter((toast) => toast.id !== id));
    }, TOAST_MS);
    timers.current.add(timer);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div role="status" aria-live="polite" className="rassure-toasts" style={{ position: "fixed", insetInline: 0, bottom: 16, display: "flex", flexDirection: "column", alignItems: "center", gap: 8, pointerEvents: "none", zIndex: 520 }}>
        {shown.map((toast) => (
          <Box key={toast.id} background={toast.isError ? "bg-fill-critical" : "bg-fill-inverse"} paddingBlock="200" paddingInline="400" borderRadius="200">
            <Text as="p" tone="text-inverse">
              {toast.message}
            </Text>
          </Box>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

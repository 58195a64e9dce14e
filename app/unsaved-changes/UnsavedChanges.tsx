/**
 * Unsaved work is never lost silently. Every editing form renders one <UnsavedChanges>:
 * - in the Shopify admin, App Bridge's contextual save bar (the admin draws it, Save and Discard
 *   press the buttons below) while the form is dirty, and a leave guard: a navigation inside the
 *   app asks `shopify.saveBar.leaveConfirmation()` (the admin's own "leave page?" dialog; the
 *   admin's sidebar asks by itself while the bar shows);
 * - outside it (the wp-admin pages), every navigation loads a new document, so the browser's
 *   `beforeunload` prompt guards it, and the page shows its own "unsaved changes" bar.
 */
import { useBlocker, useNavigate, type Location } from "@remix-run/react";
import { SaveBar } from "@shopify/app-bridge-react";
import { Box, Button, InlineStack, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n";

interface Props {
  /** The form differs from what is saved. */
  dirty: boolean;
  saving?: boolean;
  onSave(): void;
  onDiscard(): void;
  /** Where the page lives: the embedded Shopify admin (App Bridge) or a standalone page (wp-admin). */
  host: "shopify-admin" | "standalone";
}

export function UnsavedChanges({ host, ...props }: Props) {
  return host === "shopify-admin" ? <ShopifySaveBar {...props} /> : <StandaloneSaveBar {...props} />;
}

/** App Bridge's id for the page's save bar: one editing form per page carries one. */
const SAVE_BAR_ID = "rassure-save-bar";

function ShopifySaveBar({ dirty, saving = false, onSave, onDiscard }: Omit<Props, "host">) {
  useInAppLeaveGuard(dirty);
  return (
    <SaveBar id={SAVE_BAR_ID} open={dirty}>
      {/* Shopify labels the bar's buttons itself; these carry the actions and their state. */}
      <button variant="primary" onClick={onSave} disabled={saving} {...(saving ? { loading: "" } : {})}></button>
      <button onClick={onDiscard} disabled={saving}></button>
    </SaveBar>
  );
}

/**
 * Navigations the app makes itself (links inside its pages) while dirty wait for the merchant's
 * answer in the admin's leave dialog. The blocked navigation is set aside and made again once
 * the merchant agreed, so a merchant who stays leaves no half-blocked navigation behind.
 */
function useInAppLeaveGuard(dirty: boolean) {
  const navigate = useNavigate();
  const allowed = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (allowed.current) {
      allowed.current = false;
      return false;
    }
    return dirty && !samePage(currentLocation, nextLocation);
  });

  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  useEffect(() => {
    if (blocker.state !== "blocked") return;
    const target = blocker.location;
    blocker.reset();
    void shopify.saveBar.leaveConfirmation().then(() => {
      if (!mounted.current) return; // the page went another way meanwhile
      allowed.current = true;
      navigate(`${target.pathname}${target.search}${target.hash}`);
    });
  }, [blocker, navigate]);
}

function samePage(a: Location, b: Location) {
  return a.pathname === b.pathname && a.search === b.search;
}

function StandaloneSaveBar({ dirty, saving = false, onSave, onDiscard }: Omit<Props, "host">) {
  const { t } = useI18n();
  useEffect(() => {
    if (!dirty) return;
    // Browsers show their own wording; the handler only has to ask for the prompt.
    const prompt = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", prompt);
    return () => window.removeEventListener("beforeunload", prompt);
  }, [dirty]);
  if (!dirty) return null;
  return (
    <div className="rassure-unsaved-bar" style={{ position: "sticky", top: 0, zIndex: 400 }}>
      <Box background="bg-surface-caution" borderColor="border-caution" borderWidth="025" padding="300" borderRadius="200" shadow="200">
        <InlineStack align="space-between" blockAlign="center" gap="200" wrap>
          <div role="status">
            <Text as="p" variant="headingSm">
              {t("unsaved.message")}
            </Text>
          </div>
          <InlineStack gap="200">
            <Button onClick={onDiscard} disabled={saving}>
              {t("unsaved.discard")}
            </Button>
            <Button variant="primary" onClick={onSave} loading={saving}>
              {t("unsaved.save")}
            </Button>
          </InlineStack>
        </InlineStack>
      </Box>
    </div>
  );
}

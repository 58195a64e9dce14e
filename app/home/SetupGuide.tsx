/**
 * Home's setup guide, after Polaris's setup-guide pattern: a card with the progress ("n of 4 tasks
 * complete"), the steps as an accordion (the first one left to do opens), each with a short
 * explanation and one primary action. Ticks come from the loader's stored facts
 * (setup-guide.server.ts). The merchant can hide the guide and show it again (posted to Home).
 */
import { Form, useNavigation } from "@remix-run/react";
import { BlockStack, Box, Button, Card, Collapsible, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { useId, useState } from "react";
import { formatDate, useI18n, type MessageKey } from "../i18n";
import { SETUP_GUIDE_INTENT, SETUP_STEPS, type SetupGuide as Guide, type SetupStepId } from "./setup-steps";

export function SetupGuide({ guide, timeZone }: { guide: Guide; timeZone: string | null }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const doneCount = SETUP_STEPS.filter((step) => guide.done[step]).length;
  const [expanded, setExpanded] = useState<SetupStepId | null>(SETUP_STEPS.find((step) => !guide.done[step]) ?? null);
  const [stepsOpen, setStepsOpen] = useState(true);
  const stepsId = useId();
  const toggling = navigation.state !== "idle" && navigation.formData?.get("intent") === SETUP_GUIDE_INTENT;

  if (guide.hidden) {
    return (
      <InlineStack align="end">
        <VisibilityButton hide={false} variant="plain" loading={toggling} label={t("setup.show")} />
      </InlineStack>
    );
  }

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h2" variant="headingMd" id={`${stepsId}-heading`}>
            {t("setup.title")}
          </Text>
          <InlineStack gap="100" blockAlign="center">
            <VisibilityButton hide variant="tertiary" loading={toggling} label={t("setup.dismiss")} />
            <Button
              variant="tertiary"
              disclosure={stepsOpen ? "up" : "down"}
              ariaExpanded={stepsOpen}
              ariaControls={stepsId}
              accessibilityLabel={stepsOpen ? t("setup.collapse") : t("setup.expand")}
              onClick={() => setStepsOpen(!stepsOpen)}
            />
          </InlineStack>
        </InlineStack>
        <Text as="p">{doneCount === SETUP_STEPS.length ? t("setup.complete") : t("setup.intro")}</Text>
        <InlineStack gap="300" blockAlign="center" wrap={false}>
          <Text as="span" variant="bodySm" tone="subdued">
            {t("setup.progress", { done: doneCount, total: SETUP_STEPS.length })}
          </Text>
          <div style={{ flex: 1 }}>
            <ProgressBar progress={Math.round((doneCount / SETUP_STEPS.length) * 100)} size="small" tone="primary" ariaLabelledBy={`${stepsId}-heading`} />
          </div>
        </InlineStack>
        <Collapsible id={stepsId} open={stepsOpen}>
          <BlockStack gap="100">
            {SETUP_STEPS.map((step) => (
              <SetupStep key={step} step={step} guide={guide} timeZone={timeZone} open={expanded === step} onToggle={() => setExpanded(expanded === step ? null : step)} />
            ))}
          </BlockStack>
        </Collapsible>
      </BlockStack>
    </Card>
  );
}

/** Hides the guide, or shows it again: posted to Home, which keeps the choice for the shop. */
function VisibilityButton({ hide, variant, loading, label }: { hide: boolean; variant: "plain" | "tertiary"; loading: boolean; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={SETUP_GUIDE_INTENT} />
      <input type="hidden" name="hidden" value={String(hide)} />
      <Button submit variant={variant} loading={loading}>
        {label}
      </Button>
    </Form>
  );
}

function SetupStep({ step, guide, timeZone, open, onToggle }: { step: SetupStepId; guide: Guide; timeZone: string | null; open: boolean; onToggle(): void }) {
  const { t, locale } = useI18n();
  const detailsId = useId();
  const done = guide.done[step];
  // The embed and blocks are read from the published theme: without Shopify's answer they were not checked.
  const unchecked = !done && !guide.themeRead && (step === "embed" || step === "blocks");
  const key = (part: string) => `setup.${step}.${part}` as MessageKey;
  // What Rassure saw, once a step is done: the fact that ticked it.
  const seen: Record<SetupStepId, string> = {
    embed: t("setup.embed.seen", { theme: guide.themeName ?? "" }),
    blocks: t("setup.blocks.seen", { count: guide.blocksOnProductPage, theme: guide.themeName ?? "" }),
    scan: guide.scannedAt ? t("checklist.lastScan", { date: formatDate(locale, guide.scannedAt, timeZone) }) : "",
    tracking: t("setup.tracking.seen"),
  };
  return (
    <Box padding="200" borderRadius="200" background={open ? "bg-surface-secondary" : undefined}>
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center" wrap={false}>
          <StepMark state={done ? "done" : unchecked ? "unchecked" : "todo"} />
          <Button variant="monochromePlain" textAlign="left" ariaExpanded={open} ariaControls={detailsId} onClick={onToggle}>
            {t(key("title"))}
          </Button>
        </InlineStack>
        <Collapsible id={detailsId} open={open}>
          <Box paddingInlineStart="800">
            <BlockStack gap="200" inlineAlign="start">
              <Text as="p" tone="subdued">
                {t(key("body"))}
              </Text>
              {done && <Text as="p">{seen[step]}</Text>}
              {unchecked && <Text as="p">{t("setup.themeUnread")}</Text>}
              <StepAction step={step} guide={guide} done={done} />
            </BlockStack>
          </Box>
        </Collapsible>
      </BlockStack>
    </Box>
  );
}

/** The step's one primary action (secondary once the step is done). */
function StepAction({ step, guide, done }: { step: SetupStepId; guide: Guide; done: boolean }) {
  const { t } = useI18n();
  const variant = done ? undefined : "primary";
  switch (step) {
    case "embed":
      // Shopify's theme editor opens beside the app (the admin's own pages cannot be framed).
      return (
        <Button variant={variant} url={guide.embedUrl} target="_blank">
          {t("setup.embed.action")}
        </Button>
      );
    case "blocks":
      return (
        <Button variant={variant} url={guide.addBlockUrl} target="_blank">
          {t("setup.blocks.action")}
        </Button>
      );
    case "scan":
      // Posted to the checklist, which then shows the scan running (and toasts when it finishes).
      return (
        <Form method="post" action="/app/checklist">
          <input type="hidden" name="intent" value="scan" />
          <Button submit variant={variant}>
            {t("checklist.scanNow")}
          </Button>
        </Form>
      );
    case "tracking":
      return (
        <Button variant={variant} url="/app/tracking">
          {t("setup.tracking.action")}
        </Button>
      );
  }
}

const STEP_MARK_LABEL = { done: "setup.stepDone", todo: "setup.stepTodo", unchecked: "setup.stepUnchecked" } as const;

function StepMark({ state }: { state: keyof typeof STEP_MARK_LABEL }) {
  const { t } = useI18n();
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" role="img" aria-label={t(STEP_MARK_LABEL[state])} style={{ flex: "none" }}>
      {state === "done" ? (
        <>
          <circle cx="10" cy="10" r="9" fill="#303030" />
          <path d="M6 10.2l2.6 2.6L14 7.4" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      ) : (
        <circle cx="10" cy="10" r="8.5" fill="none" stroke="#8a8a8a" strokeWidth="1.5" strokeDasharray="3 2.4" />
      )}
    </svg>
  );
}

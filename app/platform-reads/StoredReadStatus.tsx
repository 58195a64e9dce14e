/**
 * The client side of stored reads: revalidate the page once its background reads are over
 * (Remix keeps the page shown meanwhile: no reload, no flash), and say how old a stored fact is,
 * or that the refresh failed, or that it was never checked.
 */
import { useFetcher, useRevalidator } from "@remix-run/react";
import { Banner, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import { useI18n, type Translate } from "../i18n";
import type { PendingRefresh, StoredRead } from "./stored-reads.server";

/** Asks the server to wait for `pending`, then revalidates the page's loaders once. */
export function useStoredReadsRefresh(pending: PendingRefresh | null) {
  const fetcher = useFetcher<{ settled: boolean }>();
  const revalidator = useRevalidator();
  const asked = useRef<string | null>(null);
  const key = pending ? `${pending.kinds.join(",")}@${pending.since}` : null;
  useEffect(() => {
    if (!pending || asked.current === key) return;
    asked.current = key;
    fetcher.load(`/app/stored-reads?${new URLSearchParams({ kinds: pending.kinds.join(","), since: pending.since })}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per pending refresh
  }, [key]);
  const answered = fetcher.state === "idle" && fetcher.data !== undefined;
  useEffect(() => {
    if (answered && revalidator.state === "idle") revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer
  }, [answered, fetcher.data]);
}

/** "checked 3 min ago", from the moment the facts were read (rounded down, never younger than they are). */
export function checkedAgo(t: Translate, readAt: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(readAt)) / 60_000));
  if (minutes < 1) return t("storedReads.checkedJustNow");
  if (minutes < 60) return t("storedReads.checkedMinutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t("storedReads.checkedHours", { hours });
  return t("storedReads.checkedDays", { days: Math.floor(hours / 24) });
}

/** The age of a stored fact, as a subdued line; "Not checked" when it was never read. */
export function StoredReadAge({ read }: { read: Pick<StoredRead<unknown>, "readAt"> }) {
  const { t } = useI18n();
  return (
    <Text as="p" tone="subdued" variant="bodySm">
      {read.readAt ? checkedAgo(t, read.readAt) : t("storedReads.notChecked")}
    </Text>
  );
}

/** Says the last refresh failed: what is shown is the facts of that age (or nothing, never read). */
export function StoredReadFailure({ reads, platform }: { reads: Array<Pick<StoredRead<unknown>, "readAt" | "error">>; platform: string }) {
  const { t, locale } = useI18n();
  const failed = reads.filter((read) => read.error !== null);
  if (failed.length === 0) return null;
  const oldest = failed.map((read) => read.readAt).filter((at): at is string => at !== null).sort()[0];
  return (
    <Banner tone="warning" title={t("storedReads.refreshFailed", { platform })}>
      <Text as="p">{oldest ? t("storedReads.showingStored", { age: checkedAgo(t, oldest).toLocaleLowerCase(locale) }) : t("storedReads.nothingStored")}</Text>
      <Text as="p" tone="subdued" variant="bodySm" breakWord>{failed[0].error}</Text>
    </Banner>
  );
}

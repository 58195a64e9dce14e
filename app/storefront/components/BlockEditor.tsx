/** The fields of one storefront block. Texts per language; options only where the block has them. */
import { BlockStack, Checkbox, ChoiceList, InlineGrid, Select, TextField } from "@shopify/polaris";
import { useI18n, type MessageKey } from "../../i18n";
import { LIMITS, PROMISE_KINDS, TRUST_PAGE_SECTIONS, type TrustPageSection, type BlockKey, type Localized, type PromiseItem, type PromiseKind, type StorefrontConfig } from "../config";
import { HOLIDAY_CALENDARS } from "../holidays";
import { freeShippingNote, type ShippingBacking } from "../shipping-backing";
import { IconSelect, ListEditor, LocalizedFields, type ErrorFor } from "./fields";
import { PartnersFields } from "./PartnersFields";

const blank = (): Localized => ({ en: "", fr: "" });
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

interface Props {
  block: BlockKey;
  config: StorefrontConfig;
  onChange: (config: StorefrontConfig) => void;
  errorFor: ErrorFor;
  currencyCode: string;
  observedCarriers: string[];
  /** The shop's free-shipping threshold from its settings (null: could not be read). */
  shippingBacking: ShippingBacking | null;
  hostIsPlatform: boolean;
}

export function BlockEditor({ block, config, onChange, errorFor, currencyCode, observedCarriers, shippingBacking, hostIsPlatform }: Props) {
  const { t, locale } = useI18n();
  const set = <K extends keyof StorefrontConfig>(key: K, value: Partial<StorefrontConfig[K]>) => onChange({ ...config, [key]: { ...config[key], ...value } });
  const numberField = (label: string, value: number, path: string, onValue: (n: number) => void, min = 0, max = 365, helpText?: string) => (
    <TextField
      label={label}
      helpText={helpText}
      type="number"
      min={min}
      max={max}
      value={String(value)}
      onChange={(v) => onValue(v === "" ? 0 : Math.trunc(Number(v)))}
      autoComplete="off"
      error={errorFor(path)}
    />
  );
  const money = (minor: number) => new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).format(minor / 100);
  const freeShippingHelp = (promisedMinor: number) => {
    const note = freeShippingNote(shippingBacking, promisedMinor, money);
    return t(note.key, note.values);
  };
  const weekdayChoices = WEEKDAYS.map((d) => ({
    value: String(d),
    label: new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, d))), // 2024-01-01 is a Monday
  }));

  const enabled = (
    <Checkbox label={t("blocks.field.enabled")} checked={config[block].enabled} onChange={(on) => set(block, { enabled: on } as Partial<StorefrontConfig[typeof block]>)} />
  );
  const heading =
    block === "bar" ? null : (
      <LocalizedFields
        label={t("blocks.field.heading")}
        helpText={t("blocks.field.headingHelp")}
        value={config[block].heading}
        max={LIMITS.heading}
        path={`${block}.heading`}
        errorFor={errorFor}
        onChange={(value) => set(block, { heading: value } as Partial<StorefrontConfig[typeof block]>)}
      />
    );

  return (
    <BlockStack gap="400">
      {enabled}
      {heading}
      {block === "payment" && (
        <LocalizedFields label={t("blocks.payment.note")} helpText={t("blocks.field.defaultHelp")} value={config.payment.note} max={LIMITS.text} path="payment.note" errorFor={errorFor} multiline onChange={(note) => set("payment", { note })} />
      )}
      {block === "promises" && (
        <ListEditor<PromiseItem>
          items={config.promises.items}
          max={LIMITS.promiseItems}
          addLabel={t("blocks.promises.add")}
          removeLabel={(i) => t("blocks.promises.remove", { n: i + 1 })}
          onChange={(items) => set("promises", { items })}
          create={() => ({ kind: "custom", icon: "check", title: blank(), text: blank(), freeFrom: 0, days: 0 })}
          render={(item, i, update) => (
            <BlockStack gap="200">
              <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
                <Select
                  label={t("blocks.promises.kind")}
                  value={item.kind}
                  onChange={(kind) => update({ ...item, kind: kind as PromiseKind, days: kind === "withdrawal" ? Math.max(item.days, 14) : item.days })}
                  options={PROMISE_KINDS.map((k) => ({ value: k, label: t(`blocks.promises.kind.${k}` as MessageKey) }))}
                />
                <IconSelect label={t("blocks.field.icon")} value={item.icon} onChange={(icon) => update({ ...item, icon })} />
                {item.kind === "shipping" &&
                  numberField(t("blocks.promises.freeFrom", { currency: currencyCode }), item.freeFrom / 100, `promises.items.${i}.freeFrom`, (n) => update({ ...item, freeFrom: Math.max(0, n) * 100 }), 0, 1_000_000, freeShippingHelp(item.freeFrom))}
                {(item.kind === "returns" || item.kind === "withdrawal") &&
                  numberField(t("blocks.promises.days"), item.days, `promises.items.${i}.days`, (days) => update({ ...item, days }), item.kind === "withdrawal" ? 14 : 1)}
              </InlineGrid>
              <LocalizedFields label={t("blocks.promises.title")} helpText={item.kind === "custom" ? undefined : t("blocks.field.defaultHelp")} value={item.title} max={LIMITS.heading} path={`promises.items.${i}.title`} errorFor={errorFor} onChange={(title) => update({ ...item, title })} />
              <LocalizedFields label={t("blocks.promises.text")} value={item.text} max={LIMITS.text} path={`promises.items.${i}.text`} errorFor={errorFor} multiline onChange={(text) => update({ ...item, text })} />
            </BlockStack>
          )}
        />
      )}
      {block === "delivery" && (
        <BlockStack gap="300">
          <InlineGrid columns={{ xs: 1, md: 4 }} gap="300">
            {numberField(t("blocks.delivery.processing"), config.delivery.processingDays, "delivery.processingDays", (processingDays) => set("delivery", { processingDays }), 0, LIMITS.processingDays)}
            <TextField label={t("blocks.delivery.cutoff")} type="time" value={config.delivery.cutoff} onChange={(cutoff) => set("delivery", { cutoff })} autoComplete="off" error={errorFor("delivery.cutoff")} />
            {numberField(t("blocks.delivery.transitMin"), config.delivery.transitMin, "delivery.transitMin", (transitMin) => set("delivery", { transitMin }), 1, LIMITS.transitDays)}
            {numberField(t("blocks.delivery.transitMax"), config.delivery.transitMax, "delivery.transitMax", (transitMax) => set("delivery", { transitMax }), 1, LIMITS.transitDays)}
          </InlineGrid>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
            <ChoiceList allowMultiple title={t("blocks.delivery.shipDays")} choices={weekdayChoices} selected={config.delivery.shipDays.map(String)} onChange={(v) => set("delivery", { shipDays: v.map(Number) })} error={errorFor("delivery.shipDays")} />
            <ChoiceList allowMultiple title={t("blocks.delivery.deliveryDays")} choices={weekdayChoices} selected={config.delivery.deliveryDays.map(String)} onChange={(v) => set("delivery", { deliveryDays: v.map(Number) })} error={errorFor("delivery.deliveryDays")} />
            <ChoiceList
              allowMultiple
              title={t("blocks.delivery.holidays")}
              choices={Object.values(HOLIDAY_CALENDARS).map((c) => ({ value: c.id, label: c.label[locale] }))}
              selected={config.delivery.holidayCalendars}
              onChange={(holidayCalendars) => set("delivery", { holidayCalendars })}
            />
          </InlineGrid>
          <LocalizedFields label={t("blocks.delivery.note")} helpText={t("blocks.field.defaultHelp")} value={config.delivery.note} max={LIMITS.text} path="delivery.note" errorFor={errorFor} onChange={(note) => set("delivery", { note })} />
        </BlockStack>
      )}
      {block === "contact" && (
        <BlockStack gap="300">
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
            <TextField label={t("blocks.contact.email")} type="email" value={config.contact.email} onChange={(email) => set("contact", { email })} autoComplete="email" error={errorFor("contact.email")} />
            <TextField label={t("blocks.contact.phone")} type="tel" value={config.contact.phone} onChange={(phone) => set("contact", { phone })} autoComplete="tel" error={errorFor("contact.phone")} />
            <TextField label={t("blocks.contact.chatUrl")} helpText={t("blocks.field.urlHelp")} value={config.contact.chatUrl} onChange={(chatUrl) => set("contact", { chatUrl })} autoComplete="off" error={errorFor("contact.chatUrl")} />
            <TextField label={t("blocks.contact.formUrl")} helpText={t("blocks.field.urlHelp")} value={config.contact.formUrl} onChange={(formUrl) => set("contact", { formUrl })} autoComplete="off" error={errorFor("contact.formUrl")} />
          </InlineGrid>
          <LocalizedFields label={t("blocks.contact.hours")} value={config.contact.hours} max={LIMITS.text} path="contact.hours" errorFor={errorFor} onChange={(hours) => set("contact", { hours })} />
        </BlockStack>
      )}
      {block === "legal" && (
        <BlockStack gap="300">
          <Checkbox label={t("blocks.trustPage.enabled")} helpText={`${t("blocks.trustPage.help")} ${t(hostIsPlatform ? "blocks.trustPage.whereShopify" : "blocks.trustPage.whereWooCommerce")}`} checked={config.trustPage.enabled} onChange={(on) => set("trustPage", { enabled: on })} />
          {config.trustPage.enabled && (
            <ChoiceList
              allowMultiple
              title={t("blocks.trustPage.sections")}
              choices={TRUST_PAGE_SECTIONS.map((section) => ({ value: section, label: t(`blocks.trustPage.section.${section}` as MessageKey) }))}
              selected={config.trustPage.sections}
              onChange={(sections) => set("trustPage", { sections: sections as TrustPageSection[] })}
            />
          )}
          <TextField label={t("blocks.legal.withdrawalForm")} helpText={t("blocks.field.urlHelp")} value={config.legal.withdrawalFormUrl} onChange={(withdrawalFormUrl) => set("legal", { withdrawalFormUrl })} autoComplete="off" error={errorFor("legal.withdrawalFormUrl")} />
          <ListEditor
            items={config.legal.links}
            max={LIMITS.legalLinks}
            addLabel={t("blocks.legal.add")}
            removeLabel={(i) => t("blocks.legal.remove", { n: i + 1 })}
            onChange={(links) => set("legal", { links })}
            create={() => ({ label: blank(), url: "" })}
            render={(link, i, update) => (
              <BlockStack gap="200">
                <LocalizedFields label={t("blocks.legal.label")} value={link.label} max={LIMITS.heading} path={`legal.links.${i}.label`} errorFor={errorFor} onChange={(label) => update({ ...link, label })} />
                <TextField label={t("blocks.legal.url")} helpText={t("blocks.field.urlHelp")} value={link.url} onChange={(url) => update({ ...link, url })} autoComplete="off" error={errorFor(`legal.links.${i}.url`)} />
              </BlockStack>
            )}
          />
        </BlockStack>
      )}
      {block === "bar" && (
        <BlockStack gap="300">
          <Checkbox label={t("blocks.bar.trustPageLink")} helpText={t("blocks.bar.trustPageLinkHelp")} checked={config.bar.trustPageLink} onChange={(trustPageLink) => set("bar", { trustPageLink })} />
          <ListEditor
            items={config.bar.items}
            max={LIMITS.barItems}
            addLabel={t("blocks.bar.add")}
            removeLabel={(i) => t("blocks.bar.remove", { n: i + 1 })}
            onChange={(items) => set("bar", { items })}
            create={() => ({ icon: "check" as const, text: blank() })}
            render={(item, i, update) => (
              <InlineGrid columns={{ xs: 1, md: "1fr 3fr" }} gap="300">
                <IconSelect label={t("blocks.field.icon")} value={item.icon} onChange={(icon) => update({ ...item, icon })} />
                <LocalizedFields label={t("blocks.bar.text")} value={item.text} max={LIMITS.barText} path={`bar.items.${i}.text`} errorFor={errorFor} onChange={(text) => update({ ...item, text })} />
              </InlineGrid>
            )}
          />
        </BlockStack>
      )}
      {block === "store" && (
        <BlockStack gap="300">
          <Checkbox label={t("blocks.store.hasStore")} helpText={t("blocks.store.hasStoreHelp")} checked={config.store.hasStore} onChange={(hasStore) => set("store", { hasStore })} />
          <TextField label={t("blocks.store.location")} helpText={t("blocks.store.locationHelp")} value={config.store.location} onChange={(location) => set("store", { location })} autoComplete="off" error={errorFor("store.location")} />
          <LocalizedFields label={t("blocks.store.hours")} value={config.store.hours} max={LIMITS.text} path="store.hours" errorFor={errorFor} onChange={(hours) => set("store", { hours })} />
          <TextField label={t("blocks.store.photoUrl")} helpText={t("blocks.store.photoHelp")} value={config.store.photoUrl} onChange={(photoUrl) => set("store", { photoUrl })} autoComplete="off" error={errorFor("store.photoUrl")} />
          <LocalizedFields label={t("blocks.store.photoAlt")} value={config.store.photoAlt} max={LIMITS.heading} path="store.photoAlt" errorFor={errorFor} onChange={(photoAlt) => set("store", { photoAlt })} />
        </BlockStack>
      )}
      {block === "reviews" && (
        <TextField label={t("blocks.reviews.url")} helpText={t("blocks.reviews.urlHelp")} value={config.reviews.url} onChange={(url) => set("reviews", { url })} autoComplete="off" error={errorFor("reviews.url")} />
      )}
      {block === "partners" && (
        <PartnersFields value={config.partners} onChange={(value) => set("partners", value)} errorFor={errorFor} observedCarriers={observedCarriers} hostIsPlatform={hostIsPlatform} />
      )}
    </BlockStack>
  );
}

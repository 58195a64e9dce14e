/** Small form pieces the block editor repeats: a text per language, an icon picker, a list editor. */
import { BlockStack, Button, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useI18n, type MessageKey } from "../../i18n";
import { ICONS, LANGS, type IconName, type Localized } from "../config";

export type ErrorFor = (path: string) => string | undefined;

export function LocalizedFields(props: {
  label: string;
  value: Localized;
  max: number;
  path: string;
  errorFor: ErrorFor;
  onChange: (value: Localized) => void;
  multiline?: boolean;
  helpText?: string;
}) {
  const { t } = useI18n();
  return (
    <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
      {LANGS.map((lang) => (
        <TextField
          key={lang}
          label={`${props.label} (${t(`blocks.lang.${lang}` as MessageKey)})`}
          value={props.value[lang]}
          onChange={(text) => props.onChange({ ...props.value, [lang]: text })}
          maxLength={props.max}
          showCharacterCount
          multiline={props.multiline ? 2 : undefined}
          autoComplete="off"
          helpText={props.helpText}
          error={props.errorFor(`${props.path}.${lang}`)}
        />
      ))}
    </InlineGrid>
  );
}

export function IconSelect({ value, onChange, label }: { value: IconName; onChange: (icon: IconName) => void; label: string }) {
  const { t } = useI18n();
  return (
    <Select
      label={label}
      value={value}
      onChange={(icon) => onChange(icon as IconName)}
      options={ICONS.map((icon) => ({ value: icon, label: t(`blocks.icon.${icon}` as MessageKey) }))}
    />
  );
}

/** Items with a remove button each and an add button up to `max`. */
export function ListEditor<T>(props: {
  items: T[];
  max: number;
  addLabel: string;
  removeLabel: (index: number) => string;
  onChange: (items: T[]) => void;
  create: () => T;
  render: (item: T, index: number, update: (item: T) => void) => ReactNode;
}) {
  const { items, onChange } = props;
  return (
    <BlockStack gap="400">
      {items.map((item, index) => (
        <BlockStack key={index} gap="200">
          {props.render(item, index, (next) => onChange(items.map((old, i) => (i === index ? next : old))))}
          <InlineStack align="end">
            <Button variant="plain" tone="critical" onClick={() => onChange(items.filter((_, i) => i !== index))}>
              {props.removeLabel(index)}
            </Button>
          </InlineStack>
        </BlockStack>
      ))}
      {items.length < props.max ? (
        <InlineStack>
          <Button onClick={() => onChange([...items, props.create()])}>{props.addLabel}</Button>
        </InlineStack>
      ) : (
        <Text as="p" tone="subdued">
          {props.addLabel} — {props.max}/{props.max}
        </Text>
      )}
    </BlockStack>
  );
}

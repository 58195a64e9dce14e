/**
 * The partners block's fields: carriers come from the shop's shipments (the merchant can hide
 * them, never add one), trust labels are attestations with a proof link and an expiry date,
 * and the host is named by the merchant only where the platform does not say it (WordPress).
 */
import { BlockStack, ChoiceList, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { useI18n, type MessageKey } from "../../i18n";
import { LIMITS, TRUST_LABEL_KINDS, type StorefrontConfig, type TrustLabel, type TrustLabelKind } from "../config";
import { ListEditor, type ErrorFor } from "./fields";

interface Props {
  value: StorefrontConfig["partners"];
  onChange: (value: Partial<StorefrontConfig["partners"]>) => void;
  errorFor: ErrorFor;
  observedCarriers: string[];
  hostIsPlatform: boolean;
}

export function PartnersFields({ value, onChange, errorFor, observedCarriers, hostIsPlatform }: Props) {
  const { t } = useI18n();
  const hidden = new Set(value.hiddenCarriers.map((c) => c.toLowerCase()));
  return (
    <BlockStack gap="300">
      {observedCarriers.length > 0 ? (
        <ChoiceList
          allowMultiple
          title={t("blocks.partners.carriers")}
          choices={observedCarriers.map((name) => ({ value: name, label: name }))}
          selected={observedCarriers.filter((name) => !hidden.has(name.toLowerCase()))}
          onChange={(shown) => onChange({ hiddenCarriers: observedCarriers.filter((name) => !shown.includes(name)) })}
        />
      ) : (
        <Text as="p" tone="subdued">{t("blocks.partners.noCarriers")}</Text>
      )}
      {!hostIsPlatform && (
        <TextField label={t("blocks.partners.host")} helpText={t("blocks.partners.hostHelp")} value={value.host} maxLength={LIMITS.carrierName} onChange={(host) => onChange({ host })} autoComplete="off" error={errorFor("partners.host")} />
      )}
      <Text as="p" tone="subdued">{t("blocks.partners.labelsHelp")}</Text>
      <ListEditor<TrustLabel>
        items={value.labels}
        max={LIMITS.trustLabels}
        addLabel={t("blocks.partners.addLabel")}
        removeLabel={(i) => t("blocks.partners.removeLabel", { n: i + 1 })}
        onChange={(labels) => onChange({ labels })}
        create={() => ({ kind: "fianet", name: "", proofUrl: "", expiresOn: "" })}
        render={(label, i, update) => (
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
            <Select
              label={t("blocks.partners.kind")}
              value={label.kind}
              onChange={(kind) => update({ ...label, kind: kind as TrustLabelKind })}
              options={TRUST_LABEL_KINDS.map((k) => ({ value: k, label: t(`blocks.partners.kind.${k}` as MessageKey) }))}
            />
            {label.kind === "mediator" && (
              <TextField label={t("blocks.partners.mediatorName")} value={label.name} maxLength={LIMITS.carrierName} onChange={(name) => update({ ...label, name })} autoComplete="off" error={errorFor(`partners.labels.${i}.name`)} />
            )}
            <TextField label={t("blocks.partners.proofUrl")} helpText={t("blocks.partners.proofHelp")} value={label.proofUrl} onChange={(proofUrl) => update({ ...label, proofUrl })} autoComplete="off" error={errorFor(`partners.labels.${i}.proofUrl`)} />
            <TextField label={t("blocks.partners.expiresOn")} type="date" value={label.expiresOn} onChange={(expiresOn) => update({ ...label, expiresOn })} autoComplete="off" error={errorFor(`partners.labels.${i}.expiresOn`)} />
          </InlineGrid>
        )}
      />
    </BlockStack>
  );
}

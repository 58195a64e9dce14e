/**
 * The help entry at the foot of every admin page (Polaris FooterHelp): the documentation and a
 * support address, both from the environment (RASSURE_HELP_URL, RASSURE_SUPPORT_EMAIL). Rendered
 * once by the admin layout (app/routes/app.tsx), so no page carries its own copy.
 */
import { FooterHelp, Link } from "@shopify/polaris";
import { useI18n } from "../i18n";
import type { HelpEnvironment } from "../env.server";

export function HelpFooter({ help }: { help: HelpEnvironment }) {
  const { t } = useI18n();
  return (
    <FooterHelp>
      {t("help.question")}{" "}
      {/* The admin frames the app: the documentation opens beside it, not inside it. */}
      <Link url={help.docsUrl} target="_blank">
        {t("help.docs")}
      </Link>
      {" · "}
      <Link url={`mailto:${help.supportEmail}`} target="_blank">
        {t("help.contact", { email: help.supportEmail })}
      </Link>
    </FooterHelp>
  );
}

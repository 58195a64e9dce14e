/**
 * E-mail address checks for what a person types (the recipient in Settings) or an operator
 * configures (RASSURE_ALERTS_FROM): one address, no spaces, no header-breaking characters,
 * a domain with a dot (or localhost, for the local mail catcher). Not a full RFC 5322 parser:
 * the mail server has the last word.
 */
const ADDRESS = /^[^\s@<>"(),;:\\[\]]+@(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;
export const MAX_ADDRESS_LENGTH = 254;

export function isEmailAddress(value: string): boolean {
  return value.length <= MAX_ADDRESS_LENGTH && ADDRESS.test(value);
}

/** `Name <address>` or a bare address: true when the address part is valid and nothing breaks the header. */
export function isMailbox(value: string): boolean {
  if (/[\r\n]/.test(value)) return false;
  const named = /^([^<>]*)<([^<>]+)>$/.exec(value.trim());
  return isEmailAddress(named ? named[2].trim() : value.trim());
}

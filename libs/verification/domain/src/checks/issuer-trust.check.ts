import { passed, warning, type CheckResult } from './check-result';

/**
 * A credstream issuer is known; any other issuer is a warning, not a failure: the signature proves who issued
 * the credential, just not that credstream knows them.
 */
export function checkIssuerTrust(issuerId: string | undefined, known: boolean): CheckResult {
  if (known) return passed('issuer', 'issued by an institution registered with credstream');
  const who = issuerId === undefined ? 'the issuer' : issuerId;
  return warning('issuer', 'ISSUER_UNKNOWN', `${who} is not registered with credstream`);
}

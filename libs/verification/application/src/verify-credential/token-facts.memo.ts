import { checkTokenStructure, type CheckResult, type ParsedCredentialJwt } from '@credstream/verification/domain';

/**
 * What a token's bytes alone decide, whoever verifies it and whenever: its decoding, whether its claims agree with
 * its credential, and its validation against the schemas it names. Never the key, the signature's validity with
 * today's key, the dates, the status, the issuer or the recipient: those are judged on every verification.
 * Shared by every verification of the same bytes: read-only.
 */
export interface TokenFacts {
  readonly structure: CheckResult;
  readonly jwt?: ParsedCredentialJwt;
  claims?: CheckResult;
  /** Set once the schemas were validated without an adapter failure (a failed load is retried next time). */
  schema?: CheckResult;
}

export interface TokenFactsMemoOptions {
  /** Distinct tokens remembered (0: none, every verification decodes and validates its token). */
  maxEntries: number;
  /** Longer tokens (baked images with large pictures, say) are not remembered. */
  maxTokenLength: number;
}

export const DEFAULT_TOKEN_FACTS_MEMO: TokenFactsMemoOptions = { maxEntries: 1_000, maxTokenLength: 32 * 1024 };

/**
 * The facts of the tokens verified lately, keyed by the exact token text: the same credential verified again (a
 * credential page's live status, an employer re-checking) is not decoded and schema-validated again.
 */
export class TokenFactsMemo {
  private readonly options: TokenFactsMemoOptions;
  private readonly entries = new Map<string, TokenFacts>();

  constructor(options: Partial<TokenFactsMemoOptions> = {}) {
    this.options = { ...DEFAULT_TOKEN_FACTS_MEMO, ...options };
  }

  factsOf(token: string): TokenFacts {
    const remembered = this.entries.get(token);
    if (remembered) return remembered;
    const { check, jwt } = checkTokenStructure(token);
    const facts: TokenFacts = jwt ? { structure: check, jwt } : { structure: check };
    this.remember(token, facts);
    return facts;
  }

  private remember(token: string, facts: TokenFacts): void {
    const { maxEntries, maxTokenLength } = this.options;
    if (maxEntries <= 0 || token.length > maxTokenLength) return;
    if (this.entries.size >= maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, facts);
  }
}

/** What an API key may do. Mirrors the `scopes` enum of the `api-key.created.v1` contract. */
export const API_KEY_SCOPES = ['issue', 'revoke', 'admin', 'analytics-read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const isApiKeyScope = (value: unknown): value is ApiKeyScope =>
  typeof value === 'string' && (API_KEY_SCOPES as readonly string[]).includes(value);

/** The scopes of `required` that `held` lacks (a key needs every required scope; none implies another). */
export function missingScopes(held: readonly string[], required: readonly ApiKeyScope[]): ApiKeyScope[] {
  return required.filter((scope) => !held.includes(scope));
}

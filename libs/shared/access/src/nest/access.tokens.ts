/** The platform administrator's bootstrap token (a string, or undefined when none is configured). */
export const PLATFORM_ADMIN_TOKEN = Symbol.for('credstream.access.PlatformAdminToken');

/** Metadata key of the scopes a route needs (set by @RequireScopes). */
export const REQUIRED_SCOPES = 'credstream:access:required-scopes';

/** Where the guard leaves the accepted key's principal on the request. */
export const PRINCIPAL_PROPERTY = 'credstreamPrincipal';

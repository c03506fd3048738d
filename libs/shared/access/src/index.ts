/** API keys and platform-admin access for every credstream service: key format, guards, decorators, key directory. */
export * from './api-key/api-key-scopes';
export * from './api-key/api-key-token';
export * from './api-key/api-key-directory.port';
export * from './authentication/access-errors';
export * from './authentication/api-key-principal';
export * from './authentication/api-key.authenticator';
export * from './authentication/last-use-throttle';
export * from './nest/access.tokens';
export * from './nest/access.decorators';
export * from './nest/api-key.guard';
export * from './nest/platform-admin.guard';
export * from './read-model/api-key-read-model';
export * from './read-model/mongo-api-key.directory';
export * from './read-model/api-key.projection';
export * from './read-model/api-key-projection.controller';
export * from './access.module';

/** The service's root pino logger, for code outside the request path (connections, consumers). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

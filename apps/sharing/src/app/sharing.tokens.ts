export const SHARING_CONFIG = Symbol('SHARING_CONFIG');

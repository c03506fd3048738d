export * from './catalogue/event-catalogue';
export * from './catalogue/event-contract';
export * from './envelope';
export * from './envelope.schema';
export * from './kafka-message';
export * from './topics';
export * from './validation/validate-event';
export * from './asyncapi/asyncapi-document';
export {
  CREDENTIAL_VISIBILITIES,
  DOWNLOAD_FORMATS,
  REFERRER_CLASSES,
  SHARE_CHANNELS,
} from './catalogue/sharing-events';

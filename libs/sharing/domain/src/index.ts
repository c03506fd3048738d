/** Pure domain model of the sharing service: events, state, decide/evolve. No framework, I/O, clock or env. */
export * from './credential-view/credential-display';
export * from './credential-view/view-classification';
export * from './recipient/recipient.commands';
export * from './recipient/recipient.decider';
export * from './recipient/recipient.errors';
export * from './recipient/recipient.events';
export * from './recipient/recipient.state';
export * from './share-link/share-channel';
export * from './share-link/share-link.decider';
export * from './share-link/share-link.events';
export * from './share-link/share-urls';
export * from './wallet-credential/wallet-credential.commands';
export * from './wallet-credential/wallet-credential.decider';
export * from './wallet-credential/wallet-credential.errors';
export * from './wallet-credential/wallet-credential.events';
export * from './wallet-credential/wallet-credential.state';

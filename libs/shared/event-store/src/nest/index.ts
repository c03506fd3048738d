export * from './event-sourcing.module';
export * from './event-sourcing.options';
export * from './event-store-thread.module';

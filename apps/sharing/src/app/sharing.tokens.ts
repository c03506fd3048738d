export const SHARING_CONFIG = Symbol('SHARING_CONFIG');
/** The page views' own event store, on a worker thread (an `EventAppender`). */
export const VIEWS_STORE = Symbol('VIEWS_STORE');

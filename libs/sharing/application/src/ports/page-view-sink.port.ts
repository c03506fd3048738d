import type { PageView } from '@credstream/sharing/domain';

/** Takes a page view without waiting for it to be stored: recording a view never slows the page. */
export interface PageViewSink {
  record(view: PageView, tenantId: string): void;
}

export const PAGE_VIEW_SINK = Symbol('PAGE_VIEW_SINK');

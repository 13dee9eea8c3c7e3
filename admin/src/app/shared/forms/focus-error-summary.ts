import { afterNextRender, type Injector } from '@angular/core';

/**
 * After the next render, moves focus to the error summary's first link (or the summary itself), the first one in
 * `root` (the document, or a section of a page that has several summaries).
 */
export function focusErrorSummary(root: ParentNode, injector: Injector): void {
  afterNextRender(
    {
      write: () =>
        root
          .querySelector<HTMLElement>('[data-testid=error-summary] a, [data-testid=error-summary]')
          ?.focus(),
    },
    { injector },
  );
}

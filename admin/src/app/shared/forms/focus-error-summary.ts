import { afterNextRender, type Injector } from '@angular/core';

/** After the next render, moves focus to the error summary's first link (or the summary itself). */
export function focusErrorSummary(document: Document, injector: Injector): void {
  afterNextRender(
    {
      write: () =>
        document
          .querySelector<HTMLElement>('[data-testid=error-summary] a, [data-testid=error-summary]')
          ?.focus(),
    },
    { injector },
  );
}

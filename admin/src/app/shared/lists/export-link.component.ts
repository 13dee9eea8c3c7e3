import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** "Exporteren (CSV)": downloads the list's CSV export with the list's current filters (`href`). */
@Component({
  selector: 'wv-export-link',
  imports: [TranslocoPipe],
  template: `
    <p class="wv-export">
      <a
        class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        data-testid="export-link"
        download
        [href]="href()"
        >{{ 'listFilters.export' | transloco }}</a
      >
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportLinkComponent {
  readonly href = input.required<string>();
}

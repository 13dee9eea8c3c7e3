import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Signaleringsplan } from '@waakvlam/contracts';

const PLAN_PHASES = ['green', 'orange', 'red'] as const;

/**
 * The signaleringsplan read-only: one labelled section (h4) a phase with its signs and actions; the colour is
 * extra, never the only cue. `idPrefix` keeps the heading ids unique on the page; `showMeaning` adds what each
 * phase means.
 */
@Component({
  selector: 'wv-signaleringsplan',
  imports: [TranslocoPipe],
  host: { class: 'wv-plan' },
  template: `
    @for (phase of phases; track phase) {
      <section class="wv-plan__phase" [attr.data-phase]="phase" [attr.aria-labelledby]="idPrefix() + phase">
        <h4 class="utrecht-heading-4 wv-plan__title" [id]="idPrefix() + phase">
          <span class="wv-plan__swatch" aria-hidden="true"></span>
          {{ 'planPhases.' + phase + '.title' | transloco }}
        </h4>
        @if (showMeaning()) {
          <p class="utrecht-paragraph wv-hint">{{ 'planPhases.' + phase + '.meaning' | transloco }}</p>
        }
        <dl class="wv-plan__list">
          <dt>{{ 'watch.signs' | transloco }}</dt>
          <dd class="wv-prewrap">
            {{ plan()[phase].signs || ('common.none' | transloco) }}
          </dd>
          <dt>{{ 'watch.actions' | transloco }}</dt>
          <dd class="wv-prewrap">
            {{ plan()[phase].actions || ('common.none' | transloco) }}
          </dd>
        </dl>
      </section>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignaleringsplanComponent {
  readonly plan = input.required<Signaleringsplan>();
  /** Prefix of the phase headings' ids, e.g. `plan-` gives `plan-green`. */
  readonly idPrefix = input('plan-');
  readonly showMeaning = input(false);

  protected readonly phases = PLAN_PHASES;
}

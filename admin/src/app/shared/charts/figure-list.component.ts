import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Message } from '../forms/form-messages';

/** One key figure: a number (or a translated value) with its label, and the list behind it when there is one. */
export interface FigureItem {
  /** A number or text as is; or a Message to translate (a duration, say). */
  value: string | number | Message;
  label: Message;
  /** The console route of the list behind the figure, with its query parameters. */
  route?: string;
  params?: Record<string, string>;
  /** Colours the figure's edge: on time, late, missed. */
  tone?: 'onTime' | 'late' | 'missed';
  testId?: string;
}

/** A row of key figures, each a link to the list behind it when it has one. */
@Component({
  selector: 'wv-figure-list',
  imports: [NgTemplateOutlet, RouterLink, TranslocoPipe],
  template: `
    <ul class="wv-figures" [class.wv-figures--small]="small()" [attr.data-testid]="testId()">
      @for (f of items(); track $index) {
        <li class="wv-figure" [attr.data-tone]="f.tone ?? null">
          @if (f.route) {
            <a class="wv-figure__link" [routerLink]="f.route" [queryParams]="f.params ?? {}">
              <ng-container *ngTemplateOutlet="body; context: { $implicit: f }" />
            </a>
          } @else {
            <ng-container *ngTemplateOutlet="body; context: { $implicit: f }" />
          }
        </li>
      }
    </ul>
    <ng-template #body let-f>
      <span class="wv-figure__value" [attr.data-testid]="f.testId ?? null">{{
        text(f.value) ?? (f.value.key | transloco: f.value.params)
      }}</span>
      <span class="wv-figure__label">{{ f.label.key | transloco: f.label.params }}</span>
    </ng-template>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FigureListComponent {
  readonly items = input.required<readonly FigureItem[]>();
  readonly small = input(false);
  readonly testId = input<string | null>(null);

  protected text(value: FigureItem['value']): string | null {
    return typeof value === 'object' ? null : String(value);
  }
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** One series of the chart (a colour in every bar), named by a translation key. */
export interface ChartSeries {
  labelKey: string;
  /** good: green, warn: orange, bad: red, neutral: blue; each at least 3:1 against white (WCAG 1.4.11). */
  tone: 'good' | 'warn' | 'bad' | 'neutral';
}

/** One bar: its label and one value per series, in the series' order. */
export interface ChartRow {
  label: string;
  values: readonly number[];
}

interface Segment {
  tone: ChartSeries['tone'];
  x: number;
  y: number;
  width: number;
  height: number;
}

const SIZE = { vertical: { width: 640, height: 220 }, horizontal: { width: 640, rowHeight: 28 } };
const LABEL_SPACE = { vertical: 22, horizontal: 150 };

/**
 * A stacked bar chart in SVG: columns (`vertical`, e.g. weeks) or bars (`horizontal`, e.g. caseworkers). It is a
 * picture for people who would rather look than read: the figure has a caption and a summary for screen readers,
 * and the page puts the same numbers in a table beside it.
 */
@Component({
  selector: 'wv-stacked-bar-chart',
  imports: [TranslocoPipe],
  template: `
    <figure class="wv-chart">
      <figcaption class="wv-chart__caption">{{ captionKey() | transloco }}</figcaption>
      <svg
        class="wv-chart__svg"
        role="img"
        [attr.aria-label]="summary()"
        [attr.viewBox]="viewBox()"
        preserveAspectRatio="xMinYMin meet"
        focusable="false"
      >
        @for (segment of segments(); track $index) {
          <rect
            [attr.class]="'wv-chart__bar wv-chart__bar--' + segment.tone"
            [attr.x]="segment.x"
            [attr.y]="segment.y"
            [attr.width]="segment.width"
            [attr.height]="segment.height"
          />
        }
        @for (label of labels(); track $index) {
          <text
            class="wv-chart__label"
            [attr.x]="label.x"
            [attr.y]="label.y"
            [attr.text-anchor]="label.anchor"
            aria-hidden="true"
          >
            {{ label.text }}
          </text>
        }
      </svg>
      <ul class="wv-chart__legend" aria-hidden="true">
        @for (s of series(); track s.labelKey) {
          <li>
            <span [class]="'wv-chart__swatch wv-chart__bar--' + s.tone"></span>{{ s.labelKey | transloco }}
          </li>
        }
      </ul>
    </figure>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StackedBarChartComponent {
  readonly captionKey = input.required<string>();
  /** What the chart shows in words, e.g. "12 weken, meeste gemist in week 10" (the SVG's accessible name). */
  readonly summary = input.required<string>();
  readonly series = input.required<readonly ChartSeries[]>();
  readonly rows = input.required<readonly ChartRow[]>();
  readonly orientation = input<'vertical' | 'horizontal'>('vertical');

  private readonly max = computed(() =>
    Math.max(1, ...this.rows().map((row) => row.values.reduce((sum, v) => sum + v, 0))),
  );

  protected readonly viewBox = computed(() =>
    this.orientation() === 'vertical'
      ? `0 0 ${SIZE.vertical.width} ${SIZE.vertical.height}`
      : `0 0 ${SIZE.horizontal.width} ${Math.max(1, this.rows().length) * SIZE.horizontal.rowHeight}`,
  );

  protected readonly segments = computed<Segment[]>(() => {
    const tones = this.series().map((s) => s.tone);
    const rows = this.rows();
    const max = this.max();
    const out: Segment[] = [];
    if (this.orientation() === 'vertical') {
      const slot = SIZE.vertical.width / Math.max(1, rows.length);
      const plot = SIZE.vertical.height - LABEL_SPACE.vertical;
      rows.forEach((row, i) => {
        let top = plot;
        row.values.forEach((value, s) => {
          const height = (value / max) * (plot - 4);
          top -= height;
          if (height > 0)
            out.push({
              tone: tones[s] ?? 'neutral',
              x: i * slot + slot * 0.15,
              y: top,
              width: slot * 0.7,
              height,
            });
        });
      });
    } else {
      const plot = SIZE.horizontal.width - LABEL_SPACE.horizontal - 40;
      rows.forEach((row, i) => {
        let left = LABEL_SPACE.horizontal;
        row.values.forEach((value, s) => {
          const width = (value / max) * plot;
          if (width > 0)
            out.push({
              tone: tones[s] ?? 'neutral',
              x: left,
              y: i * SIZE.horizontal.rowHeight + 4,
              width,
              height: SIZE.horizontal.rowHeight - 8,
            });
          left += width;
        });
      });
    }
    return out;
  });

  protected readonly labels = computed(() => {
    const rows = this.rows();
    if (this.orientation() === 'vertical') {
      const slot = SIZE.vertical.width / Math.max(1, rows.length);
      // Every label when they fit, else every other one.
      const step = slot < 40 ? 2 : 1;
      return rows
        .map((row, i) => ({
          text: row.label,
          x: i * slot + slot / 2,
          y: SIZE.vertical.height - 6,
          anchor: 'middle',
        }))
        .filter((_, i) => i % step === 0);
    }
    return rows.flatMap((row, i) => {
      const total = row.values.reduce((sum, v) => sum + v, 0);
      const y = i * SIZE.horizontal.rowHeight + SIZE.horizontal.rowHeight / 2 + 5;
      const end =
        LABEL_SPACE.horizontal + (total / this.max()) * (SIZE.horizontal.width - LABEL_SPACE.horizontal - 40);
      return [
        { text: row.label, x: LABEL_SPACE.horizontal - 8, y, anchor: 'end' },
        { text: String(total), x: end + 6, y, anchor: 'start' },
      ];
    });
  });
}

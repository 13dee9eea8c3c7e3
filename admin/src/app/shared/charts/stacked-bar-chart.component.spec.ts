import { TestBed } from '@angular/core/testing';
import { testTransloco } from '../../../testing/test-transloco.util';
import { StackedBarChartComponent } from './stacked-bar-chart.component';

describe('StackedBarChartComponent', () => {
  function render(orientation: 'vertical' | 'horizontal') {
    TestBed.configureTestingModule({ imports: [StackedBarChartComponent, testTransloco()] });
    const fixture = TestBed.createComponent(StackedBarChartComponent);
    fixture.componentRef.setInput('captionKey', 'dashboard.trend.caption');
    fixture.componentRef.setInput('summary', 'Staafdiagram van 2 weken.');
    fixture.componentRef.setInput('series', [
      { labelKey: 'dashboard.checkIns.onTime', tone: 'good' },
      { labelKey: 'dashboard.checkIns.missed', tone: 'bad' },
    ]);
    fixture.componentRef.setInput('rows', [
      { label: 'week 1', values: [3, 1] },
      { label: 'week 2', values: [0, 2] },
    ]);
    fixture.componentRef.setInput('orientation', orientation);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('draws one segment per non-zero value, the tallest bar filling the plot', () => {
    const el = render('vertical');
    const bars = [...el.querySelectorAll('rect')];
    expect(bars.map((b) => b.getAttribute('class'))).toEqual([
      'wv-chart__bar wv-chart__bar--good',
      'wv-chart__bar wv-chart__bar--bad',
      'wv-chart__bar wv-chart__bar--bad',
    ]);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    // week 1 is 4 tall (3 + 1), week 2 is 2: half of it
    expect(heights[0] + heights[1]).toBeCloseTo(2 * heights[2], 5);
  });

  it('is a named image with a caption and a legend', () => {
    const el = render('horizontal');
    expect(el.querySelector('svg')?.getAttribute('role')).toBe('img');
    expect(el.querySelector('svg')?.getAttribute('aria-label')).toBe('Staafdiagram van 2 weken.');
    expect(el.querySelector('figcaption')?.textContent?.trim()).toBe(
      'Contactmomenten per week: op tijd, te laat en gemist',
    );
    expect([...el.querySelectorAll('.wv-chart__legend li')].map((li) => li.textContent?.trim())).toEqual([
      'Op tijd',
      'Gemist',
    ]);
    // each bar's total is written at its end
    expect([...el.querySelectorAll('text')].map((t) => t.textContent?.trim())).toEqual([
      'week 1',
      '4',
      'week 2',
      '2',
    ]);
  });
});

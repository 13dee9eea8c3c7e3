import { TestBed } from '@angular/core/testing';
import type { WatchEvent } from '@waakvlam/contracts';
import { must, testTransloco } from '../../../testing/test-transloco.util';
import { WatchTimelineComponent } from './watch-timeline.component';

function anEvent(overrides: Partial<WatchEvent>): WatchEvent {
  return {
    id: 'e1',
    watchId: 'w1',
    type: 'ended',
    at: '2031-03-02T08:00:00Z',
    actor: null,
    reason: null,
    details: {},
    ...overrides,
  };
}

describe('wv-watch-timeline', () => {
  function render(events: WatchEvent[]): HTMLElement {
    TestBed.configureTestingModule({ imports: [testTransloco()] });
    const fixture = TestBed.createComponent(WatchTimelineComponent);
    fixture.componentRef.setInput('events', events);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('says there is nothing yet', () => {
    const element = render([]);
    expect(element.textContent).toContain('Nog geen gebeurtenissen.');
    expect(element.querySelector('[data-testid=timeline]')).toBeNull();
  });

  it('names an end reason in words, shows a free reason as written and the system as actor', () => {
    const element = render([
      anEvent({ id: 'e1', reason: 'moved_away' }),
      anEvent({
        id: 'e2',
        type: 'paused',
        reason: 'Vakantie',
        actor: { id: 'u1', displayName: 'Rik Regie' },
      }),
    ]);
    const items = [...must(element.querySelector('[data-testid=timeline]')).querySelectorAll('li')];
    const text = (item: Element) => item.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(items).toHaveLength(2);
    expect(text(items[0])).toContain('Reden: Verhuisd');
    expect(text(items[0])).toContain('Waakvlam (automatisch)');
    expect(text(items[1])).toContain('Gepauzeerd');
    expect(text(items[1])).toContain('Reden: Vakantie');
    expect(text(items[1])).toContain('Rik Regie');
    expect(items[1].querySelector('time')?.getAttribute('datetime')).toBe('2031-03-02T08:00:00Z');
  });
});

import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { must, testTransloco } from '../../../testing/test-transloco.util';
import { ListStateComponent } from './list-state.component';

@Component({
  imports: [ListStateComponent],
  template: `
    <wv-list-state
      [loaded]="loaded()"
      [loadError]="loadError()"
      [empty]="empty()"
      errorKey="signals.loadError"
      emptyKey="signals.empty"
      (retry)="retries.set(retries() + 1)"
    >
      <p data-testid="list">De lijst</p>
    </wv-list-state>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly loaded = signal(false);
  readonly loadError = signal(false);
  readonly empty = signal(false);
  readonly retries = signal(0);
}

describe('wv-list-state', () => {
  it('shows loading, then the error with a retry, the empty message, or the list', () => {
    TestBed.configureTestingModule({ imports: [testTransloco()] });
    const fixture = TestBed.createComponent(HostComponent);
    const host = fixture.componentInstance;
    const element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    expect(element.querySelector('[role=status]')?.textContent).toContain('Bezig met laden');
    expect(element.querySelector('[data-testid=list]')).toBeNull();

    host.loaded.set(true);
    host.loadError.set(true);
    fixture.detectChanges();
    expect(element.querySelector('[role=alert] [data-testid=load-error]')).not.toBeNull();
    must(element.querySelector('button')).click();
    expect(host.retries()).toBe(1);

    host.loadError.set(false);
    host.empty.set(true);
    fixture.detectChanges();
    expect(element.querySelector('[data-testid=empty]')).not.toBeNull();
    expect(element.querySelector('[data-testid=list]')).toBeNull();

    host.empty.set(false);
    fixture.detectChanges();
    expect(element.querySelector('[data-testid=list]')?.textContent).toBe('De lijst');
    expect(element.querySelector('[data-testid=empty], [data-testid=load-error], button')).toBeNull();
  });
});

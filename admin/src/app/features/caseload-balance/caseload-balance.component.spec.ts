import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import {
  CASELOAD_BALANCE_PATH,
  IDEMPOTENCY_KEY_HEADER,
  PROBLEM_TYPES,
  REASSIGN_WATCHES_PATH,
  type CaseloadBalance,
  type ReassignWatchesResult,
} from '@waakvlam/contracts';
import axe from 'axe-core';
import { aCaseloadRow, aWatchOf } from '../../../testing/caseload-fixtures';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { CaseloadBalanceComponent } from './caseload-balance.component';

const anna = { id: 'u1', displayName: 'Anna de Vries' };
const bram = { id: 'u2', displayName: 'Bram Bakker' };

const BALANCE: CaseloadBalance = {
  today: '2031-12-03',
  weekStartsOn: '2031-12-01',
  weekEndsOn: '2031-12-07',
  caseworkers: [
    aCaseloadRow(anna, {
      primaryWatches: 12,
      backupWatches: 2,
      dueThisWeek: 5,
      overdue: 1,
      openReactivations: 2,
      reactivationCapacity: 4,
      absentToday: true,
      absence: { startsOn: '2031-12-01', endsOn: '2031-12-12' },
    }),
    aCaseloadRow(bram, { primaryWatches: 3, absence: { startsOn: '2032-01-05', endsOn: '2032-01-09' } }),
  ],
};

const WATCHES = [
  aWatchOf('w1', 'R-1'),
  aWatchOf('w2', 'R-2', { status: 'paused', nextCheckIn: null }),
  aWatchOf('w3', 'R-3', { primaryCaseworker: bram, backupCaseworker: anna }),
  aWatchOf('w4', 'R-4', { status: 'ended' }),
];

describe('CaseloadBalanceComponent', () => {
  let fixture: ComponentFixture<CaseloadBalanceComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await settle();
      await fixture.whenStable();
    }
  }

  async function render(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CaseloadBalanceComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseloadBalanceComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(CASELOAD_BALANCE_PATH).flush(BALANCE);
    await stable();
  }

  async function violations(): Promise<string[]> {
    const results = await axe.run(element, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  const cell = (id: string, testId: string): string =>
    must(
      element.querySelector(`[data-testid=balance] tr[data-id=${id}] [data-testid=${testId}]`),
    ).textContent?.trim() ?? '';
  const names = (): string[] =>
    [...element.querySelectorAll('[data-testid=balance] tr th')].map((th) => th.textContent?.trim() ?? '');

  function choose(testId: string, value: string): void {
    const select = must(element.querySelector<HTMLSelectElement>(`[data-testid=${testId}]`), testId);
    select.value = value;
    select.dispatchEvent(new Event('change'));
  }

  async function pickAnna(): Promise<void> {
    choose('source', 'u1');
    await stable();
    http
      .expectOne(
        (r) =>
          r.url === '/api/watches' && r.params.get('caseworkerId') === 'u1' && r.params.get('page') === '1',
      )
      .flush({ items: WATCHES, page: 1, pageSize: 100, total: WATCHES.length });
    await stable();
  }

  it('shows each caseworker with her figures and her absence in words', async () => {
    await render();
    expect(names()).toEqual(['Anna de Vries', 'Bram Bakker']);
    expect(cell('u1', 'primary')).toBe('12');
    expect(cell('u1', 'backup')).toBe('2');
    expect(cell('u1', 'due')).toBe('5');
    expect(cell('u1', 'overdue')).toBe('1');
    expect(cell('u1', 'reactivations')).toBe('2');
    expect(cell('u1', 'capacity')).toBe('4');
    expect(cell('u2', 'capacity')).toBe('Geen limiet');
    expect(cell('u1', 'absence')).toBe('afwezig t/m 12 dec');
    expect(cell('u2', 'absence')).toBe('afwezig van 5 jan t/m 9 jan');
    expect(element.querySelector('[data-testid=week]')?.textContent).toContain('1 dec t/m 7 dec');
    expect(await violations()).toEqual([]);
  });

  it('sorts by a figure, largest first, and back', async () => {
    await render();
    const sort = must(element.querySelector<HTMLButtonElement>('[data-testid=sort-primaryWatches]'));
    sort.click();
    await stable();
    expect(names()).toEqual(['Anna de Vries', 'Bram Bakker']);
    expect(sort.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    sort.click();
    await stable();
    expect(names()).toEqual(['Bram Bakker', 'Anna de Vries']);
    expect(sort.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
  });

  it("lists the chosen caseworker's open watches; select all ticks every one", async () => {
    await render();
    await pickAnna();
    const rows = [...element.querySelectorAll('[data-testid=watches] tr')];
    expect(rows.map((tr) => tr.getAttribute('data-id'))).toEqual(['w1', 'w2', 'w3']);
    expect(rows[2].textContent).toContain('Vervanger');
    expect(rows[1].textContent).toContain('Gepauzeerd');
    must(element.querySelector<HTMLInputElement>('[data-testid=select-all]')).click();
    await stable();
    expect(
      [...element.querySelectorAll<HTMLInputElement>('[data-testid=select-watch]')].map((box) => box.checked),
    ).toEqual([true, true, true]);
    // The target list leaves out the chosen caseworker herself.
    expect(
      [...element.querySelectorAll('[data-testid=target] option')].map((o) => o.textContent?.trim()),
    ).toEqual(['Kies een begeleider', 'Bram Bakker']);
    expect(await violations()).toEqual([]);
  });

  it('asks for watches and a target before the preview', async () => {
    await render();
    await pickAnna();
    must(element.querySelector<HTMLButtonElement>('[data-testid=preview]')).click();
    await stable();
    const summary = must(element.querySelector('[data-testid=error-summary]')).textContent ?? '';
    expect(summary).toContain('selecteer minstens één waakvlam');
    expect(summary).toContain('Naar begeleider');
    http.expectNone(REASSIGN_WATCHES_PATH);
  });

  it('previews, then hands over with the same key on a retry, announces the result and refreshes the table', async () => {
    await render();
    await pickAnna();
    const boxes = [...element.querySelectorAll<HTMLInputElement>('[data-testid=select-watch]')];
    boxes[0].click();
    boxes[2].click();
    choose('target', 'u2');
    must(element.querySelector<HTMLInputElement>('#reassign-role-primary')).click();
    const reason = must(element.querySelector<HTMLTextAreaElement>('#reassign-reason'));
    reason.value = 'Verlof';
    reason.dispatchEvent(new Event('input'));
    await stable();
    must(element.querySelector<HTMLButtonElement>('[data-testid=preview]')).click();
    await stable();
    const previewRequest = http.expectOne(REASSIGN_WATCHES_PATH);
    expect(previewRequest.request.body).toEqual({
      watchIds: ['w1', 'w3'],
      toCaseworkerId: 'u2',
      role: 'primary',
      reason: 'Verlof',
      preview: true,
    });
    const preview: ReassignWatchesResult = {
      preview: true,
      role: 'primary',
      changes: [{ watchId: 'w1', clientReference: 'R-1', from: anna, to: bram }],
      skipped: [{ watchId: 'w3', reason: 'already_assigned' }],
    };
    previewRequest.flush(preview);
    await stable();
    const result = must(element.querySelector('[data-testid=preview-result]')).textContent ?? '';
    expect(result).toContain('R-1: van Anna de Vries naar Bram Bakker');
    expect(result).toContain('R-3: heeft deze rol al');
    expect(await violations()).toEqual([]);

    must(element.querySelector<HTMLButtonElement>('[data-testid=apply]')).click();
    await stable();
    const failed = http.expectOne(REASSIGN_WATCHES_PATH);
    const key = failed.request.headers.get(IDEMPOTENCY_KEY_HEADER);
    expect(failed.request.body.preview).toBeUndefined();
    failed.flush(
      { type: PROBLEM_TYPES.serviceUnavailable, title: 'Unavailable', status: 503 },
      { status: 503, statusText: 'Unavailable' },
    );
    await stable();
    expect(element.querySelector('[data-testid=error-summary]')).not.toBeNull();

    must(element.querySelector<HTMLButtonElement>('[data-testid=apply]')).click();
    await stable();
    const applied = http.expectOne(REASSIGN_WATCHES_PATH);
    expect(applied.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toBe(key);
    applied.flush({ ...preview, preview: false });
    await stable();
    expect(element.querySelector('[data-testid=status]')?.textContent).toContain(
      '1 waakvlam(men) overgedragen aan Bram Bakker; 1 overgeslagen.',
    );
    http.expectOne(CASELOAD_BALANCE_PATH).flush(BALANCE);
    http
      .expectOne((r) => r.url === '/api/watches' && r.params.get('caseworkerId') === 'u1')
      .flush({ items: WATCHES.slice(1), page: 1, pageSize: 100, total: 3 });
    await stable();
    expect(element.querySelector('[data-testid=preview-result]')).toBeNull();
    expect(element.querySelectorAll('[data-testid=watches] tr')).toHaveLength(2);
  });
});

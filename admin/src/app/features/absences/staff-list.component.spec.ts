import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PROBLEM_TYPES, userPath } from '@waakvlam/contracts';
import axe from 'axe-core';
import { STAFF_USERS } from '../../../testing/reactivation-fixtures';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { StaffListComponent } from './staff-list.component';

const USERS = [
  ...STAFF_USERS.map((user) => (user.id === 'u1' ? { ...user, reactivationCapacity: 6 } : user)),
];

describe('StaffListComponent', () => {
  let fixture: ComponentFixture<StaffListComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [StaffListComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StaffListComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/users?pageSize=100').flush({ items: USERS, page: 1, pageSize: 100, total: 4 });
    await stable();
  }

  const row = (id: string): HTMLElement => must(element.querySelector<HTMLElement>(`tr[data-id=${id}]`), id);
  const capacityInput = (): HTMLInputElement =>
    must(element.querySelector<HTMLInputElement>('#staff-capacity'), 'capacity input');

  async function edit(id: string): Promise<void> {
    must(row(id).querySelector<HTMLButtonElement>('[data-testid=edit-capacity]')).click();
    await stable();
  }

  function type(value: string): void {
    capacityInput().value = value;
    capacityInput().dispatchEvent(new Event('input'));
  }

  async function save(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('[data-testid=save-capacity]')).click();
    await stable();
  }

  async function violations(): Promise<string[]> {
    const results = await axe.run(element, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it("lists the staff (not partners) with each one's reactivation capacity", async () => {
    await render();
    expect(
      [...element.querySelectorAll('[data-testid=staff] tr')].map((tr) => tr.getAttribute('data-id')),
    ).toEqual(['u1', 'u2', 'u3']);
    expect([...element.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toContain(
      'Capaciteit heractiveringen',
    );
    expect(row('u1').querySelector('[data-testid=capacity]')?.textContent).toContain('6');
    expect(row('u2').querySelector('[data-testid=capacity]')?.textContent).toContain('Geen limiet');
    expect(row('u1').querySelector('[data-testid=edit-capacity]')?.textContent?.trim()).toBe(
      'Wijzigen capaciteit van Anna de Vries',
    );
    expect(await violations()).toEqual([]);
  });

  it('changes a capacity with one PATCH, says so politely and returns focus to the button', async () => {
    await render();
    await edit('u2');
    const form = must(element.querySelector('[data-testid=capacity-form]'));
    expect(form.querySelector('h2')?.textContent?.trim()).toBe('Capaciteit van Bert Bos');
    expect(document.activeElement).toBe(form.querySelector('h2'));
    expect(capacityInput().value).toBe('');
    expect(element.querySelector('label[for=staff-capacity]')?.textContent).toContain(
      'Maximaal aantal open heractiveringen',
    );
    expect(capacityInput().getAttribute('aria-describedby')).toBe('staff-capacity-hint');
    expect(await violations()).toEqual([]);

    type(' 4 ');
    await save();
    const request = http.expectOne({ method: 'PATCH', url: userPath('u2') });
    expect(request.request.body).toEqual({ reactivationCapacity: 4 });
    request.flush({ ...USERS[1], reactivationCapacity: 4 });
    await stable();
    expect(element.querySelector('[data-testid=capacity-form]')).toBeNull();
    expect(row('u2').querySelector('[data-testid=capacity]')?.textContent).toContain('4');
    expect(element.querySelector('[data-testid=status]')?.textContent?.trim()).toBe(
      'De capaciteit van Bert Bos is opgeslagen.',
    );
    expect(document.activeElement?.id).toBe('staff-capacity-edit-u2');
  });

  it('sends null for an empty field (no limit), and cancelling changes nothing', async () => {
    await render();
    await edit('u1');
    expect(capacityInput().value).toBe('6');
    must(element.querySelector<HTMLButtonElement>('[data-testid=cancel-capacity]')).click();
    await stable();
    expect(element.querySelector('[data-testid=capacity-form]')).toBeNull();
    expect(document.activeElement?.id).toBe('staff-capacity-edit-u1');

    await edit('u1');
    type('');
    await save();
    const request = http.expectOne({ method: 'PATCH', url: userPath('u1') });
    expect(request.request.body).toEqual({ reactivationCapacity: null });
    request.flush({ ...USERS[0], reactivationCapacity: null });
    await stable();
    expect(row('u1').querySelector('[data-testid=capacity]')?.textContent).toContain('Geen limiet');
  });

  it('refuses anything but a whole number from 0 to 500, and shows what the API refuses', async () => {
    await render();
    await edit('u1');
    for (const value of ['-1', '501', '2,5', 'veel']) {
      type(value);
      await save();
      expect(element.querySelector('#staff-capacity-error')?.textContent?.trim()).toBe(
        'Kies een heel getal van 0 tot en met 500.',
      );
    }
    http.expectNone({ method: 'PATCH' });
    expect(capacityInput().getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('[data-testid=error-summary] a[href="#staff-capacity"]')).not.toBeNull();
    expect(await violations()).toEqual([]);

    type('0');
    await save();
    http.expectOne({ method: 'PATCH', url: userPath('u1') }).flush(
      {
        type: PROBLEM_TYPES.validation,
        title: 'Invalid input',
        status: 400,
        errors: [
          { field: 'reactivationCapacity', message: 'a partner account takes no reactivation requests' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(element.querySelector('#staff-capacity-error')?.textContent?.trim()).toBe(
      'a partner account takes no reactivation requests',
    );

    await save();
    http
      .expectOne({ method: 'PATCH', url: userPath('u1') })
      .flush(null, { status: 403, statusText: 'Forbidden' });
    await stable();
    expect(element.querySelector('[data-testid=error-summary]')?.textContent).toContain(
      'Alleen een regievoerder of beheerder mag de capaciteit wijzigen.',
    );
  });
});

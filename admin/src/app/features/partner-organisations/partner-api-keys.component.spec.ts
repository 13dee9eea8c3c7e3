import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  API_PATHS,
  PROBLEM_TYPES,
  partnerApiKeyPath,
  partnerApiKeysPath,
  type CreatedPartnerApiKey,
  type PartnerApiKey,
  type PartnerOrganisationSummary,
} from '@waakvlam/contracts';
import axe from 'axe-core';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { PartnerApiKeysComponent } from './partner-api-keys.component';

const PARTNERS: PartnerOrganisationSummary[] = [
  { id: 'p1', name: 'Woonstede', kind: 'housing_corporation' },
  { id: 'p2', name: 'Politie Midden', kind: 'police' },
];

function aKey(overrides: Partial<PartnerApiKey> = {}): PartnerApiKey {
  return {
    id: 'k1',
    name: 'Woonstede CRM',
    prefix: 'wvk_Ab3dEf9x',
    feedbackEmail: 'signalen@woonstede.nl',
    createdBy: { id: 'u9', displayName: 'Ada Admin' },
    createdAt: '2031-03-01T09:00:00Z',
    lastUsedAt: '2031-03-02T10:30:00Z',
    revokedAt: null,
    ...overrides,
  };
}

const SECRET = `wvk_${'S'.repeat(40)}`;

describe('PartnerApiKeysComponent', () => {
  let fixture: ComponentFixture<PartnerApiKeysComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;
  let clipboard: { writeText: jest.Mock };

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(
    keys: PartnerApiKey[] = [
      aKey(),
      aKey({
        id: 'k2',
        name: 'Oud systeem',
        prefix: 'wvk_Zz99Yy88',
        feedbackEmail: null,
        lastUsedAt: null,
        revokedAt: '2031-02-01T08:00:00Z',
      }),
    ],
  ): Promise<void> {
    clipboard = { writeText: jest.fn().mockResolvedValue(undefined) };
    Object.defineProperty(window.navigator, 'clipboard', { value: clipboard, configurable: true });
    TestBed.configureTestingModule({
      imports: [PartnerApiKeysComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PartnerApiKeysComponent);
    fixture.componentRef.setInput('id', 'p1');
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await settle();
    http.expectOne(API_PATHS.partnerOrganisations).flush(PARTNERS);
    http.expectOne(partnerApiKeysPath('p1')).flush(keys);
    await stable();
  }

  function rows(): HTMLTableRowElement[] {
    return [...element.querySelectorAll<HTMLTableRowElement>('[data-testid=keys] tr')];
  }

  function type(selector: string, value: string): void {
    const input = must(element.querySelector<HTMLInputElement>(selector), selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function click(selector: string, root: ParentNode = element): Promise<void> {
    must(root.querySelector<HTMLButtonElement>(selector), selector).click();
    await stable();
  }

  async function violations(): Promise<string[]> {
    const results = await axe.run(element, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it("lists the partner's keys: name, prefix, feedback e-mail, created, last used and revoked", async () => {
    await render();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('API-sleutels van Woonstede');
    expect([...element.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual([
      'Naam',
      'Begint met',
      'E-mail voor terugkoppeling',
      'Gemaakt',
      'Laatst gebruikt',
      'Status',
      'Acties',
    ]);
    const [active, revoked] = rows();
    expect(active.querySelector('th')?.textContent?.trim()).toBe('Woonstede CRM');
    expect(active.querySelector('[data-testid=prefix]')?.textContent?.trim()).toBe('wvk_Ab3dEf9x…');
    expect(active.textContent).toContain('signalen@woonstede.nl');
    expect(active.textContent).toContain('door Ada Admin');
    expect(active.querySelector('[data-testid=last-used] time')?.getAttribute('datetime')).toBe(
      '2031-03-02T10:30:00Z',
    );
    expect(active.querySelector('[data-testid=key-status]')?.textContent?.trim()).toBe('Actief');
    expect(active.querySelector('[data-testid=revoke]')?.textContent?.trim()).toBe(
      'Intrekken sleutel Woonstede CRM',
    );
    expect(revoked.textContent).toContain('Geen');
    expect(revoked.querySelector('[data-testid=last-used]')?.textContent?.trim()).toBe('Nog niet gebruikt');
    expect(revoked.querySelector('[data-testid=key-status]')?.textContent).toContain('Ingetrokken op');
    expect(revoked.querySelector('[data-testid=revoke]')).toBeNull();
    expect(element.querySelector('a[href="/ketenpartners"]')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('creates a key and shows its secret once, with a copy button and a clear warning', async () => {
    await render([]);
    expect(element.querySelector('[data-testid=empty]')?.textContent?.trim()).toBe(
      'Deze ketenpartner heeft nog geen API-sleutels.',
    );
    type('#api-key-name', '  Woonstede CRM  ');
    type('#api-key-feedback-email', 'signalen@woonstede.nl');
    await click('[data-testid=submit-key]');
    const request = http.expectOne({ method: 'POST', url: partnerApiKeysPath('p1') });
    expect(request.request.body).toEqual({ name: 'Woonstede CRM', feedbackEmail: 'signalen@woonstede.nl' });
    const created: CreatedPartnerApiKey = { ...aKey({ lastUsedAt: null }), key: SECRET };
    request.flush(created);
    await stable();

    const panel = must(element.querySelector('[data-testid=created-key]'));
    expect(panel.querySelector('h2')?.textContent?.trim()).toBe('Nieuwe sleutel: Woonstede CRM');
    expect(document.activeElement).toBe(panel.querySelector('h2'));
    expect(panel.querySelector('[data-testid=secret]')?.textContent).toBe(SECRET);
    expect(panel.querySelector('[data-testid=secret-warning]')?.textContent).toContain(
      'U ziet deze sleutel hierna niet meer.',
    );
    expect(panel.textContent).toContain('X-Api-Key');
    // The list shows the new key, without its secret.
    expect(rows()).toHaveLength(1);
    expect(element.querySelector('[data-testid=keys]')?.textContent).not.toContain(SECRET);
    expect(must(element.querySelector<HTMLInputElement>('#api-key-name')).value).toBe('');
    expect(await violations()).toEqual([]);

    await click('[data-testid=copy]', panel);
    expect(clipboard.writeText).toHaveBeenCalledWith(SECRET);
    expect(element.querySelector('[data-testid=copy-status]')?.getAttribute('role')).toBe('status');
    expect(element.querySelector('[data-testid=copy-status]')?.textContent?.trim()).toBe(
      'De sleutel is gekopieerd.',
    );

    clipboard.writeText.mockRejectedValueOnce(new Error('denied'));
    await click('[data-testid=copy]', panel);
    expect(element.querySelector('[data-testid=copy-status]')?.textContent).toContain('Kopiëren lukt niet');

    await click('[data-testid=dismiss]');
    expect(element.querySelector('[data-testid=created-key]')).toBeNull();
    expect(element.textContent).not.toContain(SECRET);
    expect(document.activeElement?.id).toBe('api-keys-list-heading');
  });

  it('checks the name and the e-mail before sending, and shows what the API refuses', async () => {
    await render([]);
    type('#api-key-feedback-email', 'geen-adres');
    await click('[data-testid=submit-key]');
    http.expectNone({ method: 'POST', url: partnerApiKeysPath('p1') });
    expect(element.querySelector('#api-key-name-error')?.textContent?.trim()).toBe('Vul dit veld in.');
    expect(element.querySelector('#api-key-feedback-email-error')?.textContent).toContain(
      'geldig e-mailadres',
    );
    expect(must(element.querySelector('#api-key-name')).getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('[data-testid=error-summary] a[href="#api-key-name"]')).not.toBeNull();
    expect(await violations()).toEqual([]);

    type('#api-key-name', 'x'.repeat(101));
    type('#api-key-feedback-email', '');
    await stable();
    expect(element.querySelector('#api-key-name-error')?.textContent?.trim()).toBe(
      'Gebruik maximaal 100 tekens.',
    );

    type('#api-key-name', 'CRM');
    await click('[data-testid=submit-key]');
    const request = http.expectOne({ method: 'POST', url: partnerApiKeysPath('p1') });
    expect(request.request.body).toEqual({ name: 'CRM' });
    request.flush(
      {
        type: PROBLEM_TYPES.validation,
        title: 'Invalid input',
        status: 400,
        errors: [{ field: 'name', message: 'name must not be blank' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(element.querySelector('#api-key-name-error')?.textContent?.trim()).toBe('name must not be blank');
    expect(element.querySelector('[data-testid=created-key]')).toBeNull();
  });

  it('revokes a key only after confirmation; cancelling returns focus to its button', async () => {
    await render();
    await click('[data-testid=revoke]');
    const confirm = must(element.querySelector('[data-testid=confirm-revoke]'));
    expect(confirm.querySelector('h3')?.textContent?.trim()).toBe(
      'Sleutel Woonstede CRM (wvk_Ab3dEf9x…) intrekken?',
    );
    expect(confirm.textContent).toContain('U kunt dit niet ongedaan maken.');
    expect(document.activeElement).toBe(confirm.querySelector('h3'));
    http.expectNone({ method: 'DELETE' });
    expect(await violations()).toEqual([]);

    await click('[data-testid=confirm-revoke-no]');
    expect(element.querySelector('[data-testid=confirm-revoke]')).toBeNull();
    expect(document.activeElement?.id).toBe('api-key-revoke-k1');
    http.expectNone({ method: 'DELETE' });

    await click('[data-testid=revoke]');
    await click('[data-testid=confirm-revoke-yes]');
    http.expectOne({ method: 'DELETE', url: partnerApiKeyPath('p1', 'k1') }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await stable();
    expect(element.querySelector('[data-testid=confirm-revoke]')).toBeNull();
    expect(rows()[0].querySelector('[data-testid=key-status]')?.textContent).toContain('Ingetrokken op');
    expect(rows()[0].querySelector('[data-testid=revoke]')).toBeNull();
    expect(element.querySelector('[data-testid=status]')?.textContent?.trim()).toBe(
      'Sleutel Woonstede CRM is ingetrokken.',
    );
    expect(document.activeElement?.id).toBe('api-keys-list-heading');
  });

  it('says when revoking fails, and keeps the key active', async () => {
    await render();
    await click('[data-testid=revoke]');
    await click('[data-testid=confirm-revoke-yes]');
    http
      .expectOne({ method: 'DELETE', url: partnerApiKeyPath('p1', 'k1') })
      .flush(null, { status: 503, statusText: 'Service Unavailable' });
    await stable();
    expect(element.querySelector('[data-testid=alert]')?.textContent).toContain('Intrekken lukt nu niet');
    expect(element.querySelector('[data-testid=confirm-revoke]')).not.toBeNull();
    expect(rows()[0].querySelector('[data-testid=key-status]')?.textContent?.trim()).toBe('Actief');
  });

  it('says when the partner organisation does not exist', async () => {
    TestBed.configureTestingModule({
      imports: [PartnerApiKeysComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PartnerApiKeysComponent);
    fixture.componentRef.setInput('id', 'nope');
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await settle();
    http.expectOne(API_PATHS.partnerOrganisations).flush(PARTNERS);
    http.expectOne(partnerApiKeysPath('nope')).flush(null, { status: 404, statusText: 'Not Found' });
    await stable();
    expect(element.querySelector('[data-testid=not-found]')?.textContent?.trim()).toBe(
      'Deze ketenpartner is niet gevonden.',
    );
    expect(element.querySelector('form')).toBeNull();
  });
});

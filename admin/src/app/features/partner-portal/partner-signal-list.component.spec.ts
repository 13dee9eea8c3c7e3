import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SIGNALS_PATH, signalPath, type Me } from '@waakvlam/contracts';
import { aPartnerSignal } from '../../../testing/reactivation-fixtures';
import { aUser, must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { AuthService } from '../../core/auth/auth.service';
import { PartnerSignalDetailComponent } from './partner-signal-detail.component';
import { PartnerSignalListComponent } from './partner-signal-list.component';

const PARTNER = aUser({
  role: 'partner',
  partnerOrganisation: { id: 'p1', name: 'Woonstede', kind: 'housing_corporation' },
});

describe('the partner portal', () => {
  let http: HttpTestingController;

  afterEach(() => http.verify());

  function configure(): void {
    const me = signal<Me | null>(PARTNER);
    TestBed.configureTestingModule({
      imports: [testTransloco()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { me: me.asReadonly() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  }

  async function stable(fixture: ComponentFixture<unknown>): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  it('lists the own signals with their status and the newest feedback text', async () => {
    configure();
    const fixture = TestBed.createComponent(PartnerSignalListComponent);
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(`${SIGNALS_PATH}?page=1&pageSize=25`).flush({
      items: [
        aPartnerSignal({
          status: 'handled',
          feedback: [
            { status: 'triaged', text: 'We nemen contact op.', createdAt: '2031-03-02T08:00:00Z' },
            { status: 'handled', text: 'Afgehandeld, dank u.', createdAt: '2031-03-04T08:00:00Z' },
          ],
        }),
        aPartnerSignal({
          id: 's2',
          status: 'received',
          clientReference: null,
          address: { postcode: '1234AB', houseNumber: '5', houseNumberAddition: null },
          feedback: [],
        }),
      ],
      page: 1,
      pageSize: 25,
      total: 2,
    });
    await stable(fixture);
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Mijn signalen');
    expect(element.textContent).toContain('Signalen van Woonstede.');
    expect(element.querySelector('[data-testid=new-signal]')?.getAttribute('href')).toBe('/meldingen/nieuw');
    const rows = [...element.querySelectorAll('[data-testid=signals] tr')];
    expect(rows[0].querySelector('[data-testid=status]')?.textContent?.trim()).toBe('Afgehandeld');
    expect(rows[0].querySelector('[data-testid=latest-feedback]')?.textContent?.trim()).toBe(
      'Afgehandeld, dank u.',
    );
    expect(rows[0].textContent).toContain('Referentie K7M4-Q9XT');
    expect(rows[1].textContent).toContain('1234 AB 5');
    expect(rows[1].querySelector('[data-testid=latest-feedback]')?.textContent?.trim()).toBe(
      'Nog geen terugkoppeling',
    );

    const status = must(element.querySelector<HTMLSelectElement>('[data-testid=status-filter]'));
    status.value = 'received';
    status.dispatchEvent(new Event('change'));
    await stable(fixture);
    http
      .expectOne(`${SIGNALS_PATH}?status=received&page=1&pageSize=25`)
      .flush({ items: [], page: 1, pageSize: 25, total: 0 });
    await stable(fixture);
    expect(element.querySelector('[data-testid=empty]')).not.toBeNull();
  });

  it('shows one signal with every feedback text, newest first', async () => {
    configure();
    const fixture = TestBed.createComponent(PartnerSignalDetailComponent);
    fixture.componentRef.setInput('id', 's1');
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await settle();
    http.expectOne(signalPath('s1')).flush(
      aPartnerSignal({
        feedback: [
          { status: 'triaged', text: 'We nemen contact op.', createdAt: '2031-03-02T08:00:00Z' },
          { status: 'handled', text: 'Afgehandeld, dank u.', createdAt: '2031-03-04T08:00:00Z' },
        ],
      }),
    );
    await stable(fixture);
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Signaal: Huurachterstand');
    expect(
      [...element.querySelectorAll('[data-testid=feedback] li .wv-prewrap')].map((p) =>
        p.textContent?.trim(),
      ),
    ).toEqual(['Afgehandeld, dank u.', 'We nemen contact op.']);
  });

  it('says so when a signal cannot be shown (not one of its own: 404)', async () => {
    configure();
    const fixture = TestBed.createComponent(PartnerSignalDetailComponent);
    fixture.componentRef.setInput('id', 'other');
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await settle();
    http.expectOne(signalPath('other')).flush({ status: 404 }, { status: 404, statusText: 'Not Found' });
    await stable(fixture);
    expect(element.querySelector('[data-testid=load-error]')?.textContent).toContain(
      'kon niet worden geladen',
    );
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { API_PATHS, STAFF_ROLES, type Me } from '@waakvlam/contracts';
import { aUser, settle, testTransloco } from '../testing/test-transloco.util';
import { AppComponent } from './app.component';
import { AuthService } from './core/auth/auth.service';

describe('AppComponent (shell)', () => {
  let http: HttpTestingController;

  async function render(me: Me | null): Promise<HTMLElement> {
    const current = signal<Me | null>(me);
    TestBed.configureTestingModule({
      imports: [AppComponent, testTransloco()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: AuthService,
          useValue: {
            me: current.asReadonly(),
            isStaff: computed(() => {
              const user = current();
              return user !== null && STAFF_ROLES.includes(user.role);
            }),
            signOut: jest.fn().mockResolvedValue(undefined),
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AppComponent);
    fixture.detectChanges();
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function flushMailbox(element: HTMLElement, enabled: boolean): Promise<void> {
    http.expectOne(API_PATHS.devMailbox).flush({ enabled, messages: [] });
    await settle();
    TestBed.tick();
    void element;
  }

  function navLinks(element: HTMLElement): string[] {
    return [...element.querySelectorAll('nav a')].map((link) => link.textContent?.trim() ?? '');
  }

  afterEach(() => http.verify());

  it('has a skip link, a header, and a main landmark with the skip target', async () => {
    const element = await render(null);
    const skip = element.querySelector('header a');
    expect(skip?.textContent?.trim()).toBe('Naar de hoofdinhoud');
    expect(skip?.getAttribute('href')).toBe('#hoofdinhoud');
    expect(element.querySelector('main#hoofdinhoud')).not.toBeNull();
    expect(element.querySelector('header')?.textContent).toContain('Waakvlam');
  });

  it('shows no navigation and no sign-out button when nobody is signed in', async () => {
    const element = await render(null);
    expect(element.querySelector('nav')).toBeNull();
    expect(element.textContent).not.toContain('Uitloggen');
  });

  it('shows Overzicht, Inwoners, Waakvlammen, Contactmomenten, Heractiveringen, Signalen, Medewerkers, Caseloadbalans, Ketenpartners, Berichten, Logboek, Wie ben ik, Beveiliging, Instellingen, the queue board and the Dev-mailbox to an admin', async () => {
    const element = await render(aUser({ role: 'admin' }));
    await flushMailbox(element, true);
    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Hoofdmenu');
    expect(navLinks(element)).toEqual([
      'Overzicht',
      'Inwoners',
      'Waakvlammen',
      'Contactmomenten',
      'Heractiveringen',
      'Signalen',
      'Medewerkers',
      'Caseloadbalans',
      'Ketenpartners',
      'Berichten',
      'Logboek',
      'Wie ben ik',
      'Beveiliging',
      'Instellingen',
      'Wachtrijen (Bull Board)',
      'Dev-mailbox',
    ]);
    expect(element.querySelector('nav a[href="/instellingen"]')).not.toBeNull();
    // Bull Board is a page of the API: a plain link, loaded in full.
    expect(element.querySelector('nav a[href="/api/admin/queues"]')).not.toBeNull();
    expect(element.textContent).toContain('Team Zorg Noord');
  });

  it('shows Overzicht, Inwoners, Waakvlammen, Contactmomenten, Heractiveringen, Signalen, Medewerkers, Caseloadbalans, Berichten, Logboek, Wie ben ik, Beveiliging and the Dev-mailbox, but not Instellingen, to a coordinator', async () => {
    const element = await render(aUser({ role: 'coordinator' }));
    await flushMailbox(element, true);
    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Hoofdmenu');
    expect(navLinks(element)).toEqual([
      'Overzicht',
      'Inwoners',
      'Waakvlammen',
      'Contactmomenten',
      'Heractiveringen',
      'Signalen',
      'Medewerkers',
      'Caseloadbalans',
      'Berichten',
      'Logboek',
      'Wie ben ik',
      'Beveiliging',
      'Dev-mailbox',
    ]);
    expect(element.querySelector('nav a[href="/instellingen"]')).toBeNull();
  });

  it('shows a caseworker Vandaag, Mijn caseload, Heractiveringen, Mijn afwezigheid, Wie ben ik, Beveiliging and the Dev-mailbox', async () => {
    const element = await render(aUser({ role: 'caseworker' }));
    await flushMailbox(element, true);
    expect(navLinks(element)).toEqual([
      'Vandaag',
      'Mijn caseload',
      'Heractiveringen',
      'Mijn afwezigheid',
      'Wie ben ik',
      'Beveiliging',
      'Dev-mailbox',
    ]);
  });

  it('hides the Dev-mailbox (but not Berichten) from staff when the mailbox is disabled', async () => {
    const element = await render(aUser({ role: 'admin' }));
    await flushMailbox(element, false);
    expect(navLinks(element)).toEqual([
      'Overzicht',
      'Inwoners',
      'Waakvlammen',
      'Contactmomenten',
      'Heractiveringen',
      'Signalen',
      'Medewerkers',
      'Caseloadbalans',
      'Ketenpartners',
      'Berichten',
      'Logboek',
      'Wie ben ik',
      'Beveiliging',
      'Instellingen',
      'Wachtrijen (Bull Board)',
    ]);
  });

  it('shows a partner only Mijn signalen, Wie ben ik and Beveiliging, never the Dev-mailbox, and does not ask for it', async () => {
    const element = await render(
      aUser({
        role: 'partner',
        partnerOrganisation: { id: 'p1', name: 'Woonstad', kind: 'housing_corporation' },
      }),
    );
    http.expectNone(API_PATHS.devMailbox);
    expect(navLinks(element)).toEqual(['Mijn signalen', 'Wie ben ik', 'Beveiliging']);
  });
});

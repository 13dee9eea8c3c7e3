import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { API_PATHS } from '@waakvlam/contracts';
import { settle, testTransloco } from '../../../testing/test-transloco.util';
import { PartnerOrganisationsComponent } from './partner-organisations.component';

describe('PartnerOrganisationsComponent', () => {
  let fixture: ComponentFixture<PartnerOrganisationsComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  afterEach(() => http.verify());

  async function render(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [PartnerOrganisationsComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PartnerOrganisationsComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  it('lists the partners by name with their kind and a link to their API keys', async () => {
    await render();
    http.expectOne(API_PATHS.partnerOrganisations).flush([
      { id: 'p2', name: 'Woonstede', kind: 'housing_corporation' },
      { id: 'p1', name: 'Politie Midden', kind: 'police' },
    ]);
    await settle();
    await fixture.whenStable();
    const rows = [...element.querySelectorAll('[data-testid=partners] tr')];
    expect(rows.map((row) => row.querySelector('th')?.textContent?.trim())).toEqual([
      'Politie Midden',
      'Woonstede',
    ]);
    expect(rows[1].textContent).toContain('Woningcorporatie');
    const link = rows[1].querySelector('a');
    expect(link?.getAttribute('href')).toBe('/ketenpartners/p2');
    expect(link?.textContent?.trim()).toBe('API-sleutels beheren: Woonstede');
  });

  it('says when there are none', async () => {
    await render();
    http.expectOne(API_PATHS.partnerOrganisations).flush([]);
    await settle();
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=empty]')?.textContent?.trim()).toBe(
      'Uw organisatie heeft nog geen ketenpartners.',
    );
  });
});

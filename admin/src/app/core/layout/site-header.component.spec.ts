import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { aUser, settle, testTransloco } from '../../../testing/test-transloco.util';
import { LOCALE_STORAGE_KEY } from '../i18n/languages';
import { SiteHeaderComponent } from './site-header.component';

describe('SiteHeaderComponent language switch', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'nl';
  });

  async function render() {
    TestBed.configureTestingModule({ imports: [SiteHeaderComponent, testTransloco()] });
    const fixture = TestBed.createComponent(SiteHeaderComponent);
    fixture.componentRef.setInput('me', aUser());
    await fixture.whenStable();
    return fixture;
  }

  function button(element: HTMLElement, name: string): HTMLButtonElement {
    const found = [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (!found) throw new Error(`No button "${name}"`);
    return found;
  }

  it('switches the texts to English at runtime and remembers the choice', async () => {
    const fixture = await render();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.textContent).toContain('Uitloggen');
    expect(element.textContent).toContain('Naar de hoofdinhoud');
    expect(button(element, 'Nederlands').getAttribute('aria-pressed')).toBe('true');

    button(element, 'English').click();
    await settle();
    await fixture.whenStable();

    expect(element.textContent).toContain('Sign out');
    expect(element.textContent).toContain('Skip to main content');
    expect(element.textContent).not.toContain('Uitloggen');
    expect(button(element, 'English').getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('en');
  });

  it('emits signOut when the sign-out button is pressed', async () => {
    const fixture = await render();
    const signOut = jest.fn();
    fixture.componentInstance.signOut.subscribe(signOut);
    button(fixture.nativeElement as HTMLElement, 'Uitloggen').click();
    expect(signOut).toHaveBeenCalledTimes(1);
  });
});

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SUPPORTED_LOCALES, type Locale } from '@waakvlam/contracts';
import { LANGUAGE_NAMES } from '../i18n/languages';
import { LanguageService } from '../i18n/language.service';

@Component({
  selector: 'wv-language-switch',
  imports: [TranslocoPipe],
  templateUrl: './language-switch.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitchComponent {
  private readonly language = inject(LanguageService);

  protected readonly current = this.language.locale;
  protected readonly options = SUPPORTED_LOCALES.map((code) => ({ code, name: LANGUAGE_NAMES[code] }));

  protected choose(locale: Locale): void {
    if (locale !== this.current()) {
      void this.language.use(locale);
    }
  }
}

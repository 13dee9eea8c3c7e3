import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { LOCALE_TAGS } from '../../core/i18n/languages';
import { LanguageService } from '../../core/i18n/language.service';

@Component({
  selector: 'wv-who-am-i',
  imports: [TranslocoPipe],
  templateUrl: './who-am-i.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WhoAmIComponent {
  private readonly language = inject(LanguageService);

  protected readonly me = inject(AuthService).me;

  /** Session end in the active language and the organisation's time zone. */
  protected readonly sessionEnds = computed(() => {
    const me = this.me();
    if (!me) {
      return null;
    }
    const date = new Date(me.sessionExpiresAt);
    if (Number.isNaN(date.getTime())) {
      return null;
    }
    return {
      iso: date.toISOString(),
      text: new Intl.DateTimeFormat(LOCALE_TAGS[this.language.locale()], {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: me.organisation.timeZone || undefined,
      }).format(date),
    };
  });
}

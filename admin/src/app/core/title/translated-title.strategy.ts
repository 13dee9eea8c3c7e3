import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, combineLatest, switchMap } from 'rxjs';

/**
 * Route `title`s are translation keys. The document title becomes "<page> – Waakvlam" in the active
 * language and follows a language switch without navigation.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly key$ = new BehaviorSubject<string | undefined>(undefined);

  constructor() {
    super();
    combineLatest([this.key$, this.transloco.langChanges$])
      .pipe(
        switchMap(([key, lang]) =>
          key
            ? this.transloco
                .selectTranslate<string>(key, {}, lang)
                .pipe(
                  switchMap((page) =>
                    this.transloco.selectTranslate<string>('app.documentTitle', { page }, lang),
                  ),
                )
            : this.transloco.selectTranslate<string>('app.name', {}, lang),
        ),
      )
      .subscribe((title) => this.title.setTitle(title));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key$.next(this.buildTitle(snapshot));
  }
}

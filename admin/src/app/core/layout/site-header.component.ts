import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Me } from '@waakvlam/contracts';
import { LanguageSwitchComponent } from './language-switch.component';

@Component({
  selector: 'wv-site-header',
  imports: [TranslocoPipe, LanguageSwitchComponent],
  templateUrl: './site-header.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteHeaderComponent {
  readonly me = input<Me | null>(null);
  readonly skipToMain = output<void>();
  readonly signOut = output<void>();

  protected onSkip(event: Event): void {
    event.preventDefault();
    this.skipToMain.emit();
  }
}

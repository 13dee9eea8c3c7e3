import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { NavItem } from '../navigation/nav-items.config';

@Component({
  selector: 'wv-main-nav',
  imports: [RouterLink, RouterLinkActive, TranslocoPipe],
  templateUrl: './main-nav.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MainNavComponent {
  readonly items = input.required<readonly NavItem[]>();
}

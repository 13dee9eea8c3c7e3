import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { DashboardComponent } from '../dashboard/dashboard.component';

/** The start page: the dashboard for coordinators and admins, a welcome for everyone else. */
@Component({
  selector: 'wv-home',
  imports: [TranslocoPipe, DashboardComponent],
  templateUrl: './home.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomeComponent {
  protected readonly me = inject(AuthService).me;
}

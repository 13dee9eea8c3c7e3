import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  type OnInit,
  afterNextRender,
  inject,
  input,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SELF_CHECK_IN_TOKEN_PATTERN, type SelfCheckInResponse } from '@waakvlam/contracts';
import { FocusOnNavigationService } from '../../core/a11y/focus-on-navigation.service';
import { SelfCheckInService } from './self-check-in.service';

type Phase = 'loading' | 'open' | 'recorded' | 'unusable' | 'unavailable';
type Problem = 'rateLimited' | 'failed';

interface Choice {
  response: SelfCheckInResponse;
  label: string;
}

const CHOICES: readonly Choice[] = [
  { response: 'well', label: 'selfCheckIn.answers.well' },
  { response: 'concern', label: 'selfCheckIn.answers.concern' },
  { response: 'needs_support', label: 'selfCheckIn.answers.needs_support' },
];

/**
 * The client's self check-in (`/check-in/:token`, from the pre-notice e-mail): no sign-in, no personal data, three
 * answers, one use. A link that cannot be used (unknown, used, expired) gets one friendly page that tells nothing
 * more.
 */
@Component({
  selector: 'wv-self-check-in',
  imports: [TranslocoPipe],
  templateUrl: './self-check-in.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SelfCheckInComponent implements OnInit {
  private readonly selfCheckIns = inject(SelfCheckInService);
  private readonly focus = inject(FocusOnNavigationService);
  private readonly injector = inject(Injector);

  /** The link's secret (route parameter). */
  readonly token = input.required<string>();

  protected readonly choices = CHOICES;
  protected readonly phase = signal<Phase>('loading');
  /** The answer being sent, and once recorded, the answer given. */
  protected readonly answer = signal<SelfCheckInResponse | null>(null);
  protected readonly sending = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    if (!SELF_CHECK_IN_TOKEN_PATTERN.test(this.token())) {
      this.phase.set('unusable');
      return;
    }
    this.phase.set('loading');
    this.problem.set(null);
    try {
      await this.selfCheckIns.status(this.token());
      this.phase.set('open');
    } catch (error: unknown) {
      const status = statusOf(error);
      if (status === 404) {
        this.phase.set('unusable');
      } else {
        this.problem.set(status === 429 ? 'rateLimited' : 'failed');
        this.phase.set('unavailable');
      }
    }
  }

  protected async choose(response: SelfCheckInResponse): Promise<void> {
    if (this.sending()) {
      return;
    }
    this.sending.set(true);
    this.answer.set(response);
    this.problem.set(null);
    try {
      await this.selfCheckIns.respond(this.token(), response);
      this.phase.set('recorded');
      this.focusHeading();
    } catch (error: unknown) {
      const status = statusOf(error);
      if (status === 404) {
        this.answer.set(null);
        this.phase.set('unusable');
        this.focusHeading();
      } else {
        this.answer.set(null);
        this.problem.set(status === 429 ? 'rateLimited' : 'failed');
      }
    } finally {
      this.sending.set(false);
    }
  }

  /** The page changed as a whole: start screen reader and keyboard users at its new heading. */
  private focusHeading(): void {
    afterNextRender({ read: () => this.focus.focusMainHeading() }, { injector: this.injector });
  }
}

function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}

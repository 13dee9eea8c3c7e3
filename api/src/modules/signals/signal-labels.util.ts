import type { Locale, SignalCategory, SignalTriageDecision } from '@waakvlam/contracts';
import type { TemplateName } from '../../core/mail/template-renderer.util';

/** How e-mails name a category. */
export const SIGNAL_CATEGORY_LABELS: Readonly<Record<Locale, Readonly<Record<SignalCategory, string>>>> = {
  nl: {
    rent_arrears: 'huurachterstand',
    nuisance: 'overlast',
    neglect: 'verwaarlozing',
    confused_behaviour: 'verward gedrag',
    isolation: 'eenzaamheid',
    safety: 'veiligheid',
    other: 'anders',
  },
  en: {
    rent_arrears: 'rent arrears',
    nuisance: 'nuisance',
    neglect: 'neglect',
    confused_behaviour: 'confused behaviour',
    isolation: 'isolation',
    safety: 'safety',
    other: 'other',
  },
};

/** The standard feedback text for the partner, per triage decision and for handling. */
export const STANDARD_FEEDBACK: Readonly<Record<SignalTriageDecision | 'handled', TemplateName>> = {
  linked: 'partner-signal-text-linked',
  forwarded: 'partner-signal-text-forwarded',
  no_action: 'partner-signal-text-no-action',
  handled: 'partner-signal-text-handled',
};

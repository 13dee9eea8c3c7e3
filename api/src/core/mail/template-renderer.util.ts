import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LOCALES, type Locale } from '@waakvlam/contracts';

/** Every e-mail template; each exists as `templates/<locale>/<name>.txt` for every supported locale. */
export const TEMPLATE_NAMES = [
  'client-pre-notice',
  'client-self-check-in',
  'caseworker-overdue',
  'backup-grace-ended',
  'coordinator-missed',
  'caseworker-digest',
  'caseworker-client-concern',
  'caseworker-client-needs-support',
  'lapsed',
  'reactivation-assigned',
  'reactivation-pool',
  'reactivation-merged',
  'reactivation-sla-half',
  'reactivation-sla-breach',
  'partner-signal-triaged',
  'partner-signal-handled',
  'partner-signal-feedback-due',
  'partner-signal-text-linked',
  'partner-signal-text-forwarded',
  'partner-signal-text-no-action',
  'partner-signal-text-handled',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * Beside this file in the sources (Jest) and in the build output: the build copies the directory (api/project.json).
 */
export const TEMPLATES_DIR = join(__dirname, 'templates');

export interface RenderedMail {
  subject: string;
  text: string;
}

interface Template {
  subject: string;
  body: string;
}

/** `{{name}}`: a letter, then letters and digits. */
const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g;
const SUBJECT_LINE = /^Subject: (\S.*)$/;

/**
 * Reads the e-mail templates once and fills their `{{placeholders}}`. A template is a file whose first line is
 * `Subject: …`, then one blank line, then the plain-text body. A missing or malformed template, or a placeholder
 * without a value, throws: a mail is never sent with a hole in it.
 *
 * A value is inserted as it is and never scanned again, so the value `{{link}}` keeps the self check-in link's
 * placeholder for the sender to fill in.
 */
export class TemplateRenderer {
  private readonly cache = new Map<string, Template>();

  constructor(private readonly dir: string = TEMPLATES_DIR) {}

  /** Reads every template of every locale now, so that a missing or malformed one fails at start-up. */
  preload(): this {
    for (const locale of SUPPORTED_LOCALES) for (const name of TEMPLATE_NAMES) this.template(locale, name);
    return this;
  }

  render(
    locale: Locale,
    name: TemplateName,
    values: Readonly<Record<string, string | number>>,
  ): RenderedMail {
    const template = this.template(locale, name);
    const fill = (text: string, oneLine: boolean): string =>
      text.replace(PLACEHOLDER, (_match, key: string) => {
        if (!Object.hasOwn(values, key)) {
          throw new Error(`Template ${locale}/${name} needs a value for {{${key}}}`);
        }
        const value = String(values[key]);
        // A subject is one header line: a value never adds a line break to it.
        return oneLine ? value.replace(/\s+/g, ' ') : value;
      });
    return { subject: fill(template.subject, true).trim(), text: fill(template.body, false) };
  }

  private template(locale: Locale, name: TemplateName): Template {
    const key = `${locale}/${name}`;
    let template = this.cache.get(key);
    if (!template) {
      template = parse(key, this.read(locale, name));
      this.cache.set(key, template);
    }
    return template;
  }

  private read(locale: Locale, name: TemplateName): string {
    if (!(SUPPORTED_LOCALES as readonly string[]).includes(locale) || !TEMPLATE_NAMES.includes(name)) {
      throw new Error(`Unknown e-mail template ${locale}/${name}`);
    }
    const file = join(this.dir, locale, `${name}.txt`);
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`E-mail template ${locale}/${name} is missing (${file})`, { cause: error });
    }
  }
}

function parse(key: string, source: string): Template {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const subject = SUBJECT_LINE.exec(lines[0] ?? '')?.[1];
  if (!subject || lines[1] !== '') {
    throw new Error(`E-mail template ${key} must start with "Subject: …" and a blank line`);
  }
  const body = lines.slice(2).join('\n').replace(/\n+$/, '\n');
  if (body.trim() === '') throw new Error(`E-mail template ${key} has no body`);
  for (const part of [subject, body]) {
    // Braces left after removing the well-formed placeholders are a typo (`{{ name }}`, `{{first-name}}`, `{name}}`).
    const rest = part.replace(PLACEHOLDER, '');
    if (rest.includes('{{') || rest.includes('}}')) {
      throw new Error(`E-mail template ${key} has a malformed placeholder`);
    }
  }
  return { subject: subject.trim(), body };
}

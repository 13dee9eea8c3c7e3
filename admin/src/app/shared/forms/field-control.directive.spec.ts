import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { must, testTransloco } from '../../../testing/test-transloco.util';
import { FieldControlDirective } from './field-control.directive';
import { FormFieldComponent } from './form-field.component';
import type { Message } from './form-messages';

@Component({
  imports: [FormFieldComponent, FieldControlDirective],
  template: `
    <wv-form-field fieldId="f-name" labelKey="clients.fields.name" [hintKey]="hint()" [error]="error()">
      <input wvFieldControl type="text" />
    </wv-form-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly hint = signal<string | null>(null);
  readonly error = signal<Message | undefined>(undefined);
}

describe('wvFieldControl', () => {
  function render() {
    TestBed.configureTestingModule({ imports: [testTransloco()] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const control = () => must(element.querySelector('input'));
    return { fixture, element, control };
  }

  it('takes the id of its field, so that the label names it', () => {
    const { element, control } = render();
    expect(control().id).toBe('f-name');
    expect(must(element.querySelector('label')).htmlFor).toBe('f-name');
    expect(control().hasAttribute('aria-invalid')).toBe(false);
    expect(control().hasAttribute('aria-describedby')).toBe(false);
  });

  it('is described by the hint, then by the error, and invalid while the error shows', () => {
    const { fixture, element, control } = render();
    fixture.componentInstance.hint.set('clients.hints.reference');
    fixture.detectChanges();
    expect(control().getAttribute('aria-describedby')).toBe('f-name-hint');
    expect(element.querySelector('#f-name-hint')).not.toBeNull();

    fixture.componentInstance.error.set({ key: 'forms.errors.required' });
    fixture.detectChanges();
    expect(control().getAttribute('aria-describedby')).toBe('f-name-hint f-name-error');
    expect(control().getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('#f-name-error')?.getAttribute('role')).toBeNull();

    fixture.componentInstance.hint.set(null);
    fixture.detectChanges();
    expect(control().getAttribute('aria-describedby')).toBe('f-name-error');
  });
});

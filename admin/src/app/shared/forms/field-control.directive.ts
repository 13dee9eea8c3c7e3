import { Directive, computed, inject } from '@angular/core';
import { FormFieldComponent, describedBy } from './form-field.component';

/**
 * On the control inside a `wv-form-field`: gives it the field's id, `aria-invalid` while the field shows an error,
 * and `aria-describedby` pointing at the field's hint and error, so that the label, hint and message stay tied to
 * the control without repeating them on every field.
 */
@Directive({
  selector: '[wvFieldControl]',
  host: {
    '[id]': 'field.fieldId()',
    '[attr.aria-invalid]': "field.error() ? 'true' : null",
    '[attr.aria-describedby]': 'describedBy()',
  },
})
export class FieldControlDirective {
  protected readonly field = inject(FormFieldComponent);

  protected readonly describedBy = computed(() =>
    describedBy(this.field.fieldId(), !!this.field.hintKey(), !!this.field.error()),
  );
}

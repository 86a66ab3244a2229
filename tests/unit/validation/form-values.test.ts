import { describe, expect, it } from 'vitest';
import { formValues } from '../../../lib/validation/form-values';

describe('values a failed form sends back', () => {
  it('keep what was typed, but never a password, a confirmation or a token', () => {
    const data = new FormData();
    for (const [key, value] of [
      ['name', 'Ada'],
      ['email', 'ada@example.test'],
      ['currentPassword', 'one secret'],
      ['newPassword', 'two secret'],
      ['password', 'three secret'],
      ['confirm', 'four secret'],
      ['token', 'five secret'],
      ['roles', 'clinician'],
      ['roles', 'manager'],
      ['$ACTION_ID_abc', ''],
    ]) {
      data.append(key!, value!);
    }
    expect(formValues(data)).toEqual({ name: 'Ada', email: 'ada@example.test', roles: ['clinician', 'manager'] });
  });
});

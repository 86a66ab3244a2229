'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';

type SignInState = { error?: string; fieldErrors?: { email?: string; password?: string }; email: string };

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button" aria-disabled={pending}>
      Sign in
    </button>
  );
}

export function SignInForm({
  action,
  callbackUrl,
}: {
  action: (state: SignInState, formData: FormData) => Promise<SignInState>;
  callbackUrl?: string;
}) {
  const [state, formAction] = useActionState(action, { email: '' });
  const emailError = state.fieldErrors?.email;
  const passwordError = state.fieldErrors?.password;
  return (
    <form action={formAction} className="form" noValidate>
      {state.error ? (
        <div className="error-summary" role="alert" id="sign-in-error">
          <p>{state.error}</p>
        </div>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <div className={`field${emailError ? ' field--error' : ''}`}>
        <label htmlFor="email">Email</label>
        {emailError ? (
          <p className="field__error" id="email-error">
            {emailError}
          </p>
        ) : null}
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          defaultValue={state.email}
          key={`email-${state.email}`}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-error' : state.error ? 'sign-in-error' : undefined}
        />
      </div>
      <div className={`field${passwordError ? ' field--error' : ''}`}>
        <label htmlFor="password">Password</label>
        {passwordError ? (
          <p className="field__error" id="password-error">
            {passwordError}
          </p>
        ) : null}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'password-error' : undefined}
        />
      </div>
      <SubmitButton />
    </form>
  );
}

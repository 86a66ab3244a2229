import type { WordingPreset } from '../instruments/wording';

export type RoleName = 'clinician' | 'manager' | 'admin';

/** The signed-in person a service acts for. Built only by lib/auth from a verified session. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  /** The organisation the person is an active member of, if any. */
  organisation: { id: string; name: string; wordingPreset: WordingPreset } | null;
  roles: RoleName[];
  /** Whether the person has read and acknowledged the privacy notice. */
  privacyAcknowledged: boolean;
};

export class NotFoundError extends Error {
  constructor(what = 'Not found') {
    super(what);
    this.name = 'NotFoundError';
  }
}

/** A first check-in waits until the person has acknowledged the privacy notice. */
export class PrivacyNoticeRequiredError extends Error {
  constructor() {
    super('Please read and acknowledge the privacy notice first.');
    this.name = 'PrivacyNoticeRequiredError';
  }
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` has the form of a record's id (a UUID). */
export function isId(id: string): boolean {
  return UUID.test(id);
}

/** A malformed id cannot name anything the actor owns: it reads as not found. */
export function assertId(id: string): void {
  if (!isId(id)) throw new NotFoundError();
}

/** A request that cannot be carried out as asked, with a message for the person (and the field it is about). */
export class UserInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}

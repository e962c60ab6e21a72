/** An expected failure. `code` is stable and doubles as the i18n key in the `errors` namespace. */
export class DomainError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? code);
  }
}

/** A missing row and another tenant's row look the same to the caller. */
export class NotFoundError extends DomainError {
  constructor() {
    super("not_found");
  }
}

/** The caller's role does not allow this operation. */
export class ForbiddenError extends DomainError {
  constructor() {
    super("forbidden");
  }
}

import { DomainError } from "@/lib/kernel/errors";

/** An event that parsed but names something that does not hold (e.g. an unknown referral): a 400 on `field`. */
export class EventFieldError extends DomainError {
  constructor(code: string, readonly field: string) {
    super(code);
  }
}

/** The idempotency key was used before for a different event: a 409. */
export class IdempotencyConflictError extends DomainError {
  constructor(readonly existingId: string) {
    super("apikeys.idempotency_conflict");
  }
}

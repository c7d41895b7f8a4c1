/** The answer every contract call gets, over IPC and HTTP alike. Never a thrown object. */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'unknown_method', 'locked', 'storage', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** 'unavailable': the team store's server could not be reached; nothing was saved and the app reconnects by itself. */

/** A field-level problem: `path` names the field (e.g. "patient.nationalId"), `message` is Norwegian. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface RpcError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/**
 * Thrown inside services for expected failures; the dispatcher turns it into an error envelope.
 * Messages must never contain submitted values (they may be health data).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Shorthand for a single field-level validation error. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('invalid_input', message, [{ path, message }]);
}

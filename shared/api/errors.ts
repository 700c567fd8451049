/**
 * Errors cross the process boundary as data with a stable code. The renderer translates the code
 * (i18n key `<namespace>:errors.<rest>`, e.g. `common.invalid_input` -> `common:errors.invalid_input`)
 * and interpolates `params`; `message` is an English fallback for logs and the CLI.
 */

export interface ApiError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  details?: unknown;
}

export type Envelope<R> = { ok: true; value: R } | { ok: false; error: ApiError };

export const ErrorCodes = {
  invalidInput: 'common.invalid_input',
  unknownMethod: 'common.unknown_method',
  notFound: 'common.not_found',
  forbidden: 'common.forbidden',
  internal: 'common.internal',
  dbNewerVersion: 'db.newer_version',
  dbLocked: 'db.locked',
} as const;

/** An error meant for the user: it has a stable code and interpolation parameters. */
export class AppError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly details: unknown;

  constructor(code: string, message: string, params: Record<string, string | number> = {}, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  toApiError(): ApiError {
    const err: ApiError = { code: this.code, message: this.message };
    if (Object.keys(this.params).length) err.params = this.params;
    if (this.details !== undefined) err.details = this.details;
    return err;
  }
}

/** Splits `ns.rest` into the i18n namespace and key. @example errorI18nKey('import.bad_row') // 'import:errors.bad_row' */
export function errorI18nKey(code: string): string {
  const dot = code.indexOf('.');
  return dot > 0 ? `${code.slice(0, dot)}:errors.${code.slice(dot + 1)}` : `common:errors.${code}`;
}

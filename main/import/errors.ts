/** AppErrors of the data domains with the English text from the shared message table. */
import { AppError } from '../../shared/api/errors';
import { dataMessage } from '../../shared/import/messages';

/** Throws-ready error for a code of shared/import/messages.ts. */
export function dataError(code: string, params: Record<string, string | number> = {}, details?: unknown): AppError {
  return new AppError(code, dataMessage(code, params, 'en-US') ?? code, params, details);
}

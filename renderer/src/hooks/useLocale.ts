import { useTranslation } from 'react-i18next';
import type { Locale, LocalizedName } from '../../../shared/domain/types';
import { errorI18nKey, type ApiError } from '../../../shared/api/errors';
import { ApiCallError } from '../api/client';

/** The UI locale, and a picker for zh/en names. */
export function useLocale(): { locale: Locale; name: (n: LocalizedName) => string } {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return { locale, name: (n) => (locale === 'zh-CN' ? n.zh : n.en || n.zh) };
}

/** Translates an error that crossed the boundary by its stable code. */
export function useErrorText(): (err: unknown) => string {
  const { t } = useTranslation();
  return (err) => {
    const api: ApiError | undefined = err instanceof ApiCallError ? err.apiError : (err as { apiError?: ApiError } | null)?.apiError;
    if (api) return t(errorI18nKey(api.code), { ...api.params, defaultValue: api.message });
    return err instanceof Error ? err.message : String(err);
  };
}

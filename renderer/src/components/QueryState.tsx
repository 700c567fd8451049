import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../hooks/useLocale';

/** Loading skeleton or a translated error with a retry, for a react-query result. */
export function QueryState({ isLoading, error, retry }: { isLoading: boolean; error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(error)}
        action={retry ? <Button size="small" onClick={retry}>{t('retry')}</Button> : undefined}
      />
    );
  }
  if (isLoading) return <Skeleton active />;
  return null;
}

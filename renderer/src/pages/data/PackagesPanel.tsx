/** Snapshot packages: export (signed), inspect and import, and the keys they are signed and verified with. */
import { App, Alert, Button, Card, Checkbox, Col, Input, List, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageInspection, PackageImportResult, TrustedKey } from '../../../../shared/api/packages';
import { call, useApi, useApiMutation } from '../../api/client';
import { transport } from '../../api/transport';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { localTime } from './format';

function ExportCard() {
  const { t } = useTranslation('data');
  const { name } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const catalog = useApi('catalog.get', {});
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const [sign, setSign] = useState(true);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await call('package.export', { unit, sign });
      if (await transport.saveFile(file)) void message.success(t('packages.exportDone', { name: file.fileName }));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('packages.export')}>
      <Typography.Paragraph type="secondary">{t('packages.exportHelp')}</Typography.Paragraph>
      <Space wrap>
        <Select
          style={{ minWidth: 240 }}
          allowClear
          placeholder={t('packages.allSnapshots')}
          value={unit}
          onChange={(v?: string) => setUnit(v)}
          options={(catalog.data?.sourceUnits ?? []).map((u) => ({ value: u.code, label: `${u.code} ${name(u.name)}` }))}
          data-testid="package-export-unit"
        />
        <Checkbox checked={sign} onChange={(e) => setSign(e.target.checked)} data-testid="package-sign">
          {t('packages.sign')}
        </Checkbox>
        <Button type="primary" onClick={() => void run()} loading={busy} data-testid="package-export">
          {t('packages.export')}
        </Button>
      </Space>
    </Card>
  );
}

function ImportCard() {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [fileId, setFileId] = useState<string | null>(null);
  const [info, setInfo] = useState<PackageInspection | null>(null);
  const [allow, setAllow] = useState(false);
  const [result, setResult] = useState<PackageImportResult | null>(null);
  const importPkg = useApiMutation('package.import');
  const choose = async () => {
    try {
      const f = await transport.pickFile({ accept: ['.wspkg'], label: t('packages.choose') });
      if (!f) return;
      setFileId(f.id);
      setResult(null);
      setAllow(false);
      setInfo(await call('package.inspect', { fileId: f.id }));
    } catch (err) {
      setInfo(null);
      void message.error(errorText(err));
    }
  };
  const run = async () => {
    if (!fileId) return;
    try {
      setResult(await importPkg.mutateAsync({ fileId, allowUnsigned: allow }));
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Card size="small" title={t('packages.import')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button onClick={() => void choose()} data-testid="package-choose">
          {t('packages.choose')}
        </Button>
        {info && (
          <>
            <Alert
              type={info.signature === 'verified' ? 'success' : 'warning'}
              showIcon
              data-testid="package-signature"
              title={t(`packages.signature.${info.signature}`, { name: info.keyName ?? '', key: info.keyId ?? '' })}
              description={t('packages.createdBy', { by: info.createdBy, host: info.creatorHost, at: localTime(info.createdAt) })}
            />
            <Table
              size="small"
              rowKey="uid"
              pagination={false}
              dataSource={info.snapshots}
              columns={[
                { title: t('snapshots.unit'), dataIndex: 'unit', width: 80 },
                { title: t('snapshots.file'), dataIndex: 'fileName' },
                { title: t('snapshots.importedAt'), dataIndex: 'importedAt', render: localTime },
                { title: t('snapshots.importedBy'), dataIndex: 'importedBy' },
                { title: t('counts.read'), dataIndex: 'rows', width: 80 },
                { title: '', dataIndex: 'known', width: 60, render: (k: boolean) => (k ? <Tag>{t('packages.known')}</Tag> : null) },
              ]}
            />
            {info.signature !== 'verified' && (
              <Checkbox checked={allow} onChange={(e) => setAllow(e.target.checked)} data-testid="package-allow-unsigned">
                {t('packages.allowUnsigned')}
              </Checkbox>
            )}
            <Button type="primary" disabled={info.signature !== 'verified' && !allow} onClick={() => void run()} loading={importPkg.isPending} data-testid="package-import">
              {t('packages.doImport')}
            </Button>
          </>
        )}
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="package-result"
            title={result.noop ? t('packages.noop') : t('packages.imported', { new: result.snapshotsNew, known: result.snapshotsKnown, ...result.values })}
          />
        )}
      </Space>
    </Card>
  );
}

function KeysCard() {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const keys = useApi('package.keys', {});
  const keygen = useApiMutation('package.keygen');
  const trust = useApiMutation('package.trust');
  const untrust = useApiMutation('package.untrust');
  const [ownName, setOwnName] = useState('');
  const [trustName, setTrustName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const guard = async (fn: () => Promise<string>) => {
    try {
      void message.success(await fn());
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const own = keys.data?.keys.find((k) => k.signing);
  return (
    <Card size="small" title={t('packages.keys')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {!own && (
          <Space.Compact>
            <Input placeholder={t('packages.keyName')} value={ownName} onChange={(e) => setOwnName(e.target.value)} data-testid="keygen-name" />
            <Button type="primary" disabled={!ownName.trim()} onClick={() => void guard(async () => t('packages.keygenDone', { key: (await keygen.mutateAsync({ name: ownName.trim() })).keyId }))} data-testid="keygen">
              {t('packages.keygen')}
            </Button>
          </Space.Compact>
        )}
        {own && (
          <Typography.Paragraph copyable={{ text: own.publicKey }} data-testid="own-public-key">
            {t('packages.publicKey')}: <Typography.Text code>{own.publicKey}</Typography.Text>
          </Typography.Paragraph>
        )}
        <List<TrustedKey>
          size="small"
          bordered
          locale={{ emptyText: t('packages.noKeys') }}
          dataSource={keys.data?.keys ?? []}
          renderItem={(k) => (
            <List.Item
              actions={[
                <Popconfirm key="u" title={t('packages.untrustConfirm', { key: k.keyId })} onConfirm={() => void guard(async () => (await untrust.mutateAsync({ keyId: k.keyId }), t('packages.untrust')))}>
                  <Button size="small" danger>
                    {t('packages.untrust')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <Space>
                <Typography.Text code>{k.keyId}</Typography.Text>
                <span>{k.name}</span>
                {k.own && <Tag color="blue">{t('packages.own')}</Tag>}
                {k.signing && <Tag color="green">{t('packages.signing')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
        <Typography.Text strong>{t('packages.trust')}</Typography.Text>
        <Typography.Text type="secondary">{t('packages.trustHelp')}</Typography.Text>
        <Row gutter={8}>
          <Col span={6}>
            <Input placeholder={t('packages.keyName')} value={trustName} onChange={(e) => setTrustName(e.target.value)} data-testid="trust-name" />
          </Col>
          <Col span={14}>
            <Input placeholder={t('packages.publicKey')} value={publicKey} onChange={(e) => setPublicKey(e.target.value)} data-testid="trust-key" />
          </Col>
          <Col span={4}>
            <Button
              disabled={!trustName.trim() || publicKey.trim().length < 32}
              onClick={() =>
                void guard(async () => {
                  const k = await trust.mutateAsync({ name: trustName.trim(), publicKey: publicKey.trim() });
                  setPublicKey('');
                  setTrustName('');
                  return t('packages.trusted', { key: k.keyId });
                })
              }
              data-testid="trust"
            >
              {t('packages.trust')}
            </Button>
          </Col>
        </Row>
      </Space>
    </Card>
  );
}

export function PackagesPanel() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ExportCard />
      <ImportCard />
      <KeysCard />
    </Space>
  );
}

import type { EmailSettings } from '@hearth/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverFieldErrors } from '../../api/api-error.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useEmailSettings, useSaveEmailSettings, useSendTestEmail } from '../oncall/oncall-api.ts';

function EmailForm({ saved }: { saved: EmailSettings }) {
  const { t } = useTranslation();
  const save = useSaveEmailSettings();
  const test = useSendTestEmail();
  const [v, setV] = useState({ ...saved, password: '' });
  const [testTo, setTestTo] = useState('');
  // the server has no HEARTH_SECRET_KEY to encrypt a password with: say so under the field
  const passwordRefused = 'password' in serverFieldErrors(save.error);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) =>
    setV((old) => ({ ...old, [k]: value }));
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('emailSettings.host')}
          value={v.host}
          onChange={(e) => set('host', e.currentTarget.value)}
        />
        <NumberInput
          label={t('emailSettings.port')}
          value={v.port}
          min={1}
          max={65535}
          onChange={(n) => set('port', Number(n) || 0)}
        />
        <TextInput
          label={t('emailSettings.username')}
          value={v.username}
          autoComplete="off"
          onChange={(e) => set('username', e.currentTarget.value)}
        />
        <PasswordInput
          label={t('emailSettings.password')}
          description={
            saved.passwordSet ? t('emailSettings.passwordKept') : t('emailSettings.passwordSealed')
          }
          error={passwordRefused ? t('emailSettings.passwordNeedsKey') : undefined}
          value={v.password}
          autoComplete="new-password"
          onChange={(e) => set('password', e.currentTarget.value)}
        />
        <TextInput
          type="email"
          label={t('emailSettings.fromAddress')}
          value={v.fromAddress}
          onChange={(e) => set('fromAddress', e.currentTarget.value)}
        />
        <TextInput
          type="url"
          label={t('emailSettings.baseUrl')}
          placeholder="https://hearth.example.org"
          value={v.baseUrl}
          onChange={(e) => set('baseUrl', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Checkbox
        label={t('emailSettings.secure')}
        checked={v.secure}
        onChange={(e) => set('secure', e.currentTarget.checked)}
      />
      <Checkbox
        label={t('emailSettings.requireTls')}
        description={t('emailSettings.requireTlsHint')}
        checked={v.requireTls}
        onChange={(e) => set('requireTls', e.currentTarget.checked)}
      />
      {!v.requireTls && !v.secure && v.username && (
        <Alert color="orange" role="status">
          {t('emailSettings.passwordInClear')}
        </Alert>
      )}
      <Checkbox
        label={t('emailSettings.enabled')}
        checked={v.enabled}
        onChange={(e) => set('enabled', e.currentTarget.checked)}
      />
      {save.isError && !passwordRefused && <ErrorAlert error={save.error} />}
      {save.isSuccess && (
        <Alert color="green" role="status">
          {t('emailSettings.saved')}
        </Alert>
      )}
      <Button
        style={{ alignSelf: 'flex-start' }}
        loading={save.isPending}
        onClick={() =>
          save.mutate({
            enabled: v.enabled,
            host: v.host,
            port: v.port,
            secure: v.secure,
            requireTls: v.requireTls,
            username: v.username,
            fromAddress: v.fromAddress,
            baseUrl: v.baseUrl,
            ...(v.password ? { password: v.password } : {}),
          })
        }
      >
        {t('emailSettings.save')}
      </Button>
      <Group align="flex-end">
        <TextInput
          type="email"
          label={t('emailSettings.testTo')}
          value={testTo}
          onChange={(e) => setTestTo(e.currentTarget.value)}
        />
        <Button
          variant="light"
          disabled={!testTo}
          loading={test.isPending}
          onClick={() => test.mutate(testTo)}
        >
          {t('emailSettings.test')}
        </Button>
      </Group>
      {test.isError && <ErrorAlert error={test.error} />}
      {test.isSuccess && (
        <Alert color="green" role="status">
          {t('emailSettings.testSent')}
        </Alert>
      )}
    </Stack>
  );
}

/** The organization's SMTP server for email notifications (administrators only). */
export function EmailSettingsCard() {
  const { t } = useTranslation();
  const settings = useEmailSettings();
  return (
    <Card withBorder component="section" data-testid="email-settings">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('emailSettings.title')}
        </Title>
        <Text size="sm">{t('emailSettings.lead')}</Text>
        {settings.isError ? (
          <ErrorAlert error={settings.error} />
        ) : settings.data ? (
          <EmailForm saved={settings.data} />
        ) : null}
      </Stack>
    </Card>
  );
}

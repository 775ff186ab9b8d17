import type { WitnessConfirmation } from '@hearth/domain';
import { PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const emptyWitness: WitnessConfirmation = { email: '', password: '' };

/** The witness's confirmation to send, or nothing when they have not filled it in. */
export const witnessOrNothing = (w: WitnessConfirmation): WitnessConfirmation | undefined =>
  w.email.trim() && w.password ? { email: w.email.trim(), password: w.password } : undefined;

/**
 * A second member of staff confirms with their own account, on the same device (issue 13): their
 * e-mail and password, checked by the server and never kept by the page after sending.
 */
export function WitnessFields({
  value,
  onChange,
  error,
}: {
  value: WitnessConfirmation;
  onChange: (w: WitnessConfirmation) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('seams.witness.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('seams.witness.hint')}
      </Text>
      <TextInput
        type="email"
        autoComplete="off"
        label={t('seams.witness.email')}
        value={value.email}
        onChange={(e) => onChange({ ...value, email: e.currentTarget.value })}
        error={error}
      />
      <PasswordInput
        autoComplete="off"
        label={t('seams.witness.password')}
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
      />
    </Stack>
  );
}

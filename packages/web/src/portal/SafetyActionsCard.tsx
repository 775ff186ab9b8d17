import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useCompleteSafetyAction, useHomeSafety } from '../features/home/home-care-api.ts';
import { formatDay } from '../format/time.ts';

/**
 * What the nurse's home safety check asked the family to change (a night light, a rug), with a
 * large "Done" button on the ones the relative owns. Hidden when nothing is open.
 */
export function SafetyActionsCard({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const safety = useHomeSafety(patientId);
  const complete = useCompleteSafetyAction(patientId);
  const open = safety.data?.openActions ?? [];
  if (safety.isSuccess && open.length === 0) return null;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="portal-safety">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('homeCare.portalSafety.title')}
        </Title>
        {safety.isError && <ErrorAlert error={safety.error} />}
        {open.map((a) => (
          <Stack key={a.id} gap={4} data-testid="portal-safety-action">
            <Text size="lg" fw={600}>
              {a.description}
            </Text>
            <Text size="md" c="dimmed">
              {a.dueOn
                ? t('homeCare.safety.ownerDue', {
                    owner: a.ownerName,
                    date: formatDay(a.dueOn, i18n.language),
                  })
                : a.ownerName}
            </Text>
            {a.ownerUserId === me.id && (
              <Group>
                <Button
                  size="lg"
                  variant="light"
                  loading={complete.isPending && complete.variables === a.id}
                  onClick={() => complete.mutate(a.id)}
                >
                  {t('homeCare.portalSafety.done')}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
        {complete.isError && <ErrorAlert error={complete.error} />}
      </Stack>
    </Paper>
  );
}

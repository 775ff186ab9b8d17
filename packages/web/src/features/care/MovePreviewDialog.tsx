import type { MovePreview } from '@hearth/domain';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/**
 * Shows what a move would change before it is saved: new times, the people affected, and the
 * warnings it adds (late for a family's window, overtime). Nothing changes until "Move".
 */
export function MovePreviewDialog({
  preview,
  loading,
  error,
  onConfirm,
  onCancel,
}: {
  preview: MovePreview | null;
  loading: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={preview !== null || loading}
      onClose={onCancel}
      title={t('care.dispatch.move.title')}
      size="lg"
    >
      {preview && (
        <Stack gap="sm" data-testid="move-preview">
          <Text fw={600}>{t('care.dispatch.move.changes', { count: preview.changes.length })}</Text>
          <List size="sm" spacing={4}>
            {preview.changes.map((c) => (
              <List.Item key={c.visitId}>
                {c.fromStaffName === c.toStaffName && c.fromDate === c.toDate
                  ? t('care.dispatch.move.retimed', {
                      patient: c.patientName,
                      from: c.fromStart ?? '—',
                      to: c.toStart,
                    })
                  : t('care.dispatch.move.moved', {
                      patient: c.patientName,
                      fromStaff: c.fromStaffName ?? '—',
                      toStaff: c.toStaffName,
                      fromDate: c.fromDate,
                      toDate: c.toDate,
                      from: c.fromStart ?? '—',
                      to: c.toStart,
                    })}
              </List.Item>
            ))}
          </List>
          {preview.warnings.length > 0 ? (
            <Alert color="orange" title={t('care.dispatch.move.warningsTitle')} data-testid="move-warnings">
              <List size="sm">
                {preview.warnings.map((w) => (
                  <List.Item key={`${w.staffName}${w.code}${w.visitId ?? ''}`}>
                    {w.staffName}
                    {w.patientName ? ` · ${w.patientName}` : ''}:{' '}
                    {t(`care.dispatch.warnings.${w.code}`, { detail: w.detail ?? '' })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('care.dispatch.move.noWarnings')}
            </Text>
          )}
          {error !== null && error !== undefined && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('care.dispatch.move.cancel')}
            </Button>
            <Button onClick={onConfirm} loading={loading} data-testid="move-confirm">
              {t('care.dispatch.move.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime, formatDay } from '../../format/time.ts';
import { usePublicInfo } from '../intake/intake-api.ts';
import { useCurrentTransfer, useMoves } from './eol-api.ts';
import { TransferSummaryView } from './TransferSummaryView.tsx';
import '../home/acp-print.css';

/**
 * The transfer summary on its own page for printing: the one saved with a recorded move
 * (`:moveId`), or as of now (`now`) when the patient leaves without a recorded move.
 */
export function TransferPrintPage() {
  const { patientId = '', moveId = 'now' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('eol.transfer.title'));
  const current = moveId === 'now';
  const info = usePublicInfo();
  const moves = useMoves(patientId);
  const now = useCurrentTransfer(patientId, current);
  const query = current ? now : moves;
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const move = current ? null : moves.data?.find((m) => m.id === moveId);
  const summary = current ? now.data : move?.summary;
  if (!summary) return <Text p="md">{t('eol.transfer.notFound')}</Text>;
  return (
    <div className="acp-sheet" data-testid="transfer-sheet">
      <div className="acp-noprint">
        <Button onClick={() => window.print()}>{t('eol.common.print')}</Button>
      </div>
      {info.data && (
        <header>
          <div className="acp-org">{info.data.organizationName}</div>
          <div className="acp-call">{t('eol.transfer.service', { phone: info.data.servicePhone })}</div>
        </header>
      )}
      <h1>{t('eol.transfer.title')}</h1>
      {move && (
        <p>
          <strong>
            {t('eol.level.moveLine', {
              from: t(`patients.careSetting.${move.from}`),
              to: t(`patients.careSetting.${move.to}`),
            })}
          </strong>{' '}
          · {formatDay(move.movedOn, i18n.language)} · {move.reason}
          <br />
          {t('eol.level.recorded', {
            date: formatDateTime(move.recordedAt, i18n.language),
            by: move.recordedByName,
          })}
        </p>
      )}
      <TransferSummaryView summary={summary} />
    </div>
  );
}

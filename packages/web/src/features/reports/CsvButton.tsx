import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CsvCell, downloadCsv, toCsv } from './csv.ts';

/** Every table of the Reports area has one: the rows as shown, as a CSV file. */
export function CsvButton({
  fileName,
  header,
  rows,
}: {
  fileName: string;
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}) {
  const { t } = useTranslation();
  return (
    <Button
      size="compact-sm"
      variant="default"
      className="no-print"
      title={t('reports.csvTitle')}
      onClick={() => downloadCsv(`${fileName}.csv`, toCsv(header, rows))}
    >
      {t('reports.csv')}
    </Button>
  );
}

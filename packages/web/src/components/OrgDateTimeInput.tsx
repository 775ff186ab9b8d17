import { instantFromOrgInput, orgInputValue } from '@hearth/domain';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgTimeZone } from '../auth/use-org-time-zone.ts';

type Props = Omit<TextInputProps, 'type' | 'value' | 'onChange' | 'min' | 'max'> & {
  /** An ISO instant, or '' when empty. */
  value: string;
  /** Called with the ISO instant typed, or '' while the field is empty or incomplete. */
  onChange: (instant: string) => void;
  /** Earliest and latest instants allowed (ISO), shown on the service's clock. */
  min?: string | undefined;
  max?: string | undefined;
};

/**
 * Every staff date-and-time field: it shows and reads wall time on the service's clock, so a
 * dose recorded from a laptop in another zone lands at the time the nurse means. When the
 * browser's zone differs, the field says whose clock it is.
 */
export function OrgDateTimeInput({ value, onChange, min, max, description, ...rest }: Props) {
  const { t } = useTranslation();
  const timeZone = useOrgTimeZone();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const shown = (instant: string | undefined) => {
    const at = instant ? new Date(instant) : null;
    return at && !Number.isNaN(at.getTime()) ? orgInputValue(at, timeZone) : '';
  };
  const zoneNote =
    browserZone && browserZone !== timeZone
      ? t('clock.serviceZone', { zone: timeZone, browserZone })
      : undefined;
  return (
    <TextInput
      {...rest}
      type="datetime-local"
      value={shown(value)}
      min={shown(min) || undefined}
      max={shown(max) || undefined}
      description={description ?? zoneNote}
      onChange={(e) => onChange(instantFromOrgInput(e.currentTarget.value, timeZone)?.toISOString() ?? '')}
    />
  );
}

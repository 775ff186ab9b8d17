import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Submit and cancel under the small staff forms of this feature. */
export function FormActions({
  label,
  pending,
  onCancel,
}: {
  label: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={pending}>
        {label}
      </Button>
      <Button variant="subtle" onClick={onCancel}>
        {t('homeCare.store.cancel')}
      </Button>
    </Group>
  );
}

/** A step recorded at the door: on which day, and by whom (delivery or collection). */
export function DayAndPerson(props: {
  dayLabel: string;
  day: string;
  onDay: (v: string) => void;
  personLabel: string;
  person: string;
  onPerson: (v: string) => void;
}) {
  return (
    <>
      <TextInput
        type="date"
        label={props.dayLabel}
        value={props.day}
        onChange={(e) => props.onDay(e.currentTarget.value)}
        required
      />
      <TextInput
        label={props.personLabel}
        value={props.person}
        onChange={(e) => props.onPerson(e.currentTarget.value)}
        required
      />
    </>
  );
}

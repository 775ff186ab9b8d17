import { type AcpVersion, acpBodySchema, awareness, places, resuscitationDecisions } from '@hearth/domain';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useRecordAcp } from './eol-api.ts';

const initialOf = (c: AcpVersion | null) => ({
  preferredPlaceOfCare: c?.preferredPlaceOfCare ?? 'undecided',
  preferredPlaceOfDeath: c?.preferredPlaceOfDeath ?? 'undecided',
  placeNote: c?.placeNote ?? '',
  decision: c?.resuscitation.decision ?? 'not_discussed',
  decidedOn: c?.resuscitation.decidedOn ?? '',
  formLocation: c?.resuscitation.formLocation ?? '',
  whoWasTold: c?.resuscitation.whoWasTold ?? '',
  ceilingsOfTreatment: c?.ceilingsOfTreatment ?? '',
  dmName: c?.decisionMaker?.name ?? '',
  dmRelationship: c?.decisionMaker?.relationship ?? '',
  dmPhone: c?.decisionMaker?.phone ?? '',
  dmBasis: c?.decisionMaker?.basis ?? '',
  patientKnowsPrognosis: c?.patientKnowsPrognosis ?? 'unknown',
  familyKnowsPrognosis: c?.familyKnowsPrognosis ?? 'unknown',
  consentToShare: c?.consentToShare ?? false,
  // a new version always says why it was made
  changeReason: '',
});
type Values = ReturnType<typeof initialOf>;

/** Records a new version of the advance care plan, starting from the current one. */
export function AcpForm({
  patientId,
  current,
  onDone,
}: {
  patientId: string;
  current: AcpVersion | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  // resuscitation and ceilings of treatment are a physician's decisions (issue 13)
  const mayDecide = useCan()('acp:decide');
  const initial = useMemo(() => initialOf(current), [current]);
  const form = useForm<Values>(initial);
  const errorText = useErrorText(form.errors, 'eol.acp.errors');
  const save = useRecordAcp(patientId);
  const v = form.values;
  const f = (k: string) => t(`eol.acp.fields.${k}` as 'eol.acp.fields.placeNote');
  const text = (k: keyof Values & string, error: string = k, multiline = false) => {
    const props = {
      label: f(k),
      value: String(v[k]),
      onChange: (e: { currentTarget: { value: string } }) => form.set(k, e.currentTarget.value as never),
      error: errorText(error),
    };
    return multiline ? <Textarea autosize minRows={2} {...props} /> : <TextInput {...props} />;
  };
  const select = <T extends string>(
    k: keyof Values & string,
    options: readonly T[],
    label: (o: T) => string,
  ) => (
    <NativeSelect
      label={f(k)}
      value={String(v[k])}
      onChange={(e) => form.set(k, e.currentTarget.value as never)}
      data={options.map((o) => ({ value: o, label: label(o) }))}
    />
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(acpBodySchema, {
      preferredPlaceOfCare: v.preferredPlaceOfCare,
      preferredPlaceOfDeath: v.preferredPlaceOfDeath,
      placeNote: v.placeNote,
      resuscitation: {
        decision: v.decision,
        decidedOn: v.decidedOn,
        formLocation: v.formLocation,
        whoWasTold: v.whoWasTold,
      },
      ceilingsOfTreatment: v.ceilingsOfTreatment,
      decisionMaker: v.dmName.trim()
        ? { name: v.dmName, relationship: v.dmRelationship, phone: v.dmPhone, basis: v.dmBasis }
        : undefined,
      patientKnowsPrognosis: v.patientKnowsPrognosis,
      familyKnowsPrognosis: v.familyKnowsPrognosis,
      consentToShare: v.consentToShare,
      changeReason: v.changeReason,
    });
    if (body) save.mutate(body, { onSuccess: onDone, onError: (err) => form.takeServerErrors(err) });
  };

  const placeLabel = (p: (typeof places)[number]) => t(`home.acp.places.${p}`);
  const awarenessLabel = (a: (typeof awareness)[number]) => t(`eol.acp.awareness.${a}`);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('eol.acp.edit')} data-testid="acp-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {select('preferredPlaceOfCare', places, placeLabel)}
          {select('preferredPlaceOfDeath', places, placeLabel)}
        </SimpleGrid>
        {text('placeNote')}
        <Fieldset legend={f('decision')} disabled={!mayDecide}>
          {!mayDecide && (
            <Text size="sm" c="dimmed" mb="xs">
              {t('seams.acpPhysicianOnly')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={f('decision')}
              value={v.decision}
              onChange={(e) => form.set('decision', e.currentTarget.value as Values['decision'])}
              data={resuscitationDecisions.map((d) => ({ value: d, label: t(`home.acp.decisions.${d}`) }))}
            />
            <TextInput
              type="date"
              label={f('decidedOn')}
              value={v.decidedOn}
              onChange={(e) => form.set('decidedOn', e.currentTarget.value)}
              error={errorText('resuscitation.decidedOn')}
            />
            {text('formLocation', 'resuscitation.formLocation')}
            {text('whoWasTold', 'resuscitation.whoWasTold')}
          </SimpleGrid>
        </Fieldset>
        <Textarea
          label={f('ceilingsOfTreatment')}
          description={t('eol.acp.fields.ceilingsHint')}
          autosize
          minRows={2}
          value={v.ceilingsOfTreatment}
          disabled={!mayDecide}
          onChange={(e) => form.set('ceilingsOfTreatment', e.currentTarget.value)}
          error={errorText('ceilingsOfTreatment')}
        />
        <Fieldset legend={f('decisionMaker')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('dmName', 'decisionMaker.name')}
            {text('dmRelationship', 'decisionMaker.relationship')}
            {text('dmPhone', 'decisionMaker.phone')}
            {text('dmBasis', 'decisionMaker.basis')}
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {select('patientKnowsPrognosis', awareness, awarenessLabel)}
          {select('familyKnowsPrognosis', awareness, awarenessLabel)}
        </SimpleGrid>
        <Checkbox
          label={f('consentToShare')}
          checked={v.consentToShare}
          onChange={(e) => form.set('consentToShare', e.currentTarget.checked)}
        />
        {text('changeReason', 'changeReason', true)}
        {save.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('eol.common.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('eol.common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { type CareRequest, commissionReferBodySchema, performanceScales } from '@hearth/domain';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useRefer } from '../commission/commission-api.ts';
import { AddressLookup } from '../patients/AddressLookup.tsx';
import { HomePinMap } from '../patients/HomePinMap.tsx';
import { type PerformanceScale, referralBody, referralFromRequest, scoresOf } from './referral-form.ts';

const sexes = ['unknown', 'female', 'male', 'other'] as const;

/** Refers a request to the commission: the patient's identity, ICD-10, performance and reason. */
export function ReferralForm({ request }: { request: CareRequest }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const initial = useMemo(() => referralFromRequest(request), [request]);
  const form = useForm(initial);
  const errorText = useErrorText(form.errors, 'referral.fieldErrors');
  const refer = useRefer();
  const v = form.values;
  const setPoint = (point: { lat: number; lon: number }) => {
    form.set('lat', String(point.lat));
    form.set('lon', String(point.lon));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(commissionReferBodySchema, referralBody(request.id, v));
    if (!body) return;
    refer.mutate(body, {
      onSuccess: (c) => void navigate(`/app/commission/${c.id}`),
      onError: (err) => form.takeServerErrors(err),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('referral.title')}>
      <Stack gap="md">
        <Fieldset legend={t('referral.patient')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('patients.fields.lastName')}
              withAsterisk
              value={v.lastName}
              onChange={(e) => form.set('lastName', e.currentTarget.value)}
              error={errorText('patient.lastName')}
            />
            <TextInput
              label={t('patients.fields.firstName')}
              withAsterisk
              value={v.firstName}
              onChange={(e) => form.set('firstName', e.currentTarget.value)}
              error={errorText('patient.firstName')}
            />
            <TextInput
              label={t('patients.fields.middleName')}
              value={v.middleName}
              onChange={(e) => form.set('middleName', e.currentTarget.value)}
              error={errorText('patient.middleName')}
            />
            <TextInput
              type="date"
              label={t('patients.fields.dateOfBirth')}
              withAsterisk
              value={v.dateOfBirth}
              onChange={(e) => form.set('dateOfBirth', e.currentTarget.value)}
              error={errorText('patient.dateOfBirth')}
            />
            <NativeSelect
              label={t('patients.fields.sex')}
              value={v.sex}
              onChange={(e) => form.set('sex', e.currentTarget.value as (typeof sexes)[number])}
              data={sexes.map((s) => ({ value: s, label: t(`patients.sex.${s}`) }))}
            />
            <TextInput
              type="tel"
              label={t('patients.fields.phone')}
              value={v.phone}
              onChange={(e) => form.set('phone', e.currentTarget.value)}
              error={errorText('patient.phone')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
            <Textarea
              style={{ gridColumn: 'span 2' }}
              label={t('patients.fields.address')}
              withAsterisk
              autosize
              value={v.address}
              onChange={(e) => form.set('address', e.currentTarget.value)}
              error={errorText('patient.address')}
            />
            <TextInput
              label={t('patients.fields.area')}
              description={t('patients.fields.areaHint')}
              withAsterisk
              value={v.area}
              onChange={(e) => form.set('area', e.currentTarget.value)}
              error={errorText('patient.area')}
            />
            <TextInput
              label={t('patients.edit.lat')}
              inputMode="decimal"
              value={v.lat}
              onChange={(e) => form.set('lat', e.currentTarget.value)}
              error={errorText('patient.coordinates.lat')}
            />
            <TextInput
              label={t('patients.edit.lon')}
              inputMode="decimal"
              value={v.lon}
              onChange={(e) => form.set('lon', e.currentTarget.value)}
              error={errorText('patient.coordinates.lon')}
            />
            <AddressLookup address={v.address} onUse={setPoint} />
            <HomePinMap lat={v.lat} lon={v.lon} onChange={setPoint} />
          </SimpleGrid>
          <Checkbox
            mt="sm"
            label={t('patients.fields.consentToShare')}
            checked={v.consentToShare}
            onChange={(e) => form.set('consentToShare', e.currentTarget.checked)}
          />
        </Fieldset>
        <Fieldset legend={t('referral.clinical')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('referral.icd10')}
              description={t('referral.icd10Hint')}
              withAsterisk
              value={v.icd10}
              onChange={(e) => form.set('icd10', e.currentTarget.value.toUpperCase())}
              error={errorText('icd10')}
            />
            <NativeSelect
              label={t('referral.scale')}
              value={v.scale}
              onChange={(e) => {
                form.set('scale', e.currentTarget.value as PerformanceScale);
                form.set('score', '');
              }}
              data={performanceScales.map((s) => ({ value: s, label: t(`referral.scales.${s}`) }))}
            />
            <NativeSelect
              label={t('referral.score')}
              withAsterisk
              value={v.score}
              onChange={(e) => form.set('score', e.currentTarget.value)}
              error={errorText('performance.score')}
              data={[
                { value: '', label: t('intake.form.choose') },
                ...scoresOf(v.scale).map((s) => ({ value: String(s), label: String(s) })),
              ]}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('referral.diagnosis')}
            withAsterisk
            autosize
            minRows={2}
            value={v.diagnosis}
            onChange={(e) => form.set('diagnosis', e.currentTarget.value)}
            error={errorText('diagnosis')}
          />
          <Textarea
            mt="sm"
            label={t('referral.reason')}
            description={t('referral.reasonHint')}
            withAsterisk
            autosize
            minRows={3}
            value={v.reason}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            error={errorText('reason')}
          />
        </Fieldset>
        {refer.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={refer.error} />}
        <Group>
          <Button type="submit" loading={refer.isPending}>
            {t('referral.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

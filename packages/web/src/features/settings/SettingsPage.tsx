import {
  type ContractInput,
  type OrganizationSettings,
  organizationSettingsPatchSchema,
  settingsRoutes,
} from '@hearth/domain';
import { Alert, Button, Card, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { useCan } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { TravelSettingsCard } from '../care/TravelSettingsCard.tsx';
import { MedicineSafetySettingsCard } from '../medicines/MedicineSafetySettingsCard.tsx';
import { CaregiverInstrumentCard } from '../watch/CaregiverInstrumentCard.tsx';
import { WatchSettingsCard } from '../watch/WatchSettingsCard.tsx';
import { EmailSettingsCard } from './EmailSettingsCard.tsx';

const settingsKey = ['settings'] as const;

interface SettingsForm extends Record<string, unknown> {
  callbackDeadlineMinutes: string;
  callRetryMinutes: string;
  callAttemptsBeforeEscalation: string;
  serviceRadiusKm: string;
  baseLat: string;
  baseLon: string;
  servicePhone: string;
  geocoderUrl: string;
  timeZone: string;
  language: 'ru' | 'en';
  sessionHours: string;
  fieldCaseloadHours: string;
  volunteerHoursBenchmarkPercent: string;
}

/** Only the fields this form edits; other features' settings keep their stored values. */
const toForm = (
  s: Pick<
    OrganizationSettings,
    | 'callbackDeadlineMinutes'
    | 'callRetryMinutes'
    | 'callAttemptsBeforeEscalation'
    | 'serviceRadiusKm'
    | 'base'
    | 'servicePhone'
    | 'geocoderUrl'
    | 'timeZone'
    | 'language'
    | 'sessionHours'
    | 'fieldCaseloadHours'
    | 'volunteerHoursBenchmarkPercent'
  >,
): SettingsForm => ({
  callbackDeadlineMinutes: String(s.callbackDeadlineMinutes),
  callRetryMinutes: String(s.callRetryMinutes),
  callAttemptsBeforeEscalation: String(s.callAttemptsBeforeEscalation),
  serviceRadiusKm: String(s.serviceRadiusKm),
  baseLat: String(s.base.lat),
  baseLon: String(s.base.lon),
  servicePhone: s.servicePhone,
  geocoderUrl: s.geocoderUrl,
  timeZone: s.timeZone,
  language: s.language,
  sessionHours: String(s.sessionHours),
  fieldCaseloadHours: String(s.fieldCaseloadHours),
  volunteerHoursBenchmarkPercent: String(s.volunteerHoursBenchmarkPercent),
});

type SettingsPatch = ContractInput<typeof settingsRoutes.update>['body'];

const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const can = useCan();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: () => call(settingsRoutes.get),
  });
  const form = useForm<SettingsForm>(
    toForm({
      callbackDeadlineMinutes: 15,
      callRetryMinutes: 15,
      callAttemptsBeforeEscalation: 3,
      serviceRadiusKm: 250,
      base: { lat: 0, lon: 0 },
      servicePhone: '',
      geocoderUrl: '',
      timeZone: '',
      language: 'ru',
      sessionHours: 12,
      fieldCaseloadHours: 24,
      volunteerHoursBenchmarkPercent: 5,
    }),
  );
  const errorText = useErrorText(form.errors, 'seams.settings.fieldErrors');
  const problems = useQuery({
    queryKey: [...settingsKey, 'problems'],
    queryFn: () => call(settingsRoutes.problems),
    enabled: can('settings:manage'),
  });
  const save = useMutation({
    mutationFn: (body: SettingsPatch) => call(settingsRoutes.update, { body }),
    onSuccess: (s) => {
      qc.setQueryData(settingsKey, s);
      void qc.invalidateQueries({ queryKey: ['public-info'] });
      void problems.refetch();
    },
    onError: (e) => form.takeServerErrors(e),
  });
  const { setValues } = form;
  useEffect(() => {
    if (settings.data) setValues(toForm(settings.data));
  }, [settings.data, setValues]);

  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  const v = form.values;
  const readOnly = !can('settings:manage');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(organizationSettingsPatchSchema, {
      callbackDeadlineMinutes: num(v.callbackDeadlineMinutes),
      callRetryMinutes: num(v.callRetryMinutes),
      callAttemptsBeforeEscalation: num(v.callAttemptsBeforeEscalation),
      serviceRadiusKm: num(v.serviceRadiusKm),
      base: { lat: num(v.baseLat), lon: num(v.baseLon) },
      servicePhone: v.servicePhone,
      geocoderUrl: v.geocoderUrl.trim(),
      timeZone: v.timeZone,
      language: v.language,
      sessionHours: num(v.sessionHours),
      fieldCaseloadHours: num(v.fieldCaseloadHours),
      volunteerHoursBenchmarkPercent: num(v.volunteerHoursBenchmarkPercent),
    });
    if (body) save.mutate(body);
  };
  const input = (
    key: keyof SettingsForm & string,
    errorKey: string,
    props: { type?: string; inputMode?: 'numeric' | 'decimal' } = {},
  ) => (
    <TextInput
      {...props}
      label={t(`settings.fields.${key}` as 'settings.fields.servicePhone')}
      value={v[key] as string}
      readOnly={readOnly}
      onChange={(e) => form.set(key, e.currentTarget.value)}
      error={errorText(errorKey)}
    />
  );

  return (
    <Stack gap="lg" maw={900}>
      <Title order={1}>{t('settings.title')}</Title>
      {problems.data && problems.data.replaced.length > 0 && (
        <Alert color="orange" role="alert" title={t('seams.settings.problemsTitle')}>
          {t('seams.settings.problemsBody', { fields: problems.data.replaced.join(', ') })}
        </Alert>
      )}
      <Card withBorder>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {input('callbackDeadlineMinutes', 'callbackDeadlineMinutes', { inputMode: 'numeric' })}
              {input('callRetryMinutes', 'callRetryMinutes', { inputMode: 'numeric' })}
              {input('callAttemptsBeforeEscalation', 'callAttemptsBeforeEscalation', {
                inputMode: 'numeric',
              })}
              {input('serviceRadiusKm', 'serviceRadiusKm', { inputMode: 'decimal' })}
              {input('baseLat', 'base.lat', { inputMode: 'decimal' })}
              {input('baseLon', 'base.lon', { inputMode: 'decimal' })}
              {input('servicePhone', 'servicePhone', { type: 'tel' })}
              {input('timeZone', 'timeZone')}
              {input('geocoderUrl', 'geocoderUrl', { type: 'url' })}
              <NativeSelect
                label={t('settings.fields.language')}
                value={v.language}
                disabled={readOnly}
                onChange={(e) => form.set('language', e.currentTarget.value as 'ru' | 'en')}
                data={[
                  { value: 'ru', label: 'Русский' },
                  { value: 'en', label: 'English' },
                ]}
              />
              {input('sessionHours', 'sessionHours', { inputMode: 'numeric' })}
              {input('fieldCaseloadHours', 'fieldCaseloadHours', { inputMode: 'numeric' })}
              {input('volunteerHoursBenchmarkPercent', 'volunteerHoursBenchmarkPercent', {
                inputMode: 'decimal',
              })}
            </SimpleGrid>
            {save.isSuccess && (
              <Alert color="green" role="status">
                {t('settings.saved')}
              </Alert>
            )}
            {save.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={save.error} />}
            {!readOnly && (
              <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('common.save')}
              </Button>
            )}
          </Stack>
        </form>
      </Card>
      <TravelSettingsCard readOnly={readOnly} />
      {!readOnly && <EmailSettingsCard />}
      {settings.data && !readOnly && <CaregiverInstrumentCard settings={settings.data} />}
      {settings.data && !readOnly && <WatchSettingsCard settings={settings.data} />}
      {settings.data && !readOnly && <MedicineSafetySettingsCard settings={settings.data} />}
    </Stack>
  );
}

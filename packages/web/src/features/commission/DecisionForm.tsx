import { commissionDecisionBodySchema } from '@hearth/domain';
import { ActionIcon, Button, Fieldset, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../forms/use-error-text.ts';
import { useForm } from '../../forms/use-form.ts';
import { useDecide } from './commission-api.ts';
import { type Decision, type DecisionFormValues, decisionBody, emptyDecision } from './decision-form.ts';

const decisions: Decision[] = ['granted', 'deferred', 'refused'];

/** Only commission members see this: granted (with review date), deferred (what is missing) or refused (why). */
export function DecisionForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const initial = useMemo(() => emptyDecision(me.name), [me.name]);
  const form = useForm<DecisionFormValues>(initial);
  const errorText = useErrorText(form.errors, 'commission.fieldErrors');
  const decide = useDecide(caseId);
  const v = form.values;

  const setMember = (i: number, key: 'name' | 'role', value: string) =>
    form.set(
      'members',
      v.members.map((m, j) => (j === i ? { ...m, [key]: value } : m)),
    );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(commissionDecisionBodySchema, decisionBody(v));
    if (!body) return;
    decide.mutate(body, { onError: (err) => form.takeServerErrors(err) });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('commission.decision.title')}>
      <Stack gap="md">
        <Radio.Group
          label={t('commission.decision.decision')}
          withAsterisk
          value={v.decision}
          onChange={(d) => form.set('decision', d as Decision)}
          error={errorText('decision')}
        >
          <Group mt="xs">
            {decisions.map((d) => (
              <Radio key={d} value={d} label={t(`commission.decision.options.${d}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          type="date"
          label={t('commission.decision.decidedOn')}
          withAsterisk
          value={v.decidedOn}
          onChange={(e) => form.set('decidedOn', e.currentTarget.value)}
          error={errorText('decidedOn')}
          maw={220}
        />
        {v.decision === 'granted' && (
          <TextInput
            type="date"
            label={t('commission.decision.reviewDate')}
            withAsterisk
            value={v.reviewDate}
            onChange={(e) => form.set('reviewDate', e.currentTarget.value)}
            error={errorText('reviewDate')}
            maw={220}
          />
        )}
        {v.decision === 'deferred' && (
          <Textarea
            label={t('commission.decision.missing')}
            withAsterisk
            autosize
            minRows={2}
            value={v.missing}
            onChange={(e) => form.set('missing', e.currentTarget.value)}
            error={errorText('missing')}
          />
        )}
        {v.decision === 'refused' && (
          <Textarea
            label={t('commission.decision.reason')}
            withAsterisk
            autosize
            minRows={2}
            value={v.reason}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            error={errorText('reason')}
          />
        )}
        <Fieldset legend={t('commission.decision.members')}>
          <Stack gap="xs">
            {v.members.map((m, i) => (
              // members have no id until saved; their position is their identity here
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended or removed at the end
              <Group key={i} align="flex-end" wrap="wrap">
                <TextInput
                  label={t('commission.decision.memberName', { n: i + 1 })}
                  withAsterisk
                  value={m.name}
                  onChange={(e) => setMember(i, 'name', e.currentTarget.value)}
                  error={errorText(`members.${i}.name`)}
                />
                <TextInput
                  label={t('commission.decision.memberRole', { n: i + 1 })}
                  value={m.role}
                  onChange={(e) => setMember(i, 'role', e.currentTarget.value)}
                  error={errorText(`members.${i}.role`)}
                />
                {v.members.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('commission.decision.removeMember', { n: i + 1 })}
                    onClick={() =>
                      form.set(
                        'members',
                        v.members.filter((_, j) => j !== i),
                      )
                    }
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
            {errorText('members') && (
              <div role="alert" style={{ color: 'var(--mantine-color-error)' }}>
                {errorText('members')}
              </div>
            )}
            {v.members.length < 12 && (
              <Button
                variant="subtle"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => form.set('members', [...v.members, { name: '', role: '' }])}
              >
                {t('commission.decision.addMember')}
              </Button>
            )}
          </Stack>
        </Fieldset>
        <Textarea
          label={t('commission.decision.notes')}
          autosize
          minRows={2}
          value={v.notes}
          onChange={(e) => form.set('notes', e.currentTarget.value)}
          error={errorText('notes')}
        />
        {decide.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={decide.error} />}
        <Group>
          <Button type="submit" loading={decide.isPending}>
            {t('commission.decision.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import {
  type Alert,
  alertFactLines,
  alertTimelineKinds,
  alsoRulesOf,
  isAlertOverdue,
  medicineAlertFactLines,
  triageRuleSetName,
} from '@hearth/domain';
import type { AlertRow } from './alerts.repository.ts';

export interface AlertEventRow {
  id: string;
  alert_id: string;
  at: Date;
  kind: string;
  note: string | null;
  data: Record<string, unknown>;
  actor_name: string | null;
  to_user_name: string | null;
}

export function toAlert(row: AlertRow, events: AlertEventRow[], now: Date): Alert {
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: `${row.last_name} ${row.first_name}`,
    severity: row.severity,
    audience: row.audience,
    status: row.status,
    ruleSet: row.rule_set,
    ruleSetVersion: row.rule_set_version,
    ruleId: row.rule_id,
    title: row.title,
    facts: row.facts,
    factLines:
      row.rule_set === triageRuleSetName
        ? alertFactLines(row.rule_id, row.facts)
        : row.rule_set === 'medicines'
          ? medicineAlertFactLines(row.rule_id, row.facts)
          : [],
    alsoRuleIds: alsoRulesOf(row.facts),
    sourceType: row.source_type,
    sourceId: row.source_id,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    escalationLevel: row.escalation_level,
    raisedAt: row.raised_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: isAlertOverdue(row.status, row.due_at, now),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedByName: row.acknowledged_by_name,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedByName: row.resolved_by_name,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    familyMessage: row.family_message,
    timeline: events
      .filter((e) => e.alert_id === row.id)
      .map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        kind: (alertTimelineKinds as readonly string[]).includes(e.kind)
          ? (e.kind as Alert['timeline'][number]['kind'])
          : 'raised',
        actorName: e.actor_name,
        toUserName: e.to_user_name,
        note: e.note,
        data: e.data,
      })),
  };
}

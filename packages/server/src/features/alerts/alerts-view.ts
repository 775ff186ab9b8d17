import {
  type Alert,
  alertFactLines,
  alertTimelineKinds,
  alsoRulesOf,
  isAlertOverdue,
  medicineAlertFactLines,
  triageRuleSetName,
} from '@hearth/domain';
import type { AlertEventRecord, AlertViewRecord } from './alerts.repository.ts';

export function toAlert(a: AlertViewRecord, events: AlertEventRecord[], now: Date): Alert {
  return {
    id: a.id,
    patientId: a.patientId,
    patientName: `${a.patientLastName} ${a.patientFirstName}`,
    severity: a.severity,
    audience: a.audience,
    status: a.status,
    ruleSet: a.ruleSet,
    ruleSetVersion: a.ruleSetVersion,
    ruleId: a.ruleId,
    title: a.title,
    facts: a.facts,
    factLines:
      a.ruleSet === triageRuleSetName
        ? alertFactLines(a.ruleId, a.facts)
        : a.ruleSet === 'medicines'
          ? medicineAlertFactLines(a.ruleId, a.facts)
          : [],
    alsoRuleIds: alsoRulesOf(a.facts),
    sourceType: a.sourceType,
    sourceId: a.sourceId,
    ownerId: a.ownerId,
    ownerName: a.ownerName,
    escalationLevel: a.escalationLevel,
    raisedAt: a.raisedAt.toISOString(),
    dueAt: a.dueAt.toISOString(),
    overdue: isAlertOverdue(a.status, a.dueAt, now),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName: a.acknowledgedByName,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    resolvedByName: a.resolvedByName,
    outcome: a.outcome,
    outcomeNote: a.outcomeNote,
    familyMessage: a.familyMessage,
    timeline: events
      .filter((e) => e.alertId === a.id)
      .map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        kind: (alertTimelineKinds as readonly string[]).includes(e.kind)
          ? (e.kind as Alert['timeline'][number]['kind'])
          : 'raised',
        actorName: e.actorName,
        toUserName: e.toUserName,
        note: e.note,
        data: e.data,
      })),
  };
}

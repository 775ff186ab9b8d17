/**
 * Calendar helpers for the services, from the domain's one time module: a nurse's "today" is the
 * service's today wherever the server runs. `addDays` moves a civil `YYYY-MM-DD` date.
 */
export { addCivilDays as addDays, localDate, localMinutes } from '@hearth/domain';

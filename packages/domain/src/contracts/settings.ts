import { okSchema } from '../common/schemas.ts';
import {
  emailSettingsBodySchema,
  emailSettingsSchema,
  emailTestBodySchema,
} from '../notifications/schemas.ts';
import {
  organizationSettingsPatchSchema,
  organizationSettingsSchema,
  settingsProblemsSchema,
} from '../settings/schemas.ts';
import { route } from './route-contract.ts';

const tags = ['settings'] as const;

/** The organization's settings, what was replaced when they were read, and outgoing email. */
export const settingsRoutes = {
  get: route({ method: 'GET', path: '/settings', response: organizationSettingsSchema, tags }),
  problems: route({ method: 'GET', path: '/settings/problems', response: settingsProblemsSchema, tags }),
  update: route({
    method: 'PATCH',
    path: '/settings',
    body: organizationSettingsPatchSchema,
    response: organizationSettingsSchema,
    tags,
  }),
  email: route({ method: 'GET', path: '/settings/email', response: emailSettingsSchema, tags }),
  updateEmail: route({
    method: 'PUT',
    path: '/settings/email',
    body: emailSettingsBodySchema,
    response: emailSettingsSchema,
    tags,
  }),
  testEmail: route({
    method: 'POST',
    path: '/settings/email/test',
    body: emailTestBodySchema,
    response: okSchema,
    tags,
  }),
};

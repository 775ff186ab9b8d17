import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const tabs = [
  { to: '/app/volunteers', key: 'volunteers' },
  { to: '/app/volunteer-requests', key: 'requests' },
  { to: '/app/volunteer-hours', key: 'hours' },
] as const;

/** The volunteer coordinator's three lists: people, families' requests, hours and the report. */
export function VolunteersNav() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const active =
    tabs.find((x) => location.pathname.startsWith(x.to) && x.to !== '/app/volunteers')?.to ??
    '/app/volunteers';
  return (
    <Tabs value={active} onChange={(v) => v && navigate(v)}>
      <Tabs.List>
        {tabs.map((x) => (
          <Tabs.Tab key={x.to} value={x.to}>
            {t(`vol.tabs.${x.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

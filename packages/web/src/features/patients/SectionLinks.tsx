import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface SectionLink {
  id: string;
  label: string;
}

/**
 * "On this page": the patient page holds a dozen sections, so a reader on a phone jumps to the one
 * they came for instead of scrolling past the others. Only sections the reader can see are listed.
 */
export function SectionLinks({ links }: { links: SectionLink[] }) {
  const { t } = useTranslation();
  if (links.length < 2) return null;
  return (
    <nav aria-label={t('patients.jump.title')}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('patients.jump.title')}:
        </Text>
        {links.map((l) => (
          <Anchor key={l.id} href={`#${l.id}`} size="sm" py={6} px={4}>
            {l.label}
          </Anchor>
        ))}
      </Group>
    </nav>
  );
}

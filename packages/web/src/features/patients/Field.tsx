import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value on a read-only record page. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

import { Stack, Text } from '@mantine/core';

/** A labelled value in a record view; an empty value shows a dash rather than nothing. */
export function Line({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </Stack>
  );
}

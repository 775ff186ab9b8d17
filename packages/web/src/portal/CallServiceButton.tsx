import { Button, type ButtonProps, Stack } from '@mantine/core';

/**
 * The family's big "call the service" button: a tel: link with the label over the number. The
 * number never wraps, since a phone number broken across lines is easy to misdial.
 */
export function CallServiceButton({
  phone,
  label,
  testId,
  ...props
}: { phone: string; label: string; testId?: string } & ButtonProps) {
  return (
    <Button
      component="a"
      href={`tel:${phone.replace(/[^0-9+]/g, '')}`}
      size="xl"
      fullWidth
      data-testid={testId}
      {...props}
    >
      <Stack gap={2} align="center">
        <span>{label}</span>
        <span style={{ whiteSpace: 'nowrap' }}>{phone}</span>
      </Stack>
    </Button>
  );
}

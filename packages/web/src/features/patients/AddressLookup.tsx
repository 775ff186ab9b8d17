import { type GeocodeResult, patientRoutes } from '@hearth/domain';
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useMapSettings } from '../../components/map/use-map-settings.ts';

/**
 * Looks the typed address up through the organization's lookup service (when one is set) and
 * shows the point found, with the service-area check, for a person to confirm before it is used.
 * Without a lookup service (none by default: no internet is assumed) there is no button at all.
 */
export function AddressLookup({
  address,
  onUse,
}: {
  address: string;
  onUse: (point: GeocodeResult['coordinates']) => void;
}) {
  const { t } = useTranslation();
  const lookUp = useMutation({
    mutationFn: () => call(patientRoutes.geocode, { query: { address: address.trim() } }),
  });
  const { geocoder } = useMapSettings();
  const found = lookUp.data;
  if (!geocoder) return null;
  return (
    <Stack gap="xs">
      <Button
        variant="light"
        size="sm"
        style={{ alignSelf: 'flex-start' }}
        disabled={address.trim().length < 5}
        loading={lookUp.isPending}
        onClick={() => lookUp.mutate()}
      >
        {t('identity.lookup.button')}
      </Button>
      {lookUp.isError && <ErrorAlert error={lookUp.error} title={t('identity.lookup.failed')} />}
      {found && (
        <Alert color={found.serviceArea.inside ? 'green' : 'orange'} data-testid="address-found">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('identity.lookup.found', { place: found.displayName })}
            </Text>
            <Group gap="xs">
              <Text size="sm">
                {found.coordinates.lat.toFixed(5)}, {found.coordinates.lon.toFixed(5)}
              </Text>
              <Badge color={found.serviceArea.inside ? 'green' : 'red'} variant="light">
                {found.serviceArea.inside
                  ? t('patients.serviceArea.inside')
                  : t('patients.serviceArea.outside')}
              </Badge>
              <Text size="sm">
                {t('patients.serviceArea.distance', {
                  km: found.serviceArea.distanceKm,
                  radius: found.serviceArea.radiusKm,
                })}
              </Text>
            </Group>
            <Button size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => onUse(found.coordinates)}>
              {t('identity.lookup.use')}
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

import { Stack, Text } from '@mantine/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type LatLon, pointFromFields } from '../../components/map/map-tiles.ts';
import { PinMap } from '../../components/map/PinMap.tsx';
import { useMapSettings } from '../../components/map/use-map-settings.ts';

/**
 * The home's pin on a street map beside the typed latitude and longitude (issue 13), when the
 * organization has a tile source. The typed fields are the keyboard way and stay the record: the
 * map shows what they hold and writes back where the pin is put.
 */
export function HomePinMap({
  lat,
  lon,
  onChange,
}: {
  lat: string;
  lon: string;
  onChange: (p: LatLon) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const { tiles, base } = useMapSettings();
  const value = useMemo(() => pointFromFields(lat, lon), [lat, lon]);
  if (!tiles || !base) return null;
  return (
    <Stack gap={4} style={{ gridColumn: '1 / -1' }}>
      <Text size="sm" c="dimmed" id={hintId}>
        {t('map.pin.hint')}
      </Text>
      <div aria-describedby={hintId}>
        <PinMap
          tiles={tiles}
          value={value}
          center={base}
          onChange={onChange}
          label={t('map.pin.label')}
          pinTitle={t('map.pin.pinTitle')}
        />
      </div>
      {!value && (
        <Text size="xs" c="dimmed" data-testid="pin-none">
          {t('map.pin.none')}
        </Text>
      )}
    </Stack>
  );
}

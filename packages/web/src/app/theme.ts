import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

// A calm teal. Shade 7 (the primary) on white is about 6:1, above WCAG AA for text and buttons.
const hearth: MantineColorsTuple = [
  '#e6f5f4',
  '#cce8e6',
  '#99d1cd',
  '#66bab3',
  '#3aa59c',
  '#208f86',
  '#1a7d75',
  '#156b64',
  '#105953',
  '#0b4742',
];

/**
 * Light, outline and subtle variants (badges, alerts, secondary buttons) draw text in shade 6
 * by default: orange and red then fall below 3:1 on their pale backgrounds. Shade 9 text keeps
 * every status badge and alert title readable; the background colour still tells them apart.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'outline' && input.variant !== 'subtle') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  return { ...colors, color: `var(--mantine-color-${parsed.color}-9)` };
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'hearth',
  primaryShade: 7,
  colors: { hearth },
  // focus rings for keyboard users, not on every mouse click
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // long Russian labels and phone numbers must wrap on a 390 px screen rather than be cut off
    Button: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 6 },
        label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.25 },
      },
    },
  },
});

/**
 * Mantine's default "dimmed" (hints under fields) and error reds are about 3:1 on white, below
 * WCAG AA for small text; darker shades keep hints and errors readable for tired eyes.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});

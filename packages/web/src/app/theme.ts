import { createTheme, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
  primaryColor: 'hearth',
  primaryShade: 7,
  colors: { hearth },
  // focus rings for keyboard users, not on every mouse click
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  defaultRadius: 'md',
  cursorType: 'pointer',
});

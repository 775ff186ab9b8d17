/** Street maps (issues 13 and 15): the home's pin in the patient forms. */
export const map = {
  map: {
    pin: {
      label: 'Map of the home’s location',
      hint: 'Click the map to put the pin on the home, or drag the pin. The latitude and longitude fields show the same point and can be typed instead.',
      pinTitle: 'The home (drag to move)',
      none: 'No point yet: click the home on the map or type its latitude and longitude.',
    },
  },
};

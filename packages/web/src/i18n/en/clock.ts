/** The service's clock: staff time fields are on the organization's zone, not the browser's. */
export const clock = {
  clock: {
    serviceZone: 'Time on the service clock ({{zone}}); this computer is set to {{browserZone}}.',
  },
};

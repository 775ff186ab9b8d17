/** The demo service the server seeds into an empty database (see the server's demo seed). */
export const demoPassword = process.env.HEARTH_DEMO_PASSWORD ?? 'demo-password-1';
export const demoEmail = (role: string) => `${role}@demo.hearth.local`;

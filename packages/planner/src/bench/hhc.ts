/** Home-care benchmark sets (filled in by the HHC readers). */
export async function runHhc(set: string, _o: Record<string, string>, _data: string): Promise<void> {
  throw new Error(`set ${set} is not available yet`);
}

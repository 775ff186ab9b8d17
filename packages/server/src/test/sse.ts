/** Reading a live-event (SSE) stream in server tests that speak real HTTP. */

/** Reads the SSE stream until `done(text)` holds (or gives up after `ms`); returns what it read. */
export async function readUntil(res: Response, done: (text: string) => boolean, ms = 5000): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  try {
    while (Date.now() < deadline && !done(text)) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
      ]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value);
    }
  } finally {
    await reader.cancel();
  }
  return text;
}

/** Reads the SSE stream until an event of `type` arrives (or gives up after `ms`). */
export const waitForEvent = (res: Response, type: string, ms = 5000) =>
  readUntil(res, (text) => text.includes(`event: ${type}`), ms);

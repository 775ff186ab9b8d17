import { type commissionDocumentTypes, DomainError } from '@hearth/domain';

type Allowed = (typeof commissionDocumentTypes)[number];

/**
 * Trusts the bytes, not the declared type: a file must start like what it claims to be
 * (PDF `%PDF-`, PNG signature, JPEG SOI marker) and plain text must hold no NUL bytes.
 */
export function checkDocumentContent(contentType: string, bytes: Uint8Array): Allowed {
  const startsWith = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const ok: Record<Allowed, () => boolean> = {
    'application/pdf': () => startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]),
    'image/png': () => startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    'image/jpeg': () => startsWith([0xff, 0xd8, 0xff]),
    'text/plain': () => !bytes.includes(0),
  };
  const type = contentType.split(';')[0]!.trim().toLowerCase() as Allowed;
  if (!(type in ok)) {
    throw new DomainError('VALIDATION', 'Attach a PDF, JPEG, PNG or plain text file.', {
      fields: [{ field: 'file', message: 'type not accepted' }],
    });
  }
  if (bytes.length === 0 || !ok[type]()) {
    throw new DomainError('VALIDATION', 'The file is empty or is not the type it claims to be.', {
      fields: [{ field: 'file', message: 'content does not match type' }],
    });
  }
  return type;
}

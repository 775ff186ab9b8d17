import { because, type commissionDocumentTypes, invalidField } from '@hearth/domain';

type Allowed = (typeof commissionDocumentTypes)[number];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** The accepted declared types, each with the check that the bytes really are that type. */
const signatures = new Map<Allowed, (bytes: Uint8Array) => boolean>([
  ['application/pdf', (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])],
  ['image/png', (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['image/jpeg', (b) => startsWith(b, [0xff, 0xd8, 0xff])],
  ['text/plain', (b) => !b.includes(0)],
]);

/**
 * A stored file name: no path separators, control characters or bidirectional controls (a
 * right-to-left override turns "report\u202Efdp.exe" into what reads as "reportexe.pdf").
 */
export function safeFileName(name: string): string {
  return (
    name
      .normalize('NFC')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
      .replaceAll(/[\\/\u0000-\u001f\u007f]/g, '_')
      .replaceAll(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replaceAll(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '_')
      .trim()
      .slice(0, 200) || 'document'
  );
}

/**
 * Trusts the bytes, not the declared type: a file must start like what it claims to be
 * (PDF `%PDF-`, PNG signature, JPEG SOI marker) and plain text must hold no NUL bytes.
 */
export function checkDocumentContent(contentType: string, bytes: Uint8Array): Allowed {
  const declared = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  // a Map, not an object: "constructor" or "__proto__" must not find an inherited property
  const looksRight = signatures.get(declared as Allowed);
  if (!looksRight) {
    throw invalidField(
      because('file.typeNotAccepted'),
      'Attach a PDF, JPEG, PNG or plain text file.',
      'file',
      'type not accepted',
    );
  }
  const type = declared as Allowed;
  if (bytes.length === 0 || !looksRight(bytes)) {
    throw invalidField(
      because('file.contentMismatch'),
      'The file is empty or is not the type it claims to be.',
      'file',
      'content does not match type',
    );
  }
  return type;
}

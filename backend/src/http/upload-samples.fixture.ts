/**
 * The smallest files the upload checks recognise by content, for tests: a 1x1 PNG, a PDF,
 * a WebM header (what Chromium's MediaRecorder writes first) and a WAV header.
 */
export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** EBML magic, then a header holding DocType "webm", then padding. */
export const SAMPLE_WEBM = Buffer.concat([
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x87, 0x42, 0x82, 0x84]),
  Buffer.from('webm'),
  Buffer.alloc(256, 1),
]);

export const SAMPLE_WAV = (() => {
  const wav = Buffer.alloc(256);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(248, 4);
  wav.write('WAVEfmt ', 8);
  return wav;
})();

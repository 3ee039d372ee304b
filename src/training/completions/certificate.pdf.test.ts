import { spawnSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderCertificate } from './certificate.pdf.js';

describe('certificate PDF', () => {
  it('draws names outside the standard fonts without failing', async () => {
    const pdf = await renderCertificate({
      regionName: 'Region 92 El Segundo',
      personName: 'Łucja Nguyễn 李',
      trainingName: 'Safe Haven',
      partName: null,
      completedOn: '2026-02-03',
      certificateNo: 'TL-2026-ABCDEF',
    });
    expect((await PDFDocument.load(pdf)).getTitle()).toBe('Certificate TL-2026-ABCDEF');
    const text = spawnSync('/usr/bin/pdftotext', ['-', '-'], { input: Buffer.from(pdf) }).stdout.toString();
    expect(text).toContain('Lucja Nguyen ?');
    expect(text).toContain('on February 3, 2026');
    expect(text).not.toContain('Field session');
  });
});

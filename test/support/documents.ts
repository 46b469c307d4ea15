import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF's text, page after page, with runs of white space folded to one space (layout breaks words apart). */
export async function pdfText(data: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n').replace(/\s+/g, ' ');
}

/** A Word document's body XML (its text is in there, tagged), or '' when the file has none. */
export async function docxXml(data: Buffer): Promise<string> {
  return (await (await JSZip.loadAsync(data)).file('word/document.xml')?.async('string')) ?? '';
}

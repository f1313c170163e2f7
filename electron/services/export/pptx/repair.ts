import JSZip from 'jszip';

/** Every `<a:p>`: what it holds up to its close, found without crossing into the next paragraph. */
const paragraphPattern = /<a:p>([\s\S]*?)<\/a:p>/g;
const paragraphPropertiesPattern = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/**
 * PptxGenJS 4.0.1 writes paragraph properties before every run of a paragraph, not only the first,
 * which the schema forbids (PowerPoint may offer to repair the file, and LibreOffice takes the last
 * one, losing bullets and numbers). The first run's are the paragraph's own, so the rest are removed.
 */
export function keepFirstParagraphProperties(xml: string): string {
  return xml.replace(paragraphPattern, (_paragraph, inner: string) => {
    let seen = false;
    const fixed = inner.replace(paragraphPropertiesPattern, (properties) => {
      if (seen) return '';
      seen = true;
      return properties;
    });
    return `<a:p>${fixed}</a:p>`;
  });
}

/** Speaker notes as PptxGenJS writes them: one run holding every line. */
const notesPattern =
  /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/;

/** Speaker notes with a paragraph per line, as PowerPoint writes them, rather than line breaks inside one run. */
export function notesAsParagraphs(xml: string): string {
  return xml.replace(notesPattern, (_notes, text: string) =>
    text
      .split(/\r?\n/)
      .map((line) =>
        line === ''
          ? '<a:p><a:endParaRPr lang="en-GB" dirty="0"/></a:p>'
          : `<a:p><a:r><a:rPr lang="en-GB" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`,
      )
      .join(''),
  );
}

export async function repairPresentation(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) {
      zip.file(name, keepFirstParagraphProperties(await entry.async('string')));
    } else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) {
      zip.file(name, notesAsParagraphs(await entry.async('string')));
    }
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** 16:9 in inches (PowerPoint's "Widescreen"). */
const slideSize = { width: 13.333, height: 7.5 };
export const margin = 0.6;
export const contentWidth = slideSize.width - 2 * margin;
/** Where content goes under a slide's title, and where it must stop above the footer. */
export const contentTop = 1.45;
export const contentBottom = 6.85;
/** On a title slide, content starts under the larger title. */
export const titleSlideContentTop = 2.45;

export const font = 'Arial';
export const bodySize = 20;
export const tableSize = 16;
/** A resource's details (attribution, version, audiences) on its title slide. */
export const detailSize = 16;
export const lineSpacing = 1.2;
export const paraSpaceAfter = 8;
/** Inner margin of text boxes, in points. */
export const inset = 7;

export const colours = {
  text: '1D1D1F',
  muted: '4A4A52',
  warningBorder: 'A86B00',
  warningFill: 'FDF3DC',
  wordsBorder: '5B7DB1',
  wordsFill: 'EEF3FB',
  quoteBorder: 'C9C9CF',
  quoteFill: 'F6F6F8',
  headerFill: 'F1F1F4',
  tableBorder: '8A8A93',
} as const;

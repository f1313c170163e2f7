import { detectIdentifyingDetails, type DetectOptions, type FindingKind } from '@core/identifying-details/index';

/** The findings for a text as "kind: text" lines, which read well in a failing assertion. */
export function found(text: string, options?: DetectOptions): string[] {
  return detectIdentifyingDetails(text, options).map((finding) => `${finding.kind}: ${finding.text}`);
}

/** The texts found of one kind. */
export function foundOfKind(text: string, kind: FindingKind, options?: DetectOptions): string[] {
  return detectIdentifyingDetails(text, options)
    .filter((finding) => finding.kind === kind)
    .map((finding) => finding.text);
}

/** The suggestion for the only finding whose text is `findingText`. */
export function suggestionFor(text: string, findingText: string): string | undefined {
  return detectIdentifyingDetails(text).find((finding) => finding.text === findingText)?.suggestion;
}

import { findingKey } from '../../db';
import type { CheckedFinding } from '@core/findings/check';
import type { FindingPlace } from '@core/findings/segments';

/** Findings with the same kind and words are decided once, wherever they appear. */
export interface FindingGroup {
  key: string;
  kind: CheckedFinding['kind'];
  text: string;
  suggestion: string;
  explanation: string;
  /** On the consultee's own list. */
  listed: boolean;
  places: FindingPlace[];
}

export function groupFindings(findings: readonly CheckedFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = findingKey(finding.kind, finding.text);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, {
        key,
        kind: finding.kind,
        text: finding.text,
        suggestion: finding.suggestion,
        explanation: finding.explanation,
        listed: finding.source === 'list',
        places: [finding.place],
      });
    } else {
      group.places.push(finding.place);
      group.listed ||= finding.source === 'list';
    }
  }
  return [...groups.values()];
}

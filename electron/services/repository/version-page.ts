import { audienceLabels, type ApprovedVersion } from '@core/repository/records';
import { creditOf } from '@core/co-production/credit';
import { renderDocumentHtml, renderHtmlPage } from '@core/document/html';

function date(at: number): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

/**
 * The rendered copy of an approved version written beside its JSON, for people who browse the
 * repository on the git host. Content warnings come first, then attribution and consent. Chorus
 * never reads these pages back; the JSON is the record.
 */
export function renderVersionPage(version: ApprovedVersion): string {
  const { content } = version;
  const approvedAt = Math.max(...version.approvals.map((approval) => approval.at), 0);
  return renderHtmlPage({
    title: content.title.trim() === '' ? 'Untitled resource' : content.title,
    lead: [
      { label: 'Content warnings', items: content.contentWarnings },
      { label: 'Version', items: [`Version ${content.version}, approved ${date(approvedAt)}`] },
      { label: 'Attribution', items: [creditOf(version)] },
      {
        label: 'May be used with',
        items: version.consent.choices.audiences.map((audience) => audienceLabels[audience]),
      },
      { label: 'Review by', items: content.reviewBy === '' ? [] : [date(Date.parse(content.reviewBy))] },
      { label: 'Summary', items: content.summary.trim() === '' ? [] : [content.summary] },
    ],
    body: renderDocumentHtml(content.document),
  });
}

// Deterministic, realistic-looking writing for the benchmarks: long documents in the TipTap JSON
// that Chorus stores, and the details of many drafts. Same seed, same output, on every machine.
import { documentText, type DocumentNode } from '@core/document/text';
import { countWords } from '@core/document/text-stats';
import { audiences, type Audience } from '@core/co-production/audiences';
import { seededRandom } from './util';

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const subjects = [
  'Professionals',
  'A social worker',
  'The police officer who found me',
  'Young people',
  'Nobody at school',
  'My key worker',
  'The nurse at the clinic',
  'Teachers',
  'Most services',
  'The youth worker',
  'A good practitioner',
  'Staff on the night shift',
  'The hotel receptionist',
  'My foster carer',
  'The taxi driver',
  'Someone who is being exploited',
  'Every agency involved',
  'The duty manager',
];

const verbs = [
  'had to listen to',
  'noticed',
  'asked about',
  'should understand',
  'rarely saw',
  'can ask gently about',
  'must not ignore',
  'wrote down',
  'talked to me about',
  'never questioned',
  'was afraid of',
  'could have recognised',
  'tried to explain',
  'kept coming back to',
  'learned to spot',
];

const objects = [
  'the signs of grooming',
  'what was happening at home',
  'the change in my behaviour',
  'the new phone and the expensive clothes',
  'the older friends who picked me up from school',
  'the missing episodes',
  'the way I spoke about myself',
  'the injuries nobody asked about',
  'the messages arriving late at night',
  'the fear behind the anger',
  'the reasons I kept running away',
  'the trust it takes to say anything at all',
  'the language used in the case notes',
  'the people waiting outside the building',
  'the pattern across all the reports',
];

const adverbials = [
  'before it was too late',
  'without judging me',
  'in the first meeting',
  'every single time',
  'when I finally said something',
  'even though I pushed them away',
  'at the end of a long shift',
  'in a quiet room with the door open',
  'over many months',
  'as if it was my fault',
  'in plain words',
  'after the third missing report',
  'while everyone else looked away',
  'at the hospital',
  'on the train home',
];

const connectors = [', and ', ', but ', ' because ', ' when ', ', so ', ' although ', ' until '];

const headingPhrases = [
  'What I wish you knew',
  'The first time someone asked',
  'Signs that were missed',
  'Listening before asking',
  'Language matters',
  'Working with families',
  'What helped',
  'What did not help',
  'Trust takes time',
  'After the police came',
  'Going missing',
  'Online and offline',
  'Court and afterwards',
  'Recovery is not a straight line',
  'Notes for managers',
  'Questions to ask yourself',
];

const bulletItems = [
  'Ask open questions and wait for the answer.',
  'Do not use words like "choice" or "lifestyle".',
  'Write down exactly what was said, in their words.',
  'Check who else is involved before closing the case.',
  'Explain what will happen next and when.',
  'Keep the same worker where you possibly can.',
  'Share concerns with the right agencies the same day.',
  'Notice who is collecting them and at what time.',
  'Remember that going back is not consent.',
  'Offer a second chance to talk, and a third.',
  'Look at patterns across reports, not single incidents.',
  'Believe them, even when the story changes.',
];

function sentence(random: Random): string {
  const roll = random();
  const clauses = roll < 0.55 ? 1 : roll < 0.9 ? 2 : 3;
  let text = `${pick(random, subjects)} ${pick(random, verbs)} ${pick(random, objects)}`;
  for (let clause = 1; clause < clauses; clause += 1) {
    const subject = pick(random, subjects);
    text += `${pick(random, connectors)}${subject.charAt(0).toLowerCase()}${subject.slice(1)} ${pick(random, verbs)} ${pick(random, objects)}`;
  }
  if (random() < 0.6) text += ` ${pick(random, adverbials)}`;
  return `${text}${random() < 0.1 ? '?' : '.'}`;
}

const text = (value: string, marks?: string[]): DocumentNode =>
  marks === undefined
    ? { type: 'text', text: value }
    : { type: 'text', text: value, marks: marks.map((type) => ({ type })) };

function paragraph(random: Random, sentences: number): DocumentNode {
  const parts = Array.from({ length: sentences }, () => sentence(random));
  // Now and then one sentence is bold or italic, so the document has marks as real writing does.
  if (sentences > 2 && random() < 0.25) {
    const marked = between(random, 1, sentences - 2);
    return {
      type: 'paragraph',
      content: [
        text(`${parts.slice(0, marked).join(' ')} `),
        text(parts[marked] as string, [random() < 0.5 ? 'bold' : 'italic']),
        text(` ${parts.slice(marked + 1).join(' ')}`),
      ],
    };
  }
  return { type: 'paragraph', content: [text(parts.join(' '))] };
}

function heading(random: Random, level: 2 | 3, index: number): DocumentNode {
  return { type: 'heading', attrs: { level }, content: [text(`${index}. ${pick(random, headingPhrases)}`)] };
}

function bulletList(random: Random): DocumentNode {
  return {
    type: 'bulletList',
    content: Array.from({ length: between(random, 3, 5) }, () => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [text(pick(random, bulletItems))] }],
    })),
  };
}

/** Words in a document as Chorus counts them (its own plain text and word count). */
export function wordsIn(doc: DocumentNode): number {
  return countWords(documentText(doc));
}

/**
 * A document of at least `words` words, as TipTap JSON that both Chorus's schema and a bare
 * StarterKit editor accept: sections under h2 headings with some h3s, paragraphs of 2 to 7
 * sentences (some with a bold or italic sentence), and a bullet list every dozen paragraphs or so.
 */
export function longDocument(words: number, seed = 30_000): DocumentNode {
  const random = seededRandom(seed);
  const content: DocumentNode[] = [];
  let total = 0;
  let section = 0;
  const add = (node: DocumentNode) => {
    content.push(node);
    total += wordsIn({ type: 'doc', content: [node] });
  };
  while (total < words) {
    section += 1;
    add(heading(random, 2, section));
    const paragraphs = between(random, 5, 10);
    for (let index = 0; index < paragraphs && total < words; index += 1) {
      if (index === 4 && random() < 0.5) add(heading(random, 3, section));
      add(paragraph(random, between(random, 2, 7)));
      if (random() < 0.08) add(bulletList(random));
    }
  }
  return { type: 'doc', content };
}

/** The details of one draft in a long Drafts list. */
export interface DraftSeed {
  title: string;
  summary: string;
  audiences: Audience[];
  topics: string[];
  doc: DocumentNode;
  /** Created and last edited at this time (ms since the epoch). */
  at: number;
}

const titleStarts = [
  'What I wish my social worker knew',
  'Listening before asking',
  'Notes for police officers',
  'The night it started',
  'Signs in the classroom',
  'A guide for hotel staff',
  'Talking to health professionals',
  'Why I kept going back',
  'Words that hurt, words that help',
  'Missing, not runaway',
  'Trust and the first meeting',
  'For taxi drivers and door staff',
  'When the case was closed',
  'Online first, then everywhere',
  'Court, and what came after',
  'Advice for foster carers',
];

const titleEnds = [
  '',
  ' (draft)',
  ': part two',
  ' for new starters',
  ', revised',
  ' in plain words',
  ': a short version',
  ' for managers',
];

const topicNames = [
  'grooming',
  'online safety',
  'missing episodes',
  'first contact',
  'trust',
  'language',
  'court',
  'housing',
  'health appointments',
  'school',
  'family',
  'recovery',
  'disclosure',
  'night-time economy',
  'county lines',
];

const audienceIds: readonly Audience[] = audiences;

/**
 * `count` drafts with realistic titles and summaries, some audiences and topics, and short
 * documents, edited at times spread over about a year before `now`.
 */
export function manyDrafts(count: number, now: number, seed = 2_000): DraftSeed[] {
  const random = seededRandom(seed);
  const drafts: DraftSeed[] = [];
  let at = now;
  for (let index = 0; index < count; index += 1) {
    at -= between(random, 10, 9 * 60) * 60_000;
    const audiences = audienceIds.filter(() => random() < 0.2);
    const topics = topicNames.filter(() => random() < 0.12).slice(0, 3);
    const paragraphs = between(random, 1, 4);
    drafts.push({
      title: `${pick(random, titleStarts)}${pick(random, titleEnds)}`,
      summary: random() < 0.85 ? sentence(random) : '',
      audiences,
      topics,
      doc: { type: 'doc', content: Array.from({ length: paragraphs }, () => paragraph(random, between(random, 2, 6))) },
      at,
    });
  }
  return drafts;
}

function inlineMarkdown(nodes: readonly DocumentNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      const value = node.text ?? '';
      const marks = (node.marks ?? []).map((mark) => mark.type);
      if (marks.includes('bold')) return `**${value}**`;
      if (marks.includes('italic')) return `*${value}*`;
      return value;
    })
    .join('');
}

/**
 * The document as a Markdown file, the way a person brings writing into Chorus ("Import a file"):
 * `##`/`###` headings, paragraphs, `**bold**` and `*italic*`, `-` bullet lists. Only the node types
 * {@link longDocument} makes.
 */
export function documentMarkdown(doc: DocumentNode): string {
  const blocks = (doc.content ?? []).map((node) => {
    switch (node.type) {
      case 'heading':
        return `${'#'.repeat(Number(node.attrs?.level ?? 2))} ${inlineMarkdown(node.content)}`;
      case 'bulletList':
        return (node.content ?? []).map((item) => `- ${inlineMarkdown(item.content?.[0]?.content)}`).join('\n');
      case 'paragraph':
        return inlineMarkdown(node.content);
      default:
        throw new Error(`documentMarkdown does not write ${node.type}`);
    }
  });
  return `${blocks.join('\n\n')}\n`;
}

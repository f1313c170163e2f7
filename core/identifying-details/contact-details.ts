import { compromiseLexicon } from './people-places';
import { type Candidate } from './types';

/**
 * Contact details and other fixed-format identifiers: phone numbers, email addresses, web links, social
 * media handles, postcodes and vehicle registrations. Each rule is a regular expression plus a check, with
 * no backtracking-prone nesting, so a long or hostile text cannot stall the check.
 */
export function findContactDetails(text: string): Candidate[] {
  return [
    ...findEmails(text),
    ...findUrls(text),
    ...findHandles(text),
    ...findPhones(text),
    ...findPostcodes(text),
    ...findVehicles(text),
  ];
}

const emailPattern =
  /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,4}[A-Za-z]{2,12}\b/g;

function findEmails(text: string): Candidate[] {
  return [...text.matchAll(emailPattern)].map((match) => ({
    kind: 'email',
    start: match.index,
    end: match.index + match[0].length,
    confidence: 'high',
  }));
}

const socialDomains =
  '(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|youtube|linkedin|threads|onlyfans|twitch|pinterest|reddit)';
const profileUrlPattern = new RegExp(
  `(?<![\\w@/.])(?:https?://)?(?:www\\.|m\\.)?${socialDomains}\\.com/(?:@)?[A-Za-z0-9_.\\-]{2,40}`,
  'gi',
);
const urlPattern = /(?<![\w@/.])(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]{3,200}/gi;
const trailingPunctuation = /[.,;:!?'"’”)\]]+$/;

function findUrls(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(profileUrlPattern)) {
    const value = match[0].replace(trailingPunctuation, '');
    found.push({ kind: 'social-handle', start: match.index, end: match.index + value.length, confidence: 'high' });
  }
  for (const match of text.matchAll(urlPattern)) {
    const value = match[0].replace(trailingPunctuation, '');
    if (value.length < 6) continue;
    found.push({ kind: 'url', start: match.index, end: match.index + value.length, confidence: 'high' });
  }
  return found;
}

/** "@name", not inside an email address. Dots and underscores are allowed inside, not at the end. */
const atHandlePattern = /(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])/g;

const platformNames =
  'snapchat|snap|instagram|insta|ig|tiktok|tik tok|facebook|fb|twitter|kik|discord|telegram|whatsapp|' +
  'threads|twitch|xbox|psn|playstation|roblox|fortnite|onlyfans|youtube|reddit|wizz|yubo|grindr|tinder';

/**
 * "my Snapchat was x", "his snap name is x", "added me on Instagram as x", "TikTok: x". The handle is the
 * word after the cue; a plain English word there (was, private, deleted) is not a handle.
 */
const handleCuePattern = new RegExp(
  `\\b(?:${platformNames})(?:\\s+(?:name|username|user name|handle|account|id|tag|gamertag))?` +
    `(?:\\s+(?:was|is|were|are|became|called|:)|\\s*:|\\s+as|,\\s+(?:username|handle|name)(?:\\s*:)?)\\s+` +
    `['"‘“]?(@?[A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_])`,
  'gi',
);

const notHandles = new Set([
  'private',
  'public',
  'deleted',
  'blocked',
  'hacked',
  'banned',
  'gone',
  'down',
  'new',
  'fake',
  'different',
  'full',
  'still',
  'just',
  'the',
  'his',
  'her',
  'my',
  'their',
  'our',
  'your',
  'what',
  'how',
  'where',
  'who',
  'that',
  'this',
  'something',
  'nothing',
  'everything',
  'always',
  'never',
  'only',
  'also',
  'where',
  'then',
  'there',
  'and',
  'but',
  'because',
]);

function findHandles(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(atHandlePattern)) {
    // A lone "@" word with no letters (such as "@1") is more likely a time or a price.
    if (!/[A-Za-z]/.test(match[0])) continue;
    found.push({ kind: 'social-handle', start: match.index, end: match.index + match[0].length, confidence: 'high' });
  }
  for (const match of text.matchAll(handleCuePattern)) {
    const handle = match[1];
    if (handle === undefined || notHandles.has(handle.toLowerCase())) continue;
    const start = match.index + match[0].length - handle.length;
    // A handle with a digit, dot or underscore is almost certainly one; a plain word may be an ordinary word.
    const confidence = /[\d_.@]/.test(handle) ? 'high' : 'medium';
    found.push({ kind: 'social-handle', start, end: start + handle.length, confidence });
  }
  return found;
}

/**
 * UK numbers: a national number starting 0 (or +44 / 0044 for the 0), then 9 or 10 more digits, with single
 * spaces, dashes, dots or brackets between any of them. Freephone and helpline numbers are public, so they
 * are not flagged: 0800, 0808 and 0500 numbers, 116 numbers, and the short codes 999, 112, 101, 111 and 105
 * (which this pattern cannot match anyway).
 */
const phonePattern = /(?<![\w+])(?:(?:\+|00)44[\s-]?(?:\(0\)[\s-]?)?|\(0|0)(?:[\s\-.)]{0,3}\d){9,10}(?![\d-]|\.\d)/g;
const publicPrefixes = ['0800', '0808', '0500'];

function findPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(phonePattern)) {
    let digits = match[0].replace(/\D/g, '');
    if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
    else if (digits.startsWith('440')) digits = `0${digits.slice(3)}`;
    else if (digits.startsWith('44')) digits = `0${digits.slice(2)}`;
    if (digits.length < 10 || digits.length > 11) continue;
    if (publicPrefixes.some((prefix) => digits.startsWith(prefix))) continue;
    // Mobiles and geographic numbers are personal or local; 03, 08 and 09 numbers are often organisations.
    const confidence = /^0[127]/.test(digits) ? 'high' : 'medium';
    if (!/^0[1-9]/.test(digits)) continue;
    found.push({ kind: 'phone', start: match.index, end: match.index + match[0].length, confidence });
  }
  return found;
}

/**
 * Full postcodes in any case, with or without the space ("B66 1QR", "wv109tj"); outward codes alone
 * ("WV10") only in capitals and only with a cue such as "postcode" or "area", since "M6" and "A38" are
 * roads and "B12" could be a room.
 */
const fullPostcodePattern = /\b([A-Za-z]{1,2}\d[A-Za-z\d]?) ?(\d[A-Za-z]{2})\b/g;
const outwardCodeAfterCue =
  /\b(?:post ?code|postal district)(?:\s+(?:is|was|of|starts?|started|begins?|began)(?:\s+with)?)?\s*:?\s+([A-Z]{1,2}\d[A-Z\d]?)\b/gi;
const outwardCodeBeforeCue = /\b([A-Z]{1,2}\d[A-Z\d]?)\s+(?:area|postcode|post code|district)\b/g;
const roadNumber = /^[MA]\d+$/;

function findPostcodes(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(fullPostcodePattern)) {
    const [whole, outward = '', inward = ''] = match;
    if (!validOutward(outward) || !/^\d[ABD-HJLNP-UW-Z]{2}$/i.test(inward)) continue;
    const consistentCase = whole === whole.toUpperCase() || whole === whole.toLowerCase();
    if (!consistentCase) continue;
    const confidence = whole === whole.toUpperCase() ? 'high' : 'medium';
    found.push({ kind: 'postcode', start: match.index, end: match.index + whole.length, confidence });
  }
  for (const pattern of [outwardCodeAfterCue, outwardCodeBeforeCue]) {
    for (const match of text.matchAll(pattern)) {
      const code = match[1];
      if (code === undefined || code !== code.toUpperCase() || roadNumber.test(code) || !validOutward(code)) continue;
      const start = match.index + match[0].indexOf(code);
      found.push({ kind: 'postcode', start, end: start + code.length, confidence: 'medium' });
    }
  }
  return found;
}

/** Outward codes never start with Q, V or X, and their second letter is never I, J or Z. */
function validOutward(outward: string): boolean {
  const upper = outward.toUpperCase();
  if (/^[QVX]/.test(upper)) return false;
  return !/^[A-Z][IJZ]/.test(upper);
}

/**
 * Registrations: current (AB12 CDE), prefix (A123 BCD) and suffix (ABC 123D), with or without the space.
 * In capitals they are flagged anywhere; in lower or mixed case only after "reg", "registration" or "plate".
 */
const vehiclePatterns = [
  /\b[A-Z]{2}\d{2} ?[A-Z]{3}\b/gi,
  /\b[A-Z]\d{1,3} ?[A-Z]{3}\b/gi,
  /\b[A-Z]{3} ?\d{1,3}[A-Z]\b/gi,
];
/** Northern Ireland's registrations ("LXZ 4471", "AIG 1234") always have an I or a Z; in capitals only. */
const northernIrishRegistration = /\b(?=[A-Z]{2,3} ?\d)[A-HJ-Z]{0,2}[IZ][A-Z]{0,2} ?\d{1,4}\b/g;
/**
 * A current-style registration in lower case is taken without a cue when its age identifier is a real one and
 * its last three letters are no word ("the bf67 bus" is a bus route).
 */
const ageIdentifier = /^[a-z]{2}(?:0[2-9]|1\d|2[0-7]|5[1-9]|6\d|7[0-7]) ?[a-z]{3}$/i;
const vehicleCue = /\b(?:reg|registration|plate|plates|number ?plate|numberplate)\b[^.!?\n]{0,30}$/i;
const notRegistrations = new Set(['PCSO', 'GCSE', 'ISVA']);

function findVehicles(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const pattern of vehiclePatterns) {
    for (const match of text.matchAll(pattern)) {
      const value = match[0];
      if (!/\d/.test(value) || notRegistrations.has(value.replace(' ', ''))) continue;
      const capitals = value === value.toUpperCase();
      const cued =
        vehicleCue.test(text.slice(Math.max(0, match.index - 40), match.index)) ||
        (ageIdentifier.test(value) && !compromiseLexicon().ordinaryWords.has(value.slice(-3).toLowerCase()));
      if (!capitals && !cued) continue;
      found.push({
        kind: 'vehicle',
        start: match.index,
        end: match.index + value.length,
        confidence: capitals ? 'high' : 'medium',
      });
    }
  }
  for (const match of text.matchAll(northernIrishRegistration)) {
    const letters = match[0].replace(/[\s\d]/g, '');
    if (letters.length < 2 || notRegistrations.has(match[0].replace(' ', ''))) continue;
    found.push({ kind: 'vehicle', start: match.index, end: match.index + match[0].length, confidence: 'medium' });
  }
  return found;
}

// Finding a Finnish personal identity code (henkilötunnus, DDMMYYCZZZQ) in text people wrote.
// Identity lives only in client-intake, so no event field or free-text command field may carry
// one, however it is typed. client-intake's parser has the full rules (docs/identity.md).

/** Check characters by the remainder of DDMMYYZZZ divided by 31 (no G, I, O, Q or Z). */
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

// Dashes and minus signs word processors type instead of '-', and invisible characters copy and
// paste brings along (zero-width spaces and joiners, soft hyphen): the same as client-intake's.
const DASHES = '\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D';
const DASH = new RegExp(`[${DASHES}]`, 'g');
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD]/g;

/**
 * The code as written in one piece (131052-308T, any century sign of 1800–2099). Found whatever
 * its check character: a code with a typo in it is still somebody's identity code.
 */
const COMPACT =
  /(?<![0-9A-Za-z])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y](?![0-9A-Za-z])/i;

/** Up to two of: whitespace, '.', '/', '_', '-' between the characters of a code. */
const GAP = `[\\s./_-]{0,2}`;
const DIGIT = '(\\d)';

/**
 * The code with separators anywhere in it (`01 01 90-123A`, `010190 - 123A`, `01.01.90 123A`),
 * the century sign written, or left out for a separator. Tried at each place a word starts.
 * Only the digits and the check character are captured: they decide, with the checksum.
 */
const SEPARATED = new RegExp(
  `(?<![0-9A-Za-z])${Array(6).fill(DIGIT).join(GAP)}${GAP}[-+A-FU-Y]?${GAP}` +
    `${Array(3).fill(DIGIT).join(GAP)}${GAP}([0-9A-FHJ-NPR-Y])(?![0-9A-Za-z])`,
  'iy',
);

/** The text as the patterns read it: invisible characters gone, every dash a '-'. */
function normalised(text: string): string {
  return text.replace(INVISIBLE, '').replace(DASH, '-');
}

/** Whether a separated candidate is a code: a day and month of the calendar, and its checksum. */
function isCode(match: RegExpExecArray): boolean {
  const digits = match.slice(1, 10).join('');
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  if (day < 1 || day > 31 || month < 1 || month > 12) {
    return false;
  }
  return CHECK_CHARACTERS[Number(digits) % 31] === match[10].toUpperCase();
}

/** Whether some word of the text starts a separated code (see SEPARATED). */
function containsSeparatedCode(text: string): boolean {
  // Nine digits at least, or there is nothing to look for.
  if (text.replace(/\D/g, '').length < 9) {
    return false;
  }
  for (let index = 0; index < text.length; index += 1) {
    if (!/\d/.test(text[index]) || (index > 0 && /[0-9A-Za-z]/.test(text[index - 1]))) {
      continue;
    }
    SEPARATED.lastIndex = index;
    const match = SEPARATED.exec(text);
    if (match !== null && isCode(match)) {
      return true;
    }
  }
  return false;
}

/**
 * True when an id (a reference, an actor id) contains a personal identity code written in one
 * piece. Ids are made by machines: a random UUID's digit groups would now and then pass for a
 * separated code with a valid checksum, so only the compact form is looked for.
 */
export function idContainsPersonalIdentityCode(id: string): boolean {
  return COMPACT.test(normalised(id));
}

/**
 * True when free text contains a Finnish personal identity code: in one piece with any century
 * sign (`131052-308T`, also with a Unicode dash), or with spaces, dots, slashes, underscores or
 * dashes between its characters and the century sign written or left out (`13 10 52 - 308T`,
 * `131052 308T`). A separated code counts only when its day and month exist and its check
 * character matches, so ordinary dates, times and phone numbers are rarely taken for one.
 */
export function containsPersonalIdentityCode(text: string): boolean {
  const readable = normalised(text);
  return COMPACT.test(readable) || containsSeparatedCode(readable);
}

/**
 * How many syllables a written word has, by rule (no dictionary): the aligner compares these
 * counts with the syllable nuclei it finds in the voice. English and Spanish are handled;
 * other languages fall back to counting vowel groups. Punctuation and emoji are not spoken and
 * count nothing; digits are read out, so a number counts roughly what saying it takes.
 */

export type VoiceLanguage = 'en' | 'es';

const SPANISH_HINTS = /[ñáéíóúü¿¡]/i;
const SPANISH_WORDS = new Set(
  'el la los las de del que y en un una es por para con no se su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros vosotras os mío mía míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras esos esas estoy estás está estamos estáis están hola gracias siempre nunca hoy amigo amiga'.split(
    ' ',
  ),
);
const ENGLISH_WORDS = new Set(
  'the a an and of to in is it you that he was for on are as with his they i at be this have from or one had by word but not what all were we when your can said there use each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first been call who its now find long down day did get come made may part be kind today friend'.split(
    ' ',
  ),
);

/** English or Spanish, from the letters and the most common words of the script. */
export function guessLanguage(text: string): VoiceLanguage {
  if (SPANISH_HINTS.test(text)) return 'es';
  let es = 0;
  let en = 0;
  for (const raw of text.toLowerCase().split(/\s+/)) {
    const word = raw.replace(/[^\p{L}]/gu, '');
    if (SPANISH_WORDS.has(word)) es++;
    if (ENGLISH_WORDS.has(word)) en++;
  }
  return es > en ? 'es' : 'en';
}

/** Syllables a spoken number takes, roughly: about one and a half per digit. */
function numberSyllables(digits: string): number {
  return Math.max(1, Math.round(digits.length * 1.5));
}

/** Common words the rules get wrong. */
const ENGLISH_EXCEPTIONS: Record<string, number> = {
  people: 2,
  every: 2,
  everyone: 3,
  business: 2,
  area: 3,
  idea: 3,
};

function englishSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return 0;
  const known = ENGLISH_EXCEPTIONS[w];
  if (known !== undefined) return known;
  if (w.length <= 3) return 1;
  // A silent final e (make, smile) but not -le after a consonant (little, people).
  if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) w = w.slice(0, -1);
  // -ed is silent after anything but t or d (helped, cared; not wanted, needed).
  if (/[^td]ed$/.test(w)) w = w.slice(0, -2);
  // -es is silent except after s, x, z, ch, sh, ge, ce (smiles; not wishes, changes).
  else if (/[^sxzhgc]es$/.test(w)) w = w.slice(0, -2);
  const groups = w.match(/[aeiouy]+/g) ?? [];
  let count = groups.length;
  // Vowel pairs read as two syllables: "ia" (media), "io" (question is one: tion), "eo" (video), "ua".
  for (const g of groups) if (/^(ia|eo|ua|uo|iu)$/.test(g) && !/tio/.test(w)) count++;
  if (/ious|eous/.test(w)) count--;
  return Math.max(1, count);
}

const SPANISH_STRONG = 'aeoáéóíú';

function spanishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, '');
  if (w === '') return 0;
  let count = 0;
  let previous = '';
  for (const c of w.replace(/qu|gu(?=[eiéí])/g, 'q')) {
    const vowel = 'aeiouáéíóúü'.includes(c);
    if (!vowel) {
      previous = '';
      continue;
    }
    // Two strong vowels (or an accented i/u) next to each other are two syllables (hiatus);
    // a weak vowel joins its neighbour in a diphthong.
    if (previous === '' || (SPANISH_STRONG.includes(previous) && SPANISH_STRONG.includes(c))) count++;
    previous = c;
  }
  return Math.max(1, count);
}

/** The syllables of one written word (0 for punctuation or emoji alone). */
export function countSyllables(word: string, language: VoiceLanguage): number {
  if (/\p{N}/u.test(word) && !/\p{L}/u.test(word)) return numberSyllables(word.replace(/\D/g, ''));
  if (!/\p{L}/u.test(word)) return 0;
  if (language === 'es') return spanishSyllables(word);
  if (!/[a-z]/i.test(word)) {
    // Letters of another script: count vowel-like groups loosely, at least one.
    return Math.max(1, Math.round([...word].length / 2));
  }
  return englishSyllables(word);
}

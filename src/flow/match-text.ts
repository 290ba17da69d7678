/**
Turns a candidate's line, or a bank question's ask, aliases and keywords, into
the terms the question matcher searches on. Both sides go through the same
steps, so a bank phrase and a candidate's phrase meet as the same terms:

1. lower case, apostrophes dropped ("what's" → "whats"), split into words;
2. a light stem (plural and "-ing"/"-ed" endings), so "fields" meets "field";
3. the bank's multi-word keywords joined into one term ("look like" →
   "look_like", "how often" → "how_often"), so a phrase is matched as a phrase
   and its words alone ("how", "like") pull nothing;
4. function words and interview small talk dropped ("what", "the", "data",
   "today", "from", "use"): they are in nearly every question and in small
   talk too, and matching on them is how the placeholder answered "what time
   is lunch".
*/

/** Words that carry no topic in an interview line. */
const stopwords = new Set(
	(
		'a about actually again all also am an and any anything are as ask at be been being but by can could data did do does doing done each either else ' +
		'even ever exactly for from get gets getting give go going gonna got had has have hey hi how i if im in into is it its ive just kind kinda know ' +
		'let lets like look looking make many may me might more most much must my need needed needs no not now of oh ok okay on one or other our out ' +
		'please pretty quick quickly really require required requirement right roughly say should so some something sort still such sure talk talking tell than thank thanks that ' +
		'thats the their them then there theres these they thing things think this those to today too uh um up us use used using very wa want wanna ' +
		'was way we well were what whats when where wheres which who whos whom why will with wonder wondering would yeah yes you your youre'
	)
		.split(' ')
		// Checked after stemming, so the stems count too ("does" → "doe").
		.flatMap((word) => [word, stem(word)]),
);

/** A light English stem: enough to make plurals and verb forms meet, never so much that two topics merge. */
export function stem(word: string): string {
	if (word.length <= 3 || /\d/.test(word) || word.includes('_')) return word;
	if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
	if (/(ss|us|is)$/.test(word)) return word;
	if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
	if (word.endsWith('s')) return word.slice(0, -1);
	if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
	if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
	return word;
}

/** Lower-cased, stemmed words of a text, in order, stopwords kept (phrases need them). */
export function words(text: string): string[] {
	return (
		text
			.toLowerCase()
			.replace(/['’`]/g, '')
			.match(/[a-z0-9_]+/g) ?? []
	).map(stem);
}

/** Whether two words are at most one edit apart (a letter added, dropped, changed or two swapped). */
export function oneEditApart(a: string, b: string): boolean {
	if (a === b) return true;
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	const rest = (x: string, skip: number) => x.slice(i + skip);
	if (a.length === b.length) return rest(a, 1) === rest(b, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, 2) === rest(b, 2));
	return a.length > b.length ? rest(a, 1) === rest(b, 0) : rest(a, 0) === rest(b, 1);
}

// A typo in a phrase word ("how mnay", "per secnd") still makes the phrase, on words of four letters or more.
const sameWord = (said: string, wanted: string) => said === wanted || (said.length >= 4 && wanted.length >= 4 && oneEditApart(said, wanted));

// Typos of question words ("wher", "waht") are still question words, not topic terms.
const questionWords = ['what', 'where', 'which', 'when', 'does', 'there', 'about', 'would', 'could', 'should'];
const isStopword = (word: string) => stopwords.has(word) || (word.length >= 4 && questionWords.some((question) => oneEditApart(word, question)));

/** The joined form of a multi-word phrase. */
const joined = (phrase: readonly string[]) => phrase.join('_');

/**
The phrases to keep whole, from the bank's multi-word keywords, as stemmed
word lists (longest first, so "one row per" wins over "row per").
*/
export function phrasesOf(keywords: readonly string[]): string[][] {
	const seen = new Set<string>();
	const phrases: string[][] = [];
	for (const keyword of keywords) {
		const phrase = words(keyword);
		if (phrase.length < 2 || seen.has(joined(phrase))) continue;
		seen.add(joined(phrase));
		phrases.push(phrase);
	}
	return phrases.sort((a, b) => b.length - a.length);
}

/** The search terms of a text: phrases joined, stopwords dropped. */
export function terms(text: string, phrases: readonly string[][]): string[] {
	const said = words(text);
	const out: string[] = [];
	for (let index = 0; index < said.length; ) {
		const phrase = phrases.find((candidate) => candidate.every((word, offset) => said[index + offset] !== undefined && sameWord(said[index + offset]!, word)));
		if (phrase) {
			out.push(joined(phrase));
			index += phrase.length;
			continue;
		}
		const word = said[index]!;
		if (!isStopword(word)) out.push(word);
		index++;
	}
	return out;
}

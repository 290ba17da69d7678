/**
Which points of a deep dive's good answer the candidate's free text covers.

A point is a sentence of several claims ("Kinesis replicates across three
availability zones; Lambda retries a failed batch from the shard's
checkpoint"); a candidate makes one of them in their own words. So each point
is split into its clauses, and a point counts as covered when the answer
holds enough of the content words of the whole point or of one clause. Words
meet after the same stemming as the question matcher, by a shared stem of six
letters ("replicates" meets "replica", "availability" meets "available"), and
after spelling out the abbreviations candidates use (AZ, SPOF, PII, …).

Measured like the question matcher, on answers labelled point by point
(test/fixtures/phrasings/points, test/flow/match-points.test.ts). Claiming a
point the candidate did not make flatters them, so the threshold leans to
"not covered". What a point rules out is not evidence that the answer made
it (the words after not, never, instead of or rather than, up to the next
comma): "key by country" does not make the point "key by user_id, not country".
An answer that asserts what a point rules out is not caught, only not credited,
except for the order of a column list: an answer naming the order a point
rejects ("(played_at, user_id) serves both") is not credited with the point
that rejects it, though it shares all its words.
*/
import {words} from './match-text.js';

/** How much of a point (or of one of its clauses) the answer must hold. */
export const pointPolicy = {share: 0.45, clauseShare: 0.6, least: 2};

// Words that say nothing about which point was made: function words and the filler of design talk.
const filler = new Set(
	(
		'a about after all also an and any are as at be because been but by can could do does each either for from get gets has have how if in into is ' +
		'it its just keep like make makes may more most much must need needs no not of on one only or other our out over per rather should so some ' +
		'such than that the their them then there these they this those through to too up us use used using very was we were what when where which ' +
		'while who why will with within without would you your e.g eg i.e ie'
	)
		.split(' ')
		.flatMap((word) => words(word)),
);

// Abbreviations spelled out so "multi-AZ" meets "availability zones".
const expansions: Record<string, string> = {
	az: 'availability zone',
	azs: 'availability zones',
	spof: 'single point failure',
	pii: 'personal data',
	ha: 'high availability',
	dlq: 'dead letter queue',
	kds: 'kinesis',
	msk: 'kafka',
	cdc: 'change data capture',
	scd: 'slowly changing dimension',
	scd2: 'slowly changing dimension type 2',
	idempotency: 'idempotent',
	dedup: 'dedupe',
	deduplicate: 'dedupe',
	upserts: 'upsert',
};

/** The content words of a text, abbreviations spelled out. */
function contentWords(text: string): string[] {
	const out: string[] = [];
	for (const word of words(text.replace(/(\d),(\d{3})/g, '$1$2'))) {
		const expanded = expansions[word];
		for (const part of expanded ? words(expanded) : [word]) if (!filler.has(part) && part.length > 1) out.push(part);
	}
	return out;
}

/** Whether two words are the same for this purpose: equal, or sharing a stem of six letters. */
function same(a: string, b: string): boolean {
	if (a === b) return true;
	const stem = Math.min(6, a.length, b.length);
	return a.length >= 5 && b.length >= 5 && a.slice(0, stem) === b.slice(0, stem);
}

// "not only" adds a claim instead of ruling one out.
const negation = /\b(?:not(?!\s+only\b)|never|instead\s+of|rather\s+than)\b[^,;.()]*/gi;

/** The content words of a text outside what it rules out (the words after a negation, up to the next comma). */
function claimed(text: string): string[] {
	return contentWords(text.replace(negation, ' '));
}

// An ordered column list, "(user_id, played_at)": the order is what a composite index turns on, and words alone cannot see it.
const columnList = /\(\s*([a-z_]\w*(?:\s*,\s*[a-z_]\w*)+)\s*\)/gi;
// Where a list is ruled out: after a negation, or "no" ("no single order such as (played_at, user_id) serves both").
const listNegation = /\b(?:no|not(?!\s+only\b)|never|instead\s+of|rather\s+than)\b(?:[^,;.(]|\([^)]*\))*/gi;

/** The column lists of a text, each as its columns in order ("user_id,played_at"). */
function columnLists(text: string): string[] {
	return [...text.matchAll(columnList)].map((match) => match[1]!.toLowerCase().replace(/\s+/g, ''));
}

/**
Whether the answer asserts an order the point rules out: it names a column list
the point names only to reject, and none of the lists the point claims. Then
the answer made the opposite claim in the same words, and is not credited.
*/
function assertsRuledOutOrder(point: string, answer: string): boolean {
	const claimedLists = new Set(columnLists(point.replace(listNegation, ' ')));
	const ruledOut = columnLists(point).filter((list) => !claimedLists.has(list));
	if (ruledOut.length === 0) return false;
	const named = columnLists(answer);
	return named.some((list) => ruledOut.includes(list)) && !named.some((list) => claimedLists.has(list));
}

/** The clauses of a point: split at semicolons, dashes, colons and the ", and" of a list of claims. */
function clauses(point: string): string[] {
	return point.split(/;|\s[-–—]\s|:\s|,\s+(?:and|or|but|so)\s+|\)\s+or\s+|\.\s/).filter((part) => part.trim().length > 0);
}

/** The answer's words that meet the given words. */
function hits(wanted: readonly string[], said: readonly string[]): string[] {
	return [...new Set(wanted)].filter((word) => said.some((other) => same(word, other)));
}

/** Which of a good answer's points the candidate's free text covers, with the words that show it (null when not covered). */
export function matchPoints(points: readonly string[], answer: string): {covered: boolean[]; evidence: (string | null)[]} {
	const said = contentWords(answer);
	const results = points.map((point) => {
		// What a point or clause rules out is not evidence that the answer made it: "key by country" shares only "key" with "key by user_id, not country".
		const whole = [...new Set(claimed(point))];
		const found = hits(whole, said);
		const wholeOk = found.length >= Math.min(pointPolicy.least, whole.length) && found.length / Math.max(1, whole.length) >= pointPolicy.share;
		const clauseOk = clauses(point).some((clause) => {
			const wanted = [...new Set(claimed(clause))];
			const got = hits(wanted, said);
			// The clause's size counts what it rules out: "key by user_id, not country" is a claim of three words, two of them to look for.
			return new Set(contentWords(clause)).size >= 3 && got.length >= pointPolicy.least && got.length / wanted.length >= pointPolicy.clauseShare;
		});
		const covered = (wholeOk || clauseOk) && !assertsRuledOutOrder(point, answer);
		return {covered, evidence: covered ? found.join(', ') : null};
	});
	return {covered: results.map((result) => result.covered), evidence: results.map((result) => result.evidence)};
}

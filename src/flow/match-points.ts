/**
PLACEHOLDER until the measured point matcher lands (its own branch): a point
counts as covered when half its longer words appear in the answer.
*/
const words = (text: string) => text.toLowerCase().match(/[a-z0-9]{5,}/g) ?? [];

/** Which of a good answer's points the candidate's free text covers. */
export function matchPoints(points: readonly string[], answer: string): {covered: boolean[]; evidence: (string | null)[]} {
	const said = new Set(words(answer));
	const hits = points.map((point) => words(point).filter((word) => said.has(word)));
	return {covered: hits.map((hit, index) => hit.length >= Math.max(1, words(points[index]!).length / 2)), evidence: hits.map((hit) => (hit.length > 0 ? hit.join(', ') : null))};
}

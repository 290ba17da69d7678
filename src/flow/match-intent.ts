/**
The two kinds of line that are not questions for the bank: an assumption the
candidate states ("assume 1 KB events"), recorded as said, and a design choice
they ask permission for ("can I use Kafka?"), which the interviewer hands back
("your call: say why"). Both are recognised by how the line is put, before any
search, because searching them would answer a question nobody asked: "can I
use Kafka for ingestion?" shares words with the source question.
*/

const assumptionLead = /^\s*(?:(?:ok(?:ay)?|so|and|alright|then)[,\s]+)*(?:let'?s\s+(?:assume|say|suppose)|i(?:'ll|\s+will|'m\s+going\s+to|'d|\s+would)\s+assume|i(?:'m|\s+am)\s+assuming|we(?:'ll|\s+can|\s+will)\s+assume|assume|assuming|suppose|supposing|my\s+assumption\s+is)\b(?:\s+that\b)?[\s:,-]*/i;

/** The assumption a line states, without its lead-in ("assume 1 KB events" → "1 KB events"), or null. */
export function statedAssumption(text: string): string | null {
	const lead = assumptionLead.exec(text);
	if (!lead) return null;
	return text.slice(lead[0].length).trim();
}

// "can I use Kafka", "should we go with Flink", "is it ok if I pick Redis", "could we keep the counters in Redis".
const choiceVerb = String.raw`(?:use|pick|choose|go\s+with|run|deploy|adopt|(?:put|store|keep|write|land|load|save|hold|send|build|do)\s+(?:[\w-]+\s+){0,4}?(?:in|into|on|to|with)\b)`;
const designChoice = [
	new RegExp(String.raw`\b(?:can|could|may|should|shall|must)\s+(?:i|we)\s+(?:just\s+|also\s+)?${choiceVerb}\b`, 'i'),
	new RegExp(String.raw`\b(?:is|would)\s+(?:it|that)\s+(?:be\s+)?(?:ok|okay|fine|alright|allowed|acceptable)\s+(?:if\s+(?:i|we)|to)\s+${choiceVerb}\b`, 'i'),
	new RegExp(String.raw`\b(?:do|would)\s+you\s+(?:mind|care|prefer)\b`, 'i'),
	new RegExp(String.raw`\b(?:do|would)\s+(?:i|we)\s+(?:have|need)\s+to\s+${choiceVerb}\b`, 'i'),
	new RegExp(String.raw`\bwhat\s+about\s+using\b`, 'i'),
	/\bam\s+i\s+allowed\s+to\b/i,
];

/** Whether the line asks permission for a design choice rather than a fact about the problem. */
export function isDesignChoice(text: string): boolean {
	return designChoice.some((pattern) => pattern.test(text));
}

// Small talk aimed at the interviewer in person: "what's your favourite game", "how was your weekend", "have you worked here long".
const smallTalk = [
	/\byour\s+(?:favou?rite|weekend|day|commute|name|job|role|background|hobby|hobbies|family|kids|holiday|holidays|trip|plans)\b/i,
	/\b(?:do|did)\s+you\s+(?:like|enjoy|love|play|watch|prefer\s+working|have\s+(?:any\s+)?(?:pets|kids|children|hobbies))\b/i,
	/\bhave\s+you\s+(?:worked|been|ever)\b/i,
	/\bhow\s+(?:long|old)\s+(?:have\s+)?(?:you|are\s+you)\b/i,
	/\bhow(?:'?s|\s+is|\s+was|\s+are)\s+(?:your|you)\b/i,
];

/** Whether the line is small talk with the interviewer rather than a question about the problem. */
export function isSmallTalk(text: string): boolean {
	return smallTalk.some((pattern) => pattern.test(text));
}

/** The interviewer's reply to a design-choice question. */
export const designChoiceReply = "That's your call: pick what you think fits, and say why.";

/** The interviewer's reply when the bank has nothing for the line. */
export const assumeReply = "I don't have that; make an assumption and state it (start a line with \"assume\").";

/** Result comparison as a candidate meets it: what counts as equal, and how a difference is worded. */
import {describe, expect, it} from 'vitest';
import {difference, showValue} from '../../src/coding/compare.js';

const strict = {unordered: false, tolerance: 1e-6};
const unordered = {unordered: true, tolerance: 1e-6};

describe('difference', () => {
	it('accepts floats within the tolerance and names the first one outside it', () => {
		expect(difference([0.1 + 0.2, 1], [0.3, 1], strict)).toBeUndefined();
		expect(difference([0.33, 1], [0.3333, 1], strict)).toBe('[0]: expected 0.33, got 0.3333');
	});

	it("never treats '1' as 1, nor None as a missing key", () => {
		expect(difference({a: 1}, {a: '1'}, strict)).toBe('["a"]: expected 1, got "1" (a string where a number was expected)');
		expect(difference({a: null}, {}, strict)).toBe('the result: missing key "a"');
		expect(difference({}, {a: null}, strict)).toBe('the result: unexpected key "a"');
	});

	it('ignores the order of the returned list only where the statement says so', () => {
		expect(difference([[1, 2], [3, 4]], [[3, 4], [1, 2]], unordered)).toBeUndefined();
		expect(difference([[1, 2], [3, 4]], [[3, 4], [1, 2]], strict)).toBe('[0][0]: expected 1, got 3');
		// Only the top level: order inside each item still matters.
		expect(difference([[1, 2]], [[2, 1]], unordered)).toMatch(/^\[0\]\[0\]: expected 1, got 2 \(compared in sorted order/);
	});

	it('says which item is missing when the lengths differ', () => {
		expect(difference([1, 2, 3], [1, 3], strict)).toBe('the result: expected 3 items, got 2; missing 2');
		expect(difference([1], [1, 9], strict)).toBe('the result: expected 1 item, got 2; unexpected 9');
	});

	it('shows values with Python spelling', () => {
		expect(showValue({a: null, b: [true, false], c: 'null'})).toBe('{"a":None,"b":[True,False],"c":"null"}');
		expect(showValue({__repr__: '<generator object at 0x1>'})).toBe('"⟨<generator object at 0x1>⟩"');
	});
});

/**
A regular expression built on its first use instead of where it is declared.
string-width declares four Unicode-property expressions at the top of its module
(`\p{RGI_Emoji}` alone takes about 20 ms for V8 to build), all for text outside
the app's fast path, which the first frame never draws. The build wraps those
declarations in `lazyRegExp` (scripts/build.mjs), so the cost is paid, if ever,
when such text first shows up.

It answers the calls string-width makes (`test`, `exec`, and being passed to a
string's `match`, `matchAll`, `replace`, `search` and `split`), each by the real
expression.
*/
export class LazyRegExp {
	private built: RegExp | undefined;

	constructor(private readonly make: () => RegExp) {}

	/** The expression itself, built on the first call. */
	get regexp(): RegExp {
		this.built ??= this.make();
		return this.built;
	}

	get source(): string {
		return this.regexp.source;
	}

	get flags(): string {
		return this.regexp.flags;
	}

	get global(): boolean {
		return this.regexp.global;
	}

	get lastIndex(): number {
		return this.regexp.lastIndex;
	}

	set lastIndex(value: number) {
		this.regexp.lastIndex = value;
	}

	test(text: string): boolean {
		return this.regexp.test(text);
	}

	exec(text: string): RegExpExecArray | null {
		return this.regexp.exec(text);
	}

	[Symbol.match](text: string): RegExpMatchArray | null {
		return this.regexp[Symbol.match](text);
	}

	[Symbol.matchAll](text: string): IterableIterator<RegExpMatchArray> {
		return this.regexp[Symbol.matchAll](text);
	}

	[Symbol.replace](text: string, replacement: string): string {
		return this.regexp[Symbol.replace](text, replacement);
	}

	[Symbol.search](text: string): number {
		return this.regexp[Symbol.search](text);
	}

	[Symbol.split](text: string, limit?: number): string[] {
		return this.regexp[Symbol.split](text, limit);
	}
}

/** A stand-in for the expression `make` builds, built when first used. */
export function lazyRegExp(make: () => RegExp): RegExp {
	return new LazyRegExp(make) as unknown as RegExp;
}

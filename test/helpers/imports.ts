/** Reading a source file's imports, for the tests that hold the folders' import rules. */

/** Every module specifier in a source text: static imports/exports, dynamic import() and require(). */
export function importedSpecifiers(source: string): string[] {
	const specifiers: string[] = [];
	const patterns = [/\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
	for (const pattern of patterns) for (const match of source.matchAll(pattern)) specifiers.push(match[1]!);
	return specifiers;
}

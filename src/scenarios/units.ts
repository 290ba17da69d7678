/**
Loads and durations as people write them on a whiteboard: `500k/min`, `5M/min`,
`8333/s`, `1.2k/s`; `90s`, `10m`, `1h`. Used by `dojo sim` and `dojo sweep` for
their flags, so every error names the flag and shows an example of what works.
*/

const multipliers: Record<string, number> = {'': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, b: 1e9, B: 1e9, g: 1e9, G: 1e9};
const perSecond: Record<string, number> = {ms: 1000, s: 1, sec: 1, second: 1, m: 1 / 60, min: 1 / 60, minute: 1 / 60, h: 1 / 3600, hr: 1 / 3600, hour: 1 / 3600, d: 1 / 86_400, day: 1 / 86_400};
const seconds: Record<string, number> = {ms: 0.001, s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600, d: 86_400};

/** The outcome of parsing: the number, or a message saying what was expected. */
export type Parsed = {ok: true; value: number} | {ok: false; message: string};

/**
Parses a rate into events per second. `500k/min` → 8333.33…, `8333/s` → 8333,
`5M/min` → 83333.33…. Lower-case `m` before the slash means million, as people
write it ("5m/min"); time units are case-insensitive (`/MIN`). A bare number is
per second; a number with a multiplier and no time unit (`5m`, `5M`) is refused,
since it could mean a million or a minute.
*/
export function parseRate(text: string, flag = '--load'): Parsed {
	const expected = `${flag}: expected a rate like 500k/min or 8333/s; got ${JSON.stringify(text)}`;
	const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([kKmMbBgG]?)\s*(?:(?:\/|\s*per\s*)\s*([a-zA-Z]+))?\s*$/.exec(text);
	if (!match) return {ok: false, message: expected};
	const [, digits, suffix = '', given] = match;
	// "5m" could be five million or five a minute: with a multiplier, the time unit must be written.
	if (given === undefined && suffix !== '') return {ok: false, message: `${flag}: ${JSON.stringify(text)} has no time unit; write it, for example ${digits}${suffix.toUpperCase()}/min or ${digits}${suffix.toUpperCase()}/s`};
	const unit = (given ?? 's').toLowerCase();
	const per = perSecond[unit];
	if (per === undefined) return {ok: false, message: `${flag}: unknown time unit "/${unit}" in ${JSON.stringify(text)}; expected /s, /min or /h`};
	const value = Number(digits) * multipliers[suffix]! * per;
	if (!(value > 0) || !Number.isFinite(value)) return {ok: false, message: `${flag}: the rate must be above 0; got ${JSON.stringify(text)}`};
	return {ok: true, value};
}

/** Parses a duration into seconds: `90s` → 90, `10m` → 600, `1h` → 3600, a bare number is seconds. */
export function parseDuration(text: string, flag = '--duration'): Parsed {
	const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/.exec(text);
	if (!match) return {ok: false, message: `${flag}: expected a duration like 90s, 10m or 1h; got ${JSON.stringify(text)}`};
	const [, digits, unit = ''] = match;
	const scale = unit === '' ? 1 : seconds[unit];
	if (scale === undefined) return {ok: false, message: `${flag}: unknown unit "${unit}" in ${JSON.stringify(text)}; expected s, m or h (e.g. 90s, 10m, 1h)`};
	const value = Number(digits) * scale;
	if (!(value > 0) || !Number.isFinite(value)) return {ok: false, message: `${flag}: the duration must be above 0; got ${JSON.stringify(text)}`};
	return {ok: true, value};
}

/** Writes a rate per second back in the unit a person would use: `8,333/s (500k/min)`. */
export function formatRate(perSecondValue: number): string {
	const perMinute = perSecondValue * 60;
	const short = perMinute >= 1e6 ? `${trim(perMinute / 1e6)}M/min` : perMinute >= 1e3 ? `${trim(perMinute / 1e3)}k/min` : `${trim(perMinute)}/min`;
	return `${Math.round(perSecondValue).toLocaleString('en-US')}/s (${short})`;
}

/** Writes seconds as `90s`, `10m`, `1h30m`. */
export function formatDuration(totalSeconds: number): string {
	if (totalSeconds < 60) return `${trim(totalSeconds)}s`;
	if (totalSeconds < 3600) return totalSeconds % 60 === 0 ? `${totalSeconds / 60}m` : `${Math.floor(totalSeconds / 60)}m${trim(totalSeconds % 60)}s`;
	const hours = Math.floor(totalSeconds / 3600);
	const minutes = Math.round((totalSeconds % 3600) / 60);
	return minutes === 0 ? `${hours}h` : `${hours}h${minutes}m`;
}

function trim(value: number): string {
	return Number(value.toFixed(value < 10 ? 2 : 1)).toString();
}

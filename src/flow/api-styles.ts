/**
The API styles a candidate picks between in the high-level design, with the
trade-offs the study notes tabulate (protocol, format, state, strengths and
weaknesses) and the two styles data pipelines add: a vendor SDK and file drops,
and change data capture. Shown beside the expected choice once one is picked.
*/
import type {ApiInteraction, ApiStyle} from '../scenarios/schema.js';

/** One API style and what it trades. */
export type ApiStyleInfo = {
	readonly id: ApiStyle;
	readonly title: string;
	readonly protocol: string;
	readonly format: string;
	readonly state: string;
	readonly good: string;
	readonly bad: string;
};

/** Every style, in the order the picker lists them. */
export const apiStyles: readonly ApiStyleInfo[] = [
	{id: 'rest', title: 'REST', protocol: 'HTTP', format: 'JSON, XML', state: 'stateless request-response', good: 'simple, widely adopted, scales behind a load balancer', bad: 'over- or under-fetching; no built-in versioning'},
	{id: 'soap', title: 'SOAP', protocol: 'HTTP, SMTP, …', format: 'XML', state: 'stateless or stateful', good: 'strict contracts, WS-Security, enterprise transactions (finance, ERPs)', bad: 'verbose XML, overhead, complex to implement'},
	{id: 'graphql', title: 'GraphQL', protocol: 'HTTP', format: 'JSON', state: 'stateless request-response', good: 'clients ask for exactly the fields they need; one endpoint for many views', bad: 'schema management; caching needs extra setup'},
	{id: 'rpc', title: 'RPC (gRPC)', protocol: 'TCP, HTTP/2', format: 'binary (protobuf), JSON', state: 'stateless request-response', good: 'efficient and fast between services', bad: 'tight coupling; harder to debug'},
	{id: 'websocket', title: 'WebSocket', protocol: 'TCP', format: 'binary or text', state: 'stateful, full duplex', good: 'server pushes updates in real time with low latency', bad: 'connection state to manage; harder to scale and load-balance'},
	{id: 'sdk', title: 'Vendor SDK / producer library', protocol: 'the service’s own (HTTPS underneath)', format: 'records the library batches', state: 'client-side buffering and retries', good: 'batching, retries and back-off for free (KPL, Kafka producer, JDBC drivers)', bad: 'ties the producer to one service'},
	{id: 'file-drop', title: 'File drop (S3, SFTP)', protocol: 'object storage or SFTP', format: 'CSV, JSON lines, Parquet', state: 'batch, no connection', good: 'partners and legacy systems can always produce files; replay is a re-read', bad: 'latency of the file cadence; schema drift arrives silently'},
	{id: 'cdc', title: 'Change data capture', protocol: 'the database log (binlog, WAL)', format: 'row changes', state: 'a log position to resume from', good: 'every insert, update and delete without load on the app; deletes are not missed', bad: 'needs log access and ordering care; schema changes flow through'},
];

/** The info for one style. */
export function apiStyle(id: ApiStyle): ApiStyleInfo {
	return apiStyles.find((style) => style.id === id)!;
}

/** How a picked style fares for an interaction: the expected one, one the scenario also accepts (with its reason), or wrong. */
export type ApiVerdict = {readonly verdict: 'right' | 'accepted' | 'wrong'; readonly why: string};

/**
Judges a picked style: right when it is the expected style, accepted when the
scenario's `accept` list names it (the notes' reasoning supports it, e.g.
WebSocket for a live dashboard push), wrong otherwise with the expected style's reason.
*/
export function judgeApi(api: ApiInteraction, chosen: ApiStyle): ApiVerdict {
	if (chosen === api.style) return {verdict: 'right', why: api.why};
	const accepted = api.accept.find((entry) => entry.style === chosen);
	if (accepted) return {verdict: 'accepted', why: accepted.why};
	return {verdict: 'wrong', why: api.why};
}

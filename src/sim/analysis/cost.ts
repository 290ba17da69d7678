/**
A rough monthly bill for the simulated design, from the catalogue's prices and
the rates the run measured (records written, invocations, busy seconds).
Prices are tagged [U] in the catalogue (list prices recalled for us-east-1), so
this is an order-of-magnitude figure for comparing designs, not a quote.
Components without a price in the catalogue are left out and named.
*/
import type {Model} from '../../scenarios/model-schema.js';
import {firehose, HOURS_PER_MONTH, kinesis, lambda, stores, api} from '../catalogue.js';
import {recordBytesAlong, resolveChain} from '../models/engine.js';
import type {ComponentResult, SimResult} from '../result.js';
import {roundTo} from '../numbers.js';

const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/** The monthly cost, item by item. */
export function estimateCost(model: Model, loadPerS: number, components: readonly ComponentResult[]): SimResult['cost'] {
	const chain = resolveChain(model.stages);
	const sizes = recordBytesAlong(chain, model.source.event_bytes);
	const items: SimResult['cost']['items'] = [];
	const unpriced: string[] = [];
	chain.forEach((spec, index) => {
		const result = components[index];
		const bytes = sizes[index]!;
		const details = result?.details ?? {};
		const num = (key: string): number => (typeof details[key] === 'number' ? (details[key] as number) : 0);
		switch (spec.kind) {
			case 'stream': {
				if (spec.component !== 'kinesis_data_streams' || spec.mode !== 'provisioned') {
					unpriced.push(spec.id);
					return;
				}
				const shards = num('shards') || (spec.shards ?? 1);
				const units = Math.ceil(bytes / kinesis.putUnitBytes.value);
				const accepted = num('accepted_per_s');
				const usd = shards * kinesis.shardHourUsd.value * HOURS_PER_MONTH + ((accepted * units * SECONDS_PER_MONTH) / 1e6) * kinesis.putUnitUsdPerMillion.value;
				items.push({component: spec.id, per_month_usd: round(usd), basis: `${shards} shards × ${HOURS_PER_MONTH} h × $${kinesis.shardHourUsd.value} + ${round((accepted * units * SECONDS_PER_MONTH) / 1e6)}M PUT payload units [U]`});
				return;
			}
			case 'firehose': {
				const billed = Math.max(bytes, 5 * 1024);
				const gb = ((result?.throughput_per_s ?? loadPerS) * billed * SECONDS_PER_MONTH) / 1e9;
				items.push({component: spec.id, per_month_usd: round(gb * firehose.ingestUsdPerGb.value), basis: `${round(gb)} GB ingested (records rounded up to 5 KB) × $${firehose.ingestUsdPerGb.value} [U]`});
				return;
			}
			case 'compute': {
				if (spec.component !== 'lambda') {
					unpriced.push(spec.id);
					return;
				}
				const memory = (spec.memory_mb ?? lambda.memoryDefaultMb.value) / 1024;
				const requests = num('invocations_per_s') * SECONDS_PER_MONTH;
				const gbSeconds = num('busy_seconds_per_s') * SECONDS_PER_MONTH * memory;
				const usd = (requests / 1e6) * lambda.requestUsdPerMillion.value + gbSeconds * lambda.gbSecondUsd.value;
				items.push({component: spec.id, per_month_usd: round(usd), basis: `${round(requests / 1e6)}M invocations + ${round(gbSeconds)} GB-s [U]`});
				return;
			}
			case 'api': {
				if (spec.component !== 'api_gateway') {
					unpriced.push(spec.id);
					return;
				}
				const requests = (result?.throughput_per_s ?? 0) * SECONDS_PER_MONTH;
				items.push({component: spec.id, per_month_usd: round((requests / 1e6) * api.apiGatewayUsdPerMillion.value), basis: `${round(requests / 1e6)}M requests [U]`});
				return;
			}
			case 'store':
			case 'cache':
			case 'warehouse': {
				const requests = num('write_requests_per_s') * SECONDS_PER_MONTH;
				if (spec.component === 'redis') {
					const nodes = spec.nodes ?? 1;
					items.push({component: spec.id, per_month_usd: round(nodes * stores.redisNodeHourUsd.value * HOURS_PER_MONTH), basis: `${nodes} node(s) × $${stores.redisNodeHourUsd.value}/h [U]`});
				} else if (spec.component === 'dynamodb') {
					const units = Math.max(1, Math.ceil(bytes / stores.dynamoWcuBytes.value));
					items.push({component: spec.id, per_month_usd: round(((requests * units) / 1e6) * stores.dynamoWriteUsdPerMillion.value), basis: `${round(requests / 1e6)}M writes on demand [U]`});
				} else if (spec.component === 's3') {
					items.push({component: spec.id, per_month_usd: round((requests / 1000) * stores.s3PutUsdPerThousand.value), basis: `${round(requests / 1e6)}M PUTs (storage not included) [U]`});
				} else {
					unpriced.push(spec.id);
				}
				return;
			}
			default:
				return;
		}
	});
	const total = items.reduce((sum, item) => sum + item.per_month_usd, 0);
	return {per_month_usd: items.length > 0 ? round(total) : null, items, ...(unpriced.length > 0 ? {unpriced} : {})};
}

function round(value: number): number {
	return roundTo(value, 2);
}

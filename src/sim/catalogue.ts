/**
Every number the pipeline simulator takes from the real services: shard limits,
buffer ranges, concurrency quotas, throughput per node, prices. Each fact keeps
its source and how sure we are of it, taken from `reference/components.md`:

- `D`: documented in the service's official docs (the URL says where);
- `R`: a rule of thumb or a published benchmark;
- `U`: unverified (recalled, or from a weak source); treat as a placeholder.

Models read `.value`; the unit, tag and source stay beside it so a reader can
check it. Quotas are AWS-region defaults (us-east-1, us-west-2, eu-west-1)
unless a fact says otherwise; many are soft limits.
*/

/** How a fact was established. */
export type Tag = 'D' | 'R' | 'U';

/** One number from the outside world, with where it came from. */
export type Fact = {
	readonly value: number;
	readonly unit: string;
	readonly tag: Tag;
	readonly source: string;
	readonly note?: string;
};

const fact = (value: number, unit: string, tag: Tag, source: string, note?: string): Fact => (note === undefined ? {value, unit, tag, source} : {value, unit, tag, source, note});

const MIB = 1024 * 1024;
const KDS_LIMITS = 'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html';
const KDS_EFO = 'https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html';
const KDS_LATENCY = 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-low-latency.html';
const KDS_CONSUMERS = 'https://github.com/awsdocs/amazon-kinesis-data-streams-developer-guide (building-consumers comparison table)';
const KDS_PRICING = 'https://aws.amazon.com/kinesis/data-streams/pricing/';
const KDS_MODES = 'https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html';
const FIREHOSE_BUFFER = 'https://docs.aws.amazon.com/firehose/latest/dev/buffering-hints.html';
const FIREHOSE_LIMITS = 'https://docs.aws.amazon.com/firehose/latest/dev/limits.html';
const FIREHOSE_BATCH = 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecordBatch.html';
const LAMBDA_LIMITS = 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html';
const LAMBDA_SCALING = 'https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html';
const LAMBDA_KINESIS = 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html';
const LAMBDA_WITH_KINESIS = 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html';
const SPARK = 'https://spark.apache.org/docs/latest/structured-streaming-programming-guide.html';
const FLINK = 'https://docs.aws.amazon.com/managed-flink/latest/apiv2/API_CheckpointConfiguration.html';
const KAFKA = 'https://www.confluent.io/blog/how-choose-number-topics-partitions-kafka-cluster/';
const KAFKA_BENCH = 'https://www.confluent.io/blog/kafka-fastest-messaging-system/';
const REDIS = 'https://redis.io/topics/faq';
const REDIS_BENCH = 'https://github.com/antirez/redis/blob/2.2.7/doc/Benchmarks.html';
const DYNAMO = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput-scenarios.html';
const DYNAMO_QUOTAS = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html';
const S3_PERF = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html';
const REDSHIFT_STREAMING = 'https://docs.aws.amazon.com/redshift/latest/dg/materialized-view-streaming-ingestion.html';
const SNOWPIPE = 'https://docs.snowflake.com/en/user-guide/data-load-snowpipe-intro';
const SNOWPIPE_STREAMING = 'https://docs.snowflake.com/en/user-guide/snowpipe-streaming-high-performance-overview';
const OPENSEARCH_REFRESH = 'https://docs.opensearch.org/latest/api-reference/index-apis/refresh/';
const OPENSEARCH_KC = 'https://aws.amazon.com/premiumsupport/knowledge-center/opensearch-indexing-performance';
const APIGW = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html';
const NLB = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/introduction.html';
const GRAFANA = 'https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#min_refresh_interval';
const QUICKSIGHT = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-quicksight-refreshschedule-schedulefrequency.html';
const NONE = 'reference/components.md: no authoritative figure retrieved';
const MSK_PRICING = 'https://aws.amazon.com/msk/pricing/';
const GLUE_PRICING = 'https://aws.amazon.com/glue/pricing/';
/** When the prices below were read, from the stored copies of the pages named (no network at run time). */
const READ_ON = 'read 2026-12-03 from a stored copy';

/** Kinesis Data Streams: per-shard limits, consumers, on-demand capacity, retention, price. */
export const kinesis = {
	writeRecordsPerShard: fact(1000, 'records/s per shard', 'D', KDS_LIMITS),
	writeBytesPerShard: fact(1 * MIB, 'bytes/s per shard', 'D', KDS_LIMITS, '1 MB/s of writes, counted in MiB'),
	kplAggregationMaxBytes: fact(51_200, 'bytes of user records the KPL packs into one Kinesis record (AggregationMaxSize default)', 'U', 'https://github.com/awslabs/amazon-kinesis-producer (default_config.properties)', 'not in components.md; a Kinesis record may hold up to 1 MiB [D] (max_record_kb 1024)'),
	readBytesPerShard: fact(2 * MIB, 'bytes/s per shard, shared by all polling consumers', 'D', KDS_LIMITS),
	getRecordsPerShard: fact(5, 'GetRecords calls/s per shard, shared by all polling consumers', 'D', KDS_LIMITS),
	getRecordsMaxRecords: fact(10_000, 'records per GetRecords call', 'D', KDS_LIMITS),
	getRecordsMaxBytes: fact(10 * MIB, 'bytes per GetRecords call', 'D', KDS_LIMITS),
	efoBytesPerConsumerPerShard: fact(2 * MIB, 'bytes/s per consumer per shard', 'D', KDS_EFO),
	efoConsumersPerStream: fact(20, 'enhanced fan-out consumers per stream', 'D', KDS_EFO),
	/** A polling consumer's default interval (KCL, Lambda): average propagation below 1 s. */
	defaultPollInterval: fact(1, 's between GetRecords calls per shard (KCL default; Lambda polls once a second)', 'D', `${KDS_LATENCY}; ${LAMBDA_WITH_KINESIS}`),
	/** What is left of the ~200 ms average propagation with one consumer polling 5 times a second, once half the 200 ms poll gap is taken out. */
	sharedPropagation: fact(0.1, 's from write to readable (base, before waiting for the next poll)', 'R', KDS_CONSUMERS, 'derived: ~200 ms average with one consumer polling 5/s, minus the average 100 ms wait for the poll'),
	efoPropagation: fact(0.07, 's average write-to-consumer with enhanced fan-out', 'D', KDS_CONSUMERS),
	onDemandStartBytes: fact(4 * MIB, 'bytes/s write a new on-demand stream accepts', 'D', KDS_MODES),
	onDemandStartRecords: fact(4000, 'records/s write a new on-demand stream accepts', 'D', KDS_MODES, 'same as 4 shards'),
	onDemandMaxBytes: fact(10 * 1024 * MIB, 'bytes/s write an on-demand stream scales to (big-3 regions)', 'D', KDS_MODES),
	onDemandScaleFactor: fact(2, '× the previous peak write rate an on-demand stream accommodates', 'D', KDS_MODES),
	onDemandScaleLag: fact(900, 's for on-demand capacity to reach twice the previous peak', 'D', KDS_MODES, 'AWS: traffic above twice the previous peak within 15 minutes may be throttled'),
	retentionDefault: fact(24, 'h', 'D', 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html'),
	shardHourUsd: fact(0.015, 'USD per shard-hour (provisioned, us-east-1)', 'U', KDS_PRICING),
	putUnitUsdPerMillion: fact(0.014, 'USD per million 25 KB PUT payload units (us-east-1)', 'U', KDS_PRICING),
	putUnitBytes: fact(25 * 1024, 'bytes per PUT payload unit', 'D', KDS_PRICING),
	onDemandBillingBytes: fact(1024, 'bytes: on-demand data in and out is billed per record rounded up to 1 KB', 'D', KDS_PRICING, `"4.5 KB each ... count each record as 5 KB"; ${READ_ON}`),
	onDemandStreamHourUsd: fact(0.04, 'USD per on-demand stream-hour (us-east-1)', 'U', KDS_PRICING, `the stored copy lists the dimension, its price table did not render; recalled list price. ${READ_ON}`),
	onDemandInUsdPerGb: fact(0.08, 'USD per GB written, on-demand (us-east-1)', 'U', KDS_PRICING, `recalled list price; ${READ_ON}`),
	onDemandOutUsdPerGb: fact(0.04, 'USD per GB read per consumer, on-demand (us-east-1)', 'U', KDS_PRICING, `recalled list price; ${READ_ON}`),
	efoConsumerShardHourUsd: fact(0.015, 'USD per enhanced fan-out consumer-shard-hour (us-east-1)', 'U', 'https://c3x.dev/resources/aws/aws_kinesis_stream (third-party summary of the AWS page)', READ_ON),
	efoUsdPerGb: fact(0.013, 'USD per GB retrieved by an enhanced fan-out consumer (us-east-1)', 'U', 'https://c3x.dev/resources/aws/aws_kinesis_stream (third-party summary of the AWS page)', READ_ON),
};

/** The producer library that writes to a stream (KPL / SDK with retries). */
export const producer = {
	retryBackoffBase: fact(0.1, 's before an SDK client\'s first retry of a throttled write (then doubling, jittered)', 'U', 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html', 'standard retry mode: exponential backoff; the 100 ms base is recalled, not read there'),
	retryBackoffMax: fact(2, 's longest wait between retries', 'U', 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-producer-adv-retries-rate-limiting.html'),
	recordTtl: fact(30, 's a producer keeps retrying a record before dropping it (KPL RecordTtl default 30,000 ms)', 'U', 'https://github.com/awslabs/amazon-kinesis-producer (default_config.properties)'),
	kplRetryDeadline: fact(0.1, 's until a refused record is sent again: the KPL puts it back in its buffer with a short deadline, no exponential backoff (RecordMaxBufferedTime default 100 ms)', 'D', 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-producer-adv-retries-rate-limiting.html'),
	kplRateLimit: fact(1.5, '× a shard\'s limit: the KPL\'s own per-shard rate limit (token bucket, RateLimit default 150%), so refused attempts stay near half the limit', 'D', 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-producer-adv-retries-rate-limiting.html', 'KPL default_config.properties RateLimit = 150'),
};

/** Apache Kafka: partitions, rule-of-thumb produce rate, latency. */
export const kafka = {
	writeBytesPerPartition: fact(10 * 1000 * 1000, 'bytes/s produce per partition', 'R', KAFKA, '"10s of MB/s" per partition; the low end'),
	propagation: fact(0.005, 's produce-to-consume (p99 5 ms at 200 MB/s in Confluent\'s benchmark)', 'R', KAFKA_BENCH),
	defaultPollInterval: fact(0.1, 's between consumer polls (a busy consumer polls in a loop)', 'U', KAFKA),
};

/** Amazon MSK (provisioned, Standard brokers): what a Kafka topic in the scenarios costs to run. */
export const msk = {
	brokersDefault: fact(3, 'brokers: the smallest cluster that spreads replication factor 3 over three availability zones', 'R', MSK_PRICING, 'an assumption: the scenarios do not size brokers'),
	replicationFactor: fact(3, 'copies of every byte kept (replication factor)', 'R', MSK_PRICING, 'the usual production setting; each copy is billed as storage'),
	brokerHourUsd: fact(0.21, 'USD per kafka.m5.large broker-hour (us-east-1)', 'U', MSK_PRICING, `broker-hours and GB-months are the billed dimensions (stored copy); the dollar figure is a recalled list price. ${READ_ON}`),
	storageUsdPerGbMonth: fact(0.1, 'USD per GB-month of broker storage (us-east-1)', 'U', MSK_PRICING, `recalled list price; ${READ_ON}`),
};

/** Amazon Data Firehose: buffering hints and Direct PUT quotas. */
export const firehose = {
	bufferSizeMinMiB: fact(1, 'MiB', 'D', FIREHOSE_BUFFER),
	bufferSizeMaxMiB: fact(128, 'MiB', 'D', FIREHOSE_BUFFER),
	bufferSizeDefaultMiB: fact(5, 'MiB', 'D', FIREHOSE_BUFFER),
	bufferIntervalMin: fact(0, 's (0 = zero buffering)', 'D', FIREHOSE_BUFFER),
	bufferIntervalMax: fact(900, 's', 'D', FIREHOSE_BUFFER),
	bufferIntervalDefault: fact(300, 's', 'D', FIREHOSE_BUFFER),
	zeroBufferInterval: fact(2, 's between deliveries with buffer_interval_s 0 (zero buffering)', 'R', FIREHOSE_BUFFER, '"does not buffer data, but delivers data within a few seconds"; 2 s is our reading of "a few"'),
	directPutBytes: fact(5 * MIB, 'bytes/s per stream (Direct PUT, big-3 regions)', 'D', FIREHOSE_LIMITS, '1 MiB/s elsewhere; raised automatically when throttled'),
	directPutRecords: fact(500_000, 'records/s per stream (Direct PUT, big-3 regions)', 'D', FIREHOSE_LIMITS),
	directPutRequests: fact(2000, 'requests/s per stream (Direct PUT, big-3 regions)', 'D', FIREHOSE_LIMITS),
	recordsPerBatchRequest: fact(500, 'records per PutRecordBatch', 'D', FIREHOSE_BATCH),
	deliveryLatency: fact(0.5, 's to write one delivered object to the destination', 'U', FIREHOSE_BUFFER),
	ingestUsdPerGb: fact(0.029, 'USD per GB ingested (first 500 TB/month, us-east-1; records rounded up to 5 KB)', 'U', 'https://aws.amazon.com/firehose/pricing/'),
};

/** AWS Lambda: concurrency, scaling rate, Kinesis event source mapping. */
export const lambda = {
	accountConcurrency: fact(1000, 'concurrent executions per account and region', 'D', LAMBDA_LIMITS),
	scaleOutEnvs: fact(1000, 'new execution environments per function every 10 s', 'D', LAMBDA_SCALING),
	scaleOutPeriod: fact(10, 's', 'D', LAMBDA_SCALING),
	batchSizeDefault: fact(100, 'records', 'D', LAMBDA_KINESIS),
	batchSizeMax: fact(10_000, 'records', 'D', LAMBDA_KINESIS),
	batchingWindowDefault: fact(0, 's', 'D', LAMBDA_KINESIS),
	batchingWindowMax: fact(300, 's', 'D', LAMBDA_KINESIS),
	parallelizationFactorDefault: fact(1, 'concurrent batches per shard', 'D', LAMBDA_KINESIS),
	parallelizationFactorMax: fact(10, 'concurrent batches per shard', 'D', LAMBDA_KINESIS),
	payloadMaxBytes: fact(6 * MIB, 'bytes per synchronous invocation payload', 'D', LAMBDA_LIMITS),
	coldStart: fact(0.25, 's added to the first invocation of a new execution environment', 'U', LAMBDA_SCALING, 'not quantified in the reference; runtime- and package-dependent'),
	overheadDefault: fact(0.01, 's fixed cost per invocation', 'U', NONE),
	memoryDefaultMb: fact(128, 'MB', 'D', LAMBDA_LIMITS),
	requestUsdPerMillion: fact(0.2, 'USD per million requests', 'U', 'https://aws.amazon.com/lambda/pricing/'),
	gbSecondUsd: fact(0.0000166667, 'USD per GB-second (x86)', 'U', 'https://aws.amazon.com/lambda/pricing/'),
};

/** Spark Structured Streaming micro-batches. */
export const spark = {
	microBatchMin: fact(0.1, 's shortest end-to-end latency of a micro-batch', 'D', SPARK),
	triggerDefault: fact(0, 's (next micro-batch starts when the previous one finishes)', 'D', SPARK),
};

/** Apache Flink. */
export const flink = {
	bufferTimeout: fact(0.1, 's network buffer timeout before a partly full buffer is sent', 'U', FLINK),
	checkpointInterval: fact(60, 's (AWS Managed Flink default)', 'D', FLINK),
};

/** AWS Glue streaming ETL (Spark underneath). */
export const glue = {
	streamingWindow: fact(100, 's micro-batch window of a Glue streaming job (windowSize default)', 'U', 'https://docs.aws.amazon.com/glue/latest/dg/add-job-streaming.html'),
	startup: fact(30, 's for a job to start', 'U', 'https://docs.aws.amazon.com/glue/latest/dg/reduced-start-times-spark-etl-jobs.html', '"reduced startup times" in Glue 2.0+, no figure published'),
	dpuHourUsd: fact(0.44, 'USD per DPU-hour, billed per second (Spark ETL jobs)', 'D', GLUE_PRICING, `the page's own example: "6 DPU * 0.25 hour * $0.44"; one G.1X worker is 1 DPU. ${READ_ON}`),
	minimumBilledS: fact(60, 's billed at least per job run (Glue 2.0 and later)', 'R', 'https://awsnegotiations.com/glue-job-cost-optimization.html', `older Glue versions billed 10 minutes at least; ${READ_ON}`),
};

/** Snowflake: warehouse credits, Snowpipe's per-GB charge, the price of a credit. */
export const snowflake = {
	/** Credits per hour a running warehouse uses, by size (Gen1: doubles per size). */
	creditsPerHour: {XS: 1, S: 2, M: 4, L: 8, XL: 16, '2XL': 32, '3XL': 64, '4XL': 128, '5XL': 256, '6XL': 512} as const,
	creditsPerHourSource: fact(1, 'credits per hour for an X-Small warehouse, doubling per size up to 512 for 6X-Large', 'D', 'reference/components.md (snowflake_warehouse, Gen1)'),
	minimumBilledS: fact(60, 's billed at least each time a warehouse resumes, then per second', 'R', 'https://amnic.com/blogs/snowflake-pricing (third-party, citing Snowflake\'s compute documentation)', READ_ON),
	creditUsd: fact(2, 'USD per credit, Standard edition on demand, AWS US East', 'R', 'https://www.finout.io/blog/the-complete-guide-to-snowflake-pricing-2025 (third-party; Snowflake\'s own price list is per region and edition)', `Enterprise is about $3; ${READ_ON}`),
	snowpipeCreditsPerGb: fact(0.0037, 'credits per GB loaded by Snowpipe (text files by uncompressed size)', 'R', 'https://seemoredata.io/blog/snowflakes-new-snowpipe-pricing', `Snowflake bills Snowpipe a fixed credit amount per GB in every edition (https://docs.snowflake.com/en/user-guide/data-load-snowpipe-billing); the figure itself is in Snowflake's Service Consumption Table, not stored here. ${READ_ON}`),
};

/** Snowflake warehouse sizes, smallest first. */
export type WarehouseSize = keyof typeof snowflake.creditsPerHour;

/** Files written by batch jobs (Spark, Glue, dbt unloads): one object per this many bytes. */
export const files = {
	batchFileBytes: fact(128 * MIB, 'bytes per file a batch job writes', 'R', 'https://docs.snowflake.com/en/user-guide/data-load-considerations-prepare', '100–250 MB recommended for loading; Spark writes ~128 MB partitions'),
};

/** Worker pools and generic autoscaling. */
export const pool = {
	autoscaleInterval: fact(60, 's between autoscaling decisions', 'U', NONE, 'typical CloudWatch alarm period'),
	autoscaleLag: fact(120, 's for a new worker to start serving', 'U', NONE),
};

/** Caches, stores and warehouses: write capacity per unit and latency. */
export const stores = {
	redisOpsPerNode: fact(100_000, 'operations/s per node (plain GET/SET, no pipelining)', 'R', REDIS_BENCH, '80k–110k in the redis-benchmark run; ~1M/s pipelined'),
	redisLatencyMs: fact(0.5, 'ms mean (p99 ~1 ms, loopback)', 'R', REDIS_BENCH),
	memcachedOpsPerNode: fact(200_000, 'operations/s per node', 'U', NONE, '100k–1M+ quoted'),
	dynamoWcuPerPartition: fact(1000, 'write capacity units per partition (1 WCU = one write/s of ≤1 KB)', 'D', DYNAMO),
	dynamoWcuBytes: fact(1024, 'bytes per write capacity unit', 'D', DYNAMO),
	dynamoTableWcu: fact(40_000, 'write units per table (default quota)', 'D', DYNAMO_QUOTAS),
	dynamoLatencyMs: fact(5, 'ms mean ("single-digit ms")', 'D', DYNAMO),
	s3PutsPerPrefix: fact(3500, 'PUT/COPY/POST/DELETE per second per partitioned prefix', 'D', S3_PERF),
	s3LatencyMs: fact(40, 'ms median for small objects ("tens of ms")', 'D', S3_PERF),
	postgresWritesPerNode: fact(5000, 'durable single-row transactions/s on one primary', 'U', NONE, 'rule of thumb 1k–10k; hardware- and schema-dependent'),
	postgresLatencyMs: fact(3, 'ms per commit (1–10 ms, fsync-bound)', 'U', NONE),
	opensearchBytesPerNode: fact(10 * 1000 * 1000, 'bytes/s indexing per data node', 'U', OPENSEARCH_KC, '5–20 MB/s quoted'),
	opensearchRefresh: fact(1, 's default refresh interval (write → searchable)', 'D', OPENSEARCH_REFRESH),
	redshiftStreamingBytes: fact(100 * 1000 * 1000, 'bytes/s per streaming materialized-view refresh', 'D', REDSHIFT_STREAMING, '"hundreds of MB/s"; the low end'),
	redshiftCopyLatency: fact(60, 's for a batch COPY', 'R', NONE, '"minutes"'),
	snowpipeLatency: fact(60, 's from file to queryable', 'D', SNOWPIPE, '"within minutes"'),
	snowpipeStreamingLatency: fact(7, 's ingest-to-query (5–10 s)', 'D', SNOWPIPE_STREAMING),
	snowpipeStreamingBytes: fact(10 * 1000 * 1000 * 1000, 'bytes/s per table', 'D', SNOWPIPE_STREAMING),
	athenaQueryLatency: fact(2, 's per query over a few small files', 'U', NONE),
	athenaUsdPerTb: fact(5, 'USD per TB scanned (10 MB minimum per query)', 'R', 'https://athena.guide/articles/athena-basics-pricing-model; https://rcpedia.stanford.edu/services/athena.html', READ_ON),
	athenaMinimumScanBytes: fact(10 * 1000 * 1000, 'bytes billed at least per query', 'R', 'https://rcpedia.stanford.edu/services/athena.html', `"10MB minimum per query", rounded up to the MB; ${READ_ON}`),
	redisNodeHourUsd: fact(0.206, 'USD per node-hour (ElastiCache cache.r6g.large, us-east-1)', 'U', 'https://aws.amazon.com/elasticache/pricing/'),
	dynamoWriteUsdPerMillion: fact(1.25, 'USD per million write request units (on-demand, us-east-1)', 'U', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
	s3PutUsdPerThousand: fact(0.005, 'USD per 1,000 PUT requests (S3 Standard, us-east-1)', 'U', 'https://aws.amazon.com/s3/pricing/'),
};

/** API front doors and load balancers. */
export const api = {
	apiGatewayRate: fact(10_000, 'requests/s per account and region (steady)', 'D', APIGW),
	apiGatewayBurst: fact(5000, 'requests (token-bucket burst)', 'D', APIGW),
	apiGatewayLatency: fact(0.005, 's added per request', 'U', APIGW),
	apiGatewayUsdPerMillion: fact(3.5, 'USD per million REST API requests (first 333M, us-east-1)', 'U', 'https://aws.amazon.com/api-gateway/pricing/'),
	loadBalancerRate: fact(1_000_000, 'requests/s ("millions")', 'D', NLB),
	loadBalancerLatency: fact(0.002, 's added per request', 'U', NLB),
};

const EC2_AS = 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html (not in reference/components.md; not read in this pass)';

/**
A collector fleet behind a load balancer (components.md `alb`: "scales automatically;
LCU reservation for known spikes" [D], so the ALB itself is not modelled as a limit;
its "few ms" [U] are below the engine's tick and left out). The EC2 Auto Scaling
figures below are not in the reference: they are placeholders, tagged U.
*/
export const collector = {
	instanceRate: fact(2000, 'requests/s one collector instance serves (parse, validate, hand to the producer library)', 'U', NONE, 'workload- and instance-size-dependent; measure it'),
	targetUtilization: fact(0.6, 'share of an instance\'s rate target tracking aims at (ALBRequestCountPerTarget ÷ instance rate)', 'U', EC2_AS, 'a common choice that leaves head-room for the scale-out lag'),
	metricPeriod: fact(60, 's of metric each scaling decision reads (one-minute CloudWatch data points)', 'U', EC2_AS),
	warmup: fact(300, 's from launch until a new instance serves (boot, health checks, instance warm-up)', 'U', EC2_AS),
	maxWait: fact(10, 's a request waits before the client times out and it counts as refused', 'U', NONE, 'a mobile SDK\'s request timeout; the ALB\'s own idle timeout is longer'),
};

/** Read replicas and failover of a store or cache. */
export const replicas = {
	lag: fact(0.1, 's a replica runs behind its primary (asynchronous replication)', 'U', NONE, 'ElastiCache replicas usually lag by milliseconds, RDS read replicas by up to seconds'),
	failover: fact(30, 's to promote a replica when the primary is lost (ElastiCache Multi-AZ automatic failover)', 'U', 'reference/components.md redis: "scaling: Redis Cluster shards" (failover time not given)', 'recalled: tens of seconds'),
	virtualNodes: fact(100, 'points per node on a consistent-hashing ring', 'U', 'reference/components.md memcached: "add nodes; client-side consistent hashing"', 'recalled: ketama-style clients place on the order of 100–200 points per server; not in the reference'),
};

/** Dashboards. */
export const dashboards = {
	grafanaMinRefresh: fact(5, 's shortest refresh (min_refresh_interval default)', 'D', GRAFANA),
	quicksightMinRefresh: fact(900, 's shortest SPICE incremental refresh schedule (15 min)', 'D', QUICKSIGHT),
};

/**
Quotas of the third-party APIs that batch paths pull from (components.md
google_ads_api, stripe_api, meta_marketing_api), shared by the regular pulls,
backfills and other users of the same account.
*/
export const apiQuotas = {
	googleAdsBasicOpsPerDay: fact(15_000, 'operations per day per developer token (Basic access); every search request counts', 'D', 'https://developers.google.com/google-ads/api/docs/best-practices/quotas', 'D via a Google advisor on the forum; Standard access has no daily cap [U]'),
	googleAdsReset: fact(0, 's after midnight UTC when the daily operations quota starts again', 'U', 'https://developers.google.com/google-ads/api/docs/best-practices/quotas', 'the reset time is not in components.md; assumed 00:00 UTC'),
	stripeLiveRate: fact(100, 'requests/s per account in live mode, shared by every caller (checkout too)', 'D', 'https://docs.stripe.com/rate-limits'),
};

/** One month, as AWS bills it: 730 hours. */
export const HOURS_PER_MONTH = 730;

package dev.rebound.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import com.google.protobuf.Timestamp;

import dev.rebound.contract.Topics;
import dev.rebound.devkit.EmbeddedKafkaBroker;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.CompetencyGrade;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.InterviewContext;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.Outcome;
import dev.rebound.proto.v1.RoleFamily;
import dev.rebound.proto.v1.SelfAssessmentSubmitted;
import dev.rebound.proto.v1.Seniority;
import dev.rebound.proto.v1.UserEvent;
import dev.rebound.worker.streams.PlanTopology;

/**
 * Loads N users × M self-assessments into a fresh broker, then measures in one run: the plain
 * Kafka consumer rate on those records, the worker topology's folding rate (exactly-once, RocksDB)
 * on the same records, the heap used, and freshness (one more assessment → its plan on the plans
 * topic) p50/p99 once the backlog is folded.
 * {@code deploy/bench/fold.sh --users=10000 --events-per-user=5}
 */
public final class FoldBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = Arrays.stream(args).map(a -> a.replaceFirst("^--", "").split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : "true"));
        int users = Integer.parseInt(flags.getOrDefault("users", "10000"));
        int perUser = Integer.parseInt(flags.getOrDefault("events-per-user", "5"));
        long total = (long) users * perUser;
        Path dir = Files.createTempDirectory("rebound-fold-bench");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
                Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Topics.createMissing(admin, 6, Optional.empty(), 30_000);
            System.out.printf(Locale.ROOT, "Loading %,d users × %d events = %,d events …%n", users, perUser, total);
            long loadStart = System.nanoTime();
            produce(broker.bootstrapServers(), users, perUser);
            System.out.printf(Locale.ROOT, "  produced in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);

            double consumerRate = consumeAll(broker.bootstrapServers(), total);

            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "fold-bench");
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
            long foldStart = System.nanoTime();
            try (KafkaStreams streams = new KafkaStreams(PlanTopology.build(200, 20), config)) {
                streams.start();
                FirstCommit first = awaitCaughtUp(admin, "fold-bench", Topics.USER_EVENTS);
                long foldEnd = System.nanoTime();
                double foldSeconds = (foldEnd - foldStart) / 1e9;
                double steadyRate = (total - first.committed()) * 1e9 / Math.max(1, foldEnd - first.atNanos());
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                Histogram freshness = freshness(broker.bootstrapServers(), users);
                System.out.println();
                System.out.printf(Locale.ROOT, "users %,d × events %d = %,d events%n", users, perUser, total);
                System.out.printf(Locale.ROOT, "  Kafka consumer, same records:   %,12.0f records/s%n", consumerRate);
                System.out.printf(Locale.ROOT, "  worker folding (EOS, RocksDB):  %,12.0f events/s from its first commit to caught up%n", steadyRate);
                System.out.printf(Locale.ROOT, "                                  %,12.0f events/s including start and rebalance (%.1f s)%n",
                        total / foldSeconds, foldSeconds);
                System.out.printf(Locale.ROOT, "  ratio folding / consumer:       %12.3f%n", steadyRate / consumerRate);
                System.out.printf(Locale.ROOT, "  heap used after GC (broker + topology JVM): %,d MiB%n", heap / (1024 * 1024));
                System.out.printf(Locale.ROOT, "  freshness write → plan: p50 %.1f ms, p99 %.1f ms (%d samples)%n",
                        freshness.getValueAtPercentile(50) / 1000.0, freshness.getValueAtPercentile(99) / 1000.0, freshness.getTotalCount());
            }
        }
    }

    static UserEvent assessment(Random random, int user, int i, long seconds) {
        SelfAssessmentSubmitted.Builder assessment = SelfAssessmentSubmitted.newBuilder().setContext(InterviewContext.newBuilder()
                .setRoleFamily(RoleFamily.forNumber(1 + random.nextInt(8)))
                .setSeniority(Seniority.forNumber(1 + random.nextInt(6)))
                .setStage(InterviewStage.forNumber(1 + random.nextInt(4)))
                .setOutcome(Outcome.forNumber(1 + random.nextInt(3)))
                .setInterviewedAt(Timestamp.newBuilder().setSeconds(seconds)));
        for (int c = 1; c <= 12; c++) {
            if (random.nextInt(3) == 0) {
                assessment.addGrades(CompetencyGrade.newBuilder().setCompetency(Competency.forNumber(c)).setGrade(Grade.forNumber(1 + random.nextInt(3))));
            }
        }
        return UserEvent.newBuilder().setEventId("e-" + user + "-" + i).setTenant("bench").setUserId("user-" + user)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(seconds)).setSelfAssessmentSubmitted(assessment).build();
    }

    static void produce(String bootstrap, int users, int perUser) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        Random random = new Random(42);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int i = 0; i < perUser; i++) {
                for (int user = 0; user < users; user++) {
                    UserEvent event = assessment(random, user, i, 1_700_000_000L + i * 86_400L);
                    producer.send(new ProducerRecord<>(Topics.USER_EVENTS, "bench/user-" + user, event.toByteArray()));
                }
            }
            producer.flush();
        }
    }

    static double consumeAll(String bootstrap, long total) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "consumer-baseline");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.USER_EVENTS));
            long start = System.nanoTime();
            long seen = 0;
            while (seen < total) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            return total * 1e9 / (System.nanoTime() - start);
        }
    }

    /** When the application first committed progress, and how many records it had committed then. */
    record FirstCommit(long atNanos, long committed) {
    }

    /** Waits until the application's committed offsets reach the end of the topic. */
    static FirstCommit awaitCaughtUp(Admin admin, String group, String topic) throws Exception {
        FirstCommit first = null;
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long committedRecords = committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
            if (first == null && committedRecords > 0) {
                first = new FirstCommit(System.nanoTime(), committedRecords);
            }
            boolean done = ends.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata offset = committed.get(end.getKey());
                return offset != null && offset.offset() >= end.getValue().offset();
            });
            if (done) {
                return first != null ? first : new FirstCommit(System.nanoTime(), 0);
            }
            Thread.sleep(50);
        }
    }

    static Histogram freshness(String bootstrap, int users) throws Exception {
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "freshness");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        Histogram latency = new Histogram(3);
        Random random = new Random(7);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            consumer.subscribe(List.of(Topics.PLANS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            for (int i = 0; i < 100; i++) {
                int user = random.nextInt(users);
                String key = "bench/user-" + user;
                arrivals.remove(key);
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.USER_EVENTS, key, assessment(random, user, 1_000_000 + i, 1_800_000_000L).toByteArray())).get();
                long deadline = sent + TimeUnit.SECONDS.toNanos(10);
                while (!arrivals.containsKey(key) && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(5)).forEach(r -> arrivals.putIfAbsent(r.key(), System.nanoTime()));
                }
                Long arrived = arrivals.get(key);
                if (arrived != null) {
                    latency.recordValue((arrived - sent) / 1_000);
                }
            }
        }
        return latency;
    }
}

package dev.rebound.bench;

import java.lang.management.ManagementFactory;
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
import dev.rebound.devkit.ScratchDirectory;
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
import dev.rebound.worker.streams.LocalStores;
import dev.rebound.worker.streams.PlanTopology;

/**
 * The worker topology (exactly-once, RocksDB) on a fresh broker, measured warm and running: it first
 * folds warm-up users, then N users × M self-assessments are written and timed until all are
 * committed. Reported with the plain Kafka consumer's rate on the same records, the heap used, and
 * freshness (one more assessment → its plan on the plans topic) p50/p99 once the backlog is folded.
 * {@code deploy/bench/fold.sh --users=10000 --events-per-user=5}
 */
public final class FoldBench {

    private static final String APPLICATION_ID = "fold-bench";

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = Arrays.stream(args).map(a -> a.replaceFirst("^--", "").split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : "true"));
        int users = Integer.parseInt(flags.getOrDefault("users", "10000"));
        int perUser = Integer.parseInt(flags.getOrDefault("events-per-user", "5"));
        int warmupUsers = Integer.parseInt(flags.getOrDefault("warmup-users", "200000"));
        long total = (long) users * perUser;
        try (ScratchDirectory scratch = ScratchDirectory.create("rebound-fold-bench");
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(scratch.resolve("kafka"), 0);
                Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
                KafkaStreams streams = new KafkaStreams(PlanTopology.build(200, 20, new LocalStores()), streamsConfig(broker.bootstrapServers(), scratch.path()))) {
            Topics.createMissing(admin, 6, Optional.empty(), 30_000);
            streams.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(50);
            }
            // a worker runs for days: it is measured warm and running, not while it starts
            System.out.printf(Locale.ROOT, "Warming up on %,d other users × %d events …%n", warmupUsers, perUser);
            produce(broker.bootstrapServers(), "warmup", warmupUsers, perUser);
            awaitCaughtUp(admin);

            Map<TopicPartition, Long> before = endOffsets(admin);
            System.out.printf(Locale.ROOT, "Loading %,d users × %d events = %,d events while the worker folds them …%n", users, perUser, total);
            long start = System.nanoTime();
            produce(broker.bootstrapServers(), "bench", users, perUser);
            System.out.printf(Locale.ROOT, "  produced in %.1f s%n", (System.nanoTime() - start) / 1e9);
            awaitCaughtUp(admin);
            double foldSeconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            Histogram freshness = freshness(broker.bootstrapServers(), users);
            double consumerRate = consume(broker.bootstrapServers(), before, total);
            System.out.println();
            System.out.printf(Locale.ROOT, "users %,d × events %d = %,d events%n", users, perUser, total);
            System.out.printf(Locale.ROOT, "  Kafka consumer, same records:   %,12.0f records/s%n", consumerRate);
            System.out.printf(Locale.ROOT, "  worker folding (EOS, RocksDB):  %,12.0f events/s (%.1f s, first record written → all committed)%n",
                    total / foldSeconds, foldSeconds);
            System.out.printf(Locale.ROOT, "  ratio folding / consumer:       %12.3f%n", total / foldSeconds / consumerRate);
            System.out.printf(Locale.ROOT, "  heap used after GC (broker + topology JVM): %,d MiB%n", heap / (1024 * 1024));
            System.out.printf(Locale.ROOT, "  freshness write → plan: p50 %.1f ms, p99 %.1f ms (%d samples)%n",
                    freshness.getValueAtPercentile(50) / 1000.0, freshness.getValueAtPercentile(99) / 1000.0, freshness.getTotalCount());
        }
    }

    static Properties streamsConfig(String bootstrap, Path dir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        return config;
    }

    static UserEvent assessment(Random random, String tenant, int user, int i, long seconds) {
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
        return UserEvent.newBuilder().setEventId("e-" + user + "-" + i).setTenant(tenant).setUserId("user-" + user)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(seconds)).setSelfAssessmentSubmitted(assessment).build();
    }

    static void produce(String bootstrap, String tenant, int users, int perUser) {
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
                    UserEvent event = assessment(random, tenant, user, i, 1_700_000_000L + i * 86_400L);
                    producer.send(new ProducerRecord<>(Topics.USER_EVENTS, tenant + "/user-" + user, event.toByteArray()));
                }
            }
            producer.flush();
        }
    }

    /** The plain consumer's rate on the measured records: from the offsets before they were written. */
    static double consume(String bootstrap, Map<TopicPartition, Long> from, long total) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long start = System.nanoTime();
            long seen = 0;
            while (seen < total) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            return total * 1e9 / (System.nanoTime() - start);
        }
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        String topic = Topics.USER_EVENTS;
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }

    /** Waits until the worker's committed offsets reach the end of the events topic. */
    static void awaitCaughtUp(Admin admin) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(admin);
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata().get();
            boolean done = ends.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata offset = committed.get(end.getKey());
                return offset != null && offset.offset() >= end.getValue();
            });
            if (done) {
                return;
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
                producer.send(new ProducerRecord<>(Topics.USER_EVENTS, key, assessment(random, "bench", user, 1_000_000 + i, 1_800_000_000L).toByteArray())).get();
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

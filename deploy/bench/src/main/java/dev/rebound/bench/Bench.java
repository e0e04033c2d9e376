package dev.rebound.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.rebound.contract.Topics;
import dev.rebound.devkit.FreePorts;
import dev.rebound.devkit.LocalStack;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.CompetencyGrade;
import dev.rebound.proto.v1.ComposeReplyRequest;
import dev.rebound.proto.v1.GetImprovementPlanRequest;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.InterviewContext;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.ReplyServiceGrpc;
import dev.rebound.proto.v1.ReviewDraftRequest;
import dev.rebound.proto.v1.SelfAssessmentSubmitted;
import dev.rebound.proto.v1.SubmitSelfAssessmentRequest;
import dev.rebound.proto.v1.UserEvent;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.benchmarks.proto.BenchmarkServiceGrpc;
import io.grpc.benchmarks.proto.Messages.SimpleRequest;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;

/**
 * One command that measures Rebound against the bare transport and bare Kafka on this machine, as
 * ratios measured side by side in the same run. See deploy/bench/run.sh and the README.
 */
public final class Bench {

    /** The analytics-worker's Kafka Streams application id, which is its consumer group. */
    static final String WORKER_GROUP = "rebound-analytics-worker";

    record Options(int runs, Duration stackWarmup, Duration warmup, Duration measure, double openLoopRate, int freshnessSamples, Path out,
            String only, int users) {

        /** Whether a scenario was asked for ({@code --only=<part of a name>[,<part of another>…]}; all by default). */
        boolean wants(String scenario) {
            String name = scenario.toLowerCase(Locale.ROOT);
            return only.isEmpty() || Arrays.stream(only.toLowerCase(Locale.ROOT).split(",")).anyMatch(name::contains);
        }
    }

    /** A scenario's figures: the median of the runs, with the spread of calls/s. */
    record Row(String scenario, String load, double callsPerSecond, double minCallsPerSecond, double maxCallsPerSecond,
            double p50Millis, double p99Millis, double p999Millis, long errors, Map<String, Double> cpuMicrosPerCall) {

        double totalCpuMicrosPerCall() {
            return cpuMicrosPerCall.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    static final String REJECTION_EMAIL = """
            Subject: Your application for Data Engineer at Nordwind Systems

            Dear Ada,

            Thank you for taking the time to interview with us for the Data Engineer position. I very much enjoyed
            our conversation. After careful consideration we have decided to move forward with a candidate whose
            experience more closely matches our needs. If you would like feedback from the interview, please let me know.

            We will keep your details on file for future roles.

            Kind regards,
            Lena Fischer
            Talent Acquisition Partner
            Nordwind Systems GmbH
            """;

    /** A candidate's own reply to that email, as ReviewDraft gets it (about 80 words, one sentence to point out). */
    static final String DRAFT = """
            Hi Lena,

            Thank you for letting me know, and for the time you and the team spent with me. I really enjoyed
            the conversation about the streaming platform. To be honest, I don't quite see how someone else's
            experience matched your needs better than mine. If you have a moment, I would be grateful for any
            feedback on where I could improve. I would love to stay in touch about future roles.

            Best regards,
            Ada
            """;

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            flags.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Path root = Path.of(flags.getOrDefault("root", "."));
        Options options = new Options(
                Integer.parseInt(flags.getOrDefault("runs", "3")),
                Duration.ofSeconds(Long.parseLong(flags.getOrDefault("stack-warmup", "60"))),
                Duration.ofSeconds(Long.parseLong(flags.getOrDefault("warmup", "5"))),
                Duration.ofSeconds(Long.parseLong(flags.getOrDefault("seconds", "8"))),
                Double.parseDouble(flags.getOrDefault("rate", "2000")),
                Integer.parseInt(flags.getOrDefault("freshness-samples", "200")),
                root.resolve("target/bench"),
                flags.getOrDefault("only", ""),
                Integer.parseInt(flags.getOrDefault("users", "1000")));
        Files.createDirectories(options.out());
        List<Row> rows = new ArrayList<>();

        System.out.println("Baselines: grpc-benchmarks AsyncServer, empty unary calls …");
        Path lib = root.resolve("deploy/bench/target/lib");
        for (String[] baseline : List.of(
                new String[] {"bare grpc-java, direct executor (NIO)", "--directexecutor"},
                new String[] {"bare grpc-java, as shipped (NIO, thread pool)", ""},
                new String[] {"bare grpc-java, fastest (epoll, direct executor)", "--transport=netty_epoll --directexecutor"})) {
            if (options.wants(baseline[0])) {
                rows.addAll(bareBaseline(baseline[0], baseline[1], lib, options));
            }
        }
        // --jfr: the services record a flight recording each, into target/bench/logs/
        String[] serviceJvmOptions = flags.containsKey("jfr")
                ? new String[] {"-XX:StartFlightRecording=settings=profile,filename=" + options.out().resolve("logs").toAbsolutePath() + "/"}
                : new String[0];

        System.out.println("Starting Rebound (Kafka broker, analytics-worker, reply-service) …");
        try (LocalStack stack = new LocalStack(root.resolve("reply-service/target/quarkus-app/quarkus-run.jar"),
                root.resolve("analytics-worker/target/quarkus-app/quarkus-run.jar"), 1, options.out().resolve("logs"), serviceJvmOptions)) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", stack.replyService.grpcPort()).usePlaintext().build();
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + stack.token("bench"));
            ReplyServiceGrpc.ReplyServiceStub rebound = ReplyServiceGrpc.newStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
            AtomicLong ids = new AtomicLong();

            ComposeReplyRequest compose = ComposeReplyRequest.newBuilder().setUserId("bench-user").setRejectionEmail(REJECTION_EMAIL)
                    .addInterviewHighlights("the session on the streaming platform").setTimeZone("Europe/Berlin").build();
            ReviewDraftRequest review = ReviewDraftRequest.newBuilder().setDraft(DRAFT).setRejectionEmail(REJECTION_EMAIL).build();
            String bootstrap = stack.broker.bootstrapServers();
            CpuMeter cpu = new CpuMeter("load generator + Kafka broker")
                    .with("reply-service", stack.replyService.process().toHandle())
                    .with("analytics-worker", stack.workers.get(0).process().toHandle());
            // the broker, the worker and the service share the cores and all need the JIT: warm them together,
            // or the first scenario measures the compiler (measured: SubmitSelfAssessment 2.2 k calls/s cold, 7.8 k warm)
            System.out.println("  warming up the whole stack for " + options.stackWarmup().toSeconds() + " s");
            GetImprovementPlanRequest warmPlan = GetImprovementPlanRequest.newBuilder().setUserId("warmup-1").build();
            AtomicLong warmups = new AtomicLong();
            LoadGenerator.closedLoop(done -> {
                long i = warmups.incrementAndGet();
                switch ((int) (i % 3)) {
                    case 0 -> rebound.composeReply(compose, observer(done));
                    case 1 -> rebound.submitSelfAssessment(assessment("warmup-" + i % 1000, "warmup-" + i), observer(done));
                    default -> rebound.getImprovementPlan(warmPlan, observer(done));
                }
            }, 64, options.stackWarmup());
            awaitWorkerCaughtUp(bootstrap);
            if (options.wants("ComposeReply")) {
                rows.addAll(scenario("ComposeReply", options, cpu, done -> rebound.composeReply(compose, observer(done))));
                awaitWorkerCaughtUp(bootstrap);
            }
            if (options.wants("ReviewDraft")) {
                rows.addAll(scenario("ReviewDraft", options, cpu, done -> rebound.reviewDraft(review, observer(done))));
            }
            // GetImprovementPlan asks for user-1, whom this scenario gives a plan
            if (options.wants("SubmitSelfAssessment") || options.wants("GetImprovementPlan")) {
                rows.addAll(scenario("SubmitSelfAssessment", options, cpu, done -> rebound.submitSelfAssessment(
                        assessment("user-" + ids.get() % options.users(), "req-" + ids.incrementAndGet()), observer(done))));
                awaitWorkerCaughtUp(bootstrap);
            }
            GetImprovementPlanRequest planQuery = GetImprovementPlanRequest.newBuilder().setUserId("user-1").build();
            if (options.wants("GetImprovementPlan")) {
                rows.addAll(scenario("GetImprovementPlan", options, cpu, done -> rebound.getImprovementPlan(planQuery, observer(done))));
            }
            if (options.wants("freshness")) {
                rows.add(freshness(stack, rebound, options));
            }
            if (options.wants("Kafka producer")) {
                rows.addAll(kafkaBaseline(bootstrap, options, cpu));
            }
            channel.shutdownNow();
        }
        report(rows, options);
    }

    static List<Row> bareBaseline(String name, String serverFlags, Path lib, Options options) throws Exception {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", lib.toAbsolutePath() + "/*", "io.grpc.benchmarks.qps.AsyncServer", "--address=localhost:" + port));
        if (!serverFlags.isBlank()) {
            command.addAll(List.of(serverFlags.split(" ")));
        }
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(options.out().resolve("baseline-server.log").toFile()).start();
        try {
            Thread.sleep(1500);
            ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
            BenchmarkServiceGrpc.BenchmarkServiceStub stub = BenchmarkServiceGrpc.newStub(channel);
            SimpleRequest empty = SimpleRequest.getDefaultInstance();
            CpuMeter cpu = new CpuMeter("load generator").with("bare server", server.toHandle());
            List<Row> rows = scenario(name, options, cpu, done -> stub.unaryCall(empty, observer(done)));
            channel.shutdownNow();
            return rows;
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Closed loop at 1 and 64 in flight, then open loop at the configured rate; warm-up first. */
    static List<Row> scenario(String name, Options options, CpuMeter cpu, LoadGenerator.AsyncCall call) throws InterruptedException {
        System.out.println("  " + name);
        LoadGenerator.closedLoop(call, 64, options.warmup());
        List<Row> rows = new ArrayList<>();
        rows.add(median(name, "1 in flight", options, cpu, () -> LoadGenerator.closedLoop(call, 1, options.measure())));
        rows.add(median(name, "64 in flight", options, cpu, () -> LoadGenerator.closedLoop(call, 64, options.measure())));
        rows.add(median(name, String.format(Locale.ROOT, "open %.0f/s", options.openLoopRate()), options, cpu,
                () -> LoadGenerator.openLoop(call, options.openLoopRate(), options.measure())));
        return rows;
    }

    interface Run {
        LoadGenerator.Measurement measure() throws InterruptedException;
    }

    /** One measured run with the CPU its processes spent per call. */
    record MeteredRun(LoadGenerator.Measurement measurement, Map<String, Double> cpuMicrosPerCall) {
    }

    static Row median(String name, String load, Options options, CpuMeter cpu, Run run) throws InterruptedException {
        List<MeteredRun> runs = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            Map<String, Long> before = cpu.snapshot();
            LoadGenerator.Measurement measurement = run.measure();
            runs.add(new MeteredRun(measurement, CpuMeter.microsPerCall(before, cpu.snapshot(), measurement.calls())));
        }
        runs.sort(Comparator.comparingDouble(r -> r.measurement().callsPerSecond()));
        MeteredRun middle = runs.get(runs.size() / 2);
        Histogram h = middle.measurement().latencyMicros();
        return new Row(name, load, middle.measurement().callsPerSecond(), runs.get(0).measurement().callsPerSecond(),
                runs.get(runs.size() - 1).measurement().callsPerSecond(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
                runs.stream().mapToLong(r -> r.measurement().errors()).sum(), middle.cpuMicrosPerCall());
    }

    /**
     * Waits until the analytics-worker has folded every user event written so far, so that a
     * scenario is not measured while the worker still works off the previous one's backlog on the
     * same cores. Prints how long that took: the worker's backlog is a figure of its own.
     */
    static void awaitWorkerCaughtUp(String bootstrap) throws Exception {
        long start = System.nanoTime();
        long lag;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            do {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(WORKER_GROUP)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                admin.describeTopics(List.of(Topics.USER_EVENTS)).allTopicNames().get(30, TimeUnit.SECONDS).get(Topics.USER_EVENTS)
                        .partitions().forEach(p -> ends.put(new TopicPartition(Topics.USER_EVENTS, p.partition()), OffsetSpec.latest()));
                lag = 0;
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
                        : admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    lag += end.getValue().offset() - (done == null ? 0 : done.offset());
                }
                if (lag > 0) {
                    Thread.sleep(200);
                }
            } while (lag > 0 && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5));
        }
        System.out.printf(Locale.ROOT, "    the worker caught up with its backlog in %.1f s%s%n", (System.nanoTime() - start) / 1e9,
                lag > 0 ? " (gave up with " + lag + " events left)" : "");
    }

    /** Write → plan on the plans topic: time from sending a self-assessment to its plan arriving. */
    static Row freshness(LocalStack stack, ReplyServiceGrpc.ReplyServiceStub rebound, Options options) throws Exception {
        System.out.println("  freshness (self-assessment → plan on the plans topic)");
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-freshness-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Thread listener;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PLANS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            listener = new Thread(() -> {
                try {
                    while (true) {
                        consumer.poll(Duration.ofMillis(5)).forEach(r -> arrivals.putIfAbsent(r.key(), System.nanoTime()));
                    }
                } catch (WakeupException stopped) {
                    // the samples are taken
                }
            });
            listener.start();
            Histogram latency = new Histogram(3);
            long errors = 0;
            for (int i = 0; i < options.freshnessSamples(); i++) {
                String user = "fresh-" + System.nanoTime();
                long sent = System.nanoTime();
                Semaphore acked = new Semaphore(0);
                rebound.submitSelfAssessment(assessment(user, "f-" + i), observer(ok -> acked.release()));
                acked.tryAcquire(10, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!arrivals.containsKey("bench/" + user) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Long arrived = arrivals.get("bench/" + user);
                if (arrived == null) {
                    errors++;
                } else {
                    latency.recordValue((arrived - sent) / 1_000);
                }
            }
            consumer.wakeup();
            listener.join();
            return new Row("freshness (write → plan)", "1 at a time", 0, 0, 0, latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getValueAtPercentile(99.9) / 1000.0, errors, Map.of());
        }
    }

    /** The producer rate of records of a self-assessment event's size, acks=all, idempotent. */
    static List<Row> kafkaBaseline(String bootstrap, Options options, CpuMeter cpu) throws Exception {
        System.out.println("  Kafka producer baseline");
        String topic = "bench.kafka-baseline";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        byte[] value = UserEvent.newBuilder().setEventId("req-000001").setTenant("bench").setUserId("user-1")
                .setSelfAssessmentSubmitted(SelfAssessmentSubmitted.newBuilder()
                        .setContext(InterviewContext.newBuilder().setCompany("Acme").setStage(InterviewStage.INTERVIEW_STAGE_INTERVIEW))
                        .addGrades(CompetencyGrade.newBuilder().setCompetency(Competency.COMPETENCY_TECHNICAL_DEPTH).setGrade(Grade.GRADE_GAP)))
                .build().toByteArray();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        List<Row> rows = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            Function<Integer, LoadGenerator.AsyncCall> sender = i -> done -> producer.send(
                    new ProducerRecord<>(topic, "bench/user-" + (i % 1000), value), (metadata, error) -> done.completed(error == null));
            AtomicLong n = new AtomicLong();
            LoadGenerator.AsyncCall call = done -> sender.apply((int) n.incrementAndGet()).start(done);
            LoadGenerator.closedLoop(call, 64, options.warmup());
            rows.add(median("Kafka producer, acks=all (" + value.length + " B records)", "64 in flight", options, cpu,
                    () -> LoadGenerator.closedLoop(call, 64, options.measure())));
            rows.add(median("Kafka producer, acks=all (" + value.length + " B records)", "1024 in flight", options, cpu,
                    () -> LoadGenerator.closedLoop(call, 1024, options.measure())));
        }
        return rows;
    }

    static SubmitSelfAssessmentRequest assessment(String user, String requestId) {
        return SubmitSelfAssessmentRequest.newBuilder().setUserId(user).setRequestId(requestId)
                .setContext(InterviewContext.newBuilder().setCompany("Acme").setStage(InterviewStage.INTERVIEW_STAGE_INTERVIEW))
                .addGrades(CompetencyGrade.newBuilder().setCompetency(Competency.COMPETENCY_TECHNICAL_DEPTH).setGrade(Grade.GRADE_GAP))
                .build();
    }

    static <T> StreamObserver<T> observer(LoadGenerator.Completion done) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
            }

            @Override
            public void onError(Throwable t) {
                done.completed(false);
            }

            @Override
            public void onCompleted() {
                done.completed(true);
            }
        };
    }

    static void report(List<Row> rows, Options options) throws IOException {
        Map<String, Double> baselines = new LinkedHashMap<>();
        rows.stream().filter(r -> r.scenario().startsWith("bare grpc-java") && r.load().equals("64 in flight"))
                .forEach(r -> baselines.put(r.scenario(), r.callsPerSecond()));
        List<String> baselineNames = new ArrayList<>(baselines.keySet());
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-52s %-14s %10s %17s %8s %8s %8s %7s %7s %7s %6s %9s%n", "scenario", "load", "calls/s",
                "(min–max)", "p50 ms", "p99 ms", "p99.9 ms", "×direct", "×pool", "×epoll", "errors", "CPU µs/call"));
        StringBuilder cpuSplit = new StringBuilder("\nCPU per call at 64 in flight, by process (µs):\n");
        StringBuilder json = new StringBuilder("{\n  \"measuredAt\": \"" + Instant.now() + "\",\n  \"runs\": " + options.runs()
                + ",\n  \"seconds\": " + options.measure().toSeconds() + ",\n  \"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double[] ratios = baselineNames.stream().mapToDouble(b -> r.callsPerSecond() / baselines.get(b)).toArray();
            table.append(String.format(Locale.ROOT, "%-52s %-14s %10.0f %17s %8.2f %8.2f %8.2f %7s %7s %7s %6d %9s%n", r.scenario(), r.load(),
                    r.callsPerSecond(), String.format(Locale.ROOT, "(%.0f–%.0f)", r.minCallsPerSecond(), r.maxCallsPerSecond()),
                    r.p50Millis(), r.p99Millis(), r.p999Millis(), ratio(ratios, 0), ratio(ratios, 1), ratio(ratios, 2), r.errors(),
                    r.cpuMicrosPerCall().isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", r.totalCpuMicrosPerCall())));
            if (r.load().equals("64 in flight") && !r.cpuMicrosPerCall().isEmpty()) {
                cpuSplit.append(String.format(Locale.ROOT, "  %-52s", r.scenario()));
                r.cpuMicrosPerCall().forEach((process, micros) -> cpuSplit.append(String.format(Locale.ROOT, "  %s %.0f", process, micros)));
                cpuSplit.append('\n');
            }
            json.append(String.format(Locale.ROOT,
                    "    {\"scenario\": \"%s\", \"load\": \"%s\", \"callsPerSecond\": %.1f, \"min\": %.1f, \"max\": %.1f, \"p50Ms\": %.3f,"
                            + " \"p99Ms\": %.3f, \"p999Ms\": %.3f, \"errors\": %d, \"ratioToDirect\": %.3f, \"cpuMicrosPerCall\": {%s}}%s%n",
                    r.scenario(), r.load(), r.callsPerSecond(), r.minCallsPerSecond(), r.maxCallsPerSecond(), r.p50Millis(), r.p99Millis(),
                    r.p999Millis(), r.errors(), ratios.length > 0 ? ratios[0] : 0,
                    r.cpuMicrosPerCall().entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "\"%s\": %.1f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")),
                    i + 1 < rows.size() ? "," : ""));
        }
        json.append("  ]\n}\n");
        System.out.println();
        table.append(cpuSplit);
        System.out.print(table);
        Path file = options.out().resolve("results-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, json);
        Files.writeString(options.out().resolve("results-latest.txt"), table);
        System.out.println("\nWritten " + file);
    }

    private static String ratio(double[] ratios, int index) {
        return index < ratios.length && ratios[index] > 0 ? String.format(Locale.ROOT, "%.2f", ratios[index]) : "-";
    }

}

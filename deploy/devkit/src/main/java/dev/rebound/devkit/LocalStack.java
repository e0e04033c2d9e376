package dev.rebound.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as it ships, for end-to-end tests and benchmarks: a real Kafka broker in this
 * JVM and the packaged applications as processes on free ports (with several analytics-worker
 * instances, plan queries must be routed to the key's owner). The processes never outlive the JVM.
 */
public final class LocalStack implements AutoCloseable {

    /** One started application. */
    public record Service(String name, Process process, int grpcPort, int httpPort) {
    }

    public final EmbeddedKafkaBroker broker;
    public final DevTokens tokens;
    public final List<Service> workers = new ArrayList<>();
    public final Service replyService;
    private final List<Process> processes = new ArrayList<>();
    private final Thread killOnExit = new Thread(() -> processes.forEach(Process::destroyForcibly), "kill-local-stack");
    private final Path logs;
    private final Path replyJar;
    private final Path workerJar;
    private final List<String> jvmOptions;
    private final ScratchDirectory scratch;

    /** Starts the stack from the packaged applications' {@code quarkus-run.jar}s; logs go to {@code logs}. */
    public LocalStack(Path replyJar, Path workerJar, int workerCount, Path logs, String... jvmOptions)
            throws IOException, InterruptedException {
        this.replyJar = replyJar;
        this.workerJar = workerJar;
        this.logs = logs;
        this.jvmOptions = List.of(jvmOptions);
        scratch = ScratchDirectory.create("rebound-local-stack");
        Path dir = scratch.path();
        Files.createDirectories(logs);
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        Path keys = dir.resolve("keys");
        tokens = DevTokens.inDirectory(keys);
        // the services must not outlive this JVM, however it ends
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            replyService = startAll(workerCount, dir, keys);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stopAll();
            throw e;
        }
    }

    private Service startAll(int workerCount, Path dir, Path keys) throws IOException, InterruptedException {
        for (int i = 1; i <= workerCount; i++) {
            int grpcPort = FreePorts.next();
            workers.add(start("analytics-worker-" + i, workerJar, grpcPort, Map.of(
                    "REBOUND_WORKER_GRPC_PORT", String.valueOf(grpcPort),
                    "REBOUND_WORKER_STATE_DIR", dir.resolve("worker-state-" + i).toString(),
                    "REBOUND_WORKER_INSTANCE_ID", "worker-" + i)));
        }
        Service reply = start("reply-service", replyJar, FreePorts.next(), Map.of(
                "REBOUND_JWT_PUBLIC_KEYS", DevTokens.publicKeyFile(keys).toString(),
                "REBOUND_WORKER_GRPC_PORT", String.valueOf(workers.get(0).grpcPort())));
        for (Service worker : workers) {
            awaitHealthy(worker, "\"state\": \"RUNNING\"");
        }
        awaitHealthy(reply, "\"status\": \"UP\"");
        return reply;
    }

    public String token(String tenant) {
        return tokens.issue(tenant, Duration.ofMinutes(10));
    }

    private Service start(String name, Path jar, int grpcPort, Map<String, String> env) throws IOException {
        int httpPort = FreePorts.next();
        Map<String, String> environment = new HashMap<>(env);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put(name.startsWith("reply") ? "REBOUND_GRPC_PORT" : "REBOUND_WORKER_GRPC_PORT", String.valueOf(grpcPort));
        environment.put(name.startsWith("reply") ? "REBOUND_HTTP_PORT" : "REBOUND_WORKER_HTTP_PORT", String.valueOf(httpPort));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        return new Service(name, process, grpcPort, httpPort);
    }

    /** Waits until the service's health check reports {@code expected}; fails with its log's name otherwise. */
    private void awaitHealthy(Service service, String expected) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.httpPort() + "/q/health")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!service.process().isAlive()) {
                throw new IllegalStateException(service.name() + " exited; see " + logs.resolve(service.name() + ".log"));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(expected)) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(service.name() + " did not become ready; see " + logs.resolve(service.name() + ".log"));
    }

    @Override
    public void close() throws InterruptedException {
        stopAll();
    }

    private void stopAll() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        broker.close();
        scratch.close();
    }

}

package dev.rebound.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

import dev.rebound.devkit.DevTokens;
import dev.rebound.devkit.EmbeddedKafkaBroker;

/**
 * The whole system as it ships: a real Kafka broker in this JVM and the packaged applications as
 * processes (two analytics-worker instances, so plan queries must be routed to the key's owner).
 */
final class RunningSystem implements AutoCloseable {

    record Service(String name, Process process, int grpcPort, int httpPort) {
    }

    final EmbeddedKafkaBroker broker;
    final DevTokens tokens;
    final List<Service> workers = new ArrayList<>();
    final Service replyService;
    private final List<Process> processes = new ArrayList<>();
    private final Thread killOnExit = new Thread(() -> processes.forEach(Process::destroyForcibly), "kill-test-services");
    private final Path logs = Path.of(System.getProperty("rebound.logs.dir", "target/system-test-logs"));

    RunningSystem(int workerCount) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("rebound-system-test");
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
            int grpcPort = freePort();
            workers.add(start("analytics-worker-" + i, System.getProperty("rebound.analytics-worker.jar"), grpcPort, Map.of(
                    "REBOUND_WORKER_GRPC_PORT", String.valueOf(grpcPort),
                    "REBOUND_WORKER_STATE_DIR", dir.resolve("worker-state-" + i).toString(),
                    "REBOUND_WORKER_INSTANCE_ID", "worker-" + i)));
        }
        Service reply = start("reply-service", System.getProperty("rebound.reply-service.jar"), freePort(), Map.of(
                "REBOUND_JWT_PUBLIC_KEYS", DevTokens.publicKeyFile(keys).toString(),
                "REBOUND_WORKER_GRPC_PORT", String.valueOf(workers.get(0).grpcPort())));
        for (Service worker : workers) {
            awaitHealthy(worker, "\"state\": \"RUNNING\"");
        }
        awaitHealthy(reply, "\"status\": \"UP\"");
        return reply;
    }

    String token(String tenant) {
        return tokens.issue(tenant, Duration.ofMinutes(10));
    }

    private Service start(String name, String jar, int grpcPort, Map<String, String> env) throws IOException {
        int httpPort = freePort();
        Map<String, String> environment = new HashMap<>(env);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put(name.startsWith("reply") ? "REBOUND_GRPC_PORT" : "REBOUND_WORKER_GRPC_PORT", String.valueOf(grpcPort));
        environment.put(name.startsWith("reply") ? "REBOUND_HTTP_PORT" : "REBOUND_WORKER_HTTP_PORT", String.valueOf(httpPort));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar)
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
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

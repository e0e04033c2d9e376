package dev.rebound.reply.grpc;

import java.nio.file.Path;
import java.util.Map;

import dev.rebound.devkit.DevTokens;
import dev.rebound.devkit.EmbeddedKafkaBroker;
import dev.rebound.devkit.FreePorts;
import dev.rebound.devkit.ScratchDirectory;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka broker in the test JVM (no Docker) and a development signing key. The plan-query
 * client points at a port where nothing listens, as when the worker is down.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaBroker broker;
    private ScratchDirectory scratch;

    @Override
    public Map<String, String> start() {
        scratch = ScratchDirectory.create("rebound-reply-test");
        Path dir = scratch.path();
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        Path keys = dir.resolve("keys");
        DevTokens.inDirectory(keys);
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "mp.jwt.verify.publickey.location", DevTokens.publicKeyFile(keys).toString(),
                "rebound.test.key-dir", keys.toString(),
                "quarkus.grpc.clients.plan-query.port", String.valueOf(FreePorts.next()));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }

}

package dev.rebound.reply.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.rebound.contract.ProtobufSerde;
import dev.rebound.contract.Topics;
import dev.rebound.contract.UserKey;
import dev.rebound.proto.v1.UserEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes user events with acks=all and an idempotent producer. The returned future completes
 * when Kafka has acknowledged the record, or fails within the delivery timeout: a write never hangs.
 */
@ApplicationScoped
public class UserEventPublisher {

    private final String bootstrapServers;
    private final Duration deliveryTimeout;
    private final int topicPartitions;
    private final Optional<Short> replicationFactor;
    private volatile KafkaProducer<String, UserEvent> producer;

    UserEventPublisher(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "rebound.kafka.delivery-timeout", defaultValue = "3s") Duration deliveryTimeout,
            @ConfigProperty(name = "rebound.kafka.topic-partitions", defaultValue = "6") int topicPartitions,
            @ConfigProperty(name = "rebound.kafka.replication-factor") Optional<Short> replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.deliveryTimeout = deliveryTimeout;
        this.topicPartitions = topicPartitions;
        this.replicationFactor = replicationFactor;
    }

    /** Creates missing topics and connects at start, so the first call does not wait for metadata. */
    void start(@Observes StartupEvent startup) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Topics.createMissing(admin, topicPartitions, replicationFactor, 30_000);
        }
        long timeoutMs = deliveryTimeout.toMillis();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "reply-service",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, timeoutMs - 500),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        producer = new KafkaProducer<>(config, new StringSerializer(),
                new ProtobufSerde<>(UserEvent.parser()).serializer());
        producer.partitionsFor(Topics.USER_EVENTS);
    }

    /** Sends the event keyed by its user; completes once Kafka has acknowledged it. */
    public CompletableFuture<Void> publish(UserEvent event) {
        String key = new UserKey(event.getTenant(), event.getUserId()).encoded();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.USER_EVENTS, key, event), (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    @PreDestroy
    void stop() {
        if (producer != null) {
            producer.close(deliveryTimeout);
        }
    }
}

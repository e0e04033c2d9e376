package dev.rebound.worker.streams;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.rebound.contract.Topics;
import io.quarkus.runtime.StartupEvent;

/** Hands the topology to Quarkus Kafka Streams, after making sure its topics exist. */
@ApplicationScoped
public class WorkerTopology {

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrapServers;

    @ConfigProperty(name = "rebound.kafka.topic-partitions", defaultValue = "6")
    int topicPartitions;

    @ConfigProperty(name = "rebound.kafka.replication-factor")
    Optional<Short> replicationFactor;

    @ConfigProperty(name = "rebound.worker.history-limit", defaultValue = "200")
    int historyLimit;

    /** The k of k-anonymity: no cohort figure is shown for a cohort with fewer distinct users. */
    @ConfigProperty(name = "rebound.worker.cohort-min-users", defaultValue = "20")
    int cohortMinUsers;

    /** Runs before the Streams app, which waits for the topics listed in quarkus.kafka-streams.topics. */
    void createTopics(@Observes @Priority(1) StartupEvent startup) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Topics.createMissing(admin, topicPartitions, replicationFactor, 30_000);
        }
    }

    /** The stores of this instance's profile tasks, shared by the topology and the plan queries. */
    @Produces
    @Singleton
    final LocalStores localStores = new LocalStores();

    @Produces
    Topology topology() {
        return PlanTopology.build(historyLimit, cohortMinUsers, localStores);
    }
}

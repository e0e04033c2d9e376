package dev.rebound.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The Kafka topics of Rebound: their names and how they are created. */
public final class Topics {

    /** Every fact about a user ({@code UserEvent}), keyed by {@link UserKey}; the system of record. */
    public static final String USER_EVENTS = "rebound.user-events.v1";

    /** The latest improvement plan per user ({@code ImprovementPlan}), compacted; null = erased. */
    public static final String PLANS = "rebound.plans.v1";

    /** Changes to cohort statistics, keyed by cohort: the worker's own plumbing between its stages. */
    public static final String COHORT_DELTAS = "rebound.cohort-deltas.v1";

    /** The statistics of each cohort ({@code CohortStats}), keyed by cohort, compacted. Carries no user ids. */
    public static final String COHORT_STATS = "rebound.cohort-stats.v1";

    private Topics() {
    }

    /**
     * The topic definitions for a cluster. User events are kept forever: they are the log every
     * figure is recomputed from (erasure removes a user's effect on the derived state). An empty
     * replication factor takes the broker's default.
     */
    public static List<NewTopic> definitions(int partitions, Optional<Short> replicationFactor) {
        return List.of(
                new NewTopic(USER_EVENTS, Optional.of(partitions), replicationFactor)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
                new NewTopic(PLANS, Optional.of(partitions), replicationFactor)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(COHORT_DELTAS, Optional.of(partitions), replicationFactor),
                new NewTopic(COHORT_STATS, Optional.of(partitions), replicationFactor)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    /** Creates whichever of the topics are missing; existing topics are left as they are. */
    public static void createMissing(Admin admin, int partitions, Optional<Short> replicationFactor, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
        List<NewTopic> missing = definitions(partitions, replicationFactor).stream()
                .filter(topic -> !existing.contains(topic.name()))
                .collect(Collectors.toList());
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // another instance created it between our listing and our create: fine
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
    }
}

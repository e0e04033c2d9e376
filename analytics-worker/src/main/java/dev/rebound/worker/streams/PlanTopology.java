package dev.rebound.worker.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import dev.rebound.contract.ProtobufSerde;
import dev.rebound.contract.Topics;
import dev.rebound.proto.internal.v1.CohortStats;
import dev.rebound.proto.internal.v1.UserProfileState;
import dev.rebound.proto.v1.ImprovementPlan;
import dev.rebound.proto.v1.UserEvent;
import dev.rebound.worker.domain.CohortContribution;
import dev.rebound.worker.domain.PlanBuilder;
import dev.rebound.worker.domain.ProfileFolder;

/**
 * user-events → per-user profile and plan → plans topic; the profile's change to each cohort →
 * cohort-deltas (keyed by cohort) → cohort statistics → cohort-stats topic → a global store every
 * instance reads when it builds a plan. Built by a static method so the same topology runs under
 * TopologyTestDriver and in the worker.
 */
public final class PlanTopology {

    public static final String PROFILES_STORE = "profiles";
    public static final String PLANS_STORE = "plans";
    public static final String COHORTS_STORE = "cohorts";
    public static final String COHORTS_GLOBAL_STORE = "cohorts-global";
    static final String PENDING_DELTAS_STORE = "pending-cohort-deltas";
    /** How often a task sends its summed cohort changes on: a hot cohort gets one record per task per interval. */
    public static final Duration DELTA_FLUSH_INTERVAL = Duration.ofMillis(200);
    public static final ProtobufSerde<UserEvent> EVENT_SERDE = new ProtobufSerde<>(UserEvent.parser());
    public static final ProtobufSerde<ImprovementPlan> PLAN_SERDE = new ProtobufSerde<>(ImprovementPlan.parser());
    public static final ProtobufSerde<CohortStats> COHORT_SERDE = new ProtobufSerde<>(CohortStats.parser());
    static final ProtobufSerde<UserProfileState> PROFILE_SERDE = new ProtobufSerde<>(UserProfileState.parser());

    private static final String EVENTS = "user-events";
    private static final String PROFILE_PROCESSOR = "profile-processor";
    private static final String PLANS_SINK = "plans-sink";
    private static final String DELTAS_SINK = "cohort-deltas-sink";
    private static final String DELTAS = "cohort-deltas";
    private static final String COHORT_PROCESSOR = "cohort-processor";
    private static final String COHORTS_SINK = "cohort-stats-sink";

    private PlanTopology() {
    }

    /** {@code localStores} learns the stores of every profile task this instance runs, for plan queries. */
    public static Topology build(int historyLimit, int minCohortUsers, LocalStores localStores) {
        Topology topology = new Topology();
        topology.addSource(EVENTS, Serdes.String().deserializer(), EVENT_SERDE.deserializer(), Topics.USER_EVENTS);
        topology.addProcessor(PROFILE_PROCESSOR,
                () -> new ProfileProcessor(new ProfileFolder(historyLimit), new PlanBuilder(minCohortUsers), localStores), EVENTS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROFILES_STORE), Serdes.String(), PROFILE_SERDE),
                PROFILE_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PLANS_STORE), Serdes.String(), PLAN_SERDE),
                PROFILE_PROCESSOR);
        // cached: every event of a cohort rewrites the same key, so the changelog gets one record per key per commit, not per event
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_DELTAS_STORE), Serdes.String(), COHORT_SERDE)
                .withCachingEnabled(), PROFILE_PROCESSOR);
        topology.addSink(PLANS_SINK, Topics.PLANS, Serdes.String().serializer(), PLAN_SERDE.serializer(), PROFILE_PROCESSOR);
        topology.addSink(DELTAS_SINK, Topics.COHORT_DELTAS, Serdes.String().serializer(), COHORT_SERDE.serializer(), PROFILE_PROCESSOR);

        topology.addSource(DELTAS, Serdes.String().deserializer(), COHORT_SERDE.deserializer(), Topics.COHORT_DELTAS);
        topology.addProcessor(COHORT_PROCESSOR, () -> new CohortProcessor(minCohortUsers), DELTAS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COHORTS_STORE), Serdes.String(), COHORT_SERDE),
                COHORT_PROCESSOR);
        topology.addSink(COHORTS_SINK, Topics.COHORT_STATS, Serdes.String().serializer(), COHORT_SERDE.serializer(), COHORT_PROCESSOR);

        topology.addGlobalStore(
                Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(COHORTS_GLOBAL_STORE), Serdes.String(), COHORT_SERDE)
                        .withLoggingDisabled(),
                "cohort-stats", Serdes.String().deserializer(), COHORT_SERDE.deserializer(), Topics.COHORT_STATS,
                "cohort-stats-global", GlobalCohortUpdater::new);
        return topology;
    }

    /**
     * Folds an event into its user's profile and emits the new plan (or a tombstone). Its change to
     * each cohort is summed per cohort in a store and sent on every {@link #DELTA_FLUSH_INTERVAL}:
     * pre-aggregated before the repartition, so a hot cohort does not serialise the worker. The
     * pending sums live in a changelogged store, so under exactly-once nothing is lost or doubled.
     */
    static final class ProfileProcessor implements Processor<String, UserEvent, String, Object> {

        private final ProfileFolder folder;
        private final PlanBuilder planBuilder;
        private final LocalStores localStores;
        private ProcessorContext<String, Object> context;
        private LocalStores.TaskStores opened;
        private KeyValueStore<String, UserProfileState> profiles;
        private KeyValueStore<String, ImprovementPlan> plans;
        private TimestampedKeyValueStore<String, CohortStats> cohorts;
        private KeyValueStore<String, CohortStats> pending;

        ProfileProcessor(ProfileFolder folder, PlanBuilder planBuilder, LocalStores localStores) {
            this.folder = folder;
            this.planBuilder = planBuilder;
            this.localStores = localStores;
        }

        @Override
        public void init(ProcessorContext<String, Object> context) {
            this.context = context;
            this.profiles = context.getStateStore(PROFILES_STORE);
            this.plans = context.getStateStore(PLANS_STORE);
            this.cohorts = context.getStateStore(COHORTS_GLOBAL_STORE);
            this.pending = context.getStateStore(PENDING_DELTAS_STORE);
            context.schedule(DELTA_FLUSH_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::flushDeltas);
            this.opened = new LocalStores.TaskStores(plans, profiles);
            localStores.opened(context.taskId().partition(), opened);
        }

        @Override
        public void close() {
            // a task whose init failed before listing its stores has nothing to remove
            if (opened != null) {
                localStores.closed(context.taskId().partition(), opened);
            }
        }

        @Override
        public void process(Record<String, UserEvent> record) {
            String key = record.key();
            UserEvent event = record.value();
            if (key == null || event == null) {
                return;
            }
            UserProfileState before = profiles.get(key);
            if (event.hasUserDataErased()) {
                profiles.delete(key);
                plans.delete(key);
                context.forward(record.withValue((Object) null), PLANS_SINK);
                forwardDeltas(record, before, null);
                return;
            }
            folder.fold(before, event).ifPresent(profile -> {
                profiles.put(key, profile);
                // the event's own time, not the wall clock: a replay recomputes the same plan
                ImprovementPlan plan = planBuilder.build(profile, event.getOccurredAt(),
                        cohort -> Optional.ofNullable(cohorts.get(cohort)).map(ValueAndTimestamp::value));
                plans.put(key, plan);
                context.forward(record.withValue((Object) plan), PLANS_SINK);
                forwardDeltas(record, before, profile);
            });
        }

        private void forwardDeltas(Record<String, UserEvent> record, UserProfileState before, UserProfileState after) {
            for (Map.Entry<String, CohortStats> delta : CohortContribution.delta(before, after).entrySet()) {
                CohortStats sum = pending.get(delta.getKey());
                pending.put(delta.getKey(), sum == null ? delta.getValue() : CohortContribution.add(sum, delta.getValue()));
            }
        }

        private void flushDeltas(long now) {
            List<KeyValue<String, CohortStats>> due = new ArrayList<>();
            try (KeyValueIterator<String, CohortStats> all = pending.all()) {
                all.forEachRemaining(due::add);
            }
            for (KeyValue<String, CohortStats> delta : due) {
                pending.delete(delta.key);
                if (!CohortContribution.isZero(delta.value)) {
                    context.forward(new Record<>(delta.key, (Object) delta.value, now), DELTAS_SINK);
                }
            }
        }
    }

    /**
     * Adds each delta to its cohort's statistics. Only cohorts that clear the privacy floor (k
     * distinct users, and k outside the largest tenant when tenants mix) are published; one that
     * falls below it is withdrawn with a tombstone, so the topic never carries figures of a cohort
     * small enough to single someone out.
     */
    static final class CohortProcessor implements Processor<String, CohortStats, String, CohortStats> {

        private final int minUsers;
        private ProcessorContext<String, CohortStats> context;
        private KeyValueStore<String, CohortStats> cohorts;

        CohortProcessor(int minUsers) {
            this.minUsers = minUsers;
        }

        @Override
        public void init(ProcessorContext<String, CohortStats> context) {
            this.context = context;
            this.cohorts = context.getStateStore(COHORTS_STORE);
        }

        @Override
        public void process(Record<String, CohortStats> record) {
            if (record.key() == null || record.value() == null) {
                return;
            }
            CohortStats current = cohorts.get(record.key());
            boolean wasPublished = current != null && CohortContribution.clearsPrivacyFloor(current, minUsers);
            CohortStats updated = CohortContribution.add(current != null ? current : CohortContribution.empty(record.key()), record.value());
            if (CohortContribution.isZero(updated)) {
                cohorts.delete(record.key());
            } else {
                cohorts.put(record.key(), updated);
            }
            if (CohortContribution.clearsPrivacyFloor(updated, minUsers)) {
                context.forward(record.withValue(updated));
            } else if (wasPublished) {
                context.forward(record.withValue(null));
            }
        }
    }

    /** Keeps the global copy of every cohort's statistics. */
    static final class GlobalCohortUpdater implements Processor<String, CohortStats, Void, Void> {

        private TimestampedKeyValueStore<String, CohortStats> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.store = context.getStateStore(COHORTS_GLOBAL_STORE);
        }

        @Override
        public void process(Record<String, CohortStats> record) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
            }
        }
    }
}

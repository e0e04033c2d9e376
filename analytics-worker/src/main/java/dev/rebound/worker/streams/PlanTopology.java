package dev.rebound.worker.streams;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import dev.rebound.contract.ProtobufSerde;
import dev.rebound.contract.Topics;
import dev.rebound.proto.internal.v1.UserProfileState;
import dev.rebound.proto.v1.ImprovementPlan;
import dev.rebound.proto.v1.UserEvent;
import dev.rebound.worker.domain.PlanBuilder;
import dev.rebound.worker.domain.ProfileFolder;

/**
 * user-events → per-user profile and plan (state stores) → plans topic. Built by a static method
 * so the same topology runs under TopologyTestDriver and in the worker.
 */
public final class PlanTopology {

    public static final String PROFILES_STORE = "profiles";
    public static final String PLANS_STORE = "plans";
    public static final ProtobufSerde<UserEvent> EVENT_SERDE = new ProtobufSerde<>(UserEvent.parser());
    public static final ProtobufSerde<ImprovementPlan> PLAN_SERDE = new ProtobufSerde<>(ImprovementPlan.parser());
    static final ProtobufSerde<UserProfileState> PROFILE_SERDE = new ProtobufSerde<>(UserProfileState.parser());

    private PlanTopology() {
    }

    public static Topology build(int historyLimit) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PROFILES_STORE), Serdes.String(), PROFILE_SERDE));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PLANS_STORE), Serdes.String(), PLAN_SERDE));
        builder.stream(Topics.USER_EVENTS, Consumed.with(Serdes.String(), EVENT_SERDE))
                .process(() -> new ProfileProcessor(new ProfileFolder(historyLimit), new PlanBuilder()),
                        PROFILES_STORE, PLANS_STORE)
                .to(Topics.PLANS, Produced.with(Serdes.String(), PLAN_SERDE));
        return builder.build();
    }

    /** Folds an event into its user's profile and emits the new plan, or a tombstone on erasure. */
    static final class ProfileProcessor implements Processor<String, UserEvent, String, ImprovementPlan> {

        private final ProfileFolder folder;
        private final PlanBuilder planBuilder;
        private ProcessorContext<String, ImprovementPlan> context;
        private KeyValueStore<String, UserProfileState> profiles;
        private KeyValueStore<String, ImprovementPlan> plans;

        ProfileProcessor(ProfileFolder folder, PlanBuilder planBuilder) {
            this.folder = folder;
            this.planBuilder = planBuilder;
        }

        @Override
        public void init(ProcessorContext<String, ImprovementPlan> context) {
            this.context = context;
            this.profiles = context.getStateStore(PROFILES_STORE);
            this.plans = context.getStateStore(PLANS_STORE);
        }

        @Override
        public void process(Record<String, UserEvent> record) {
            String key = record.key();
            UserEvent event = record.value();
            if (key == null || event == null) {
                return;
            }
            if (event.hasUserDataErased()) {
                profiles.delete(key);
                plans.delete(key);
                context.forward(record.withValue((ImprovementPlan) null));
                return;
            }
            folder.fold(profiles.get(key), event).ifPresent(profile -> {
                profiles.put(key, profile);
                // the event's own time, not the wall clock: a replay recomputes the same plan
                ImprovementPlan plan = planBuilder.build(profile,
                        Instant.ofEpochSecond(event.getOccurredAt().getSeconds(), event.getOccurredAt().getNanos()));
                plans.put(key, plan);
                context.forward(record.withValue(plan));
            });
        }
    }
}

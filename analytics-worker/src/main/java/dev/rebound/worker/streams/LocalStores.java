package dev.rebound.worker.streams;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.rebound.proto.internal.v1.UserProfileState;
import dev.rebound.proto.v1.ImprovementPlan;

/**
 * The plans and profiles stores of the tasks running in this instance, by partition, for plan
 * queries. Kafka Streams' own query path looks up every task on each read, about half of the
 * worker's CPU per plan query; this lookup is one map read. A task's stores are listed when its
 * processor starts (after they are restored) and removed when it closes.
 */
public final class LocalStores {

    /** One task's stores. */
    public record TaskStores(ReadOnlyKeyValueStore<String, ImprovementPlan> plans, ReadOnlyKeyValueStore<String, UserProfileState> profiles) {
    }

    private final Map<Integer, TaskStores> byPartition = new ConcurrentHashMap<>();

    /** The stores of the task for this partition, if it runs here and is ready. */
    public Optional<TaskStores> forPartition(int partition) {
        return Optional.ofNullable(byPartition.get(partition));
    }

    void opened(int partition, TaskStores stores) {
        byPartition.put(partition, stores);
    }

    void closed(int partition, TaskStores stores) {
        byPartition.remove(partition, stores);
    }
}

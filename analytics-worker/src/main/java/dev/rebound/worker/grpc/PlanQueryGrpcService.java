package dev.rebound.worker.grpc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.rebound.contract.UserKey;
import dev.rebound.proto.internal.v1.CohortStats;
import dev.rebound.proto.internal.v1.GetPlanRequest;
import dev.rebound.proto.internal.v1.GetPlanResponse;
import dev.rebound.proto.internal.v1.PlanQueryServiceGrpc;
import dev.rebound.proto.v1.ImprovementPlan;
import dev.rebound.worker.domain.PlanBuilder;
import dev.rebound.worker.streams.LocalStores;
import dev.rebound.worker.streams.PlanTopology;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;

/**
 * Interactive queries over the plans store: answered locally when this instance owns the user's
 * partition, else forwarded once to the owner named by Kafka Streams' metadata. A plan stored
 * while the user's cohort was too small is served with the cohort's figures once it is large
 * enough (see {@link PlanBuilder#withCohortOnceItQualifies}).
 */
@GrpcService
public class PlanQueryGrpcService extends PlanQueryServiceGrpc.PlanQueryServiceImplBase {

    private static final long FORWARD_TIMEOUT_MS = 1_500;

    private final KafkaStreams streams;
    private final HostInfo self;
    private final PlanBuilder planBuilder;
    private final LocalStores localStores;
    private final Map<HostInfo, ManagedChannel> owners = new ConcurrentHashMap<>();

    PlanQueryGrpcService(KafkaStreams streams, LocalStores localStores,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer,
            @ConfigProperty(name = "rebound.worker.cohort-min-users", defaultValue = "20") int cohortMinUsers) {
        this.streams = streams;
        this.localStores = localStores;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
        this.planBuilder = new PlanBuilder(cohortMinUsers);
    }

    @Override
    public void getPlan(GetPlanRequest request, StreamObserver<GetPlanResponse> observer) {
        if (!UserKey.isValidId(request.getTenant()) || !UserKey.isValidId(request.getUserId())) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription("tenant and user_id: 1–128 of A–Z a–z 0–9 . _ @ -")
                    .asRuntimeException());
            return;
        }
        String key = new UserKey(request.getTenant(), request.getUserId()).encoded();
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(PlanTopology.PLANS_STORE, key, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            observer.onError(rebalancing());
            return;
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            observer.onError(rebalancing());
            return;
        }
        if (owner.activeHost().equals(self) || request.getForwarded()) {
            answerLocally(key, owner.partition(), observer);
        } else {
            PlanQueryServiceGrpc.newStub(channelTo(owner.activeHost()))
                    .withDeadlineAfter(FORWARD_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .getPlan(request.toBuilder().setForwarded(true).build(), observer);
        }
    }

    private void answerLocally(String key, int partition, StreamObserver<GetPlanResponse> observer) {
        Optional<LocalStores.TaskStores> stores = localStores.forPartition(partition);
        if (stores.isEmpty()) {
            observer.onError(rebalancing());
            return;
        }
        Optional<ImprovementPlan> plan;
        try {
            // the profile and the cohorts are only read for a plan still waiting for its cohort
            plan = Optional.ofNullable(stores.get().plans().get(key)).map(stored -> planBuilder.withCohortOnceItQualifies(stored,
                    () -> Optional.ofNullable(stores.get().profiles().get(key)),
                    cohort -> Optional.ofNullable(streams.store(StoreQueryParameters.fromNameAndType(
                            PlanTopology.COHORTS_GLOBAL_STORE, QueryableStoreTypes.<String, CohortStats>timestampedKeyValueStore())).get(cohort))
                            .map(ValueAndTimestamp::value)));
        } catch (InvalidStateStoreException e) {
            observer.onError(rebalancing());
            return;
        }
        if (plan.isEmpty()) {
            observer.onError(Status.NOT_FOUND.withDescription("no plan for this user").asRuntimeException());
            return;
        }
        observer.onNext(GetPlanResponse.newBuilder().setPlan(plan.get()).build());
        observer.onCompleted();
    }

    private ManagedChannel channelTo(HostInfo owner) {
        return owners.computeIfAbsent(owner, host -> ManagedChannelBuilder.forAddress(host.host(), host.port())
                .usePlaintext()
                .build());
    }

    private static RuntimeException rebalancing() {
        return Status.UNAVAILABLE.withDescription("the plans store is not ready (starting or rebalancing); retry shortly")
                .asRuntimeException();
    }

    @PreDestroy
    void closeChannels() {
        owners.values().forEach(ManagedChannel::shutdownNow);
    }
}

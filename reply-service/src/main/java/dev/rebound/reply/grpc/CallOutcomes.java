package dev.rebound.reply.grpc;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/** How outcomes of the service's work become gRPC responses and statuses; no stack trace reaches a caller. */
final class CallOutcomes {

    private static final Logger LOG = Logger.getLogger(CallOutcomes.class);

    private CallOutcomes() {
    }

    /** Answers with {@code response} once {@code acknowledged} completes, or with the status of its failure. */
    static <T> void whenAcknowledged(CompletionStage<?> acknowledged, StreamObserver<T> observer, Supplier<T> response) {
        acknowledged.whenComplete((ignored, error) -> {
            if (error == null) {
                observer.onNext(response.get());
                observer.onCompleted();
            } else {
                observer.onError(kafkaFailure(error).asRuntimeException());
            }
        });
    }

    /** Runs the synchronous part of a call, turning a bad request or a bug into a clean status. */
    static void guard(StreamObserver<?> observer, Runnable handler) {
        try {
            handler.run();
        } catch (InvalidRequestException e) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        } catch (StatusRuntimeException e) {
            observer.onError(e);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure while handling a call", e);
            observer.onError(Status.INTERNAL.withDescription("internal error; it has been logged").asRuntimeException());
        }
    }

    private static Status kafkaFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RetriableException) {
            return Status.UNAVAILABLE.withDescription(
                    "Kafka did not acknowledge the event in time; retry with the same request_id (it is counted once)");
        }
        LOG.error("Kafka rejected an event", cause);
        return Status.INTERNAL.withDescription("the event could not be recorded; it has been logged");
    }
}

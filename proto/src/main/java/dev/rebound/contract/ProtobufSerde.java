package dev.rebound.contract;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;

/** Kafka serde of one protobuf message type; a null value (a tombstone) stays null. */
public final class ProtobufSerde<T extends MessageLite> implements Serde<T> {

    private final Parser<T> parser;
    /**
     * The last message this thread serialised and its bytes. A worker writes each new plan to its
     * store and then to its topic: the second write reuses the bytes (messages are immutable, so
     * the same instance has the same bytes).
     */
    private final ThreadLocal<Object[]> lastWritten = ThreadLocal.withInitial(() -> new Object[2]);

    public ProtobufSerde(Parser<T> parser) {
        this.parser = parser;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, message) -> {
            if (message == null) {
                return null;
            }
            Object[] last = lastWritten.get();
            if (last[0] != message) {
                last[1] = message.toByteArray();
                last[0] = message;
            }
            return (byte[]) last[1];
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return parser.parseFrom(bytes);
            } catch (InvalidProtocolBufferException e) {
                throw new SerializationException("not a valid protobuf record on " + topic, e);
            }
        };
    }
}

package dev.rebound.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import dev.rebound.proto.v1.UserEvent;

class ProtobufSerdeTest {

    private final ProtobufSerde<UserEvent> serde = new ProtobufSerde<>(UserEvent.parser());

    @Test
    void writesEachMessageAsItsOwnBytesAndReadsThemBack() {
        Serializer<UserEvent> serializer = serde.serializer();
        UserEvent first = UserEvent.newBuilder().setEventId("e-1").setUserId("ada").build();
        UserEvent second = first.toBuilder().setEventId("e-2").build();

        byte[] firstBytes = serializer.serialize("t", first);
        assertArrayEquals(first.toByteArray(), serializer.serialize("t", first));
        assertArrayEquals(second.toByteArray(), serializer.serialize("t", second));
        assertArrayEquals(first.toByteArray(), serializer.serialize("t", first));
        assertEquals(first, serde.deserializer().deserialize("t", firstBytes));
    }

    @Test
    void keepsTombstonesNull() {
        assertNull(serde.serializer().serialize("t", null));
        assertNull(serde.deserializer().deserialize("t", null));
    }
}

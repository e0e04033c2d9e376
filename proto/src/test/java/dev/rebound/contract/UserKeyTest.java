package dev.rebound.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserKeyTest {

    @Test
    void encodesAndParsesBackTheSameKey() {
        UserKey key = new UserKey("acme-coaching", "user.42@example");
        assertEquals("acme-coaching/user.42@example", key.encoded());
        assertEquals(key, UserKey.parse(key.encoded()));
    }

    @Test
    void rejectsIdsThatCouldMakeKeysAmbiguous() {
        assertFalse(UserKey.isValidId("a/b"));
        assertFalse(UserKey.isValidId(""));
        assertFalse(UserKey.isValidId("x".repeat(129)));
        assertFalse(UserKey.isValidId(null));
        assertTrue(UserKey.isValidId("x".repeat(128)));
        assertThrows(IllegalArgumentException.class, () -> new UserKey("t", "a/b"));
        assertThrows(IllegalArgumentException.class, () -> UserKey.parse("no-separator"));
    }
}

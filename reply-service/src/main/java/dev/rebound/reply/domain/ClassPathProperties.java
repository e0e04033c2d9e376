package dev.rebound.reply.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/** Reads the UTF-8 properties files the domain ships (phrase banks, lexicons, review rules). */
public final class ClassPathProperties {

    private ClassPathProperties() {
    }

    /** The file at {@code resource} on the class path, or empty when there is none. */
    public static Optional<Properties> read(String resource) {
        try (InputStream in = ClassPathProperties.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

package dev.rebound.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for services started by our own tools. A port the OS hands out for "any free port" comes
 * from the range it also uses for outgoing connections, so between choosing it and a child process
 * binding it, a client socket (a worker talking to the broker, say) can take it and the child dies
 * with "address already in use". These come from below every common ephemeral range (Linux starts
 * at 32768, Windows and macOS at 49152) and are checked free when chosen.
 */
public final class FreePorts {

    private static final int FROM = 15_000;
    private static final int UNTIL = 32_000;
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, UNTIL);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + FROM + " and " + UNTIL + " after " + ATTEMPTS + " attempts"));
    }
}

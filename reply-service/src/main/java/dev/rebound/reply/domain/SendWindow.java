package dev.rebound.reply.domain;

import java.time.Instant;

import dev.rebound.reply.domain.SendWindowPlanner.Timing;

/** When to send: not before the cool-down ends, and while the reply is still timely. */
public record SendWindow(Instant earliest, Instant latest, String advice, Timing timing) {
}

package dev.rebound.reply.domain;

import java.time.Duration;

/** A low-pressure way to stay in touch, some time after the reply was sent. */
public record FollowUpStep(Duration after, String action) {
}

package dev.rebound.reply.domain;

import dev.rebound.proto.v1.Practice;

/** One part of a reply and the practice from the brief it carries out. */
public record ReplySection(Practice practice, String text) {
}

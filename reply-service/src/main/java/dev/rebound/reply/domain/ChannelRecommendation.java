package dev.rebound.reply.domain;

import dev.rebound.proto.v1.ReplyChannel;

/** Whether and how to answer, with the reason in one sentence. */
public record ChannelRecommendation(ReplyChannel channel, String reason) {
}

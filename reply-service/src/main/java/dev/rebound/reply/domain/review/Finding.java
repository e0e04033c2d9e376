package dev.rebound.reply.domain.review;

import dev.rebound.proto.v1.FindingCategory;
import dev.rebound.proto.v1.Severity;

/** One problem in a draft; start and end count Unicode code points (end exclusive). */
public record Finding(FindingCategory category, Severity severity, int start, int end, String excerpt,
        String explanation, String suggestedRewrite) {
}

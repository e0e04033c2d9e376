package dev.rebound.reply.domain;

import java.util.List;

import dev.rebound.reply.domain.analysis.RejectionAnalysis;

/** A drafted reply with its timing, the ways to stay connected and what the email said. */
public record ComposedReply(
        String language,
        String subject,
        List<ReplySection> sections,
        SendWindow sendWindow,
        String linkedinNote,
        String linkedinMessage,
        List<FollowUpStep> followUpPlan,
        List<String> nextSteps,
        RejectionAnalysis analysis,
        ChannelRecommendation recommendation) {

    /** The email body: greeting, paragraphs and sign-off separated by blank lines. */
    public String body() {
        StringBuilder body = new StringBuilder();
        for (ReplySection section : sections) {
            if (body.length() > 0) {
                body.append("\n\n");
            }
            body.append(section.text());
        }
        return body.toString();
    }

    public int wordCount() {
        return Words.count(body());
    }
}

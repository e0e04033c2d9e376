package dev.rebound.reply.domain;

import java.util.List;

/** A drafted reply with its timing and the ways to stay connected. */
public record ComposedReply(
        String subject,
        List<ReplySection> sections,
        SendWindow sendWindow,
        String linkedinNote,
        List<FollowUpStep> followUpPlan,
        List<String> nextSteps) {

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

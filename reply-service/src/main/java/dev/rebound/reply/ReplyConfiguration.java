package dev.rebound.reply;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.rebound.reply.domain.FeedbackThemeExtractor;
import dev.rebound.reply.domain.ReplyComposer;
import dev.rebound.reply.domain.SendWindowPlanner;
import dev.rebound.reply.domain.analysis.LanguageIdentifier;
import dev.rebound.reply.domain.analysis.RejectionEmailAnalyzer;
import dev.rebound.reply.domain.review.DraftReviewer;

/** Wires the plain-Java domain into CDI from configuration. */
@ApplicationScoped
public class ReplyConfiguration {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ReplyComposer composer(Clock clock, SendWindowPlanner planner) {
        return new ReplyComposer(planner, clock);
    }

    @Produces
    @Singleton
    SendWindowPlanner sendWindowPlanner(
            @ConfigProperty(name = "rebound.reply.cool-down", defaultValue = "24h") Duration coolDown,
            @ConfigProperty(name = "rebound.reply.timely-within", defaultValue = "48h") Duration timelyWithin) {
        return new SendWindowPlanner(coolDown, timelyWithin);
    }

    @Produces
    @Singleton
    LanguageIdentifier languageIdentifier() {
        return new LanguageIdentifier();
    }

    @Produces
    @Singleton
    RejectionEmailAnalyzer rejectionEmailAnalyzer(LanguageIdentifier languages) {
        return new RejectionEmailAnalyzer(languages);
    }

    @Produces
    @Singleton
    DraftReviewer draftReviewer(LanguageIdentifier languages, SendWindowPlanner planner) {
        return new DraftReviewer(languages, planner);
    }

    @Produces
    @Singleton
    FeedbackThemeExtractor feedbackThemeExtractor() {
        return new FeedbackThemeExtractor();
    }
}

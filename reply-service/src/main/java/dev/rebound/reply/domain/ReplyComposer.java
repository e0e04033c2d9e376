package dev.rebound.reply.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


import dev.rebound.proto.v1.FeedbackPolicy;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.Practice;
import dev.rebound.proto.v1.ReplyChannel;
import dev.rebound.proto.v1.Tone;
import dev.rebound.reply.domain.analysis.RejectionAnalysis;

/**
 * Writes the reply to a rejection in the order coaches advise: thanks with a specific positive,
 * an optional growth-framed feedback request, the door kept open, an offer to help, closing
 * thanks. Phrasings come from the language's {@link PhraseBank} and are picked deterministically
 * from the request, so the same request always gets the same reply. It also says whether to
 * answer at all: an automated rejection of an application needs no reply, and an automated one
 * after an interview is better answered on LinkedIn.
 */
public final class ReplyComposer {

    public static final List<String> LANGUAGES = List.of("en", "de", "fr");
    public static final String DEFAULT_LANGUAGE = "en";
    public static final int WORD_LIMIT = 150;
    public static final int CONCISE_WORD_LIMIT = 90;
    public static final int LINKEDIN_NOTE_LIMIT = 200;
    static final Duration CAREERS_PAGE_AFTER = Duration.ofDays(28);
    static final Duration VALUE_CHECK_IN_AFTER = Duration.ofDays(70);
    private static final Pattern GERMAN_LEADING_ARTICLE = Pattern.compile(
            "^(Der|Die|Das|Den|Dem|Des|Ein|Eine|Einen|Einem|Einer|Eines|Unser|Unsere|Unseren|Unserem|Mein|Meine|Meinen|Ihr|Ihre|Ihren)\\b.*");

    private final Map<String, PhraseBank> banks;
    private final SendWindowPlanner planner;
    private final Clock clock;

    public ReplyComposer(SendWindowPlanner planner, Clock clock) {
        this.banks = LANGUAGES.stream().collect(Collectors.toMap(language -> language, PhraseBank::forLanguage));
        this.planner = planner;
        this.clock = clock;
    }

    /** The reply to a rejection described by the request alone (no email). */
    public ComposedReply compose(ReplyRequest request) {
        return compose(request, RejectionAnalysis.none());
    }

    /** The reply to a rejection, with the email's analysis filling what the request leaves open. */
    public ComposedReply compose(ReplyRequest asked, RejectionAnalysis analysis) {
        ReplyRequest request = asked.withFactsFrom(analysis);
        String language = asked.language()
                .or(() -> analysis.language().filter(LANGUAGES::contains))
                .orElse(DEFAULT_LANGUAGE);
        PhraseBank phrases = banks.get(language);
        if (phrases == null) {
            throw new IllegalArgumentException("unsupported language " + language + "; supported: " + LANGUAGES);
        }
        long seed = seed(request);
        int limit = wordLimit(request);
        Picker picker = null;
        List<ReplySection> sections = List.of();
        for (Fitting fitting : Fitting.IN_ORDER) {
            picker = new Picker(phrases, request, facts(request, fitting.highlights(), language), seed);
            sections = sections(request, picker, fitting);
            if (countWords(sections) <= limit) {
                break;
            }
        }
        return new ComposedReply(
                language,
                picker.required("subject"),
                sections,
                sendWindow(request, picker, phrases),
                linkedinNote(picker),
                linkedinMessage(request, picker),
                followUpPlan(picker),
                nextSteps(request, picker),
                answered(asked, request, analysis),
                recommendation(request, analysis, picker));
    }

    public static int wordLimit(ReplyRequest request) {
        return request.tone() == Tone.TONE_CONCISE ? CONCISE_WORD_LIMIT : WORD_LIMIT;
    }

    /**
     * Ever shorter ways to write the same reply, tried until one fits the word limit: the shortest
     * phrasings, then without the resource offer (the brief's "where possible"), then with fewer
     * of the candidate's highlights.
     */
    private record Fitting(boolean shortest, boolean resourceOffer, int highlights) {
        static final List<Fitting> IN_ORDER = List.of(
                new Fitting(false, true, 2),
                new Fitting(true, true, 2),
                new Fitting(true, false, 2),
                new Fitting(true, false, 1),
                new Fitting(true, false, 0));
    }

    private List<ReplySection> sections(ReplyRequest request, Picker picker, Fitting fitting) {
        boolean shortest = fitting.shortest();
        List<ReplySection> sections = new ArrayList<>();
        String greeting = request.contactName().isPresent() ? "greeting.named" : "greeting.unnamed";
        sections.add(new ReplySection(Practice.PRACTICE_GREETING, picker.required(greeting, shortest)));
        sections.add(new ReplySection(Practice.PRACTICE_THANKS, thanks(request, picker, fitting)));
        if (request.includesFeedbackRequest()) {
            // an employer who offered feedback is taken up on the offer rather than asked
            String key = request.employerOfferedFeedback() ? "feedback_accept" : "feedback_request";
            sections.add(new ReplySection(Practice.PRACTICE_FEEDBACK_REQUEST, picker.required(key, shortest)));
        }
        if (request.stillInterested()) {
            String doorOpen = picker.required("door_open", shortest);
            // "if the hire does not work out" only in the warm tone
            if (request.tone() == Tone.TONE_WARM) {
                doorOpen += " " + picker.required("door_open_hire", shortest);
            }
            sections.add(new ReplySection(Practice.PRACTICE_DOOR_OPEN, doorOpen));
        }
        if (request.resourceOffer().isPresent() && fitting.resourceOffer()) {
            sections.add(new ReplySection(Practice.PRACTICE_RESOURCE_OFFER, picker.required("resource_offer", shortest)));
        }
        sections.add(new ReplySection(Practice.PRACTICE_CLOSING, picker.required("closing", shortest)));
        sections.add(new ReplySection(Practice.PRACTICE_SIGNATURE, picker.required("signature", shortest)));
        return sections;
    }

    private String thanks(ReplyRequest request, Picker picker, Fitting fitting) {
        boolean shortest = fitting.shortest();
        String thanks = picker.required("thanks." + stageGroup(request.stage()), shortest);
        boolean highlighted = !request.interviewHighlights().isEmpty() && fitting.highlights() > 0;
        Optional<String> positive = highlighted
                ? Optional.of(picker.required("highlight", shortest))
                : (hadConversation(request.stage()) ? picker.optional("general_positive", shortest) : Optional.empty());
        return positive.map(line -> thanks + " " + line).orElse(thanks);
    }

    private SendWindow sendWindow(ReplyRequest request, Picker picker, PhraseBank phrases) {
        SendWindowPlanner.Window window = planner.plan(request.receivedAt(), request.timeZone());
        DateTimeFormatter format = DateTimeFormatter.ofPattern(picker.required("date_format"), phrases.locale());
        Map<String, String> timingFacts = Map.of(
                "earliest", format.format(window.earliest()),
                "latest", format.format(window.latest()));
        SendWindowPlanner.Timing timing = window.timingAt(clock.instant());
        String key = switch (timing) {
            case COOLING_DOWN -> "timing.wait";
            case OPEN -> "timing.open";
            case LATE -> "timing.late";
        };
        String advice = picker.withFacts(timingFacts).required(key);
        return new SendWindow(window.earliest().toInstant(), window.latest().toInstant(), advice, timing);
    }

    private String linkedinNote(Picker picker) {
        return picker.variants("linkedin_note").stream()
                .filter(note -> note.codePointCount(0, note.length()) <= LINKEDIN_NOTE_LIMIT)
                .findFirst()
                .orElseGet(() -> picker.required("linkedin_note_short"));
    }

    private String linkedinMessage(ReplyRequest request, Picker picker) {
        List<String> parts = new ArrayList<>();
        parts.add(picker.required("linkedin_message.opening"));
        if (request.stillInterested()) {
            parts.add(picker.required("linkedin_message.interest"));
        }
        parts.add(picker.required("linkedin_message.closing"));
        return String.join(" ", parts);
    }

    private List<FollowUpStep> followUpPlan(Picker picker) {
        return List.of(
                new FollowUpStep(CAREERS_PAGE_AFTER, picker.required("follow_up.careers")),
                new FollowUpStep(VALUE_CHECK_IN_AFTER, picker.required("follow_up.value")));
    }

    private List<String> nextSteps(ReplyRequest request, Picker picker) {
        String reflect = hadConversation(request.stage()) || request.stage() == InterviewStage.INTERVIEW_STAGE_UNSPECIFIED
                ? "next_steps.reflect_interview" : "next_steps.reflect_application";
        return List.of(
                picker.required("next_steps.rest"),
                picker.required(reflect),
                picker.required("next_steps.practice"),
                picker.required("next_steps.search"));
    }

    /**
     * No email to a system that reads none: an automated rejection of an application needs no
     * reply; an automated one after a conversation is answered with a LinkedIn note.
     */
    private static ChannelRecommendation recommendation(ReplyRequest request, RejectionAnalysis analysis, Picker picker) {
        ReplyChannel channel;
        if (!analysis.automated()) {
            channel = ReplyChannel.REPLY_CHANNEL_EMAIL;
        } else if (hadConversation(request.stage())) {
            channel = ReplyChannel.REPLY_CHANNEL_LINKEDIN_ONLY;
        } else {
            channel = ReplyChannel.REPLY_CHANNEL_NO_REPLY_NEEDED;
        }
        String key = switch (channel) {
            case REPLY_CHANNEL_LINKEDIN_ONLY -> "channel.linkedin_only";
            case REPLY_CHANNEL_NO_REPLY_NEEDED -> "channel.no_reply";
            default -> "channel.email";
        };
        return new ChannelRecommendation(channel, picker.required(key));
    }

    /** The analysis as answered: what the caller said wins over what the email says. */
    private static RejectionAnalysis answered(ReplyRequest asked, ReplyRequest merged, RejectionAnalysis analysis) {
        FeedbackPolicy policy = asked.employerDeclinedFeedback() ? FeedbackPolicy.FEEDBACK_POLICY_DECLINED : analysis.feedbackPolicy();
        return new RejectionAnalysis(merged.stage(), analysis.automated(), policy, analysis.keepOnFile(), analysis.reason(),
                analysis.reasonText(), merged.company(), merged.contactName(),
                asked.contactName().isPresent() ? Optional.empty() : analysis.senderTitle(),
                asked.candidateName().or(analysis::candidateName), merged.role(), analysis.language());
    }

    static boolean hadConversation(InterviewStage stage) {
        return stage == InterviewStage.INTERVIEW_STAGE_PHONE_SCREEN
                || stage == InterviewStage.INTERVIEW_STAGE_INTERVIEW
                || stage == InterviewStage.INTERVIEW_STAGE_FINAL_ROUND;
    }

    private static String stageGroup(InterviewStage stage) {
        return switch (stage) {
            case INTERVIEW_STAGE_APPLICATION -> "after_application";
            case INTERVIEW_STAGE_PHONE_SCREEN -> "after_screen";
            case INTERVIEW_STAGE_INTERVIEW, INTERVIEW_STAGE_FINAL_ROUND -> "after_interview";
            default -> "unknown_stage";
        };
    }

    private static int countWords(List<ReplySection> sections) {
        return sections.stream().mapToInt(section -> Words.count(section.text())).sum();
    }

    private static Map<String, String> facts(ReplyRequest request, int highlights, String language) {
        Map<String, String> facts = new HashMap<>();
        request.candidateName().ifPresent(candidate -> facts.put("candidate", candidate));
        request.company().ifPresent(company -> facts.put("company", company));
        request.role().ifPresent(role -> facts.put("role", role));
        request.resourceOffer().ifPresent(resource -> facts.put("resource", asClause(resource, language)));
        request.contactName().ifPresent(contact -> {
            facts.put("contact", contact);
            facts.put("contact_first", contact.split(" ")[0]);
        });
        if (!request.interviewHighlights().isEmpty() && highlights > 0) {
            String and = switch (language) {
                case "de" -> " und ";
                case "fr" -> " et ";
                default -> " and ";
            };
            facts.put("highlight", request.interviewHighlights().stream()
                    .limit(highlights)
                    .map(highlight -> asClause(highlight, language))
                    .collect(Collectors.joining(and)));
        }
        return facts;
    }

    /**
     * A caller's phrase made to sit inside a sentence: no final stop, and no capital on an ordinary
     * first word (in German only on an article or pronoun, since nouns keep theirs).
     */
    static String asClause(String phrase, String language) {
        String clause = phrase.strip().replaceAll("[.!;,]+$", "");
        boolean ordinaryWord = clause.length() > 1
                && Character.isUpperCase(clause.charAt(0)) && Character.isLowerCase(clause.charAt(1))
                && !clause.startsWith("I ")
                && (!language.equals("de") || GERMAN_LEADING_ARTICLE.matcher(clause).matches());
        return ordinaryWord ? Character.toLowerCase(clause.charAt(0)) + clause.substring(1) : clause;
    }

    /** A stable 64-bit fingerprint of everything that shapes the text (FNV-1a). */
    private static long seed(ReplyRequest request) {
        String canonical = String.join("\u0001", request.candidateName().orElse(""), request.company().orElse(""),
                request.contactName().orElse(""), request.role().orElse(""), request.stage().name(),
                String.join("\u0002", request.interviewHighlights()), request.resourceOffer().orElse(""),
                request.tone().name(), String.valueOf(request.stillInterested()),
                String.valueOf(request.includesFeedbackRequest()), String.valueOf(request.variant()));
        long hash = 0xcbf29ce484222325L;
        for (byte b : canonical.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /** Picks phrasings for one request: the tone's variant where the bank has one, else the shared one. */
    private static final class Picker {
        private final PhraseBank phrases;
        private final String tone;
        private final Map<String, String> facts;
        private final long seed;

        Picker(PhraseBank phrases, ReplyRequest request, Map<String, String> facts, long seed) {
            this(phrases, request.tone().name().substring("TONE_".length()).toLowerCase(Locale.ROOT), facts, seed);
        }

        private Picker(PhraseBank phrases, String tone, Map<String, String> facts, long seed) {
            this.phrases = phrases;
            this.tone = tone;
            this.facts = facts;
            this.seed = seed;
        }

        Picker withFacts(Map<String, String> extra) {
            Map<String, String> merged = new HashMap<>(facts);
            merged.putAll(extra);
            return new Picker(phrases, tone, merged, seed);
        }

        String required(String key) {
            return required(key, false);
        }

        String required(String key, boolean shortest) {
            return optional(key, shortest).orElseThrow(() -> new IllegalStateException(
                    "phrase bank " + phrases.locale() + " has no usable phrase " + key + " for tone " + tone));
        }

        Optional<String> optional(String key, boolean shortest) {
            List<String> variants = variants(key);
            if (shortest) {
                return variants.stream().min(Comparator.comparingInt(String::length));
            }
            return variants.stream().findFirst();
        }

        /**
         * The usable variants, rotated so that the request's pick comes first: the tone's own
         * variants, else the shared ones when the tone's need a fact the request lacks.
         */
        List<String> variants(String key) {
            List<String> variants = List.of();
            String toned = key + "." + tone;
            if (phrases.has(toned)) {
                variants = phrases.filledVariants(toned, facts);
            }
            if (variants.isEmpty() && phrases.has(key)) {
                variants = phrases.filledVariants(key, facts);
            }
            if (variants.isEmpty()) {
                return variants;
            }
            int first = Math.floorMod(mix(seed ^ key.hashCode()), variants.size());
            List<String> rotated = new ArrayList<>(variants.subList(first, variants.size()));
            rotated.addAll(variants.subList(0, first));
            return rotated;
        }

        private static long mix(long value) {
            long z = value + 0x9e3779b97f4a7c15L;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}

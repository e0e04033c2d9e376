package dev.rebound.reply.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The labelled candidate replies of a language ({@code reply-service/src/test/resources/review/candidate-replies_<language>.tsv}):
 * the tests assert the review's verdict on each, and {@link PolitenessFitting} fits the language's reply-tone model on them.
 */
public final class CandidateReplies {

    /** The file of a language, relative to the reply-service module. */
    public static Path file(String language) {
        return Path.of("src/test/resources/review/candidate-replies_" + language + ".tsv");
    }

    /** One reply; harmful ones are those a coach would stop from being sent as they are. */
    public record Reply(boolean harmful, String text) {
    }

    private CandidateReplies() {
    }

    /** Reads "label TAB text" lines ("harmful" or "professional"; "\n" in the text is a line break), skipping comments. */
    public static List<Reply> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    int tab = line.indexOf('\t');
                    String label = line.substring(0, tab);
                    if (!label.equals("harmful") && !label.equals("professional")) {
                        throw new IllegalArgumentException("unknown label '" + label + "' in " + file);
                    }
                    return new Reply(label.equals("harmful"), line.substring(tab + 1).replace("\\n", "\n"));
                })
                .toList();
    }
}

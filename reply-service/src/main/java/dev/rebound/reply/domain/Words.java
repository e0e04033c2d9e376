package dev.rebound.reply.domain;

/** Word counting as a reader would count: runs of non-space characters. */
public final class Words {

    private Words() {
    }

    public static int count(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}

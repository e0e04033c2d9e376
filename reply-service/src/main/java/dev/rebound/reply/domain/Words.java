package dev.rebound.reply.domain;

/** Word counting as a reader would count: runs of non-space characters. */
final class Words {

    private Words() {
    }

    static int count(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}

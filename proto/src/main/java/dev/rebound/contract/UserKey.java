package dev.rebound.contract;

import java.util.regex.Pattern;

/**
 * The record key of everything about one user: {@code "<tenant>/<userId>"}. Tenant and user ids
 * are restricted to a character set without '/', so a key always splits back unambiguously.
 */
public record UserKey(String tenant, String userId) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,128}");
    private static final char SEPARATOR = '/';

    public UserKey {
        if (!isValidId(tenant)) {
            throw new IllegalArgumentException("invalid tenant id: " + tenant);
        }
        if (!isValidId(userId)) {
            throw new IllegalArgumentException("invalid user id: " + userId);
        }
    }

    /** Whether the text may serve as a tenant or user id: 1–128 of A–Z a–z 0–9 . _ @ -. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static UserKey parse(String encoded) {
        int slash = encoded.indexOf(SEPARATOR);
        if (slash < 0) {
            throw new IllegalArgumentException("not a user key: " + encoded);
        }
        return new UserKey(encoded.substring(0, slash), encoded.substring(slash + 1));
    }

    public String encoded() {
        return tenant + SEPARATOR + userId;
    }

    @Override
    public String toString() {
        return encoded();
    }
}

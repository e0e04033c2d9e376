package dev.rebound.reply.grpc;

/** A request field that breaks the API's rules; becomes INVALID_ARGUMENT naming the field. */
final class InvalidRequestException extends RuntimeException {

    InvalidRequestException(String field, String problem) {
        super(field + ": " + problem, null, false, false);
    }
}

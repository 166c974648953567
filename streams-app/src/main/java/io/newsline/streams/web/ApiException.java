package io.newsline.streams.web;

/** An answer other than 200, with the reason shown to the client (never a stack trace). */
final class ApiException extends RuntimeException {
    /** Seconds a client should wait before asking again after a 503. */
    static final int RETRY_AFTER_SECONDS = 2;

    final int status;

    private ApiException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static ApiException badRequest(String reason) {
        return new ApiException(400, reason);
    }

    static ApiException notFound(String reason) {
        return new ApiException(404, reason);
    }

    static ApiException methodNotAllowed() {
        return new ApiException(405, "read-only API: only GET and HEAD");
    }

    static ApiException unavailable(String reason) {
        return new ApiException(503, reason);
    }

    static ApiException badGateway(String reason) {
        return new ApiException(502, reason);
    }
}

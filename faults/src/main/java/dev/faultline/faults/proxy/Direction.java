package dev.faultline.faults.proxy;

import java.util.Locale;

/** Which way bytes flow through a proxy: client to upstream, or upstream back to the client. */
enum Direction {
    UPSTREAM, DOWNSTREAM;

    /** Case-insensitive, as Toxiproxy parses it; anything else is a 400. */
    static Direction parse(String stream) {
        return switch (stream.toLowerCase(Locale.ROOT)) {
            case "upstream" -> UPSTREAM;
            case "downstream" -> DOWNSTREAM;
            default -> throw ApiException.badRequest("stream was invalid, can be either upstream or downstream");
        };
    }
}

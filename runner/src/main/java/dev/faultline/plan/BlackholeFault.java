package dev.faultline.plan;

/** Drops every byte over the links {@code link} names, both ways, holding connections open: requests hang. */
public record BlackholeFault(String link) {
    public BlackholeFault {
        LinkPattern.requireValid(link, "blackhole");
    }
}

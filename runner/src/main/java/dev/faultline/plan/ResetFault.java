package dev.faultline.plan;

/** Resets (TCP RST) every connection over the links {@code link} names as soon as it carries a request. */
public record ResetFault(String link) {
    public ResetFault {
        LinkPattern.requireValid(link, "reset");
    }
}

package dev.faultline.plan;

import java.util.regex.Pattern;

/**
 * Per-client rate limiting at the balancer ({@code target.cluster.limiter}): each client may send {@code burst}
 * requests at once and {@code rate} on average; the rest get 429 with {@code Retry-After}.
 *
 * @param enabled default true; false keeps the settings in the plan (a rate-limit check still knows the limit) but
 *                the balancer limits nobody: a seeded defect
 * @param burst   default: one second's worth of {@code rate}
 * @param key     how clients are told apart: {@code header:NAME} (default {@code header:X-Client-Id}) or {@code ip}
 * @param global  absent: no limit on all clients together
 */
public record LimiterSpec(Boolean enabled, Rate rate, Integer burst, String key, Rate global) {
    private static final Pattern KEY = Pattern.compile("ip|(header|cookie):[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public LimiterSpec {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        if (rate == null) {
            throw new IllegalArgumentException("a limiter needs 'rate', e.g. 100/s");
        }
        if (rate.perSecond() == 0) {
            throw new IllegalArgumentException("rate must be above 0/s");
        }
        burst = burst == null ? (int) Math.max(1, Math.ceil(rate.perSecond())) : burst;
        key = key == null ? "header:X-Client-Id" : key;
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, not " + burst);
        }
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key must be \"header:NAME\", \"cookie:NAME\" or \"ip\", not \"" + key + "\"");
        }
        if (global != null && global.perSecond() == 0) {
            throw new IllegalArgumentException("global must be above 0/s (leave it out for no global limit)");
        }
    }

    /** An enabled limiter. */
    public LimiterSpec(Rate rate, Integer burst, String key, Rate global) {
        this(true, rate, burst, key, global);
    }
}

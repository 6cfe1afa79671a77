package dev.faultline.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureLogTest {
    @Test
    void consecutiveFailuresMakeOneRunEndedByTheNextSuccess() {
        FailureLog log = new FailureLog(10);
        log.add(100, 500, null);
        log.add(200, 900, ErrorKind.CONNECT_REFUSED);
        log.add(300, 900, ErrorKind.RESET);
        log.add(450, 700, null);
        log.add(500, 800, ErrorKind.TIMEOUT);
        Failures f = log.snapshot();
        assertThat(f.runs()).containsExactly(new Failures.Run(200, 450L, 2));
        assertThat(f.unended()).isEqualTo(new Failures.Run(500, null, 1));
        assertThat(f.failures()).extracting(Failures.Failure::kind)
                .containsExactly(ErrorKind.CONNECT_REFUSED, ErrorKind.RESET, ErrorKind.TIMEOUT);
    }

    @Test
    void pastItsCapacityFailuresAreCountedNotKept() {
        FailureLog log = new FailureLog(2);
        for (int i = 0; i < 5; i++) {
            log.add(i, 1, ErrorKind.STATUS_5XX);
        }
        Failures f = log.snapshot();
        assertThat(f.failures()).hasSize(2);
        assertThat(f.failuresOverflowed()).isEqualTo(3);
    }
}

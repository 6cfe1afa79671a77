package dev.faultline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.plan.ReportSpec;
import dev.faultline.sample.Acknowledgements;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {
    @Test
    void aRunWithoutAcknowledgementsRemovesAnEarlierRunsFile(@TempDir Path dir) throws IOException {
        ReportFolder folder = new ReportFolder(dir, List.of(ReportSpec.Format.JSON));
        StringWriter out = new StringWriter();
        folder.writeAcknowledgements(new Acknowledgements(
                List.of(new Acknowledgements.Ack("add", "k1", "e1", 10, 12)), 0), new PrintWriter(out));
        assertThat(dir.resolve(ReportFolder.ACKS)).exists();

        folder.writeAcknowledgements(Acknowledgements.NONE, new PrintWriter(out));

        assertThat(dir.resolve(ReportFolder.ACKS)).doesNotExist();
        assertThat(out.toString()).isEmpty();
        assertThat(Files.list(dir)).isEmpty();
    }
}

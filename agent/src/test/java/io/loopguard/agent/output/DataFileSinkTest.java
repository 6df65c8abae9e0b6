package io.loopguard.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataFileSinkTest {

    @Test
    void recognisesTheTemporariesOfLoopguardFilesAndTheirWriter() {
        assertThat(DataFileSink.temporaryWriter(".loopguard-4242.json.4242.123456789.tmp")).isEqualTo(4242);
        assertThat(DataFileSink.temporaryWriter(".loopguard-4242.json.77.-123456789.tmp")).isEqualTo(77);
        assertThat(DataFileSink.temporaryWriter(".index.html.99.1.tmp")).isEqualTo(99);
    }

    @Test
    void leavesEverythingElseAlone() {
        for (String name : new String[] {"loopguard-4242.json", ".loopguard-4242.json", ".notes.txt.99.1.tmp",
                ".loopguard-1.json.x.1.tmp", ".loopguard-1.json.1.x.tmp", ".loopguard-1.json..1.tmp", ".loopguard.tmp",
                ".index.html.tmp", ".loopguard-1.json.-5.1.tmp", ".loopguard-1.json.99999999999999999999.1.tmp"}) {
            assertThat(DataFileSink.temporaryWriter(name)).as(name).isEqualTo(-1);
        }
    }
}

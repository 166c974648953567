package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void peakIsTheLargestHeapBeforeACollection() {
        String log =
                """
                [0.010s][info][gc] Using G1
                [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 5.123ms
                [3.456s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 150M->40M(256M) 9.000ms
                [4.000s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 90M->41M(256M) 3ms
                [9.000s][info][gc] GC(3) Pause Full (System.gc()) 1G->200M(1024M) 120ms
                """;

        assertThat(GcLog.peakUsedBytes(log)).hasValue(1L << 30);
    }

    @Test
    void kilobytesAndSerialCollectorLines() {
        String log = "[0.5s][info][gc] GC(0) Pause Young (Allocation Failure) 2048K->512K(9216K) 1.2ms\n";

        assertThat(GcLog.peakUsedBytes(log)).hasValue(2048L * 1024);
    }

    @Test
    void noCollectionNoFigure() {
        assertThat(GcLog.peakUsedBytes("[0.010s][info][gc] Using G1\n")).isEmpty();
    }
}

package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSizesTest {

    @Test
    void sumsEachStoreOverItsTasks(@TempDir Path app) throws Exception {
        write(app.resolve("0_0/rocksdb/dedup/000012.sst"), 1000);
        write(app.resolve("0_0/rocksdb/dedup/MANIFEST-000005"), 24);
        write(app.resolve("0_1/rocksdb/dedup/000013.sst"), 500);
        write(app.resolve("1_0/rocksdb/timeline-entries/000020.sst"), 300);
        write(app.resolve("1_0/rocksdb/timeline-entries/segment/000021.sst"), 200);
        write(app.resolve("1_0/.checkpoint"), 50); // not a store
        write(app.resolve("2_0/other-layout/data.bin"), 70);
        write(app.resolve("kafka-streams-process-metadata"), 10);

        assertThat(StoreSizes.of(app))
                .containsEntry("dedup", 1524L)
                .containsEntry("timeline-entries", 500L)
                .containsEntry("other-layout", 70L)
                .hasSize(3);
    }

    @Test
    void noStateDirNoStores(@TempDir Path dir) {
        assertThat(StoreSizes.of(dir.resolve("missing"))).isEmpty();
    }

    private static void write(Path file, int bytes) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }
}

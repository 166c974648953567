package io.newsline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Bytes on disk per state store of a Kafka Streams app, summed over its tasks: the state dir holds
 * {@code <application.id>/<task>/rocksdb/<store>/} for RocksDB stores (and {@code <task>/<store>/} for any other
 * persistent layout). Stores kept in memory have no directory and are not listed. Every file in a store's
 * directory counts (SST files, RocksDB's manifest, options and info log), as that is what the disk holds.
 */
public final class StoreSizes {
    private StoreSizes() {}

    public static Map<String, Long> of(Path appStateDir) {
        Map<String, Long> sizes = new TreeMap<>();
        if (!Files.isDirectory(appStateDir)) {
            return sizes;
        }
        try (Stream<Path> tasks = Files.list(appStateDir)) {
            for (Path task : tasks.filter(Files::isDirectory).toList()) {
                try (Stream<Path> entries = Files.list(task)) {
                    for (Path entry : entries.filter(Files::isDirectory).toList()) {
                        if (entry.getFileName().toString().equals("rocksdb")) {
                            try (Stream<Path> stores = Files.list(entry)) {
                                for (Path store :
                                        stores.filter(Files::isDirectory).toList()) {
                                    sizes.merge(store.getFileName().toString(), size(store), Long::sum);
                                }
                            }
                        } else {
                            sizes.merge(entry.getFileName().toString(), size(entry), Long::sum);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + appStateDir, e);
        }
        return sizes;
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            return 0; // removed meanwhile
                        }
                    })
                    .sum();
        }
    }
}

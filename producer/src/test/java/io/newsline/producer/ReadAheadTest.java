package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.producer.select.FileWalker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReadAheadTest {
    private static List<FileWalker.Candidate> files(long... sizes) {
        return IntStream.range(0, sizes.length)
                .mapToObj(i -> new FileWalker.Candidate(Path.of("f" + i), sizes[i]))
                .toList();
    }

    @Test
    void resultsComeInTheListsOrderEvenWhenLaterReadsFinishFirst() throws Exception {
        List<FileWalker.Candidate> files = files(1, 1, 1, 1, 1, 1);
        // The first read waits until the next three have finished on the other threads.
        CountDownLatch othersDone = new CountDownLatch(3);
        try (ReadAhead<String> reads = new ReadAhead<>(
                files,
                path -> {
                    if (path.equals(Path.of("f0"))) {
                        try {
                            assertThat(othersDone.await(10, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    } else {
                        othersDone.countDown();
                    }
                    return path.toString();
                },
                4,
                4,
                Long.MAX_VALUE)) {
            List<String> taken = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                taken.add(reads.next());
            }
            assertThat(taken).containsExactly("f0", "f1", "f2", "f3", "f4", "f5");
            assertThatThrownBy(reads::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void looksAheadByAtMostSoManyFilesAndBytesButAlwaysOneFile() throws Exception {
        try (ReadAhead<String> reads = new ReadAhead<>(files(1, 1, 1, 1, 1, 1, 1), Path::toString, 2, 3, 1_000)) {
            reads.next();
            assertThat(reads.ahead()).as("three ahead, one of them taken").isEqualTo(3);
        }
        try (ReadAhead<String> reads = new ReadAhead<>(files(40, 40, 40, 40, 40), Path::toString, 2, 10, 100)) {
            reads.next();
            assertThat(reads.ahead())
                    .as("80 of 100 bytes ahead after taking one")
                    .isEqualTo(2);
        }
        try (ReadAhead<String> reads = new ReadAhead<>(files(500, 500, 1), Path::toString, 2, 10, 100)) {
            assertThat(reads.next()).isEqualTo("f0");
            assertThat(reads.ahead())
                    .as("a file larger than the limit is still read, alone")
                    .isEqualTo(1);
            assertThat(reads.next()).isEqualTo("f1");
            assertThat(reads.next()).isEqualTo("f2");
        }
    }

    @Test
    void whatAReadThrowsIsThrownToTheTaker() throws Exception {
        try (ReadAhead<String> reads = new ReadAhead<>(
                files(1, 1),
                path -> {
                    if (path.equals(Path.of("f1"))) {
                        throw new IllegalStateException("broken reader");
                    }
                    return path.toString();
                },
                2,
                4,
                100)) {
            assertThat(reads.next()).isEqualTo("f0");
            assertThatThrownBy(reads::next)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("broken reader");
        }
    }
}

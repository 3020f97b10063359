package fr.subventions.shared;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.MariaDbIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The references' numbering on MariaDB, taken by one auto-committed statement per number: sixteen threads taking
 * fifty numbers each from one series at once get 800 different numbers, 1 to 800, none twice, none skipped.
 */
class SequencesMariaDbIT extends MariaDbIntegrationTest {

    @Autowired
    Sequences sequences;

    @Test
    void concurrentCallersNeverGetTheSameNumber() throws Exception {
        String series = "it-sequences-" + System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> taken = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            taken.add(threads.submit(() -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    mine.add(sequences.next(series));
                }
                return mine;
            }));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : taken) {
            all.addAll(f.get());
        }
        threads.shutdown();

        assertThat(all).hasSize(800).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 800).boxed().toList());
        // and the series goes on from there
        assertThat(sequences.next(series)).isEqualTo(801);
    }
}
